/* Tests of harness/stream.c: a good stream, and each way a stream can be
 * malformed, cut short or altered, with the message and its line
 * asserted. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

#define HDR "{\"type\":\"header\",\"format\":2,\"probe_set\":\"1\"}\n"
#define REC(seq, probe)                                                  \
	"{\"type\":\"record\",\"seq\":" #seq ",\"probe\":\"" probe "\"," \
	"\"status\":\"ok\",\"duration_ms\":2,"                           \
	"\"data\":{\"outcome\":\"set\",\"no_new_privs\":1}}\n"
#define ERR(seq, probe)                                                  \
	"{\"type\":\"record\",\"seq\":" #seq ",\"probe\":\"" probe "\"," \
	"\"status\":\"error\",\"error\":{\"kind\":\"signal\","           \
	"\"signal\":\"SIGSYS\",\"exit_code\":null,\"detail\":\"\"}}\n"

/* Reading text must fail with exactly want. */
static void bad(const char *text, const char *want)
{
	struct hp_stream s;
	char err[256];

	ck_assert_int_eq(read_text(text, &s, err, sizeof(err)), -1);
	ck_assert_str_eq(err, want);
	ck_assert_ptr_null(s.lines);
	ck_assert_ptr_null(s.records);
}

/* bad() of a string made for the test, which it frees. */
static void bad_free(char *text, const char *want)
{
	bad(text, want);
	free(text);
}

/* text with its first occurrence of from replaced by to; free() it. */
static char *replaced(const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);
	char *out;

	ck_assert_ptr_nonnull(at);
	ck_assert_int_ne(asprintf(&out, "%.*s%s%s", (int)(at - text), text, to,
				  at + strlen(from)),
			 -1);
	return out;
}

START_TEST(test_good)
{
	struct hp_stream s;
	char err[256];
	const struct hp_record *r;

	ck_assert_int_eq(read_sealed(HDR REC(1, "nnp.flag")
					     ERR(2, "caps.raise"),
				     &s, err, sizeof(err)),
			 0);
	ck_assert_uint_eq(s.n, 2);
	ck_assert_uint_eq(s.nlines, 4);
	ck_assert_str_eq(json_object_get_string(
				 json_object_object_get(s.header, "probe_set")),
			 "1");
	r = hp_stream_find(&s, "nnp.flag");
	ck_assert_ptr_nonnull(r);
	ck_assert(r->ok);
	ck_assert_int_eq(r->seq, 1);
	ck_assert_int_eq(r->duration_ms, 2);
	ck_assert_ptr_nonnull(r->data);
	r = hp_stream_find(&s, "caps.raise");
	ck_assert(!r->ok);
	ck_assert_ptr_nonnull(r->error);
	ck_assert_ptr_null(r->data);
	ck_assert_ptr_null(hp_stream_find(&s, "user.identity"));
	hp_stream_free(&s);
}
END_TEST

START_TEST(test_good_file)
{
	FILE *f = fopen(DATA_DIR "/stream-hardened.jsonl", "r");
	struct hp_stream s;
	char err[256];

	ck_assert_ptr_nonnull(f);
	ck_assert_msg(hp_stream_read(f, "x", &s, err, sizeof(err)) == 0, "%s",
		      err);
	ck_assert_uint_eq(s.n, 65);
	fclose(f);
	hp_stream_free(&s);
}
END_TEST

START_TEST(test_forward_compatible)
{
	struct hp_stream s;
	char err[256];

	ck_assert_int_eq(
		read_sealed("{\"type\":\"header\",\"format\":2,\"new\":[1]}\n"
			    "{\"type\":\"record\",\"seq\":1,\"probe\":\"x.y\","
			    "\"status\":\"ok\",\"extra\":true,"
			    "\"data\":{\"outcome\":\"z\"}}\n",
			    &s, err, sizeof(err)),
		0);
	ck_assert_int_eq(s.records[0].duration_ms, -1);
	hp_stream_free(&s);
}
END_TEST

START_TEST(test_empty)
{
	bad("", "s.jsonl:1: empty stream, no header (incomplete)");
}
END_TEST

