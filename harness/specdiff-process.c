/* Spec claims about the root, the process and its namespaces:
 * root.readonly, process.noNewPrivileges, linux.seccomp and the user
 * namespace's maps. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mounttable.h"
#include "specdiff-impl.h"

/* Whether fs.rootfs-write created a file in "/" itself (the other
 * directories may be mounts of their own). */
static bool slash_written(json_object *data)
{
	json_object *paths, *p;
	size_t i;

	if (!data || !json_object_object_get_ex(data, "paths", &paths) ||
	    !json_object_is_type(paths, json_type_array))
		return false;
	for (i = 0; i < json_object_array_length(paths); i++) {
		p = json_object_array_get_idx(paths, i);
		if (strcmp(hp_sd_str(p, "path"), "/") == 0 &&
		    strcmp(hp_sd_str(p, "result"), "allowed") == 0)
			return true;
	}
	return false;
}

/* root.readonly true: "/" must be mounted read-only, and no file can be
 * made in it.  false or absent asks for nothing. */
void hp_sd_root(struct hp_sd *d)
{
	json_object *ro = hp_sd_claim(d, "root.readonly", json_type_boolean);
	json_object *mounts = hp_sd_observed(d, "mounts.writable");
	json_object *write = hp_sd_observed(d, "fs.rootfs-write");
	struct libmnt_table *tb;
	const char *mode = NULL;
	bool written = slash_written(write);

	if (!ro || !json_object_get_boolean(ro))
		return;
	tb = hp_mount_table(mounts);
	if (tb)
		mode = hp_mount_mode(tb, "/");
	if ((mode && strcmp(mode, "rw") == 0) || written)
		hp_sd_add(d, "root.readonly", "a read-only root",
			  written ? "a writable root (a file was created "
				    "in /)"
				  : "a writable root (/ is mounted rw)",
			  ro, written ? "fs.rootfs-write" : "mounts.writable",
			  written ? write : mounts);
	mnt_unref_table(tb);
}

/* process.noNewPrivileges true: the probes run with no_new_privs. */
void hp_sd_nnp(struct hp_sd *d)
{
	json_object *nnp =
		hp_sd_claim(d, "process.noNewPrivileges", json_type_boolean);
	json_object *data = hp_sd_observed(d, "nnp.flag"), *flag;

	if (!nnp || !json_object_get_boolean(nnp) || !data ||
	    !json_object_object_get_ex(data, "no_new_privs", &flag) ||
	    json_object_get_int(flag) == 1)
		return;
	hp_sd_add(d, "process.noNewPrivileges", "no_new_privs",
		  "no_new_privs clear", nnp, "nnp.flag", data);
}

/* linux.seccomp, any filter: the probes run in seccomp filter mode. */
void hp_sd_seccomp(struct hp_sd *d)
{
	json_object *sc = hp_sd_claim(d, "linux.seccomp", json_type_object);
	json_object *data = hp_sd_observed(d, "seccomp.mode"), *mode;
	char has[64];

	if (!sc || !data || !json_object_object_get_ex(data, "mode", &mode) ||
	    json_object_get_int(mode) == 2)
		return;
	snprintf(has, sizeof(has), "seccomp mode %d (%s)",
		 json_object_get_int(mode), hp_sd_str(data, "outcome"));
	hp_sd_add(d, "linux.seccomp", "a seccomp filter", has, sc,
		  "seccomp.mode", data);
}

/* The map lines as "IN OUT COUNT", comma-separated, in order; NULL when
 * out of memory or (then d->rc is -EINVAL) a spec line is malformed. */
static char *map_text(struct hp_sd *d, const char *claim, json_object *lines,
		      bool spec)
{
	size_t i, n = json_object_array_length(lines);
	unsigned long in, out, count;
	char *list = NULL, one[96];
	json_object *l, *v[3];

	for (i = 0; i < n; i++) {
		l = json_object_array_get_idx(lines, i);
		if (spec &&
		    json_object_object_get_ex(l, "containerID", &v[0]) &&
		    json_object_object_get_ex(l, "hostID", &v[1]) &&
		    json_object_object_get_ex(l, "size", &v[2]))
			snprintf(one, sizeof(one), "%ld %ld %ld",
				 (long)json_object_get_int64(v[0]),
				 (long)json_object_get_int64(v[1]),
				 (long)json_object_get_int64(v[2]));
		else if (!spec && sscanf(json_object_get_string(l),
					 "%lu %lu %lu", &in, &out, &count) == 3)
			snprintf(one, sizeof(one), "%lu %lu %lu", in, out,
				 count);
		else if (!spec)
			snprintf(one, sizeof(one), "(unreadable line)");
		else {
			hp_sd_fail(d, -EINVAL,
				   "%s[%zu]: want containerID, hostID and "
				   "size",
				   claim, i);
			free(list);
			return NULL;
		}
		if (!hp_sd_append(d, &list, one))
			return NULL;
	}
	return list;
}

static void one_map(struct hp_sd *d, const char *claim, const char *field,
		    json_object *data)
{
	json_object *spec = hp_sd_claim(d, claim, json_type_array), *lines;
	char *want, *have = NULL, asks[512], has[512];

	if (!spec || json_object_array_length(spec) == 0 || !data ||
	    !json_object_object_get_ex(data, field, &lines) ||
	    !json_object_is_type(lines, json_type_array))
		return;
	want = map_text(d, claim, spec, true);
	have = want ? map_text(d, claim, lines, false) : NULL;
	if (want && have && strcmp(want, have) != 0) {
		snprintf(asks, sizeof(asks), "%s %s", field, want);
		snprintf(has, sizeof(has), "%s %s", field, have);
		hp_sd_add(d, claim, asks, has, spec, "userns.host-root", data);
	}
	free(want);
	free(have);
}

/* linux.uidMappings and gidMappings: the maps the probes see, line for
 * line, in the spec's order (runtimes write them in that order). */
void hp_sd_userns(struct hp_sd *d)
{
	json_object *data = hp_sd_observed(d, "userns.host-root");

	one_map(d, "linux.uidMappings", "uid_map", data);
	one_map(d, "linux.gidMappings", "gid_map", data);
}
