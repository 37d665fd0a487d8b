/* Loading profiles: the line format, inheritance through extends, and
 * validation of every expectation against the check table, so that a
 * mistake in a profile stops the run instead of weakening it. */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "judge.h"
#include "profile.h"
#include "tokens.h"

/* Deeper chains than this are surely a mistake. */
#define HP_MAX_DEPTH 16

struct loader {
	const char *cases_dir;
	char *chain[HP_MAX_DEPTH]; /* real paths of the files being read */
	size_t depth;
	char *err;
	size_t errlen;
};

/* One file being read. */
struct file_ctx {
	struct loader *L;
	const char *path;
	int line;
	struct hp_profile *p;
	char *extends;
	int extends_line;
	bool any_check;
};

static int ferr(struct file_ctx *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int ferr(struct file_ctx *c, const char *fmt, ...)
{
	va_list ap;
	int n = snprintf(c->L->err, c->L->errlen, "%s:%d: ", c->path, c->line);

	if (n < 0 || (size_t)n >= c->L->errlen)
		return -1;
	va_start(ap, fmt);
	vsnprintf(c->L->err + n, c->L->errlen - n, fmt, ap);
	va_end(ap);
	return -1;
}

static void free_expect(struct hp_expect *e)
{
	free(e->check);
	for (size_t i = 0; i < e->nargs; i++)
		free(e->args[i]);
	free(e->args);
	free(e->reason);
	free(e->file);
	memset(e, 0, sizeof(*e));
}

void hp_profile_free(struct hp_profile *p)
{
	for (size_t i = 0; i < p->n; i++)
		free_expect(&p->expects[i]);
	free(p->expects);
	free(p->name);
	free(p->description);
	free(p->path);
	memset(p, 0, sizeof(*p));
}

/* The length of name without a ".profile" suffix. */
static size_t stem_length(const char *name)
{
	size_t len = strlen(name);

	return len > 8 && strcmp(name + len - 8, ".profile") == 0 ? len - 8
								  : len;
}

static bool looks_like_path(const char *spec)
{
	return strchr(spec, '/') || stem_length(spec) != strlen(spec);
}

/* name as a path: itself when absolute, else within dir; a bare name
 * gets the ".profile" suffix. */
static char *profile_path(const char *dir, const char *name)
{
	char *out;
	int rc;

	if (name[0] == '/')
		return strdup(name);
	rc = asprintf(&out, "%s/%s%s", dir, name,
		      looks_like_path(name) ? "" : ".profile");
	return rc < 0 ? NULL : out;
}

static struct hp_expect *find_in(struct hp_profile *p, const char *id)
{
	for (size_t i = 0; i < p->n; i++)
		if (strcmp(p->expects[i].check, id) == 0)
			return &p->expects[i];
	return NULL;
}

static int append(struct hp_profile *p, struct hp_expect *e)
{
	struct hp_expect *v = reallocarray(p->expects, p->n + 1, sizeof(*v));

	if (!v)
		return -ENOMEM;
	p->expects = v;
	v[p->n++] = *e;
	memset(e, 0, sizeof(*e));
	return 0;
}

/* Move every expectation of own into base, replacing inherited ones. */
static int merge(struct hp_profile *base, struct hp_profile *own)
{
	int rc = 0;

	for (size_t i = 0; i < own->n && rc == 0; i++) {
		struct hp_expect *old = find_in(base, own->expects[i].check);

		if (old) {
			free_expect(old);
			*old = own->expects[i];
			memset(&own->expects[i], 0, sizeof(*old));
		} else {
			rc = append(base, &own->expects[i]);
		}
	}
	return rc;
}

static int take_description(struct file_ctx *c, const struct hp_tokens *t)
{
	if (t->n != 2)
		return ferr(c, "description takes one quoted text");
	if (c->p->description)
		return ferr(c, "second description");
	c->p->description = strdup(t->v[1]);
	return c->p->description ? 0 : ferr(c, "out of memory");
}

static int take_extends(struct file_ctx *c, const struct hp_tokens *t)
{
	if (t->n != 2 || !t->v[1][0])
		return ferr(c, "extends takes one profile name");
	if (c->extends)
		return ferr(c, "second extends (a profile extends at most "
			       "one other)");
	if (c->any_check)
		return ferr(c, "extends must come before any check line");
	c->extends = strdup(t->v[1]);
	c->extends_line = c->line;
	return c->extends ? 0 : ferr(c, "out of memory");
}

/* Copy a check line into e; off lines keep "off" as their only word. */
static int make_expect(struct file_ctx *c, const struct hp_tokens *t, bool off,
		       struct hp_expect *e)
{
	size_t nargs = off ? 1 : t->n - 1;

	e->check = strdup(t->v[0]);
	e->file = strdup(c->path);
	e->line = c->line;
	e->off = off;
	e->reason = off ? strdup(t->v[2]) : NULL;
	e->args = calloc(nargs, sizeof(*e->args));
	if (!e->check || !e->file || (off && !e->reason) || !e->args)
		return -ENOMEM;
	for (; e->nargs < nargs; e->nargs++) {
		e->args[e->nargs] = strdup(t->v[e->nargs + 1]);
		if (!e->args[e->nargs])
			return -ENOMEM;
	}
	return 0;
}

static int check_line(struct file_ctx *c, const struct hp_tokens *t,
		      struct hp_expect *e)
{
	const struct hp_check *chk = hp_check_find(t->v[0]);
	const struct hp_expect *dup;
	bool off = t->n > 1 && strcmp(t->v[1], "off") == 0;
	char why[256];

	if (!chk)
		return ferr(c, "unknown check '%s'", t->v[0]);
	if (t->n < 2)
		return ferr(c, "%s: missing expectation", chk->id);
	dup = find_in(c->p, chk->id);
	if (dup)
		return ferr(c,
			    "%s: second line for this check (first on "
			    "line %d)",
			    chk->id, dup->line);
	if (off && (t->n != 3 || !t->v[2][0]))
		return ferr(c, "%s: off needs one quoted reason", chk->id);
	if (make_expect(c, t, off, e) < 0)
		return ferr(c, "out of memory");
	if (!off && chk->parse(e, why, sizeof(why)) < 0)
		return ferr(c, "%s: %s", chk->id, why);
	return 0;
}

static int take_check(struct file_ctx *c, const struct hp_tokens *t)
{
	struct hp_expect e = { 0 };
	int rc;

	c->any_check = true;
	rc = check_line(c, t, &e);
	if (rc == 0 && append(c->p, &e) < 0)
		rc = ferr(c, "out of memory");
	free_expect(&e);
	return rc;
}

static int take_line(struct file_ctx *c, const char *line)
{
	struct hp_tokens t;
	char why[128];
	int rc = hp_tokenize(line, &t, why, sizeof(why));

	if (rc < 0)
		return ferr(c, "%s", rc == -ENOMEM ? "out of memory" : why);
	if (t.n == 0)
		rc = 0;
	else if (strcmp(t.v[0], "description") == 0)
		rc = take_description(c, &t);
	else if (strcmp(t.v[0], "extends") == 0)
		rc = take_extends(c, &t);
	else
		rc = take_check(c, &t);
	hp_tokens_free(&t);
	return rc;
}

static int read_lines(struct file_ctx *c, FILE *f)
{
	char *line = NULL;
	size_t cap = 0;
	int rc = 0;

	while (rc == 0 && getline(&line, &cap, f) >= 0) {
		c->line++;
		rc = take_line(c, line);
	}
	if (rc == 0 && ferror(f)) {
		c->line++;
		rc = ferr(c, "read failed: %s", strerror(errno));
	}
	free(line);
	return rc;
}

static int load_file(struct loader *L, const char *path, FILE *f,
		     struct hp_profile *out);

/* Open the parent named by extends: beside the file, then in cases_dir. */
static FILE *open_parent(struct file_ctx *c, char **path)
{
	char *dir = strdup(c->path);
	char *slash = dir ? strrchr(dir, '/') : NULL;
	FILE *f;

	if (slash)
		*slash = '\0';
	*path = dir ? profile_path(slash ? dir : ".", c->extends) : NULL;
	free(dir);
	f = *path ? fopen(*path, "re") : NULL;
	if (f || errno != ENOENT || !c->L->cases_dir ||
	    looks_like_path(c->extends))
		return f;
	free(*path);
	*path = profile_path(c->L->cases_dir, c->extends);
	return *path ? fopen(*path, "re") : NULL;
}

static int check_cycle(struct file_ctx *c, const char *path)
{
	char real[PATH_MAX];

	if (!realpath(path, real))
		return ferr(c, "extends '%s': %s", c->extends, strerror(errno));
	for (size_t i = 0; i < c->L->depth; i++)
		if (strcmp(c->L->chain[i], real) == 0)
			return ferr(c, "extends '%s' makes a cycle",
				    c->extends);
	if (c->L->depth == HP_MAX_DEPTH)
		return ferr(c, "extends '%s': more than %d levels", c->extends,
			    HP_MAX_DEPTH);
	return 0;
}

static int load_parent(struct file_ctx *c, struct hp_profile *parent)
{
	char *path = NULL;
	FILE *f;
	int rc;

	c->line = c->extends_line;
	f = open_parent(c, &path);
	if (!f) {
		rc = ferr(c, "extends '%s': open '%s': %s", c->extends,
			  path ? path : c->extends, strerror(errno));
	} else {
		rc = check_cycle(c, path);
		if (rc == 0)
			rc = load_file(c->L, path, f, parent);
		fclose(f);
	}
	free(path);
	return rc;
}

/* Read the file and everything it extends into out (expects only). */
static int read_profile(struct file_ctx *c, FILE *f, struct hp_profile *out)
{
	struct hp_profile parent = { 0 };
	int rc = read_lines(c, f);

	if (rc == 0 && c->extends)
		rc = load_parent(c, &parent);
	if (rc == 0 && merge(&parent, c->p) < 0)
		rc = ferr(c, "out of memory");
	if (rc == 0) {
		out->expects = parent.expects;
		out->n = parent.n;
		parent.expects = NULL;
		parent.n = 0;
	}
	hp_profile_free(&parent);
	return rc;
}

static int load_file(struct loader *L, const char *path, FILE *f,
		     struct hp_profile *out)
{
	struct hp_profile own = { 0 };
	struct file_ctx c = { .L = L, .path = path, .p = &own };
	int rc;

	L->chain[L->depth] = realpath(path, NULL);
	if (!L->chain[L->depth])
		return ferr(&c, "resolve path: %s", strerror(errno));
	L->depth++;
	rc = read_profile(&c, f, out);
	L->depth--;
	free(L->chain[L->depth]);
	if (rc == 0) {
		out->description = own.description;
		own.description = NULL;
	}
	free(c.extends);
	hp_profile_free(&own);
	return rc;
}

static int catalog_index(const char *id)
{
	return (int)(hp_check_find(id) - hp_checks);
}

static int by_catalog(const void *a, const void *b)
{
	const struct hp_expect *x = a, *y = b;

	return catalog_index(x->check) - catalog_index(y->check);
}

/* The profile's name: the file name without its directory and suffix. */
static char *profile_name(const char *path)
{
	const char *base = strrchr(path, '/');

	base = base ? base + 1 : path;
	return strndup(base, stem_length(base));
}

int hp_profile_load(const char *spec, const char *cases_dir,
		    struct hp_profile *out, char *err, size_t errlen)
{
	struct loader L = { .cases_dir = cases_dir,
			    .err = err,
			    .errlen = errlen };
	FILE *f;
	int rc;

	memset(out, 0, sizeof(*out));
	out->path =
		looks_like_path(spec)
			? strdup(spec)
			: profile_path(cases_dir ? cases_dir : "cases", spec);
	out->name = out->path ? profile_name(out->path) : NULL;
	if (!out->name) {
		snprintf(err, errlen, "%s: out of memory", spec);
		hp_profile_free(out);
		return -1;
	}
	f = fopen(out->path, "re");
	if (!f) {
		snprintf(err, errlen, "%s: open '%s': %s", spec, out->path,
			 strerror(errno));
		hp_profile_free(out);
		return -1;
	}
	rc = load_file(&L, out->path, f, out);
	fclose(f);
	if (rc < 0)
		hp_profile_free(out);
	else
		qsort(out->expects, out->n, sizeof(*out->expects), by_catalog);
	return rc;
}
