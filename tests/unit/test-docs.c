/* The documents a user reads name every check: the README's table and the
 * profile format's reference, so that a new check cannot ship unexplained. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *text = NULL;
	size_t len = 0;
	ssize_t n;

	ck_assert_msg(f != NULL, "open %s", path);
	n = getdelim(&text, &len, '\0', f);
	ck_assert_msg(n > 0, "read %s", path);
	fclose(f);
	return text;
}

/* Each check id appears in path as `ID` (in backquotes, as the tables
 * write it). */
static void assert_names_every_check(const char *path)
{
	char *text = slurp(path);
	char quoted[128];

	for (size_t i = 0; i < hp_nchecks; i++) {
		snprintf(quoted, sizeof(quoted), "`%s`", hp_checks[i].id);
		ck_assert_msg(strstr(text, quoted) != NULL,
			      "%s does not name %s", path, quoted);
	}
	free(text);
}

START_TEST(test_readme_names_every_check)
{
	assert_names_every_check(HARDPROBE_SRCDIR "/README.md");
}
END_TEST

START_TEST(test_profile_format_names_every_check)
{
	assert_names_every_check(HARDPROBE_SRCDIR "/docs/profile-format.md");
}
END_TEST

Suite *docs_suite(void)
{
	Suite *s = suite_create("docs");
	TCase *tc = tcase_create("docs");

	tcase_add_test(tc, test_readme_names_every_check);
	tcase_add_test(tc, test_profile_format_names_every_check);
	suite_add_tcase(s, tc);
	return s;
}
