/* The record comparisons of a diff: which probes still report, the
 * dangerous system calls, and the single facts. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"

static json_object *data_of(const struct hp_stream *s, const char *id)
{
	const struct hp_record *r = hp_stream_find(s, id);

	return r && r->ok ? r->data : NULL;
}

static const char *str(json_object *o, const char *key)
{
	json_object *v;

	if (!o || !json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

/* A probe that gave an ok record before and an error or none now. */
static int probes(const struct hp_stream *a, const struct hp_stream *b,
		  struct hp_diff *d)
{
	const struct hp_record *ra, *rb;
	int ret = 0;

	for (size_t i = 0; i < a->n && ret == 0; i++) {
		ra = &a->records[i];
		rb = hp_stream_find(b, ra->probe);
		if (ra->ok && (!rb || !rb->ok))
			ret = hp_diff_add(d, "probe", ra->probe, "ok",
					  rb ? "error" : "", HP_WEAKER);
	}
	return ret;
}

/* A call's name, with its variant when it has one: "unshare
 * (CLONE_NEWNS)". */
static void call_key(json_object *call, char *buf, size_t size)
{
	const char *name = str(call, "name"), *variant = str(call, "variant");

	snprintf(buf, size, variant ? "%s (%s)" : "%s", name ? name : "",
		 variant);
}

/* The result of the call with key in a calls array, or NULL. */
static const char *call_result(json_object *calls, const char *key)
{
	json_object *c;
	char k[256];

	for (size_t i = 0; calls && i < json_object_array_length(calls); i++) {
		c = json_object_array_get_idx(calls, i);
		call_key(c, k, sizeof(k));
		if (strcmp(k, key) == 0)
			return str(c, "result");
	}
	return NULL;
}

static enum hp_direction reach(const char *was, const char *now)
{
	if (strcmp(now, "reachable") == 0)
		return HP_WEAKER;
	return strcmp(was, "reachable") == 0 ? HP_STRONGER : HP_CHANGED;
}

static int syscalls(json_object *a, json_object *b, struct hp_diff *d)
{
	json_object *ca = NULL, *cb = NULL, *c;
	const char *was, *now;
	char key[256];
	int ret = 0;

	if (!a || !b || !json_object_object_get_ex(a, "calls", &ca) ||
	    !json_object_object_get_ex(b, "calls", &cb) ||
	    !json_object_is_type(ca, json_type_array) ||
	    !json_object_is_type(cb, json_type_array))
		return 0;
	for (size_t i = 0; i < json_object_array_length(cb) && !ret; i++) {
		c = json_object_array_get_idx(cb, i);
		call_key(c, key, sizeof(key));
		now = str(c, "result");
		was = call_result(ca, key);
		if (now && was && strcmp(was, now) != 0)
			ret = hp_diff_add(d, "syscall", key, was, now,
					  reach(was, now));
	}
	return ret;
}

/* A fact: the outcome of probe id, and the outcome that is the weaker. */
static const struct {
	const char *probe;
	const char *subject;
	const char *weak;
} facts[] = {
	{ "user.identity", "user", "root" },
	{ "seccomp.mode", "seccomp mode", "disabled" },
	{ "nnp.flag", "no_new_privs", "clear" },
	{ "userns.host-root", "host root", "mapped" },
};

static int fact(const struct hp_stream *a, const struct hp_stream *b, size_t i,
		struct hp_diff *d)
{
	const char *was = str(data_of(a, facts[i].probe), "outcome");
	const char *now = str(data_of(b, facts[i].probe), "outcome");
	enum hp_direction dir = HP_CHANGED;

	if (!was || !now || strcmp(was, now) == 0)
		return 0;
	if (strcmp(now, facts[i].weak) == 0)
		dir = HP_WEAKER;
	else if (strcmp(was, facts[i].weak) == 0)
		dir = HP_STRONGER;
	return hp_diff_add(d, "fact", facts[i].subject, was, now, dir);
}

/* The uid, when both runs have one and it changed. */
static int uid(const struct hp_stream *a, const struct hp_stream *b,
	       struct hp_diff *d)
{
	json_object *ua = NULL, *ub = NULL;
	char was[32], now[32];

	if (!json_object_object_get_ex(data_of(a, "user.identity"), "uid",
				       &ua) ||
	    !json_object_object_get_ex(data_of(b, "user.identity"), "uid",
				       &ub) ||
	    json_object_get_int64(ua) == json_object_get_int64(ub))
		return 0;
	snprintf(was, sizeof(was), "%lld",
		 (long long)json_object_get_int64(ua));
	snprintf(now, sizeof(now), "%lld",
		 (long long)json_object_get_int64(ub));
	return hp_diff_add(d, "fact", "uid", was, now,
			   json_object_get_int64(ub) == 0 ? HP_WEAKER
							  : HP_CHANGED);
}

int hp_diff_streams(const struct hp_stream *a, const struct hp_stream *b,
		    struct hp_diff *d)
{
	int ret = probes(a, b, d);

	if (ret == 0)
		ret = hp_diff_caps(data_of(a, "caps.sets"),
				   data_of(b, "caps.sets"), d);
	if (ret == 0)
		ret = hp_diff_mounts(data_of(a, "mounts.writable"),
				     data_of(b, "mounts.writable"), d);
	if (ret == 0)
		ret = syscalls(data_of(a, "seccomp.dangerous-syscalls"),
			       data_of(b, "seccomp.dangerous-syscalls"), d);
	for (size_t i = 0; i < sizeof(facts) / sizeof(facts[0]) && !ret; i++)
		ret = fact(a, b, i, d);
	if (ret == 0)
		ret = uid(a, b, d);
	return ret;
}
