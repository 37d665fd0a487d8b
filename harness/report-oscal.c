/* The OSCAL report: NIST OSCAL 1.0.6 assessment-results in JSON, for
 * compliance tools.  Each check is an observation; each control id the
 * profile names is a finding, satisfied only when every check that
 * evidences it passed.  Control ids become OSCAL tokens as
 * hp_control_token() says; cases/hardprobe-controls.json is the catalog
 * that defines them.  UUIDs are version 4 (random, from getrandom(), the
 * kernel's /dev/urandom pool); timestamps are RFC 3339 in UTC, taken when
 * the report is written. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include <json-c/json.h>

#include "controls.h"
#include "escape.h"
#include "report-group.h"
#include "report-impl.h"

#define OSCAL_VERSION "1.0.6"
#define CATALOG_HREF "hardprobe-controls.json"
#define UUID_LEN 37

struct ctx {
	const struct hp_report *r;
	char now[32];
	char (*obs)[UUID_LEN]; /* the observation uuid of each result */
	char plan[UUID_LEN];   /* the back-matter resource for the profile */
	int err;
};

/* RFC 4122 version 4: 122 random bits, the version and the variant. */
static int uuid4(char out[UUID_LEN])
{
	unsigned char b[16];

	if (getrandom(b, sizeof(b), 0) != sizeof(b))
		return -EIO;
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
	snprintf(out, UUID_LEN,
		 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
		 "%02x%02x%02x%02x%02x%02x",
		 b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9],
		 b[10], b[11], b[12], b[13], b[14], b[15]);
	return 0;
}

static json_object *new_uuid(struct ctx *c)
{
	char u[UUID_LEN];

	if (uuid4(u) < 0) {
		c->err = -EIO;
		return NULL;
	}
	return json_object_new_string(u);
}

/* Text from the container, escaped; "-" for none, as OSCAL strings of
 * some fields must not be empty. */
static json_object *text(const char *s)
{
	char *e = hp_escape(s && *s ? s : "-", 0);
	json_object *o = e ? json_object_new_string(e) : NULL;

	free(e);
	return o;
}

static void put(json_object *o, const char *key, json_object *v)
{
	json_object_object_add(o, key, v);
}

static json_object *prop(const char *name, const char *value)
{
	json_object *o = json_object_new_object();

	put(o, "name", json_object_new_string(name));
	put(o, "value", json_object_new_string(value));
	return o;
}

static json_object *one(json_object *v)
{
	json_object *a = json_object_new_array();

	json_object_array_add(a, v);
	return a;
}

static json_object *metadata(struct ctx *c)
{
	json_object *o = json_object_new_object();
	char *title;

	if (asprintf(&title, "hardprobe assessment against profile %s",
		     c->r->profile) < 0)
		title = NULL;
	put(o, "title", text(title));
	put(o, "last-modified", json_object_new_string(c->now));
	put(o, "version", json_object_new_string(HARDPROBE_VERSION));
	put(o, "oscal-version", json_object_new_string(OSCAL_VERSION));
	put(o, "props", one(prop("tool", "hardprobe " HARDPROBE_VERSION)));
	free(title);
	return o;
}

static json_object *evidence(const struct hp_result *res)
{
	json_object *o = json_object_new_object();
	const char *json =
		res->evidence ? json_object_to_json_string_ext(
					res->evidence,
					JSON_C_TO_STRING_PLAIN |
						JSON_C_TO_STRING_NOSLASHESCAPE)
			      : "null";

	put(o, "description",
	    json_object_new_string("the probe's record data (or its error), "
				   "as JSON, in remarks"));
	put(o, "remarks", text(json));
	return o;
}

static json_object *observation(struct ctx *c, size_t i)
{
	const struct hp_result *res = &c->r->results[i];
	json_object *o = json_object_new_object();
	char *desc;

	if (asprintf(&desc, "%s: expected %s; observed %s",
		     hp_status_name(res->status), res->expected,
		     res->observed) < 0)
		desc = NULL;
	put(o, "uuid", json_object_new_string(c->obs[i]));
	put(o, "title", text(res->id));
	put(o, "description", text(desc));
	put(o, "props", one(prop("status", hp_status_name(res->status))));
	json_object_array_add(json_object_object_get(o, "props"),
			      prop("kind", hp_kind_name(res->kind)));
	put(o, "methods", one(json_object_new_string("TEST")));
	put(o, "types", one(json_object_new_string("control-objective")));
	put(o, "relevant-evidence", one(evidence(res)));
	put(o, "collected", json_object_new_string(c->now));
	free(desc);
	return o;
}

