/* Internals of the spec comparison: one compare function per group of
 * claims, and the helpers they share.  Only harness/specdiff*.c include
 * this. */
#ifndef HARDPROBE_SPECDIFF_IMPL_H
#define HARDPROBE_SPECDIFF_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include <json-c/json.h>

#include "judge.h"
#include "stream.h"

struct hp_sd {
	json_object *spec;
	const struct hp_stream *s;
	struct hp_report *r;
	const char *name; /* the spec's name, for messages */
	char *err;
	size_t errlen;
	int rc; /* 0, or the first -ENOMEM or -EINVAL */
};

/* Fail the comparison with rc (-ENOMEM, -EINVAL) and the message
 * "spec 'NAME': ..." in d->err; the first failure stays. */
void hp_sd_fail(struct hp_sd *d, int rc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * The spec's value at the dotted path ("linux.maskedPaths") when it has
 * type t.  NULL when it is absent or null: no claim.  NULL too when it has
 * another type, and then d->rc is -EINVAL with d->err saying so.
 */
json_object *hp_sd_claim(struct hp_sd *d, const char *path, json_type t);

/* hp_sd_claim() of an array whose items must all be strings. */
json_object *hp_sd_strings(struct hp_sd *d, const char *path);

/* The data of probe id's record when it ran and did not skip, else NULL:
 * then nothing was observed to compare with. */
json_object *hp_sd_observed(const struct hp_sd *d, const char *id);

/* The string member key of o, or "". */
const char *hp_sd_str(json_object *o, const char *key);

/*
 * One disagreement on claim (a spec key): the spec asks for asks, the
 * container has has.  The evidence keeps the spec's value and the data
 * of probe (json_object_get() of both).
 */
void hp_sd_add(struct hp_sd *d, const char *claim, const char *asks,
	       const char *has, json_object *spec_value, const char *probe,
	       json_object *observed);

/* Append text to *list, comma-separated; false (d->rc -ENOMEM) when out
 * of memory. */
bool hp_sd_append(struct hp_sd *d, char **list, const char *text);

/* The strings of array a, comma-separated, or none when a is empty; NULL
 * (d->rc -ENOMEM) when out of memory. */
char *hp_sd_join(struct hp_sd *d, json_object *a, const char *none);

/* The compare functions, one per group of claims. */
void hp_sd_root(struct hp_sd *d);
void hp_sd_nnp(struct hp_sd *d);
void hp_sd_seccomp(struct hp_sd *d);
void hp_sd_userns(struct hp_sd *d);
void hp_sd_caps(struct hp_sd *d);
void hp_sd_masked(struct hp_sd *d);
void hp_sd_readonly(struct hp_sd *d);
void hp_sd_mounts(struct hp_sd *d);
void hp_sd_devices(struct hp_sd *d);
void hp_sd_device_rules(struct hp_sd *d);

#endif
