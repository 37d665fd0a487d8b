description "first"
description "second"
