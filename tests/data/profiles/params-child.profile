# Gives an inherited parameter a new default, and adds one of its own.
extends params
param data_dir=/srv/pg
param extra=/opt
seccomp.dangerous-syscalls blocked mount
fs.rootfs-write denied controls=CIS-Docker:5.12