START_TEST(test_not_json)
{
	bad(HDR "{\"type\":\n", "s.jsonl:2: not valid JSON: unexpected end "
				"of data");
	bad(HDR "[1,2]\n", "s.jsonl:2: not a JSON object");
	bad(HDR "\"text\"\n", "s.jsonl:2: not a JSON object");
	bad(HDR "null\n", "s.jsonl:2: not a JSON object");
	bad_free(with_trailer(HDR "\n"),
		 "s.jsonl:2: not a JSON object (empty line)");
	bad(HDR "{} {}\n", "s.jsonl:2: not a JSON object (text after the "
			   "value)");
}
END_TEST

START_TEST(test_header)
{
	bad(REC(1, "nnp.flag"), "s.jsonl:1: first line is not a header "
				"(type 'record')");
	bad("{\"type\":\"header\",\"format\":1}\n",
	    "s.jsonl:1: unsupported stream format 1 (want 2)");
	bad("{\"type\":\"header\",\"format\":\"1\"}\n",
	    "s.jsonl:1: header has no integer \"format\"");
	bad(HDR HDR, "s.jsonl:2: second header");
	bad("{\"format\":1}\n", "s.jsonl:1: line has no string \"type\"");
}
END_TEST

START_TEST(test_unknown_type)
{
	bad(HDR "{\"type\":\"recrod\"}\n",
	    "s.jsonl:2: unknown line type 'recrod'");
}
END_TEST

START_TEST(test_record_fields)
{
	bad(HDR "{\"type\":\"record\",\"probe\":\"a\"}\n",
	    "s.jsonl:2: record has no integer \"seq\"");
	bad(HDR "{\"type\":\"record\",\"seq\":1}\n",
	    "s.jsonl:2: record has no string \"probe\"");
	bad(HDR "{\"type\":\"record\",\"seq\":1,\"probe\":\"a\","
		"\"status\":\"fine\"}\n",
	    "s.jsonl:2: record has unknown status 'fine'");
	bad(HDR "{\"type\":\"record\",\"seq\":1,\"probe\":\"a\","
		"\"status\":\"ok\"}\n",
	    "s.jsonl:2: record of 'a' has no \"data\" object");
	bad(HDR "{\"type\":\"record\",\"seq\":1,\"probe\":\"a\","
		"\"status\":\"error\",\"data\":{}}\n",
	    "s.jsonl:2: record of 'a' has no \"error\" object");
	bad(HDR "{\"type\":\"record\",\"seq\":1,\"probe\":\"a\","
		"\"status\":\"ok\",\"data\":{\"outcome\":1}}\n",
	    "s.jsonl:2: record data has no string \"outcome\"");
	bad(HDR "{\"type\":\"record\",\"seq\":1,\"probe\":\"a\","
		"\"status\":\"ok\",\"duration_ms\":\"3\",\"data\":{}}\n",
	    "s.jsonl:2: record has a non-integer \"duration_ms\"");
}
END_TEST

START_TEST(test_order_and_duplicates)
{
	bad(HDR REC(2, "nnp.flag"),
	    "s.jsonl:2: record seq 2 out of order (want 1)");
	bad(HDR REC(1, "nnp.flag") REC(2, "caps.raise") REC(3, "nnp.flag"),
	    "s.jsonl:4: second record for probe 'nnp.flag' (first was seq 1)");
}
END_TEST

START_TEST(test_incomplete)
{
	bad(HDR, "s.jsonl:1: stream ends without a trailer (incomplete)");
	bad(HDR REC(1, "nnp.flag") REC(2, "caps.raise"),
	    "s.jsonl:3: stream ends without a trailer (incomplete)");
	bad_free(with_trailer_n(HDR REC(1, "nnp.flag"), 2),
		 "s.jsonl:3: trailer counts 2 records but the stream has 1 "
		 "(incomplete)");
	bad(HDR REC(1, "nnp.flag") "{\"type\":\"trailer\"}\n",
	    "s.jsonl:3: trailer has no integer \"records\"");
}
END_TEST

START_TEST(test_after_trailer)
{
	char *sealed = with_trailer(HDR), *text;

	ck_assert_int_ne(asprintf(&text, "%s%s", sealed, REC(1, "nnp.flag")),
			 -1);
	bad_free(text, "s.jsonl:3: line after the trailer");
	free(sealed);
}
END_TEST