static json_object *observations(struct ctx *c)
{
	json_object *a = json_object_new_array();

	for (size_t i = 0; i < c->r->n; i++)
		json_object_array_add(a, observation(c, i));
	return a;
}

/* satisfied only when every check passed; an error or a skip is not a
 * pass. */
static json_object *status(enum hp_status st)
{
	json_object *o = json_object_new_object();

	put(o, "state",
	    json_object_new_string(st == HP_PASS ? "satisfied"
						 : "not-satisfied"));
	put(o, "reason",
	    json_object_new_string(st == HP_PASS   ? "pass"
				   : st == HP_FAIL ? "fail"
						   : "other"));
	if (st == HP_ERROR || st == HP_SKIP)
		put(o, "remarks",
		    json_object_new_string(st == HP_ERROR
						   ? "a check errored"
						   : "a check was skipped"));
	return o;
}

static json_object *target(const struct hp_group *g)
{
	json_object *o = json_object_new_object();
	char *token = hp_control_token(g->control), *obj;

	if (!token || asprintf(&obj, "%s_obj", token) < 0)
		obj = NULL;
	put(o, "type", json_object_new_string("objective-id"));
	put(o, "target-id", obj ? json_object_new_string(obj) : NULL);
	put(o, "title", json_object_new_string(g->control));
	put(o, "status", status(g->status));
	free(token);
	free(obj);
	return o;
}

static json_object *finding(struct ctx *c, const struct hp_group *g)
{
	json_object *o = json_object_new_object();
	json_object *rel = json_object_new_array();
	char *desc;

	if (asprintf(&desc, "%s: %zu check(s), %s", g->control, g->n,
		     hp_status_name(g->status)) < 0)
		desc = NULL;
	for (size_t j = 0; j < g->n; j++) {
		json_object *ref = json_object_new_object();

		put(ref, "observation-uuid",
		    json_object_new_string(c->obs[g->idx[j]]));
		json_object_array_add(rel, ref);
	}
	put(o, "uuid", new_uuid(c));
	put(o, "title", json_object_new_string(g->control));
	put(o, "description", text(desc));
	put(o, "props", one(prop("control", g->control)));
	put(o, "target", target(g));
	put(o, "related-observations", rel);
	free(desc);
	return o;
}

static json_object *selection(const struct hp_groups *g)
{
	json_object *sel = json_object_new_object();
	json_object *ids = json_object_new_array();

	for (size_t i = 0; i < g->n; i++) {
		char *token = g->v[i].control
				      ? hp_control_token(g->v[i].control)
				      : NULL;
		json_object *ref = json_object_new_object();

		put(ref, "control-id",
		    token ? json_object_new_string(token) : NULL);
		if (token)
			json_object_array_add(ids, ref);
		else
			json_object_put(ref);
		free(token);
	}
	if (json_object_array_length(ids) == 0) {
		json_object_put(ids);
		put(sel, "description",
		    json_object_new_string("the profile names no control"));
		put(sel, "include-all", json_object_new_object());
	} else {
		put(sel, "include-controls", ids);
	}
	return sel;
}

static json_object *reviewed(const struct hp_groups *g)
{
	json_object *o = json_object_new_object();

	put(o, "control-selections", one(selection(g)));
	return o;
}

/* Add key: a only when it has items, as OSCAL arrays must. */
static void put_list(json_object *o, const char *key, json_object *a)
{
	if (a && json_object_array_length(a) > 0)
		put(o, key, a);
	else
		json_object_put(a);
}

static json_object *findings(struct ctx *c, const struct hp_groups *g)
{
	json_object *a = json_object_new_array();

	for (size_t i = 0; i < g->n; i++)
		if (g->v[i].control)
			json_object_array_add(a, finding(c, &g->v[i]));
	return a;
}

