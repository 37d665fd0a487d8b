# baseline: the name this profile had before pss-baseline.profile held
# it, kept so that existing commands and scripts go on working.  It is
# pss-baseline and nothing else: add checks there, not here.
#
# Source: the same as pss-baseline.
# What it cannot see from inside: the same as pss-baseline.
description "Pod Security Standards baseline (alias of pss-baseline)"
extends pss-baseline
