# A profile with parameters, for the unit tests.
description "parameters"
param data_dir=/var/lib/db
param "log_dir=/var/log/my db"
mounts.writable only /dev ${data_dir} ${data_dir}/* ${log_dir} controls=hardprobe:read-only-root,CIS-Docker:5.12
nnp.flag set controls=CIS-Docker:5.25
caps.raise off "not relevant # here"
