description "parent does not exist"
extends no-such-parent
