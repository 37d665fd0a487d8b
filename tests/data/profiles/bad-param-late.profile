mounts.writable only ${dir}
param dir=/data
