# a capability libcap does not know
caps.sets only CAP_NOPE
