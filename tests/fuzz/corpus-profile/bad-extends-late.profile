nnp.flag set
extends parent
