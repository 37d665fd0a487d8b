# web: a web server (nginx, Apache) under the hardened profile: it needs
# nothing but binding ports below 1024, and runs as a non-root user.
#
# What it cannot see from inside: the same as hardened.
description "web server: hardened, only NET_BIND_SERVICE, non-root"
extends hardened

caps.sets only CAP_NET_BIND_SERVICE
user.identity non-root
