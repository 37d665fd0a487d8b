/* Spec versus reality: the driver, and the helpers the compare functions
 * share. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json-c/json_util.h>

#include "controls.h"
#include "specdiff-impl.h"
#include "specdiff.h"

static void (*const compares[])(struct hp_sd *) = {
	hp_sd_root,    hp_sd_nnp,	   hp_sd_seccomp,  hp_sd_userns,
	hp_sd_caps,    hp_sd_masked,	   hp_sd_readonly, hp_sd_mounts,
	hp_sd_devices, hp_sd_device_rules,
};

int hp_spec_load(const char *path, json_object **out, char *err, size_t errlen)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	json_object *o;

	if (fd < 0) {
		snprintf(err, errlen, "read spec '%s': %s", path,
			 strerror(errno));
		return -1;
	}
	o = json_object_from_fd(fd);
	close(fd);
	if (!o) {
		snprintf(err, errlen, "read spec '%s': %s", path,
			 json_util_get_last_err() ? json_util_get_last_err()
						  : "not JSON");
		err[strcspn(err, "\n")] = '\0';
		return -1;
	}
	if (!json_object_is_type(o, json_type_object)) {
		snprintf(err, errlen,
			 "read spec '%s': not a JSON object (want an OCI "
			 "runtime spec)",
			 path);
		json_object_put(o);
		return -1;
	}
	*out = o;
	return 0;
}

void hp_sd_fail(struct hp_sd *d, int rc, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (d->rc)
		return;
	d->rc = rc;
	n = snprintf(d->err, d->errlen, "spec '%s': ", d->name);
	va_start(ap, fmt);
	if (n >= 0 && (size_t)n < d->errlen)
		vsnprintf(d->err + n, d->errlen - (size_t)n, fmt, ap);
	va_end(ap);
}

json_object *hp_sd_claim(struct hp_sd *d, const char *path, json_type t)
{
	char *copy = strdup(path), *key, *save = NULL;
	json_object *o = d->spec;

	if (!copy) {
		hp_sd_fail(d, -ENOMEM, "out of memory");
		return NULL;
	}
	for (key = strtok_r(copy, ".", &save); o && key;
	     key = strtok_r(NULL, ".", &save))
		if (!json_object_is_type(o, json_type_object) ||
		    !json_object_object_get_ex(o, key, &o))
			o = NULL;
	free(copy);
	if (o && !json_object_is_type(o, t)) {
		hp_sd_fail(d, -EINVAL, "%s: want %s, not %s", path,
			   json_type_to_name(t),
			   json_type_to_name(json_object_get_type(o)));
		return NULL;
	}
	return o;
}

json_object *hp_sd_strings(struct hp_sd *d, const char *path)
{
	json_object *a = hp_sd_claim(d, path, json_type_array);
	size_t i;

	for (i = 0; a && i < json_object_array_length(a); i++)
		if (!json_object_is_type(json_object_array_get_idx(a, i),
					 json_type_string)) {
			hp_sd_fail(d, -EINVAL, "%s[%zu]: want a string", path,
				   i);
			return NULL;
		}
	return a;
}

json_object *hp_sd_observed(const struct hp_sd *d, const char *id)
{
	const struct hp_record *rec = hp_stream_find(d->s, id);
	json_object *out;

	if (!rec || !rec->ok || !rec->data ||
	    !json_object_object_get_ex(rec->data, "outcome", &out) ||
	    strcmp(json_object_get_string(out), "skip") == 0)
		return NULL;
	return rec->data;
}

const char *hp_sd_str(json_object *o, const char *key)
{
	json_object *v;

	if (!o || !json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		return "";
	return json_object_get_string(v);
}

bool hp_sd_append(struct hp_sd *d, char **list, const char *text)
{
	char *grown;

	if (asprintf(&grown, "%s%s%s", *list ? *list : "", *list ? ", " : "",
		     text) < 0) {
		hp_sd_fail(d, -ENOMEM, "out of memory");
		return false;
	}
	free(*list);
	*list = grown;
	return true;
}

char *hp_sd_join(struct hp_sd *d, json_object *a, const char *none)
{
	char *list = NULL;
	size_t i, n = a ? json_object_array_length(a) : 0;

	for (i = 0; i < n; i++)
		if (!hp_sd_append(d, &list,
				  json_object_get_string(
					  json_object_array_get_idx(a, i))))
			return NULL;
	if (!list && !(list = strdup(none)))
		hp_sd_fail(d, -ENOMEM, "out of memory");
	return list;
}

static json_object *evidence(const char *claim, json_object *spec_value,
			     const char *probe, json_object *observed)
{
	json_object *o = json_object_new_object();

	if (!o)
		return NULL;
	json_object_object_add(o, "claim", json_object_new_string(claim));
	json_object_object_add(o, "spec", json_object_get(spec_value));
	json_object_object_add(o, "probe", json_object_new_string(probe));
	json_object_object_add(o, "observed", json_object_get(observed));
	return o;
}

/* Room for one more result in r. */
static struct hp_result *grow(struct hp_report *r)
{
	struct hp_result *v =
		realloc(r->results, (r->n + 1) * sizeof(*r->results));

	if (!v)
		return NULL;
	r->results = v;
	memset(&v[r->n], 0, sizeof(*v));
	return &v[r->n];
}

void hp_sd_add(struct hp_sd *d, const char *claim, const char *asks,
	       const char *has, json_object *spec_value, const char *probe,
	       json_object *observed)
{
	static char *const control[] = { HP_SPEC_CONTROL };
	struct hp_result *res = d->rc ? NULL : grow(d->r);

	if (!res) {
		hp_sd_fail(d, -ENOMEM, "out of memory");
		return;
	}
	d->r->n++;
	d->r->count[HP_FAIL]++;
	d->r->pass = 0;
	res->kind = HP_KIND_SPEC;
	res->status = HP_FAIL;
	if (asprintf(&res->id, "spec:%s", claim) < 0)
		res->id = NULL;
	if (asprintf(&res->expected, "the spec asks for %s", asks) < 0)
		res->expected = NULL;
	if (asprintf(&res->observed, "the container has %s", has) < 0)
		res->observed = NULL;
	res->evidence = evidence(claim, spec_value, probe, observed);
	if (hp_controls_copy(control, 1, &res->controls) == 0)
		res->ncontrols = 1;
	if (!res->id || !res->expected || !res->observed || !res->evidence ||
	    !res->ncontrols)
		hp_sd_fail(d, -ENOMEM, "out of memory");
}

int hp_specdiff(json_object *spec, const char *name, const struct hp_stream *s,
		struct hp_report *r, char *err, size_t errlen)
{
	struct hp_sd d = { .spec = spec,
			   .s = s,
			   .r = r,
			   .name = name,
			   .err = err,
			   .errlen = errlen };
	size_t i;

	r->spec_name = strdup(name);
	if (!r->spec_name)
		hp_sd_fail(&d, -ENOMEM, "out of memory");
	for (i = 0; d.rc == 0 && i < sizeof(compares) / sizeof(compares[0]);
	     i++)
		compares[i](&d);
	return d.rc;
}
