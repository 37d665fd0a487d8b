param dir
