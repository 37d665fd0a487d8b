/* hardprobe summary: one table over many runs, for a fleet or for the
 * N containers of 'run --count'. */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "results.h"
#include "summary.h"
#include "verdict.h"

static const char usage[] =
	"Usage: hardprobe summary [OPTION]... DIR|STREAM...\n"
	"One table over many runs: a row per run, the runs per profile, and "
	"the\n"
	"checks that failed, with how many runs each failed in.  A DIR is an\n"
	"evidence directory that 'run' kept, or a directory of them (and of\n"
	"*.jsonl streams); a STREAM is a saved record stream ('-': stdin).\n"
	"Evidence directories are read from their report.json; with "
	"--profile,\n"
	"their streams are judged again against it.  Streams are judged "
	"against\n"
	"--profile (default: hardened).\n"
	"\n" HP_VERDICT_HELP "  -h, --help          show this help\n"
	"\n"
	"Exit status: 0 every run passed, 1 a run failed or left no report, 2 "
	"bad\n"
	"usage, or an unreadable or malformed input (each one is named).\n";

static const struct option options[] = {
	HP_VERDICT_LONG,
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

/* Returns -1 to go on, or the exit status to stop with. */
static int parse(int argc, char **argv, struct hp_verdict_opts *o)
{
	int ret = hp_verdict_getopt("summary", usage, options, argc, argv, o);

	if (ret >= 0)
		return ret;
	if (optind >= argc)
		return hp_usage_error("summary",
				      "no directory or stream given");
	return hp_summary_format_check("summary", o->format);
}

/* Every input in turn; a bad one does not hide the others. */
static int load_all(struct hp_summary *s, const struct hp_summary_load *lo,
		    char **paths, int n)
{
	int ret = 0, r;

	for (int i = 0; i < n; i++) {
		r = hp_summary_load(s, lo, paths[i]);
		if (r == -ENOMEM) {
			fprintf(stderr, "hardprobe: read '%s': %s\n", paths[i],
				strerror(ENOMEM));
			return HP_EXIT_USAGE;
		}
		if (r < 0)
			ret = HP_EXIT_USAGE;
	}
	return ret;
}

int hp_summary_deliver(const struct hp_summary *s, enum hp_format fmt,
		       const char *output)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	int ret = f ? hp_summary_write(s, fmt, f) : -errno;

	if (f && fclose(f) != 0 && ret == 0)
		ret = -errno;
	if (ret == 0 && output)
		ret = hp_write_file(output, buf, len);
	else if (ret == 0)
		ret = hp_write_all(STDOUT_FILENO, buf, len);
	if (ret < 0)
		fprintf(stderr, "hardprobe: write summary '%s': %s\n",
			output ? output : "<stdout>", strerror(-ret));
	free(buf);
	return ret;
}

int hp_cmd_summary(int argc, char **argv)
{
	struct hp_verdict_opts o = { .profile = NULL };
	struct hp_summary_load lo = { .profile = NULL };
	struct hp_summary s = { .runs = NULL };
	struct hp_profile p;
	int ret = parse(argc, argv, &o), loaded;

	if (ret >= 0)
		return ret;
	lo.rejudge = o.profile != NULL;
	lo.fail_on_skip = o.fail_on_skip;
	if (!o.profile)
		o.profile = "hardened";
	ret = hp_verdict_profile(&o, &p);
	if (ret != 0)
		return ret;
	lo.profile = &p;
	loaded = load_all(&s, &lo, argv + optind, argc - optind);
	hp_summary_sort(&s);
	ret = hp_summary_deliver(&s, o.format, o.output) < 0
		      ? HP_EXIT_USAGE
		      : hp_summary_status(&s);
	hp_summary_free(&s);
	hp_profile_free(&p);
	return loaded ? loaded : ret;
}
