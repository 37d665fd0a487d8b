extends parent
extends child
