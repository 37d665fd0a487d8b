/* The lexical layer of the profile format: blanks, quotes, comments. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tokens.h"

static int push(struct hp_tokens *t, const char *s, size_t len)
{
	char **v = reallocarray(t->v, t->n + 1, sizeof(*v));

	if (!v)
		return -ENOMEM;
	t->v = v;
	v[t->n] = strndup(s, len);
	if (!v[t->n])
		return -ENOMEM;
	t->n++;
	return 0;
}

static int is_end(char c)
{
	return c == '\0' || c == ' ' || c == '\t' || c == '#' || c == '\r' ||
	       c == '\n';
}

/* A quoted token starting at *p (on the opening quote). */
static int take_quoted(const char **p, struct hp_tokens *t, char *why,
		       size_t whylen)
{
	const char *s = *p + 1;
	size_t len = 0;
	char *buf = malloc(strlen(s) + 1);
	int rc;

	if (!buf)
		return -ENOMEM;
	while (*s && *s != '"') {
		if (*s == '\\' && (s[1] == '"' || s[1] == '\\'))
			s++;
		buf[len++] = *s++;
	}
	if (*s != '"' || !is_end(s[1])) {
		free(buf);
		snprintf(why, whylen,
			 *s != '"' ? "unterminated quote"
				   : "text right after a quote");
		return -EINVAL;
	}
	rc = push(t, buf, len);
	free(buf);
	*p = s + 1;
	return rc;
}

static int take_bare(const char **p, struct hp_tokens *t, char *why,
		     size_t whylen)
{
	size_t len = 0;

	while (!is_end((*p)[len])) {
		if ((*p)[len] == '"') {
			snprintf(why, whylen, "quote inside a word");
			return -EINVAL;
		}
		len++;
	}
	*p += len;
	return push(t, *p - len, len);
}

int hp_tokenize(const char *line, struct hp_tokens *t, char *why, size_t whylen)
{
	const char *p = line;
	int rc = 0;

	t->v = NULL;
	t->n = 0;
	while (rc == 0) {
		p += strspn(p, " \t\r\n");
		if (*p == '\0' || *p == '#')
			break;
		if (*p == '"')
			rc = take_quoted(&p, t, why, whylen);
		else
			rc = take_bare(&p, t, why, whylen);
	}
	if (rc < 0)
		hp_tokens_free(t);
	return rc;
}

void hp_tokens_free(struct hp_tokens *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i]);
	free(t->v);
	t->v = NULL;
	t->n = 0;
}