/* Reading text must fail with a digest mismatch on line 4. */
static void altered(char *text)
{
	struct hp_stream st;
	char err[256];

	ck_assert_int_eq(read_text(text, &st, err, sizeof(err)), -1);
	ck_assert_msg(strncmp(err,
			      "s.jsonl:4: digest mismatch: the trailer "
			      "says sha256:",
			      46) == 0,
		      "%s", err);
	ck_assert_msg(strstr(err, "(altered)"), "%s", err);
	free(text);
}

/* The digest covers every byte before the trailer: a changed value, a
 * blank added, a header changed, are all refused. */
START_TEST(test_digest_mismatch)
{
	char *sealed = with_trailer(HDR REC(1, "nnp.flag") REC(2, "x.y"));

	altered(replaced(sealed, "\"outcome\":\"set\"",
			 "\"outcome\":\"clear\""));
	altered(replaced(sealed, "\"no_new_privs\":1}",
			 "\"no_new_privs\":1} "));
	altered(replaced(sealed, "\"probe_set\":\"1\"", "\"probe_set\":\"2\""));
	free(sealed);
}
END_TEST

/* The trailer must carry a well-formed digest. */
START_TEST(test_digest_missing)
{
	bad(HDR "{\"type\":\"trailer\",\"records\":0}\n",
	    "s.jsonl:2: trailer has no string \"digest\"");
	bad(HDR "{\"type\":\"trailer\",\"records\":0,"
		"\"digest\":\"md5:00\"}\n",
	    "s.jsonl:2: trailer digest 'md5:00' is not sha256: and 64 "
	    "lower-case hex digits");
	bad(HDR
	    "{\"type\":\"trailer\",\"records\":0,"
	    "\"digest\":\"sha256:E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649"
	    "B934CA495991B7852B855\"}\n",
	    "s.jsonl:2: trailer digest 'sha256:E3B0C44298FC1C149AFBF4C8996FB92"
	    "427AE41E4649B934CA495991B7852B855' is not sha256: and 64 "
	    "lower-case hex digits");
}
END_TEST

START_TEST(test_nul_byte)
{
	static const char text[] = HDR "{\"type\":\0\"x\"}\n";
	FILE *f = fmemopen((void *)text, sizeof(text) - 1, "r");
	struct hp_stream s;
	char err[256];

	ck_assert_int_eq(hp_stream_read(f, "n", &s, err, sizeof(err)), -1);
	ck_assert_str_eq(err, "n:2: not a JSON object (contains a NUL byte)");
	fclose(f);
}
END_TEST

START_TEST(test_long_line)
{
	size_t len = (4 << 20) + 1024;
	char *text = malloc(len + 1);
	struct hp_stream s;
	char err[256];

	ck_assert_ptr_nonnull(text);
	strcpy(text, HDR "{\"type\":\"record\",\"x\":\"");
	memset(text + strlen(text), 'a', len - strlen(text));
	text[len] = '\0';
	ck_assert_int_eq(read_text(text, &s, err, sizeof(err)), -1);
	ck_assert_str_eq(err, "s.jsonl:2: line longer than 4 MiB");
	free(text);
}
END_TEST

START_TEST(test_no_final_newline)
{
	struct hp_stream s;
	char err[256];

	char *text = with_trailer(HDR);

	text[strlen(text) - 1] = '\0';
	ck_assert_int_eq(read_text(text, &s, err, sizeof(err)), 0);
	hp_stream_free(&s);
	free(text);
	bad(HDR "{\"type\":\"trailer\",\"rec",
	    "s.jsonl:2: not valid JSON: unexpected end of data");
}
END_TEST

Suite *stream_suite(void)
{
	Suite *s = suite_create("stream");
	TCase *tc = tcase_create("stream");

	tcase_add_test(tc, test_good);
	tcase_add_test(tc, test_good_file);
	tcase_add_test(tc, test_forward_compatible);
	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_not_json);
	tcase_add_test(tc, test_header);
	tcase_add_test(tc, test_unknown_type);
	tcase_add_test(tc, test_record_fields);
	tcase_add_test(tc, test_order_and_duplicates);
	tcase_add_test(tc, test_incomplete);
	tcase_add_test(tc, test_after_trailer);
	tcase_add_test(tc, test_digest_mismatch);
	tcase_add_test(tc, test_digest_missing);
	tcase_add_test(tc, test_nul_byte);
	tcase_add_test(tc, test_long_line);
	tcase_add_test(tc, test_no_final_newline);
	suite_add_tcase(s, tc);
	return s;
}
