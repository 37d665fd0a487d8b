# restricted: the name this profile had before pss-restricted.profile
# held it, kept so that existing commands and scripts go on working.  It
# is pss-restricted and nothing else: add checks there, not here.
#
# Source: the same as pss-restricted.
# What it cannot see from inside: the same as pss-restricted.
description "Pod Security Standards restricted (alias of pss-restricted)"
extends pss-restricted
