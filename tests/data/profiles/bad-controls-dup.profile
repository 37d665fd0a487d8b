nnp.flag set controls=CIS-Docker:5.25,CIS-Docker:5.25
