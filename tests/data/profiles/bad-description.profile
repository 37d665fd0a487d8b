description "one" "two"
