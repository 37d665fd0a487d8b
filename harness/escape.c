/* Escaping of untrusted text: what the probes saw may hold terminal escape
 * sequences, invalid UTF-8 or characters that reorder a line. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"

/* Decode the UTF-8 sequence at s into *cp; its length, or 0 when it is
 * not valid (overlong, surrogate, out of range or truncated). */
static size_t utf8_decode(const unsigned char *s, uint32_t *cp)
{
	static const uint32_t min[] = { 0, 0, 0x80, 0x800, 0x10000 };
	size_t len, i;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc0 && s[0] < 0xe0)
		len = 2;
	else if (s[0] >= 0xe0 && s[0] < 0xf0)
		len = 3;
	else if (s[0] >= 0xf0 && s[0] < 0xf5)
		len = 4;
	else
		return 0;

	*cp = s[0] & (0x7f >> len);
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		*cp = (*cp << 6) | (s[i] & 0x3f);
	}
	if (*cp < min[len] || *cp > 0x10ffff ||
	    (*cp >= 0xd800 && *cp <= 0xdfff))
		return 0;
	return len;
}

/* Code points that change how a terminal shows the rest of the line. */
static int is_unsafe(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x200e ||
	       cp == 0x200f || (cp >= 0x2028 && cp <= 0x202e) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

/* Append the escaped form of the code point cp to d; its length. */
static size_t put_escape(char *d, uint32_t cp, int flags)
{
	if (flags & HP_ESC_LAYOUT && (cp == '\n' || cp == '\t'))
		return (size_t)sprintf(d, "%c", (int)cp);
	if ((flags & HP_ESC_JSON) == HP_ESC_JSON)
		return (size_t)sprintf(d, "\\u%04x", (unsigned)cp);
	if (cp == '\n')
		return (size_t)sprintf(d, "\\n");
	if (cp == '\t')
		return (size_t)sprintf(d, "\\t");
	if (cp == '\r')
		return (size_t)sprintf(d, "\\r");
	if (cp <= 0x7f)
		return (size_t)sprintf(d, "\\x%02x", (unsigned)cp);
	return (size_t)sprintf(d, "\\u%04x", (unsigned)cp);
}

char *hp_escape(const char *s, int flags)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	char *out, *d;
	uint32_t cp;
	size_t len;

	/* The longest escape, \ufffd for one byte, is six times its input. */
	out = malloc(6 * strlen((const char *)p) + 1);
	if (!out)
		return NULL;
	for (d = out; *p; p += len) {
		len = utf8_decode(p, &cp);
		if (len == 0) {
			d += (flags & HP_ESC_JSON) == HP_ESC_JSON
				     ? sprintf(d, "\\ufffd")
				     : sprintf(d, "\\x%02x", *p);
			len = 1;
		} else if (is_unsafe(cp)) {
			d += put_escape(d, cp, flags);
		} else if (cp == '\\' && !(flags & HP_ESC_LAYOUT)) {
			d += sprintf(d, "\\\\");
		} else {
			memcpy(d, p, len);
			d += len;
		}
	}
	*d = '\0';
	return out;
}

size_t hp_text_width(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if ((*s & 0xc0) != 0x80)
			n++;
	return n;
}
