description "never closed
