/* Tests of harness/tokens.c: blanks, quotes and comments. */
#include "../../harness/tokens.h"
#include "unit.h"

static struct hp_tokens toks(const char *line)
{
	struct hp_tokens t;
	char why[128];

	ck_assert_msg(hp_tokenize(line, &t, why, sizeof(why)) == 0, "%s", why);
	return t;
}

START_TEST(test_words_and_comment)
{
	struct hp_tokens t = toks("  caps.sets\tonly CAP_KILL # a comment\n");

	ck_assert_uint_eq(t.n, 3);
	ck_assert_str_eq(t.v[0], "caps.sets");
	ck_assert_str_eq(t.v[1], "only");
	ck_assert_str_eq(t.v[2], "CAP_KILL");
	hp_tokens_free(&t);
}
END_TEST

START_TEST(test_quotes)
{
	struct hp_tokens t =
		toks("description \"a # b \\\"q\\\" \\\\\" \"\"  # c");

	ck_assert_uint_eq(t.n, 3);
	ck_assert_str_eq(t.v[1], "a # b \"q\" \\");
	ck_assert_str_eq(t.v[2], "");
	hp_tokens_free(&t);
}
END_TEST

START_TEST(test_blank_and_comment_lines)
{
	struct hp_tokens t = toks("   \t\r\n");

	ck_assert_uint_eq(t.n, 0);
	t = toks("# only a comment \"x");
	ck_assert_uint_eq(t.n, 0);
}
END_TEST

START_TEST(test_errors)
{
	struct hp_tokens t;
	char why[128];

	ck_assert_int_lt(hp_tokenize("a \"open", &t, why, sizeof(why)), 0);
	ck_assert_str_eq(why, "unterminated quote");
	ck_assert_int_lt(hp_tokenize("a \"x\"y", &t, why, sizeof(why)), 0);
	ck_assert_str_eq(why, "text right after a quote");
	ck_assert_int_lt(hp_tokenize("a b\"c\"", &t, why, sizeof(why)), 0);
	ck_assert_str_eq(why, "quote inside a word");
	ck_assert_ptr_null(t.v);
}
END_TEST

Suite *tokens_suite(void)
{
	Suite *s = suite_create("tokens");
	TCase *tc = tcase_create("tokens");

	tcase_add_test(tc, test_words_and_comment);
	tcase_add_test(tc, test_quotes);
	tcase_add_test(tc, test_blank_and_comment_lines);
	tcase_add_test(tc, test_errors);
	suite_add_tcase(s, tc);
	return s;
}
