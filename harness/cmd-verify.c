/* hardprobe verify: judge a saved stream, or one read from stdin. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "verdict.h"

static const char usage[] =
	"Usage: hardprobe verify [OPTION]... [STREAM|-]\n"
	"Judge a saved record stream (the stream.jsonl that 'run' keeps) "
	"against a\n"
	"profile and print the report.  Without STREAM, or with '-', read "
	"stdin.\n"
	"\n" HP_VERDICT_HELP
	"      --spec=FILE     compare an OCI spec (a runc config.json, the\n"
	"                      oci-spec.json run keeps) with the stream\n"
	"  -h, --help          show this help\n"
	"\n"
	"Exit status: 0 profile met, 1 a check failed or errored or the "
	"container\n"
	"does not meet its spec, 2 bad usage, or an unreadable or malformed "
	"stream,\n"
	"profile or spec.\n";

static const struct option options[] = {
	HP_VERDICT_LONG,
	{ "spec", required_argument, NULL, HP_OPT_SPEC },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

/* Returns -1 to go on, or the exit status to stop with. */
static int parse(int argc, char **argv, struct hp_verdict_opts *o)
{
	int ret = hp_verdict_getopt("verify", usage, options, argc, argv, o);

	if (ret >= 0)
		return ret;
	if (argc - optind > 1)
		return hp_usage_error("verify", "more than one stream ('%s')",
				      argv[optind + 1]);
	return -1;
}

static int verify(const struct hp_verdict_opts *o, const char *path)
{
	struct hp_profile p;
	FILE *f = stdin;
	int ret = hp_verdict_profile(o, &p);

	if (ret != 0)
		return ret;
	if (strcmp(path, "-") != 0)
		f = fopen(path, "re");
	if (!f) {
		fprintf(stderr, "hardprobe: open stream '%s': %s\n", path,
			strerror(errno));
		hp_profile_free(&p);
		return HP_EXIT_USAGE;
	}
	ret = hp_verdict(o, &p, f, f == stdin ? "<stdin>" : path, NULL);
	if (f != stdin)
		fclose(f);
	hp_profile_free(&p);
	return ret;
}

int hp_cmd_verify(int argc, char **argv)
{
	struct hp_verdict_opts o = { .profile = "hardened" };
	int ret = parse(argc, argv, &o);

	if (ret >= 0)
		return ret;
	return verify(&o, optind < argc ? argv[optind] : "-");
}
