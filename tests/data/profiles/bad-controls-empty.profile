nnp.flag set controls=
