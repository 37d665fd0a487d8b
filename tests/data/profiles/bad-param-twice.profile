param dir=/a
param dir=/b
