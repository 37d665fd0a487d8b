extends child
nnp.flag clear
