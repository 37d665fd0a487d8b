nnp.flag off "not here" controls=CIS-Docker:5.25
