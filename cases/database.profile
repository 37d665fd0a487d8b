# database: a database server (PostgreSQL, MariaDB) under the hardened
# profile.  The root file system stays read-only; the server writes only
# to its data directory (a volume) and to a log directory on a tmpfs.
# Both paths are parameters:
#
#   hardprobe run --profile database --set data_dir=/var/lib/postgresql \
#       --set log_dir=/var/log/postgresql -- ...
#
# Dangerous system calls stay blocked (inherited from hardened), the
# server runs as a non-root user and needs no capability: it owns its
# files and binds a port above 1024.
#
# Source: hardprobe's own scenario, after the hardening guides of the
# PostgreSQL and MariaDB container images (non-root, read-only root,
# volumes for data only).
#
# What it cannot see from inside: the file system type and size of the
# two directories (mounts.writable judges only which mounts are
# writable, so a log directory on a disk volume passes as well as one on
# a tmpfs), whether the data volume is backed up or encrypted, and
# everything hardened cannot see.
description "database: hardened and non-root, read-only root but a writable data directory and a log directory"
extends hardened

param data_dir=/var/lib/db
param log_dir=/var/log/db

mounts.writable only /dev /dev/* /proc /proc/* /run /tmp ${data_dir} ${log_dir} controls=hardprobe:read-only-root,CIS-Docker:5.12
caps.sets only controls=hardprobe:capabilities,CIS-Docker:5.3
user.identity non-root controls=hardprobe:non-root