static json_object *result(struct ctx *c, const struct hp_groups *g)
{
	const struct hp_report *r = c->r;
	json_object *o = json_object_new_object();
	const char *kernel = hp_report_header(r, "kernel");
	char *desc;

	if (asprintf(&desc,
		     "%s: %zu checks (%zu pass, %zu fail, %zu error, %zu "
		     "skip) on the record stream %s, kernel %s",
		     hp_report_verdict(r), r->n, r->count[HP_PASS],
		     r->count[HP_FAIL], r->count[HP_ERROR], r->count[HP_SKIP],
		     r->stream_name, kernel ? kernel : "unknown") < 0)
		desc = NULL;
	put(o, "uuid", new_uuid(c));
	put(o, "title", text(r->profile));
	put(o, "description", text(desc));
	put(o, "start", json_object_new_string(c->now));
	put(o, "props", one(prop("verdict", hp_report_verdict(r))));
	put(o, "reviewed-controls", reviewed(g));
	put_list(o, "observations", observations(c));
	put_list(o, "findings", findings(c, g));
	free(desc);
	return o;
}

static json_object *resource(const char *uuid, const char *title,
			     const char *href)
{
	json_object *o = json_object_new_object();
	json_object *link = json_object_new_object();

	put(o, "uuid", json_object_new_string(uuid));
	put(o, "title", text(title));
	if (!href) {
		json_object_put(link);
		return o;
	}
	put(link, "href", json_object_new_string(href));
	put(link, "media-type", json_object_new_string("application/json"));
	put(o, "rlinks", one(link));
	return o;
}

/* There is no assessment plan: the profile, as a back-matter resource,
 * stands for it, and the catalog of control ids goes beside it. */
static json_object *back_matter(struct ctx *c)
{
	json_object *o = json_object_new_object();
	json_object *a = json_object_new_array();
	char cat[UUID_LEN], *title;

	if (asprintf(&title, "hardprobe profile %s", c->r->profile) < 0)
		title = NULL;
	if (uuid4(cat) < 0)
		c->err = -EIO;
	json_object_array_add(a, resource(c->plan, title, NULL));
	json_object_array_add(a, resource(cat, "hardprobe control catalog",
					  CATALOG_HREF));
	put(o, "resources", a);
	free(title);
	return o;
}

static json_object *document(struct ctx *c)
{
	json_object *doc = json_object_new_object();
	json_object *ar = json_object_new_object();
	json_object *ap = json_object_new_object();
	struct hp_groups g;
	char href[UUID_LEN + 1];

	if (hp_groups_make(c->r, &g) < 0)
		c->err = -ENOMEM;
	snprintf(href, sizeof(href), "#%s", c->plan);
	put(ap, "href", json_object_new_string(href));
	put(ar, "uuid", new_uuid(c));
	put(ar, "metadata", metadata(c));
	put(ar, "import-ap", ap);
	put(ar, "results", one(result(c, &g)));
	put(ar, "back-matter", back_matter(c));
	put(doc, "assessment-results", ar);
	hp_groups_free(&g);
	return doc;
}

static int prepare(struct ctx *c)
{
	time_t t = time(NULL);
	struct tm tm;

	if (!gmtime_r(&t, &tm) ||
	    !strftime(c->now, sizeof(c->now), "%Y-%m-%dT%H:%M:%SZ", &tm))
		return -EINVAL;
	c->obs = calloc(c->r->n + 1, sizeof(*c->obs));
	if (!c->obs)
		return -ENOMEM;
	for (size_t i = 0; i < c->r->n; i++)
		if (uuid4(c->obs[i]) < 0)
			return -EIO;
	return uuid4(c->plan);
}

int hp_report_oscal(const struct hp_report *r, FILE *out)
{
	struct ctx c = { .r = r };
	json_object *doc = NULL;
	const char *s = NULL;
	int ret = prepare(&c);

	if (ret == 0)
		doc = document(&c);
	if (doc && c.err == 0)
		s = json_object_to_json_string_ext(
			doc, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED |
				     JSON_C_TO_STRING_NOSLASHESCAPE);
	if (ret == 0)
		ret = c.err ? c.err : s ? 0 : -ENOMEM;
	if (ret == 0 && fprintf(out, "%s\n", s) < 0)
		ret = -EIO;
	json_object_put(doc);
	free(c.obs);
	return ret;
}
