# web: a web server (nginx, Apache) under the hardened profile: it needs
# nothing but binding ports below 1024, and runs as a non-root user.
#
# Source: hardprobe's own scenario, after the non-root and read-only
# guidance of the nginx and Apache httpd images, on top of hardened
# (CIS Docker Benchmark 5.3: only the capability the server needs).
#
# What it cannot see from inside: the same as hardened.
description "web server: hardened, only NET_BIND_SERVICE, non-root"
extends hardened

caps.sets only CAP_NET_BIND_SERVICE inheritable=none ambient=none controls=hardprobe:capabilities,CIS-Docker:5.3
user.identity non-root controls=hardprobe:non-root
# hardened keeps CHOWN, DAC_OVERRIDE and SETUID; a web server needs
# none of their actions.
cap.chown denied
cap.dac-override denied
cap.setuid denied
