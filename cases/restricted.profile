# restricted: the name this profile had before pss-restricted.profile
# held it, kept so that existing commands and scripts go on working.  It
# is pss-restricted and nothing else: add checks there, not here.
description "Pod Security Standards restricted (alias of pss-restricted)"
extends pss-restricted
