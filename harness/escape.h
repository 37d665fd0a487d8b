/* Make untrusted text (it comes from inside the container) safe to show. */
#ifndef HARDPROBE_ESCAPE_H
#define HARDPROBE_ESCAPE_H

#include <stddef.h>

/* Keep newlines and tabs, and do not double backslashes: for text that is
 * already escaped, such as JSON. */
#define HP_ESC_LAYOUT 1

/* For JSON text (json-c's output): HP_ESC_LAYOUT, and every escape in a
 * form JSON knows, \uNNNN; a byte that is not UTF-8 becomes \ufffd.  The
 * result is valid UTF-8 JSON that is safe on a terminal. */
#define HP_ESC_JSON (2 | HP_ESC_LAYOUT)

/*
 * Return a new string where control characters (C0, DEL, C1), Unicode
 * direction and line-separator marks and bytes that are not valid UTF-8
 * are written as \n, \t, \r, \xNN or \uNNNN, and a backslash as \\ (so
 * that the result is unambiguous).  The result is valid UTF-8 and safe on
 * a terminal and in XML.  NULL s gives "".  Returns NULL when out of
 * memory.
 */
char *hp_escape(const char *s, int flags);

/* The number of code points in the UTF-8 string s: its width in a table. */
size_t hp_text_width(const char *s);

#endif
