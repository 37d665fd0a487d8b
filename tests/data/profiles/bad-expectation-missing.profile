nnp.flag set
caps.raise
