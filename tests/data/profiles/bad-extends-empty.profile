# no parent named
extends
