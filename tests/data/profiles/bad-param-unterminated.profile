param dir=/data
mounts.writable only ${dir
