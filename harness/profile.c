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

#include "controls.h"
#include "escape.h"
#include "judge.h"
#include "params.h"
#include "profile-impl.h"
#include "tokens.h"

/* One file being read. */
struct file_ctx {
	struct hp_loader *L;
	const char *path;
	int line;
	struct hp_profile *p;	  /* this file's own lines and parameters */
	struct hp_profile parent; /* loaded when the extends line is read */
	char *extends;
	bool any_check;
};

static int ferr(struct file_ctx *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int ferr(struct file_ctx *c, const char *fmt, ...)
{
	va_list ap;
	char msg[1024];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return hp_loader_error(c->L, c->path, c->line, "%s", msg);
}

int hp_loader_error(struct hp_loader *L, const char *file, int line,
		    const char *fmt, ...)
{
	va_list ap;
	char msg[1024], *safe;
	int n = line > 0 ? snprintf(msg, sizeof(msg), "%s:%d: ", file, line)
			 : snprintf(msg, sizeof(msg), "%s: ", file);

	va_start(ap, fmt);
	vsnprintf(msg + n, sizeof(msg) - (size_t)n, fmt, ap);
	va_end(ap);
	/* The reason may quote the file: keep escapes off the terminal. */
	safe = hp_escape(msg, 0);
	if (L->nerr++ == 0)
		snprintf(L->err, L->errlen, "%s", safe ? safe : msg);
	if (L->o->on_error)
		L->o->on_error(L->o->ctx, safe ? safe : msg);
	free(safe);
	return -1;
}

static void free_words(char **v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		free(v[i]);
	free(v);
}

static void free_expect(struct hp_expect *e)
{
	free(e->check);
	free_words(e->args, e->nargs);
	free_words(e->raw, e->nargs);
	hp_controls_free(e->controls, e->ncontrols);
	free(e->reason);
	free(e->file);
	memset(e, 0, sizeof(*e));
}

void hp_profile_free(struct hp_profile *p)
{
	for (size_t i = 0; i < p->n; i++)
		free_expect(&p->expects[i]);
	free(p->expects);
	hp_params_free(p->params, p->nparams);
	free(p->name);
	free(p->description);
	free(p->path);
	free(p->extends);
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

static int load_parent(struct file_ctx *c);

/* The parent is read at once, so that its parameters are known to the
 * lines that follow. */
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
	if (!c->extends)
		return ferr(c, "out of memory");
	return load_parent(c);
}

static int take_param(struct file_ctx *c, const struct hp_tokens *t)
{
	const char *eq = t->n == 2 ? strchr(t->v[1], '=') : NULL;
	const struct hp_param *old;
	int rc;

	if (!eq)
		return ferr(c, "param takes one NAME=DEFAULT word");
	old = hp_param_find(c->p->params, c->p->nparams, t->v[1],
			    (size_t)(eq - t->v[1]));
	if (old)
		return ferr(c,
			    "parameter '%s' declared twice (first on line "
			    "%d)",
			    old->name, old->line);
	rc = hp_param_set(&c->p->params, &c->p->nparams, t->v[1], true, c->path,
			  c->line);
	if (rc == -EINVAL)
		return ferr(c,
			    "bad parameter name '%.*s' (want letters, digits "
			    "and '_', not starting with a digit)",
			    (int)(eq - t->v[1]), t->v[1]);
	return rc < 0 ? ferr(c, "out of memory") : 0;
}

static char **copy_words(char *const *v, size_t n)
{
	char **out = calloc(n ? n : 1, sizeof(*out));

	for (size_t i = 0; out && i < n; i++) {
		out[i] = strdup(v[i]);
		if (!out[i]) {
			free_words(out, i);
			return NULL;
		}
	}
	return out;
}

/* Copy a check line into e; off lines keep "off" as their only word. */
static int make_expect(struct file_ctx *c, const struct hp_tokens *t,
		       size_t nargs, bool off, struct hp_expect *e)
{
	e->check = strdup(t->v[0]);
	e->file = strdup(c->path);
	e->line = c->line;
	e->off = off;
	e->reason = off ? strdup(t->v[2]) : NULL;
	e->nargs = off ? 1 : nargs;
	e->args = copy_words(t->v + 1, e->nargs);
	e->raw = copy_words(t->v + 1, e->nargs);
	if (!e->check || !e->file || (off && !e->reason) || !e->args || !e->raw)
		return -ENOMEM;
	return 0;
}

/* A parameter this file may use: its own, declared above, or its
 * parent's. */
static const char *visible_param(void *ctx, const char *name, size_t len)
{
	struct file_ctx *c = ctx;
	struct hp_param *p =
		hp_param_find(c->p->params, c->p->nparams, name, len);

	if (!p)
		p = hp_param_find(c->parent.params, c->parent.nparams, name,
				  len);
	return p ? p->value : NULL;
}

/* Check the ${NAME} references now; the values are known only once the
 * whole profile and --set are, so expansion waits (profile-resolve.c). */
static int check_refs(struct file_ctx *c, const struct hp_expect *e)
{
	char why[256];
	int rc;

	for (size_t i = 0; i < e->nargs; i++) {
		rc = hp_param_expand(e->raw[i], visible_param, c, NULL, why,
				     sizeof(why));
		if (rc < 0)
			return ferr(c, "%s: %s", e->check,
				    rc == -ENOMEM ? "out of memory" : why);
	}
	return 0;
}

/* The controls= word, which must be the last: how many words come
 * before it (all of them when there is none). */
static int take_controls(struct file_ctx *c, const struct hp_tokens *t,
			 bool off, struct hp_expect *e, size_t *nargs)
{
	char why[256];
	int rc;

	*nargs = t->n - 1;
	for (size_t i = 1; i + 1 < t->n; i++)
		if (hp_controls_word(t->v[i]))
			return ferr(c, "%s: controls= must be the last word",
				    t->v[0]);
	if (!hp_controls_word(t->v[t->n - 1]))
		return 0;
	if (off)
		return ferr(c, "%s: a check that is off evidences no control",
			    t->v[0]);
	rc = hp_controls_parse(t->v[t->n - 1], &e->controls, &e->ncontrols, why,
			       sizeof(why));
	if (rc < 0)
		return ferr(c, "%s: %s", t->v[0],
			    rc == -ENOMEM ? "out of memory" : why);
	*nargs = t->n - 2;
	return *nargs ? 0 : ferr(c, "%s: missing expectation", t->v[0]);
}

static int check_head(struct file_ctx *c, const struct hp_tokens *t,
		      const struct hp_check *chk, bool off)
{
	const struct hp_expect *dup;

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
	if (off && (t->n != 3 || !t->v[2][0]) &&
	    !hp_controls_word(t->v[t->n - 1]))
		return ferr(c, "%s: off needs one quoted reason", chk->id);
	return 0;
}

static int check_line(struct file_ctx *c, const struct hp_tokens *t,
		      struct hp_expect *e)
{
	const struct hp_check *chk = hp_check_find(t->v[0]);
	bool off = t->n > 1 && strcmp(t->v[1], "off") == 0;
	size_t nargs;
	char why[256];

	if (check_head(c, t, chk, off) < 0 ||
	    take_controls(c, t, off, e, &nargs) < 0)
		return -1;
	if (make_expect(c, t, nargs, off, e) < 0)
		return ferr(c, "out of memory");
	if (!off && check_refs(c, e) < 0)
		return -1;
	if (!off && !hp_expect_uses_params(e) &&
	    chk->parse(e, why, sizeof(why)) < 0)
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
	else if (strcmp(t.v[0], "param") == 0)
		rc = take_param(c, &t);
	else
		rc = take_check(c, &t);
	hp_tokens_free(&t);
	return rc;
}

/* Every line is read, even after an error, so that all errors show. */
static int read_lines(struct file_ctx *c, FILE *f)
{
	char *line = NULL;
	size_t cap = 0;
	int rc = 0;

	while (getline(&line, &cap, f) >= 0) {
		c->line++;
		if (take_line(c, line) < 0)
			rc = -1;
	}
	if (ferror(f)) {
		c->line++;
		rc = ferr(c, "read failed: %s", strerror(errno));
	}
	free(line);
	return rc;
}

static int load_file(struct hp_loader *L, const char *path, FILE *f,
		     struct hp_profile *out);

/* Open the parent named by extends: beside the file, then in cases_dir. */
static FILE *open_parent(struct file_ctx *c, char **path)
{
	const char *cases = c->L->o->cases_dir;
	char *dir = strdup(c->path);
	char *slash = dir ? strrchr(dir, '/') : NULL;
	FILE *f;

	if (slash)
		*slash = '\0';
	*path = dir ? profile_path(slash ? dir : ".", c->extends) : NULL;
	free(dir);
	f = *path ? fopen(*path, "re") : NULL;
	if (f || errno != ENOENT || !cases || looks_like_path(c->extends))
		return f;
	free(*path);
	*path = profile_path(cases, c->extends);
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

static int load_parent(struct file_ctx *c)
{
	char *path = NULL;
	FILE *f = open_parent(c, &path);
	int rc;

	if (!f) {
		rc = ferr(c, "extends '%s': open '%s': %s", c->extends,
			  path ? path : c->extends, strerror(errno));
	} else {
		rc = check_cycle(c, path);
		if (rc == 0)
			rc = load_file(c->L, path, f, &c->parent);
		fclose(f);
	}
	free(path);
	return rc;
}

/* Give the parameters declared in own (this file) to base, replacing
 * the defaults of inherited ones. */
static int merge_params(struct hp_profile *base, struct hp_profile *own)
{
	for (size_t i = 0; i < own->nparams; i++) {
		struct hp_param *p = &own->params[i];
		char *assign;
		int rc;

		if (asprintf(&assign, "%s=%s", p->name, p->value) < 0)
			return -ENOMEM;
		rc = hp_param_set(&base->params, &base->nparams, assign, true,
				  p->file, p->line);
		free(assign);
		if (rc < 0)
			return rc;
	}
	return 0;
}

/* Read the file (and, through extends, its parents) into out. */
static int read_profile(struct file_ctx *c, FILE *f, struct hp_profile *out)
{
	struct hp_profile *base = &c->parent;
	int rc = read_lines(c, f);

	if (merge(base, c->p) < 0 || merge_params(base, c->p) < 0)
		rc = ferr(c, "out of memory");
	out->expects = base->expects;
	out->n = base->n;
	out->params = base->params;
	out->nparams = base->nparams;
	base->expects = NULL;
	base->n = 0;
	base->params = NULL;
	base->nparams = 0;
	return rc;
}

static int load_file(struct hp_loader *L, const char *path, FILE *f,
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
	out->description = own.description;
	out->extends = c.extends;
	own.description = NULL;
	hp_profile_free(&c.parent);
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

static int open_spec(const char *spec, const char *cases_dir,
		     struct hp_profile *out, FILE **f, char *err, size_t errlen)
{
	out->path =
		looks_like_path(spec)
			? strdup(spec)
			: profile_path(cases_dir ? cases_dir : "cases", spec);
	out->name = out->path ? profile_name(out->path) : NULL;
	if (!out->name) {
		snprintf(err, errlen, "%s: out of memory", spec);
		return -1;
	}
	*f = fopen(out->path, "re");
	if (!*f) {
		int e = errno;

		/* A misspelt built-in name is the likely cause: say where the
		 * names are. */
		snprintf(err, errlen, "%s: open '%s': %s%s", spec, out->path,
			 strerror(e),
			 e == ENOENT && !looks_like_path(spec)
				 ? " ('hardprobe profiles' lists the built-in "
				   "ones)"
				 : "");
		return -1;
	}
	return 0;
}

int hp_profile_load_opts(const char *spec, const struct hp_load_opts *o,
			 struct hp_profile *out, char *err, size_t errlen)
{
	struct hp_loader L = { .o = o, .err = err, .errlen = errlen };
	FILE *f = NULL;

	memset(out, 0, sizeof(*out));
	if (open_spec(spec, o->cases_dir, out, &f, err, errlen) < 0) {
		if (o->on_error)
			o->on_error(o->ctx, err);
		hp_profile_free(out);
		return -1;
	}
	load_file(&L, out->path, f, out);
	fclose(f);
	if (L.nerr == 0)
		hp_profile_resolve(&L, out);
	if (L.nerr > 0) {
		hp_profile_free(out);
		return -1;
	}
	qsort(out->expects, out->n, sizeof(*out->expects), by_catalog);
	return 0;
}

int hp_profile_load(const char *spec, const char *cases_dir,
		    struct hp_profile *out, char *err, size_t errlen)
{
	struct hp_load_opts o = { .cases_dir = cases_dir };

	return hp_profile_load_opts(spec, &o, out, err, errlen);
}
