param dir=/data
mounts.writable only ${dri}
