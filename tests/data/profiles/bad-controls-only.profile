nnp.flag controls=CIS-Docker:5.25
