/* hardprobe diff OLD NEW: compare two runs (evidence directories or saved
 * streams) and exit 1 when the now one is weaker. */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "diff.h"
#include "verdict.h"

static const char usage[] =
	"Usage: hardprobe diff [OPTION]... OLD NEW\n"
	"Show what changed between two runs of the same workload: checks "
	"that\n"
	"flipped, capabilities gained or lost, mounts added, removed or made\n"
	"writable, dangerous system calls that became reachable, and the "
	"user,\n"
	"seccomp mode, no_new_privs and host root mapping.  OLD and NEW are\n"
	"evidence directories of 'run' or saved record streams.\n"
	"\n"
	"  -p, --profile=P     judge both runs against P (default: the "
	"profile in\n"
	"                      OLD's manifest, else NEW's, else hardened)\n"
	"      --cases=DIR     where the built-in profiles are\n"
	"  -f, --format=F      text or json (default: text)\n"
	"  -h, --help          show this help\n"
	"\n"
	"Exit status: 0 nothing got weaker, 1 something got weaker, 2 bad "
	"usage,\n"
	"or an unreadable or malformed stream, manifest or profile.\n";

static const struct option options[] = {
	{ "profile", required_argument, NULL, 'p' },
	{ "cases", required_argument, NULL, HP_OPT_CASES },
	{ "format", required_argument, NULL, 'f' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

struct side {
	const char *arg;
	char *stream;	    /* the stream file */
	char *spec;	    /* the profile its manifest names, or NULL */
	struct hp_stream s; /* read */
	struct hp_report r; /* judged */
};

struct diff_opts {
	struct hp_verdict_opts v;
	bool json;
};

/* The profile spec in DIR/manifest.json, if there is one. */
static char *manifest_spec(const char *dir)
{
	char *path = NULL, *spec = NULL;
	json_object *m, *p = NULL, *v = NULL;

	if (asprintf(&path, "%s/manifest.json", dir) < 0)
		return NULL;
	m = json_object_from_file(path);
	if (m && json_object_object_get_ex(m, "profile", &p) &&
	    json_object_object_get_ex(p, "spec", &v) &&
	    json_object_is_type(v, json_type_string))
		spec = strdup(json_object_get_string(v));
	json_object_put(m);
	free(path);
	return spec;
}

/* Find the stream of side (and its profile); read it.  0, or -1 after
 * saying why. */
static int load(struct side *sd)
{
	char err[1024];
	struct stat st;
	FILE *f;
	int ret;

	if (stat(sd->arg, &st) == 0 && S_ISDIR(st.st_mode)) {
		if (asprintf(&sd->stream, "%s/stream.jsonl", sd->arg) < 0)
			return -1;
		sd->spec = manifest_spec(sd->arg);
	} else if (!(sd->stream = strdup(sd->arg))) {
		return -1;
	}
	f = fopen(sd->stream, "re");
	if (!f) {
		fprintf(stderr, "hardprobe: open stream '%s': %m\n",
			sd->stream);
		return -1;
	}
	ret = hp_stream_read(f, sd->stream, &sd->s, err, sizeof(err));
	fclose(f);
	if (ret < 0)
		fprintf(stderr, "hardprobe: %s\n", err);
	return ret;
}

static int judge(const struct hp_profile *p, struct side *sd)
{
	int ret = hp_judge(p, &sd->s, sd->stream, &sd->r);

	if (ret < 0)
		fprintf(stderr, "hardprobe: judge stream '%s': %s\n",
			sd->stream, strerror(-ret));
	return ret;
}

/* Compare, print, and the exit status. */
static int compare(const struct diff_opts *o, struct side *a, struct side *b)
{
	struct hp_diff d = { 0 };
	int ret = hp_diff_checks(&a->r, &b->r, &d);

	if (ret == 0)
		ret = hp_diff_streams(&a->s, &b->s, &d);
	if (ret == 0)
		ret = o->json ? hp_diff_write_json(&d, a->arg, b->arg,
						   o->v.profile, stdout)
			      : hp_diff_write_text(&d, a->arg, b->arg,
						   o->v.profile, stdout);
	if (ret < 0)
		fprintf(stderr, "hardprobe: diff '%s' '%s': %s\n", a->arg,
			b->arg, strerror(-ret));
	else
		ret = d.weaker ? HP_EXIT_FAIL : HP_EXIT_PASS;
	hp_diff_free(&d);
	return ret < 0 ? HP_EXIT_USAGE : ret;
}

static int run(struct diff_opts *o, struct side *a, struct side *b)
{
	struct hp_profile p;
	int ret;

	if (load(a) < 0 || load(b) < 0)
		return HP_EXIT_USAGE;
	if (!o->v.profile)
		o->v.profile = a->spec	 ? a->spec
			       : b->spec ? b->spec
					 : "hardened";
	ret = hp_verdict_profile(&o->v, &p);
	if (ret != 0)
		return ret;
	if (judge(&p, a) == 0 && judge(&p, b) == 0)
		ret = compare(o, a, b);
	else
		ret = HP_EXIT_USAGE;
	hp_profile_free(&p);
	return ret;
}

/* Returns -1 to go on, or the exit status to stop with. */
static int parse(int argc, char **argv, struct diff_opts *o)
{
	int c;

	optind = 0;
	while ((c = getopt_long(argc, argv, ":p:f:h", options, NULL)) != -1) {
		if (c == 'h') {
			fputs(usage, stdout);
			return HP_EXIT_PASS;
		} else if (c == 'p') {
			o->v.profile = optarg;
		} else if (c == HP_OPT_CASES) {
			o->v.cases = optarg;
		} else if (c == 'f' && (!strcmp(optarg, "text") ||
					!strcmp(optarg, "json"))) {
			o->json = strcmp(optarg, "json") == 0;
		} else if (c == 'f') {
			return hp_usage_error("diff",
					      "unknown format '%s' (want text "
					      "or json)",
					      optarg);
		} else {
			return hp_opt_error("diff", c, argv);
		}
	}
	if (argc - optind != 2)
		return hp_usage_error("diff", "want two runs, OLD and NEW");
	return -1;
}

static void side_free(struct side *sd)
{
	free(sd->stream);
	free(sd->spec);
	hp_stream_free(&sd->s);
	hp_report_free(&sd->r);
}

int hp_cmd_diff(int argc, char **argv)
{
	struct diff_opts o = { .json = false };
	struct side a = { .arg = NULL }, b = { .arg = NULL };
	int ret = parse(argc, argv, &o);

	if (ret >= 0)
		return ret;
	a.arg = argv[optind];
	b.arg = argv[optind + 1];
	ret = run(&o, &a, &b);
	side_free(&a);
	side_free(&b);
	return ret;
}
