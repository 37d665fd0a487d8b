/* hardprobe profile lint|show: check profile files, reporting every
 * error, or print one with its inheritance resolved. */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "profile.h"

#define MAX_SETS 64

static const char usage[] =
	"Usage: hardprobe profile lint [OPTION]... FILE...\n"
	"       hardprobe profile show [OPTION]... NAME|FILE\n"
	"lint: check each profile and every profile it extends, and print "
	"each error\n"
	"as FILE:LINE: why (not only the first).  show: print the profile "
	"with its\n"
	"inheritance resolved, in the profile format (it can be saved and "
	"loaded).\n"
	"\n"
	"      --set=NAME=VALUE  give a parameter a value (repeatable)\n"
	"      --cases=DIR       where the built-in profiles are\n"
	"                        (default: $HARDPROBE_CASES, or installed)\n"
	"  -h, --help            show this help\n"
	"\n"
	"Exit status: 0 no error, 2 a profile has an error, or bad usage.\n";

enum { OPT_CASES = 256, OPT_SET };

static const struct option options[] = {
	{ "cases", required_argument, NULL, OPT_CASES },
	{ "set", required_argument, NULL, OPT_SET },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

struct args {
	const char *cases;
	const char *sets[MAX_SETS];
	size_t nsets;
};

/* Returns -1 to go on, or the exit status to stop with.  Before the
 * action (first), options end at the first operand; after it, they may
 * come anywhere. */
static int parse(int argc, char **argv, struct args *a, bool first)
{
	int c;

	optind = 0;
	while ((c = getopt_long(argc, argv, first ? "+:h" : ":h", options,
				NULL)) != -1) {
		if (c == OPT_CASES)
			a->cases = optarg;
		else if (c == OPT_SET && a->nsets == MAX_SETS)
			return hp_usage_error("profile", "more than %d --set",
					      MAX_SETS);
		else if (c == OPT_SET)
			a->sets[a->nsets++] = optarg;
		else if (c == 'h')
			return fputs(usage, stdout) < 0 ? HP_EXIT_USAGE
							: HP_EXIT_PASS;
		else
			return hp_opt_error("profile", c, argv);
	}
	return -1;
}

static void print_error(void *ctx, const char *msg)
{
	(void)ctx;
	fprintf(stderr, "%s\n", msg);
}

/* Load spec with every error printed; 0 or HP_EXIT_USAGE. */
static int load(const struct args *a, const char *cases, const char *spec,
		struct hp_profile *p)
{
	struct hp_load_opts o = { .cases_dir = cases,
				  .sets = a->sets,
				  .nsets = a->nsets,
				  .on_error = print_error };
	char err[1024];

	return hp_profile_load_opts(spec, &o, p, err, sizeof(err)) == 0
		       ? 0
		       : HP_EXIT_USAGE;
}

static int lint(const struct args *a, const char *cases, int n, char **files)
{
	struct hp_profile p;
	int ret = HP_EXIT_PASS;

	for (int i = 0; i < n; i++) {
		if (load(a, cases, files[i], &p) != 0) {
			ret = HP_EXIT_USAGE;
			continue;
		}
		printf("%s: ok (%zu checks)\n", files[i], p.n);
		hp_profile_free(&p);
	}
	return ret;
}

static int show(const struct args *a, const char *cases, const char *spec)
{
	struct hp_profile p;
	int ret = load(a, cases, spec, &p);

	if (ret != 0)
		return ret;
	ret = hp_profile_write(&p, stdout);
	if (ret < 0)
		fprintf(stderr, "hardprobe: write '<stdout>': %s\n",
			strerror(-ret));
	hp_profile_free(&p);
	return ret < 0 ? HP_EXIT_USAGE : HP_EXIT_PASS;
}

/* verb, then n operands in v. */
static int dispatch(const struct args *a, const char *cases, const char *verb,
		    int n, char **v)
{
	if (strcmp(verb, "lint") == 0 && n > 0)
		return lint(a, cases, n, v);
	if (strcmp(verb, "lint") == 0)
		return hp_usage_error("profile", "lint needs a FILE");
	if (strcmp(verb, "show") != 0)
		return hp_usage_error("profile",
				      "unknown action '%s' (want lint or "
				      "show)",
				      verb);
	if (n != 1)
		return hp_usage_error("profile", "show takes one NAME");
	return show(a, cases, v[0]);
}

int hp_cmd_profile(int argc, char **argv)
{
	struct args a = { 0 };
	char *cases, **sub;
	int ret = parse(argc, argv, &a, true), nsub;

	if (ret >= 0)
		return ret;
	if (optind >= argc)
		return hp_usage_error("profile", "no action (want lint or "
						 "show)");
	/* options may also follow the action: sub[0] is the action */
	sub = argv + optind;
	nsub = argc - optind;
	ret = parse(nsub, sub, &a, false);
	if (ret >= 0)
		return ret;
	cases = hp_cases_dir(a.cases);
	ret = dispatch(&a, cases, sub[0], nsub - optind, sub + optind);
	free(cases);
	return ret;
}
