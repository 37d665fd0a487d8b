/* Judge a stream and hand the report to its readers. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "evidence.h"
#include "judge.h"
#include "specdiff.h"
#include "stream.h"
#include "verdict.h"

int hp_verdict_option(const char *cmd, int c, const char *arg,
		      struct hp_verdict_opts *o)
{
	int fmt;

	switch (c) {
	case 'p':
		o->profile = arg;
		return 0;
	case 'f':
		fmt = hp_format_parse(arg);
		if (fmt < 0)
			return hp_usage_error(
				cmd,
				"unknown format '%s' (want text, json, "
				"junit, tap or oscal)",
				arg);
		o->format = (enum hp_format)fmt;
		o->formats |= HP_FORMAT_BIT(fmt);
		return 0;
	case 'o':
		o->output = arg;
		return 0;
	case HP_OPT_CASES:
		o->cases = arg;
		return 0;
	case HP_OPT_FAIL_ON_SKIP:
		o->fail_on_skip = true;
		return 0;
	case HP_OPT_SPEC:
		o->spec = arg;
		return 0;
	}
	return hp_verdict_option_more(cmd, c, arg, o);
}

int hp_verdict_getopt(const char *cmd, const char *usage,
		      const struct option *options, int argc, char **argv,
		      struct hp_verdict_opts *o)
{
	int c, ret;

	optind = 0;
	while ((c = getopt_long(argc, argv, ":" HP_VERDICT_SHORT "h", options,
				NULL)) != -1) {
		ret = hp_verdict_option(cmd, c, optarg, o);
		if (ret > 0)
			return ret;
		if (ret == 0)
			continue;
		if (c != 'h')
			return hp_opt_error(cmd, c, argv);
		fputs(usage, stdout);
		return HP_EXIT_PASS;
	}
	return -1;
}

static void print_error(void *ctx, const char *msg)
{
	(void)ctx;
	fprintf(stderr, "hardprobe: %s\n", msg);
}

int hp_verdict_profile(const struct hp_verdict_opts *o, struct hp_profile *p)
{
	char *cases = hp_cases_dir(o->cases);
	struct hp_load_opts lo = { .cases_dir = cases,
				   .sets = o->sets,
				   .nsets = o->nsets,
				   .on_error = print_error };
	char err[1024];
	int ret;

	ret = hp_profile_load_opts(o->profile, &lo, p, err, sizeof(err));
	free(cases);
	return ret < 0 ? HP_EXIT_USAGE : 0;
}

/* The report in format fmt, in memory: *buf is the caller's. */
static int render(const struct hp_report *r, enum hp_format fmt, bool colour,
		  char **buf, size_t *len)
{
	FILE *f = open_memstream(buf, len);
	int ret;

	if (!f)
		return -errno;
	ret = hp_report_write(r, fmt, f, colour);
	if (fclose(f) != 0 && ret == 0)
		ret = -errno;
	if (ret < 0) {
		free(*buf);
		*buf = NULL;
	}
	return ret;
}

/* The report where the user asked for it. */
static int deliver(const struct hp_verdict_opts *o, const struct hp_report *r)
{
	bool colour = !o->output && hp_colour_ok(STDOUT_FILENO);
	char *buf;
	size_t len;
	int ret = render(r, o->format, colour, &buf, &len);

	if (ret == 0 && o->output)
		ret = hp_write_file(o->output, buf, len);
	else if (ret == 0 &&
		 (fwrite(buf, 1, len, stdout) != len || fflush(stdout) != 0))
		ret = errno ? -errno : -EIO;
	if (ret < 0)
		fprintf(stderr, "hardprobe: write report '%s': %s\n",
			o->output ? o->output : "<stdout>", strerror(-ret));
	free(buf);
	return ret;
}

static int report(const struct hp_verdict_opts *o, struct hp_report *r,
		  const struct hp_evidence *ev)
{
	r->by_control = o->by_control;
	if (o->fail_on_skip)
		hp_report_skips_fail(r);
	if (ev && hp_evidence_reports(ev, r, o->formats) < 0)
		return HP_EXIT_USAGE;
	if (deliver(o, r) < 0)
		return HP_EXIT_USAGE;
	return r->pass ? HP_EXIT_PASS : HP_EXIT_FAIL;
}

/* The oci-spec.json of an evidence directory: in dir_or_stream, or
 * beside it when it is a stream.jsonl; NULL when there is none. */
static char *kept_spec(const char *dir_or_stream, bool is_dir)
{
	const char *slash = strrchr(dir_or_stream, '/');
	const char *base = slash ? slash + 1 : dir_or_stream;
	int dirlen = slash ? (int)(slash - dir_or_stream) : 1;
	char *path = NULL;

	if (is_dir && asprintf(&path, "%s/oci-spec.json", dir_or_stream) < 0)
		return NULL;
	if (!is_dir && strcmp(base, "stream.jsonl") == 0 &&
	    asprintf(&path, "%.*s/oci-spec.json", dirlen,
		     slash ? dir_or_stream : ".") < 0)
		return NULL;
	if (path && access(path, F_OK) == 0)
		return path;
	free(path);
	return NULL;
}

/* The spec to compare: --spec, else the one run kept, so that verify of
 * a kept stream.jsonl gives the report run gave. */
static char *spec_path(const struct hp_verdict_opts *o,
		       const struct hp_evidence *ev, const char *name)
{
	if (o->spec)
		return strdup(o->spec);
	if (ev)
		return kept_spec(ev->path, true);
	return kept_spec(name, false);
}

/* Add the spec's disagreements to r; 0, or prints why not and returns
 * HP_EXIT_USAGE. */
static int compare_spec(const struct hp_verdict_opts *o,
			const struct hp_evidence *ev, const char *name,
			const struct hp_stream *s, struct hp_report *r)
{
	char *path = spec_path(o, ev, name), err[1024];
	json_object *spec = NULL;
	int ret = 0;

	if (!path)
		return 0;
	if (hp_spec_load(path, &spec, err, sizeof(err)) < 0 ||
	    hp_specdiff(spec, path, s, r, err, sizeof(err)) < 0) {
		fprintf(stderr, "hardprobe: %s\n", err);
		ret = HP_EXIT_USAGE;
	}
	json_object_put(spec);
	free(path);
	return ret;
}

int hp_verdict(const struct hp_verdict_opts *o, const struct hp_profile *p,
	       FILE *f, const char *name, const struct hp_evidence *ev)
{
	struct hp_stream s;
	struct hp_report r;
	char err[1024];
	int ret;

	if (hp_stream_read(f, name, &s, err, sizeof(err)) < 0) {
		fprintf(stderr, "hardprobe: %s\n", err);
		return HP_EXIT_USAGE;
	}
	ret = hp_judge(p, &s, name, &r);
	if (ret < 0) {
		fprintf(stderr, "hardprobe: judge stream '%s': %s\n", name,
			strerror(-ret));
		hp_stream_free(&s);
		return HP_EXIT_FAIL;
	}
	ret = compare_spec(o, ev, name, &s, &r);
	if (ret == 0)
		ret = report(o, &r, ev);
	hp_report_free(&r);
	hp_stream_free(&s);
	return ret;
}
