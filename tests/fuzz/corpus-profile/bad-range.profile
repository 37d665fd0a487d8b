
userns.host-root unmapped min-range=abc
