description "child, with # inside quotes"
extends parent

user.identity non-root
seccomp.mode off "the test runtime has no seccomp"
fs.etc-passwd-write denied
