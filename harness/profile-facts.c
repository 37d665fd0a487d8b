/* A profile's fingerprint for the manifest: what it expects, resolved,
 * and the files that said so. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "digest.h"
#include "evidence.h"

/* One expectation a line: "ID WORD ARG..." or "ID off REASON", each word
 * followed by a tab, so that two profiles that judge alike hash alike. */
static void write_expect(FILE *f, const struct hp_expect *e)
{
	size_t i;

	fprintf(f, "%s\t", e->check);
	if (e->off)
		fprintf(f, "off\t%s\t", e->reason ? e->reason : "");
	for (i = 0; !e->off && i < e->nargs; i++)
		fprintf(f, "%s\t", e->args[i]);
	fputc('\n', f);
}

static void add_digest(json_object *o, const char *key, const char *hex)
{
	char text[sizeof(HP_DIGEST_PREFIX) + HP_SHA256_HEX];

	snprintf(text, sizeof(text), HP_DIGEST_PREFIX "%s", hex);
	json_object_object_add(o, key, json_object_new_string(text));
}

static void resolved_digest(const struct hp_profile *p, json_object *out)
{
	char *buf = NULL, hex[HP_SHA256_HEX];
	size_t len = 0, i;
	FILE *f = open_memstream(&buf, &len);

	if (!f)
		return;
	for (i = 0; i < p->n; i++)
		write_expect(f, &p->expects[i]);
	if (fclose(f) == 0) {
		hp_sha256_hex(buf, len, hex);
		add_digest(out, "digest", hex);
	}
	free(buf);
}

/* Add path to files, with its digest, unless it is there already. */
static void add_file(json_object *files, const char *path)
{
	json_object *f;
	char hex[HP_SHA256_HEX];
	size_t i;

	if (!path)
		return;
	for (i = 0; i < json_object_array_length(files); i++)
		if (strcmp(json_object_get_string(json_object_object_get(
				   json_object_array_get_idx(files, i),
				   "path")),
			   path) == 0)
			return;
	f = json_object_new_object();
	json_object_object_add(f, "path", json_object_new_string(path));
	if (hp_sha256_file(AT_FDCWD, path, hex) == 0)
		add_digest(f, "sha256", hex);
	else
		json_object_object_add(f, "sha256", NULL);
	json_object_array_add(files, f);
}

json_object *hp_profile_facts(const struct hp_profile *p)
{
	json_object *o = json_object_new_object();
	json_object *files = json_object_new_array();
	size_t i;

	json_object_object_add(o, "name",
			       json_object_new_string(p->name ? p->name : ""));
	json_object_object_add(o, "digest", NULL);
	resolved_digest(p, o);
	add_file(files, p->path);
	for (i = 0; i < p->n; i++)
		add_file(files, p->expects[i].file);
	json_object_object_add(o, "files", files);
	return o;
}
