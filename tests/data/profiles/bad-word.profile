fs.rootfs-write maybe
