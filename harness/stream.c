/* Reading the record stream: JSON Lines, a header, one record per probe
 * and a trailer that counts the records and holds a digest of every byte
 * before it.  Anything else is refused with the line it happened on,
 * because a stream that is cut short or altered must never judge as pass. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "digest.h"
#include "escape.h"
#include "stream.h"

/* The only format this harness reads: the one with a trailer digest. */
#define HP_STREAM_FORMAT 2

/* A record holds at most a few KiB of mountinfo; anything near this is
 * not a probe's output. */
#define HP_LINE_MAX (4 << 20)

struct reader {
	FILE *f;
	const char *name;
	int line;
	char *buf;
	size_t cap;
	struct hp_stream *s;
	bool trailer;
	bool newline;		  /* the line just read ended with one */
	struct sha256_ctx digest; /* of every line before this one */
	char *err;
	size_t errlen;
};

static int fail(struct reader *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int fail(struct reader *r, const char *fmt, ...)
{
	char *safe;
	va_list ap;
	int n = snprintf(r->err, r->errlen, "%s:%d: ", r->name, r->line);

	if (n < 0 || (size_t)n >= r->errlen)
		return -1;
	va_start(ap, fmt);
	vsnprintf(r->err + n, r->errlen - n, fmt, ap);
	va_end(ap);
	/* The reason may quote the stream: no escape sequence may reach the
	 * user's terminal through it. */
	safe = hp_escape(r->err + n, 0);
	if (safe)
		snprintf(r->err + n, r->errlen - n, "%s", safe);
	free(safe);
	return -1;
}

static int grow(struct reader *r)
{
	size_t cap = r->cap ? r->cap * 2 : 4096;
	char *p = realloc(r->buf, cap);

	if (!p)
		return fail(r, "out of memory");
	r->buf = p;
	r->cap = cap;
	return 0;
}

/* One line without its newline into r->buf: 1, or 0 at the end, or -1. */
static int read_line(struct reader *r, size_t *len)
{
	size_t n = 0;
	int c;

	r->line++;
	while ((c = getc(r->f)) != EOF && c != '\n') {
		if (n + 1 >= HP_LINE_MAX)
			return fail(r, "line longer than %d MiB",
				    HP_LINE_MAX >> 20);
		if (n + 1 >= r->cap && grow(r) < 0)
			return -1;
		r->buf[n++] = (char)c;
	}
	if (ferror(r->f))
		return fail(r, "read failed: %s", strerror(errno));
	r->newline = c == '\n';
	if (c == EOF && n == 0) {
		r->line--;
		return 0;
	}
	if (!r->buf && grow(r) < 0)
		return -1;
	r->buf[n] = '\0';
	*len = n;
	return 1;
}

static json_object *parse_object(struct reader *r, size_t len)
{
	json_tokener *tok;
	json_object *o;
	enum json_tokener_error jerr;
	size_t end;

	if (strspn(r->buf, " \t\r") == len) {
		fail(r, "not a JSON object (empty line)");
		return NULL;
	}
	if (memchr(r->buf, '\0', len)) {
		fail(r, "not a JSON object (contains a NUL byte)");
		return NULL;
	}
	tok = json_tokener_new();
	if (!tok) {
		fail(r, "out of memory");
		return NULL;
	}
	/* The terminating NUL is passed too, so a value ends at the line's
	 * end instead of waiting for more input. */
	o = json_tokener_parse_ex(tok, r->buf, (int)len + 1);
	jerr = json_tokener_get_error(tok);
	end = json_tokener_get_parse_end(tok);
	json_tokener_free(tok);
	if (jerr != json_tokener_success)
		fail(r, "not valid JSON: %s", json_tokener_error_desc(jerr));
	else if (end < len && r->buf[end + strspn(r->buf + end, " \t\r")])
		fail(r, "not a JSON object (text after the value)");
	else if (!json_object_is_type(o, json_type_object))
		fail(r, "not a JSON object");
	else
		return o;
	json_object_put(o);
	return NULL;
}

/* Member key of o as an integer, or -1 with an error. */
static int get_int(struct reader *r, json_object *o, const char *what,
		   const char *key, int64_t *out)
{
	json_object *v;

	if (!json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_int))
		return fail(r, "%s has no integer \"%s\"", what, key);
	*out = json_object_get_int64(v);
	return 0;
}

static const char *get_str(struct reader *r, json_object *o, const char *what,
			   const char *key)
{
	json_object *v;

	if (json_object_object_get_ex(o, key, &v) &&
	    json_object_is_type(v, json_type_string))
		return json_object_get_string(v);
	fail(r, "%s has no string \"%s\"", what, key);
	return NULL;
}

static int take_header(struct reader *r, json_object *o)
{
	int64_t format;

	if (get_int(r, o, "header", "format", &format) < 0)
		return -1;
	if (format != HP_STREAM_FORMAT)
		return fail(r, "unsupported stream format %lld (want %d)",
			    (long long)format, HP_STREAM_FORMAT);
	r->s->header = o;
	return 0;
}

/* data for status ok, error for status error: both objects. */
static int take_payload(struct reader *r, json_object *o, struct hp_record *rec)
{
	const char *status = get_str(r, o, "record", "status");
	json_object *v = NULL;

	if (!status)
		return -1;
	rec->ok = strcmp(status, "ok") == 0;
	if (!rec->ok && strcmp(status, "error") != 0)
		return fail(r, "record has unknown status '%s'", status);
	json_object_object_get_ex(o, rec->ok ? "data" : "error", &v);
	if (!json_object_is_type(v, json_type_object))
		return fail(r, "record of '%s' has no \"%s\" object",
			    rec->probe, rec->ok ? "data" : "error");
	if (rec->ok && !get_str(r, v, "record data", "outcome"))
		return -1;
	if (rec->ok)
		rec->data = v;
	else
		rec->error = v;
	return 0;
}

