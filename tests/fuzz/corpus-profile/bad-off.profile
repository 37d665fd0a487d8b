extends parent
caps.raise off
