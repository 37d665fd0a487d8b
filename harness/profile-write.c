/* Writing a profile back in its own format, inheritance resolved: what
 * `hardprobe profile show` prints, and what can be saved and loaded. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "profile.h"

/* A word as the tokenizer reads it back: bare when it can be, else in
 * double quotes with \" and \\. */
static void put_word(FILE *out, const char *w)
{
	if (*w && !strpbrk(w, " \t\r\n#\"\\")) {
		fputs(w, out);
		return;
	}
	fputc('"', out);
	for (; *w; w++) {
		if (*w == '"' || *w == '\\')
			fputc('\\', out);
		fputc(*w, out);
	}
	fputc('"', out);
}

static void put_param(FILE *out, const struct hp_param *p)
{
	char *assign;
	size_t len;
	FILE *m = open_memstream(&assign, &len);

	if (!m)
		return;
	fprintf(m, "%s=%s", p->name, p->value);
	if (fclose(m) != 0)
		return;
	fputs("param ", out);
	put_word(out, assign);
	fputc('\n', out);
	free(assign);
}

static void put_controls(FILE *out, const struct hp_expect *e)
{
	if (e->ncontrols == 0)
		return;
	fputs(" controls=", out);
	for (size_t i = 0; i < e->ncontrols; i++)
		fprintf(out, "%s%s", i ? "," : "", e->controls[i]);
}

/* The line as written: parameters stay ${NAME}, so that the param lines
 * above still govern it. */
static void put_expect(FILE *out, const struct hp_expect *e)
{
	fputs(e->check, out);
	if (e->off) {
		fputs(" off ", out);
		put_word(out, e->reason);
	}
	for (size_t i = 0; !e->off && i < e->nargs; i++) {
		fputc(' ', out);
		put_word(out, e->raw ? e->raw[i] : e->args[i]);
	}
	put_controls(out, e);
	fputc('\n', out);
}

int hp_profile_write(const struct hp_profile *p, FILE *out)
{
	fprintf(out, "# %s, inheritance resolved (from %s%s%s)\n", p->name,
		p->path, p->extends ? ", which extends " : "",
		p->extends ? p->extends : "");
	if (p->description) {
		fputs("description ", out);
		put_word(out, p->description);
		fputc('\n', out);
	}
	if (p->nparams)
		fputc('\n', out);
	for (size_t i = 0; i < p->nparams; i++)
		put_param(out, &p->params[i]);
	fputc('\n', out);
	for (size_t i = 0; i < p->n; i++)
		put_expect(out, &p->expects[i]);
	errno = 0;
	if (fflush(out) != 0 || ferror(out))
		return errno ? -errno : -EIO;
	return 0;
}
