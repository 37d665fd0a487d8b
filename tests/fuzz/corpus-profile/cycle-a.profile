extends cycle-b
nnp.flag set
