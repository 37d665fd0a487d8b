# A parent for the inheritance tests.
description "parent"
nnp.flag set
caps.raise denied
user.identity root   # replaced by the child
seccomp.mode filter
