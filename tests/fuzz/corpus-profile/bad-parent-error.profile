extends bad-word
nnp.flag set
