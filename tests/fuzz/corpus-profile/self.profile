extends self
