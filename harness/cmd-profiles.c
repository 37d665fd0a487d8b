/* hardprobe profiles: the built-in profiles, found in the cases directory. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "profile.h"

#define SUFFIX ".profile"

static const char usage[] =
	"Usage: hardprobe profiles [--cases=DIR]\n"
	"List the built-in profiles (DIR/NAME.profile) with their "
	"descriptions.\n"
	"\n"
	"      --cases=DIR  where the built-in profiles are\n"
	"                   (default: $HARDPROBE_CASES, or installed)\n"
	"  -h, --help       show this help\n";

enum { OPT_CASES = 256 };

static const struct option options[] = {
	{ "cases", required_argument, NULL, OPT_CASES },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static int is_profile(const struct dirent *d)
{
	size_t n = strlen(d->d_name);

	return d->d_name[0] != '.' && n > strlen(SUFFIX) &&
	       strcmp(d->d_name + n - strlen(SUFFIX), SUFFIX) == 0;
}

/* Print one profile's line, its name padded to width; 0, or
 * HP_EXIT_USAGE when it does not load. */
static int show(const char *cases, const char *file, int width)
{
	char *name = strndup(file, strlen(file) - strlen(SUFFIX));
	struct hp_profile p;
	char err[1024];
	int ret = HP_EXIT_USAGE;

	if (!name)
		return HP_EXIT_USAGE;
	if (hp_profile_load(name, cases, &p, err, sizeof(err)) == 0) {
		printf("%-*s  %s\n", width, name,
		       p.description ? p.description : "");
		hp_profile_free(&p);
		ret = 0;
	} else {
		fprintf(stderr, "hardprobe: %s\n", err);
	}
	free(name);
	return ret;
}

static int list(const char *cases)
{
	struct dirent **ents;
	int n, i, ret = 0, width = 0;

	n = scandir(cases, &ents, is_profile, alphasort);
	if (n < 0) {
		fprintf(stderr, "hardprobe: read directory '%s': %s\n", cases,
			strerror(errno));
		return HP_EXIT_USAGE;
	}
	for (i = 0; i < n; i++) {
		int len = (int)(strlen(ents[i]->d_name) - strlen(SUFFIX));

		if (len > width)
			width = len;
	}
	for (i = 0; i < n; i++) {
		if (show(cases, ents[i]->d_name, width) != 0)
			ret = HP_EXIT_USAGE;
		free(ents[i]);
	}
	free(ents);
	return ret;
}

int hp_cmd_profiles(int argc, char **argv)
{
	const char *opt = NULL;
	char *cases;
	int c, ret;

	optind = 0;
	while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
		if (c == OPT_CASES) {
			opt = optarg;
			continue;
		}
		if (c != 'h')
			return hp_opt_error("profiles", c, argv);
		fputs(usage, stdout);
		return HP_EXIT_PASS;
	}
	if (optind < argc)
		return hp_usage_error("profiles", "unexpected argument '%s'",
				      argv[optind]);
	cases = hp_cases_dir(opt);
	if (!cases) {
		fprintf(stderr, "hardprobe: find the cases directory: not "
				"installed (give --cases=DIR)\n");
		return HP_EXIT_USAGE;
	}
	ret = list(cases);
	free(cases);
	return ret;
}
