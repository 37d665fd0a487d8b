/* Hostile text from a stream (control characters, terminal escapes, XML
 * and HTML metacharacters, forged report lines, invalid UTF-8, a very long
 * field) goes through the parser, the judges and every report writer, and
 * comes out escaped in each format. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json-c/json.h>
#include <libxml/parser.h>

#include "../../harness/report.h"
#include "unit.h"

/* As it appears inside a JSON string of the stream. */
#define HOSTILE                                                              \
	"\\u001b[2J\\u001b]0;pwned\\u0007<script>alert(1)</script>&amp;"     \
	"\\\"q' ]]> \\r\\nok 99 - forged\\n# forged\\n\\u0001\\u007f\\u009b" \
	"\\u202e\xff\xc3"

#define LONG_LEN (200 * 1024)

static char *hostile_stream(void)
{
	char *text, *pad = malloc(LONG_LEN + 1);

	ck_assert_ptr_nonnull(pad);
	memset(pad, 'x', LONG_LEN);
	pad[LONG_LEN] = '\0';
	ck_assert_int_ne(
		asprintf(&text,
			 "{\"type\":\"header\",\"format\":2,\"tool\":\"%s\","
			 "\"kernel\":\"%s\",\"machine\":\"%s\","
			 "\"probe_set\":\"%s\"}\n"
			 "{\"type\":\"record\",\"seq\":1,\"probe\":"
			 "\"nnp.flag\",\"status\":\"ok\",\"data\":{"
			 "\"outcome\":\"skip\",\"reason\":\"%s\"}}\n"
			 "{\"type\":\"record\",\"seq\":2,\"probe\":\"%s\","
			 "\"status\":\"error\",\"error\":{\"kind\":\"%s\","
			 "\"signal\":\"%s\",\"detail\":\"%s%s\"}}\n"
			 "{\"type\":\"record\",\"seq\":3,\"probe\":"
			 "\"fs.etc-passwd-write\",\"status\":\"ok\","
			 "\"data\":{\"outcome\":\"%s\"}}\n"
			 "{\"type\":\"record\",\"seq\":4,\"probe\":"
			 "\"seccomp.mode\",\"status\":\"error\",\"error\":{"
			 "\"kind\":\"signal\",\"signal\":\"%s\"}}\n",
			 HOSTILE, HOSTILE, HOSTILE, HOSTILE, HOSTILE, HOSTILE,
			 HOSTILE, HOSTILE, pad, HOSTILE, HOSTILE, HOSTILE),
		-1);
	free(pad);
	return text;
}

/* The first byte sequence that must never reach a report, or NULL. */
static const char *raw_control(const char *s, size_t len, bool colour)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == 0x1b && colour && s[i + 1] == '[' &&
		    strncmp(s + i, "\x1b[2J", 4) != 0)
			continue; /* the writer's own colour */
		if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
			return s + i;
		if (c == 0xc2 && (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] <= 0x9f)
			return s + i; /* a C1 control */
		if (strncmp(s + i, "\xe2\x80\xae", 3) == 0 || c == 0xff)
			return s + i;
	}
	return NULL;
}

/* No line of out may be a forged TAP line or comment. */
static void assert_no_forged_line(const char *out, int fmt)
{
	const char *line = out;

	while (line && *line) {
		ck_assert_msg(strncmp(line, "ok 99", 5) != 0 &&
				      strncmp(line, "# forged", 8) != 0,
			      "format %d: a forged line", fmt);
		line = strchr(line, '\n');
		line = line ? line + 1 : NULL;
	}
}

static void assert_well_formed(const char *out, size_t len, int fmt)
{
	const char *start = out + strspn(out, " \n");

	if (*start == '<') {
		xmlDocPtr doc = xmlReadMemory(out, (int)len, "report.xml", NULL,
					      XML_PARSE_NONET);

		ck_assert_msg(doc != NULL, "format %d: not well-formed XML",
			      fmt);
		xmlFreeDoc(doc);
		ck_assert_msg(!strstr(out, "<script"), "format %d: <script",
			      fmt);
	} else if (*start == '{') {
		json_object *o = json_tokener_parse(out);

		ck_assert_msg(o != NULL, "format %d: not valid JSON", fmt);
		json_object_put(o);
	}
}

static void check_format(const struct hp_report *r, int fmt, bool colour,
			 int *ret)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	const char *bad;

	ck_assert_ptr_nonnull(f);
	*ret = hp_report_write(r, (enum hp_format)fmt, f, colour);
	fclose(f);
	if (*ret == 0) {
		ck_assert_uint_gt(len, 0);
		bad = raw_control(out, len, colour);
		ck_assert_msg(!bad, "format %d: raw byte 0x%02x at %td", fmt,
			      bad ? (unsigned char)*bad : 0, bad - out);
		assert_no_forged_line(out, fmt);
		assert_well_formed(out, len, fmt);
	}
	free(out);
}

START_TEST(test_hostile_text_every_format)
{
	char *text = hostile_stream(), err[512];
	struct hp_stream s;
	struct hp_profile p;
	struct hp_report r;
	int fmt, ret = 0;

	ck_assert_msg(read_sealed(text, &s, err, sizeof(err)) == 0, "%s", err);
	ck_assert_int_eq(hp_profile_load("hardened", CASES_DIR, &p, err,
					 sizeof(err)),
			 0);
	ck_assert_int_eq(hp_judge(&p, &s, "hostile\x1b[2J.jsonl", &r), 0);
	ck_assert_int_eq(r.pass, 0);
	for (fmt = 0; ret != -EINVAL; fmt++) {
		check_format(&r, fmt, false, &ret);
		if (ret != -EINVAL)
			check_format(&r, fmt, true, &ret);
		ck_assert_msg(ret == 0 || ret == -EINVAL, "format %d: %s", fmt,
			      strerror(-ret));
	}
	/* text, json and junit at least; every later format too */
	ck_assert_int_ge(fmt - 1, 3);
	ck_assert_int_eq(hp_format_parse("text"), 0);
	hp_report_free(&r);
	hp_profile_free(&p);
	hp_stream_free(&s);
	free(text);
}
END_TEST

/* Messages about a bad stream or profile quote it, escaped. */
START_TEST(test_hostile_text_in_messages)
{
	char err[512], path[] = "/tmp/hardprobe-unit-XXXXXX.profile";
	struct hp_stream s;
	struct hp_profile p;
	int fd;

	ck_assert_int_eq(read_sealed("{\"type\":\"header\",\"format\":2}\n"
				     "{\"type\":\"\\u001b[2J\\u0007\"}\n",
				     &s, err, sizeof(err)),
			 -1);
	ck_assert_str_eq(err, "s.jsonl:2: unknown line type '\\x1b[2J\\x07'");
	fd = mkstemps(path, 8);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_gt(write(fd, "nnp.flag \x1b]0;t\x07\n", 16), 0);
	close(fd);
	ck_assert_int_eq(hp_profile_load(path, CASES_DIR, &p, err, sizeof(err)),
			 -1);
	unlink(path);
	ck_assert_msg(strstr(err, ":1: nnp.flag: unknown expectation "
				  "'\\x1b]0;t\\x07'"),
		      "%s", err);
	ck_assert_ptr_null(strchr(err, '\x1b'));
}
END_TEST

Suite *hostile_text_suite(void)
{
	Suite *s = suite_create("hostile-text");
	TCase *tc = tcase_create("hostile-text");

	tcase_add_test(tc, test_hostile_text_every_format);
	tcase_add_test(tc, test_hostile_text_in_messages);
	suite_add_tcase(s, tc);
	return s;
}
