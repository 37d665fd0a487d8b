/* From a stream to a report and an exit status: what run and verify share. */
#ifndef HARDPROBE_VERDICT_H
#define HARDPROBE_VERDICT_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

#include "profile.h"
#include "report.h"
#include "results.h"

/* At most this many --set options. */
#define HP_MAX_SETS 64

struct hp_verdict_opts {
	const char *profile;   /* a built-in name or a path */
	const char *cases;     /* --cases, or NULL */
	enum hp_format format; /* the last --format: what is printed */
	unsigned formats;      /* every --format given, HP_FORMAT_BIT() */
	const char *output;    /* --output, or NULL for stdout */
	bool fail_on_skip;     /* a skipped check fails the profile */
	const char *sets[HP_MAX_SETS]; /* --set NAME=VALUE, in order */
	size_t nsets;
	bool by_control;  /* --group-by control */
	const char *spec; /* verify --spec: an OCI spec to compare, or NULL */
};

/* The options that set hp_verdict_opts, for getopt_long tables. */
enum {
	HP_OPT_CASES = 256,
	HP_OPT_FAIL_ON_SKIP,
	HP_OPT_SET,
	HP_OPT_GROUP_BY,
	HP_OPT_SPEC /* verify's --spec, in its table only */
};
#define HP_VERDICT_SHORT "p:f:o:"
#define HP_VERDICT_LONG                                                   \
	{ "profile", required_argument, NULL, 'p' },                      \
		{ "format", required_argument, NULL, 'f' },               \
		{ "output", required_argument, NULL, 'o' },               \
		{ "cases", required_argument, NULL, HP_OPT_CASES },       \
		{ "set", required_argument, NULL, HP_OPT_SET },           \
		{ "group-by", required_argument, NULL, HP_OPT_GROUP_BY }, \
	{                                                                 \
		"fail-on-skip", no_argument, NULL, HP_OPT_FAIL_ON_SKIP    \
	}
#define HP_VERDICT_HELP                                                     \
	"  -p, --profile=P     a built-in profile name or a profile file\n" \
	"                      (default: hardened)\n"                       \
	"  -f, --format=F      report format: text, json, junit, tap or\n"  \
	"                      oscal (default: text)\n"                     \
	"      --set=NAME=VALUE  give a profile parameter a value\n"        \
	"      --group-by=control  text and json: checks by control id\n"   \
	"  -o, --output=FILE   write the report to FILE, not stdout\n"      \
	"      --cases=DIR     where the built-in profiles are\n"           \
	"                      (default: $HARDPROBE_CASES, or installed)\n" \
	"      --fail-on-skip  a skipped check fails the profile (for CI)\n"

/* Take the option getopt_long() returned as c, with its argument arg,
 * into o.  Returns 0, HP_EXIT_USAGE (after saying why) when arg is bad,
 * or -1 when c is not one of these options. */
int hp_verdict_option(const char *cmd, int c, const char *arg,
		      struct hp_verdict_opts *o);

/* Parse argv with getopt_long(), short options HP_VERDICT_SHORT and -h,
 * long ones options: only verdict options and --help (which prints usage).
 * Returns -1 with optind at the first operand, or the exit status to stop
 * with (after saying why, when it is not 0). */
int hp_verdict_getopt(const char *cmd, const char *usage,
		      const struct option *options, int argc, char **argv,
		      struct hp_verdict_opts *o);

/* The options about the profile's use (--set, --group-by), in the same
 * manner; hp_verdict_option() passes on what it does not know. */
int hp_verdict_option_more(const char *cmd, int c, const char *arg,
			   struct hp_verdict_opts *o);

/* Load o->profile into p.  Returns 0, or prints why it cannot be loaded
 * ("FILE:LINE: why") and returns HP_EXIT_USAGE. */
int hp_verdict_profile(const struct hp_verdict_opts *o, struct hp_profile *p);

/*
 * Read the stream in f (called name in messages and reports), judge it
 * against p, and write the report to o->output (coloured text only on a
 * terminal).  When ev is not NULL, also keep report.txt and report.json in
 * it.  The OCI spec o->spec, else the oci-spec.json kept in ev (or beside
 * a stream named .../stream.jsonl), is compared with the stream
 * (specdiff.h).  Prints what goes wrong; returns the exit status.
 */
int hp_verdict(const struct hp_verdict_opts *o, const struct hp_profile *p,
	       FILE *f, const char *name, const struct hp_evidence *ev);

#endif
