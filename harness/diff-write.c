/* A diff for people (text) and for programs (json).  Text that came from
 * the container is escaped, as in the reports. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "escape.h"

/* "a -> b", "added b", "removed a". */
static void change_text(const struct hp_change *c, FILE *out)
{
	char *was = hp_escape(c->was, 0), *now = hp_escape(c->now, 0);

	if (!*c->was)
		fprintf(out, "added %s", now ? now : "");
	else if (!*c->now)
		fprintf(out, "removed %s", was ? was : "");
	else
		fprintf(out, "%s -> %s", was ? was : "", now ? now : "");
	free(was);
	free(now);
}

static int finish(FILE *out)
{
	errno = 0;
	if (fflush(out) != 0 || ferror(out))
		return errno ? -errno : -EIO;
	return 0;
}

int hp_diff_write_text(const struct hp_diff *d, const char *was,
		       const char *now, const char *profile, FILE *out)
{
	char *subject;

	fprintf(out, "--- %s\n+++ %s\nprofile: %s\n", was, now, profile);
	for (size_t i = 0; i < d->n; i++) {
		subject = hp_escape(d->v[i].subject, 0);
		fprintf(out, "%-8s  %-7s  %s: ", hp_direction_name(d->v[i].dir),
			d->v[i].what, subject ? subject : "");
		change_text(&d->v[i], out);
		fputc('\n', out);
		free(subject);
	}
	fprintf(out, "%zu change%s, %zu weaker\n", d->n, d->n == 1 ? "" : "s",
		d->weaker);
	return finish(out);
}

static json_object *change_json(const struct hp_change *c)
{
	json_object *o = json_object_new_object();

	json_object_object_add(o, "what", json_object_new_string(c->what));
	json_object_object_add(o, "subject",
			       json_object_new_string(c->subject));
	json_object_object_add(o, "old",
			       *c->was ? json_object_new_string(c->was) : NULL);
	json_object_object_add(o, "new",
			       *c->now ? json_object_new_string(c->now) : NULL);
	json_object_object_add(o, "direction",
			       json_object_new_string(
				       hp_direction_name(c->dir)));
	return o;
}

int hp_diff_write_json(const struct hp_diff *d, const char *was,
		       const char *now, const char *profile, FILE *out)
{
	json_object *o = json_object_new_object();
	json_object *arr = json_object_new_array();

	json_object_object_add(o, "old", json_object_new_string(was));
	json_object_object_add(o, "new", json_object_new_string(now));
	json_object_object_add(o, "profile", json_object_new_string(profile));
	json_object_object_add(o, "weaker",
			       json_object_new_int64((int64_t)d->weaker));
	for (size_t i = 0; i < d->n; i++)
		json_object_array_add(arr, change_json(&d->v[i]));
	json_object_object_add(o, "changes", arr);
	fprintf(out, "%s\n",
		json_object_to_json_string_ext(
			o, JSON_C_TO_STRING_PRETTY |
				   JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(o);
	return finish(out);
}
