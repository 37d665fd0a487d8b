description "unknown check id"
nnp.flag set
nnp.flags set
