description "several mistakes, each on its own line"
nnp.flags set
fs.rootfs-write maybe
caps.raise denied controls=bad
seccomp.mode filter
seccomp.mode filter
user.identity "root
