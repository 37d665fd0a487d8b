/* Profile parameters: the names, ${NAME} expansion, and setting values.
 * Expansion never splits a word: a value with blanks stays one argument. */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "params.h"

bool hp_param_name_ok(const char *name, size_t len)
{
	if (len == 0 || (!isalpha((unsigned char)name[0]) && name[0] != '_'))
		return false;
	for (size_t i = 1; i < len; i++)
		if (!isalnum((unsigned char)name[i]) && name[i] != '_')
			return false;
	return true;
}

struct hp_param *hp_param_find(struct hp_param *ps, size_t n, const char *name,
			       size_t len)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(ps[i].name) == len &&
		    strncmp(ps[i].name, name, len) == 0)
			return &ps[i];
	return NULL;
}

/* The value of the ${...} at s (just after "${"); *end past the "}". */
static const char *one_ref(const char *s, const char *word,
			   hp_param_lookup lookup, void *ctx, const char **end,
			   char *why, size_t whylen)
{
	const char *close = strchr(s, '}');
	const char *v;
	size_t len;

	if (!close) {
		snprintf(why, whylen, "unterminated '${' in '%s'", word);
		return NULL;
	}
	len = (size_t)(close - s);
	if (!hp_param_name_ok(s, len)) {
		snprintf(why, whylen, "bad parameter name '%.*s' in '%s'",
			 (int)len, s, word);
		return NULL;
	}
	v = lookup(ctx, s, len);
	if (!v)
		snprintf(why, whylen,
			 "unknown parameter '%.*s' (declare it first, with "
			 "param %.*s=DEFAULT)",
			 (int)len, s, (int)len, s);
	*end = close + 1;
	return v;
}

int hp_param_expand(const char *s, hp_param_lookup lookup, void *ctx,
		    char **out, char *why, size_t whylen)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	const char *p = s, *v;
	int rc = f ? 0 : -ENOMEM;

	while (rc == 0 && *p) {
		if (p[0] != '$' || p[1] != '{') {
			fputc(*p++, f);
			continue;
		}
		v = one_ref(p + 2, s, lookup, ctx, &p, why, whylen);
		if (v)
			fputs(v, f);
		else
			rc = -EINVAL;
	}
	if (f && fclose(f) != 0 && rc == 0)
		rc = -ENOMEM;
	if (rc == 0 && out)
		*out = buf;
	else
		free(buf);
	return rc;
}

static int add_param(struct hp_param **ps, size_t *n, const char *name,
		     size_t len)
{
	struct hp_param *v = reallocarray(*ps, *n + 1, sizeof(*v));

	if (!v)
		return -ENOMEM;
	*ps = v;
	memset(&v[*n], 0, sizeof(v[*n]));
	v[*n].name = strndup(name, len);
	if (!v[*n].name)
		return -ENOMEM;
	(*n)++;
	return 0;
}

int hp_param_set(struct hp_param **ps, size_t *n, const char *assign, bool add,
		 const char *file, int line)
{
	const char *eq = strchr(assign, '=');
	size_t len = eq ? (size_t)(eq - assign) : 0;
	struct hp_param *p;
	char *value, *where = NULL;

	if (!eq || !hp_param_name_ok(assign, len))
		return -EINVAL;
	p = hp_param_find(*ps, *n, assign, len);
	if (!p && !add)
		return -ENOENT;
	if (!p && add_param(ps, n, assign, len) < 0)
		return -ENOMEM;
	p = p ? p : &(*ps)[*n - 1];
	value = strdup(eq + 1);
	if (file)
		where = strdup(file);
	if (!value || (file && !where)) {
		free(value);
		return -ENOMEM;
	}
	free(p->value);
	p->value = value;
	if (file) {
		free(p->file);
		p->file = where;
		p->line = line;
	}
	return 0;
}

void hp_params_free(struct hp_param *ps, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(ps[i].name);
		free(ps[i].value);
		free(ps[i].file);
	}
	free(ps);
}
