/* Helpers of the unit tests: streams from strings, one-record judging. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../harness/digest.h"
#include "../../harness/tokens.h"
#include "unit.h"

char *with_trailer_n(const char *text, int records)
{
	char hex[HP_SHA256_HEX], *out;

	hp_sha256_hex(text, strlen(text), hex);
	ck_assert_int_ne(asprintf(&out,
				  "%s{\"type\":\"trailer\",\"records\":%d,"
				  "\"digest\":\"sha256:%s\"}\n",
				  text, records, hex),
			 -1);
	return out;
}

char *with_trailer(const char *text)
{
	int lines = 0;

	for (const char *p = text; (p = strchr(p, '\n')); p++)
		lines++;
	return with_trailer_n(text, lines > 0 ? lines - 1 : 0);
}

int read_sealed(const char *text, struct hp_stream *s, char *err, size_t errlen)
{
	char *sealed = with_trailer(text);
	int rc = read_text(sealed, s, err, errlen);

	free(sealed);
	return rc;
}

int read_text(const char *text, struct hp_stream *s, char *err, size_t errlen)
{
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	int rc;

	ck_assert_ptr_nonnull(f);
	err[0] = '\0';
	rc = hp_stream_read(f, "s.jsonl", s, err, errlen);
	fclose(f);
	return rc;
}

struct hp_result judge_record(const char *id, const char *expect,
			      const char *record)
{
	const struct hp_check *c = hp_check_find(id);
	struct hp_result res = { .status = HP_PASS };
	struct hp_stream s;
	struct hp_tokens t;
	struct hp_expect e = { 0 };
	char *text, err[256];

	ck_assert_ptr_nonnull(c);
	ck_assert_int_ne(asprintf(&text,
				  "{\"type\":\"header\",\"format\":2}\n"
				  "{\"type\":\"record\",\"seq\":1,"
				  "\"probe\":\"%s\",%s}\n",
				  id, record),
			 -1);
	ck_assert_msg(read_sealed(text, &s, err, sizeof(err)) == 0, "%s", err);
	ck_assert_int_eq(hp_tokenize(expect, &t, err, sizeof(err)), 0);
	e.check = (char *)id;
	e.args = t.v;
	e.nargs = t.n;
	ck_assert_msg(c->parse(&e, err, sizeof(err)) == 0, "%s", err);
	c->judge(&e, &s.records[0], &res);
	ck_assert_ptr_nonnull(res.expected);
	ck_assert_ptr_nonnull(res.observed);
	hp_tokens_free(&t);
	hp_stream_free(&s);
	free(text);
	return res;
}

struct hp_result judge_data(const char *id, const char *expect,
			    const char *data)
{
	char *record;
	struct hp_result res;

	ck_assert_int_ne(asprintf(&record, "\"status\":\"ok\",\"data\":%s",
				  data),
			 -1);
	res = judge_record(id, expect, record);
	free(record);
	return res;
}

void result_free(struct hp_result *r)
{
	free(r->id);
	free(r->expected);
	free(r->observed);
	json_object_put(r->evidence);
}

void assert_row(const struct row *w, bool evidence)
{
	struct hp_result r = judge_data(w->id, w->expect, w->data);

	ck_assert_msg(r.status == w->status, "%s '%s': status %s, want %s (%s)",
		      w->id, w->expect, hp_status_name(r.status),
		      hp_status_name(w->status), r.observed);
	ck_assert_str_eq(r.observed, w->observed);
	if (evidence)
		ck_assert_ptr_nonnull(r.evidence);
	result_free(&r);
}
