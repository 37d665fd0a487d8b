nnp.flag set
caps.raise denied
nnp.flag clear