static int check_order(struct reader *r, const struct hp_record *rec,
		       int64_t seq)
{
	const struct hp_stream *s = r->s;

	if (seq != (int64_t)s->n + 1)
		return fail(r, "record seq %lld out of order (want %zu)",
			    (long long)seq, s->n + 1);
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->records[i].probe, rec->probe) == 0)
			return fail(r,
				    "second record for probe '%s' "
				    "(first was seq %d)",
				    rec->probe, s->records[i].seq);
	return 0;
}

static int take_record(struct reader *r, json_object *o)
{
	struct hp_record rec = { .raw = o, .duration_ms = -1 };
	struct hp_record *p;
	json_object *v;
	int64_t seq;

	if (get_int(r, o, "record", "seq", &seq) < 0)
		return -1;
	rec.probe = get_str(r, o, "record", "probe");
	if (!rec.probe || check_order(r, &rec, seq) < 0)
		return -1;
	rec.seq = (int)seq;
	if (json_object_object_get_ex(o, "duration_ms", &v)) {
		if (!json_object_is_type(v, json_type_int))
			return fail(r, "record has a non-integer "
				       "\"duration_ms\"");
		rec.duration_ms = json_object_get_int64(v);
	}
	if (take_payload(r, o, &rec) < 0)
		return -1;
	p = reallocarray(r->s->records, r->s->n + 1, sizeof(*p));
	if (!p)
		return fail(r, "out of memory");
	r->s->records = p;
	p[r->s->n++] = rec;
	return 0;
}

/* The trailer's digest against the bytes of every line before it. */
static int check_digest(struct reader *r, json_object *o)
{
	const char *want = get_str(r, o, "trailer", "digest");
	size_t plen = strlen(HP_DIGEST_PREFIX);
	char have[HP_SHA256_HEX];

	if (!want)
		return -1;
	if (strncmp(want, HP_DIGEST_PREFIX, plen) != 0 ||
	    strlen(want + plen) != HP_SHA256_HEX - 1 ||
	    strspn(want + plen, "0123456789abcdef") != HP_SHA256_HEX - 1)
		return fail(r,
			    "trailer digest '%.80s' is not sha256: and 64 "
			    "lower-case hex digits",
			    want);
	hp_sha256_peek(&r->digest, have);
	if (strcmp(want + plen, have) != 0)
		return fail(r,
			    "digest mismatch: the trailer says %s but the "
			    "lines before it hash to sha256:%s (altered)",
			    want, have);
	return 0;
}

static int take_trailer(struct reader *r, json_object *o)
{
	int64_t count;

	if (get_int(r, o, "trailer", "records", &count) < 0)
		return -1;
	if (count != (int64_t)r->s->n)
		return fail(r,
			    "trailer counts %lld records but the stream "
			    "has %zu (incomplete)",
			    (long long)count, r->s->n);
	if (check_digest(r, o) < 0)
		return -1;
	r->trailer = true;
	return 0;
}

static int take_object(struct reader *r, json_object *o)
{
	const char *type = get_str(r, o, "line", "type");

	if (!type)
		return -1;
	if (r->trailer)
		return fail(r, "line after the trailer");
	if (!r->s->header)
		return strcmp(type, "header") == 0
			       ? take_header(r, o)
			       : fail(r,
				      "first line is not a header "
				      "(type '%s')",
				      type);
	if (strcmp(type, "record") == 0)
		return take_record(r, o);
	if (strcmp(type, "trailer") == 0)
		return take_trailer(r, o);
	if (strcmp(type, "header") == 0)
		return fail(r, "second header");
	return fail(r, "unknown line type '%s'", type);
}

/* Keep o in s->lines, which owns every parsed object. */
static int keep(struct reader *r, json_object *o)
{
	json_object **p =
		reallocarray(r->s->lines, r->s->nlines + 1, sizeof(*p));

	if (!p) {
		json_object_put(o);
		return fail(r, "out of memory");
	}
	r->s->lines = p;
	p[r->s->nlines++] = o;
	return 0;
}

static int read_all(struct reader *r)
{
	size_t len = 0;
	int rc;

	while ((rc = read_line(r, &len)) > 0) {
		json_object *o = parse_object(r, len);

		if (!o || keep(r, o) < 0 || take_object(r, o) < 0)
			return -1;
		sha256_update(&r->digest, len, (const uint8_t *)r->buf);
		if (r->newline)
			sha256_update(&r->digest, 1, (const uint8_t *)"\n");
	}
	if (rc < 0)
		return -1;
	if (!r->s->header) {
		r->line = 1;
		return fail(r, "empty stream, no header (incomplete)");
	}
	if (!r->trailer)
		return fail(r, "stream ends without a trailer (incomplete)");
	return 0;
}

int hp_stream_read(FILE *f, const char *name, struct hp_stream *out, char *err,
		   size_t errlen)
{
	struct reader r = {
		.f = f,
		.name = name,
		.s = out,
		.err = err,
		.errlen = errlen,
	};
	int rc;

	memset(out, 0, sizeof(*out));
	sha256_init(&r.digest);
	rc = read_all(&r);
	free(r.buf);
	if (rc < 0)
		hp_stream_free(out);
	return rc;
}

const struct hp_record *hp_stream_find(const struct hp_stream *s,
				       const char *id)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->records[i].probe, id) == 0)
			return &s->records[i];
	return NULL;
}

void hp_stream_free(struct hp_stream *s)
{
	for (size_t i = 0; i < s->nlines; i++)
		json_object_put(s->lines[i]);
	free(s->lines);
	free(s->records);
	memset(s, 0, sizeof(*s));
}
