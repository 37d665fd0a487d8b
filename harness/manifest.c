/* manifest.json: what an auditor needs to trust an evidence directory
 * later, written after every other file so that it can list them all. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "digest.h"
#include "evidence.h"
#include "stream.h"

#define MANIFEST "manifest.json"
#define MANIFEST_VERSION 1

/* Every finished file: hidden temporaries and the manifest itself are
 * not listed. */
static int listed(const struct dirent *d)
{
	return d->d_name[0] != '.' && strcmp(d->d_name, MANIFEST) != 0;
}

static json_object *file_entry(int dfd, const char *name)
{
	char hex[HP_SHA256_HEX], text[sizeof(HP_DIGEST_PREFIX) + HP_SHA256_HEX];
	json_object *f;
	struct stat st;

	int ret;

	errno = 0;
	if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) < 0 ||
	    !S_ISREG(st.st_mode))
		return NULL; /* not a file of ours: left out */
	ret = hp_sha256_file(dfd, name, hex);
	if (ret < 0) {
		errno = -ret;
		return NULL;
	}
	snprintf(text, sizeof(text), HP_DIGEST_PREFIX "%s", hex);
	f = json_object_new_object();
	json_object_object_add(f, "name", json_object_new_string(name));
	json_object_object_add(f, "size", json_object_new_int64(st.st_size));
	json_object_object_add(f, "sha256", json_object_new_string(text));
	return f;
}

/* The files of the directory, by name; NULL with errno set on error. */
static json_object *files(const struct hp_evidence *ev)
{
	struct dirent **list;
	json_object *arr, *f;
	int n = scandirat(ev->dfd, ".", &list, listed, alphasort), i;

	if (n < 0)
		return NULL;
	arr = json_object_new_array();
	for (i = 0; i < n; i++) {
		f = file_entry(ev->dfd, list[i]->d_name);
		if (f)
			json_object_array_add(arr, f);
		else if (errno != 0)
			fprintf(stderr, "hardprobe: hash file '%s/%s': %m\n",
				ev->path, list[i]->d_name);
		free(list[i]);
	}
	free(list);
	return arr;
}

/* The header of the kept stream (what run-probes says of itself), or
 * NULL when there is no readable first line. */
static json_object *stream_header(const struct hp_evidence *ev)
{
	char *path = NULL, *line = NULL;
	size_t cap = 0;
	json_object *h = NULL;
	FILE *f;

	if (asprintf(&path, "%s/stream.jsonl", ev->path) < 0)
		return NULL;
	f = fopen(path, "re");
	if (f && getline(&line, &cap, f) > 0)
		h = json_tokener_parse(line);
	if (f)
		fclose(f);
	free(line);
	free(path);
	if (h && !json_object_is_type(h, json_type_object)) {
		json_object_put(h);
		h = NULL;
	}
	return h;
}

static void copy_key(json_object *to, const char *key, json_object *from,
		     const char *from_key)
{
	json_object *v = NULL;

	if (from)
		json_object_object_get_ex(from, from_key, &v);
	json_object_object_add(to, key, json_object_get(v));
}

/* What the probes were: run-probes's version, the probe set and the
 * stream format, from the stream's header. */
static json_object *probes(const struct hp_evidence *ev)
{
	json_object *h = stream_header(ev), *p = json_object_new_object();

	copy_key(p, "tool", h, "tool");
	copy_key(p, "probe_set", h, "probe_set");
	copy_key(p, "stream_format", h, "format");
	json_object_put(h);
	return p;
}

static json_object *command(const struct hp_manifest *m)
{
	json_object *a = json_object_new_array();
	int i;

	json_object_array_add(a,
			      json_object_new_string(program_invocation_name));
	for (i = 0; i < m->argc; i++)
		json_object_array_add(a, json_object_new_string(m->argv[i]));
	return a;
}

static json_object *tool(void)
{
	json_object *t = json_object_new_object();

	json_object_object_add(t, "name", json_object_new_string("hardprobe"));
	json_object_object_add(t, "version",
			       json_object_new_string(HARDPROBE_VERSION));
	return t;
}

/* The profile's facts, and the name or path it was asked for by, which
 * diff loads again. */
static json_object *profile(const struct hp_manifest *m)
{
	json_object *p = hp_profile_facts(m->profile);

	json_object_object_add(p, "spec",
			       json_object_new_string(
				       m->opts->verdict.profile));
	return p;
}

static json_object *build(const struct hp_evidence *ev, struct hp_manifest *m)
{
	json_object *o = json_object_new_object();

	json_object_object_add(o, "manifest",
			       json_object_new_int(MANIFEST_VERSION));
	json_object_object_add(o, "tool", tool());
	json_object_object_add(o, "probes", probes(ev));
	json_object_object_add(o, "command", command(m));
	json_object_object_add(o, "container_id",
			       json_object_new_string(m->container_id));
	json_object_object_add(o, "profile", profile(m));
	json_object_object_foreach(m->facts, key, val)
		json_object_object_add(o, key, json_object_get(val));
	json_object_object_add(o, "started",
			       json_object_new_string(m->started));
	json_object_object_add(o, "ended", json_object_new_string(m->ended));
	json_object_object_add(o, "exit_status",
			       json_object_new_int(m->exit_status));
	return o;
}

int hp_manifest_write(const struct hp_evidence *ev, struct hp_manifest *m)
{
	json_object *o = build(ev, m), *list = files(ev);
	char *text;
	int ret;

	if (!list) {
		ret = -errno;
		json_object_put(o);
		return ret;
	}
	json_object_object_add(o, "files", list);
	if (asprintf(&text, "%s\n",
		     json_object_to_json_string_ext(
			     o, JSON_C_TO_STRING_PRETTY |
					JSON_C_TO_STRING_NOSLASHESCAPE)) < 0)
		text = NULL;
	ret = text ? hp_evidence_write(ev, MANIFEST, text, strlen(text))
		   : -ENOMEM;
	free(text);
	json_object_put(o);
	return ret;
}
