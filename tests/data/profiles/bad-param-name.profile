param 9dir=/data
