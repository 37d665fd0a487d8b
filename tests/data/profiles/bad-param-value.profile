param dir=relative
mounts.writable only /tmp ${dir}
