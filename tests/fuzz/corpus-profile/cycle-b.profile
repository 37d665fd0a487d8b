# b extends a, which extends b
extends cycle-a
