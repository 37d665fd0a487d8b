/* hardprobe run: start the probe image with ctr, keep what the probes
 * wrote, and judge it against a profile. */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "cli.h"
#include "evidence.h"
#include "run-count.h"
#include "run.h"

#define DEFAULT_IMAGE "localhost/hardprobe:" HARDPROBE_VERSION
#define DEFAULT_TIMEOUT_S 120

static const char usage[] =
	"Usage: hardprobe run [OPTION]... [-- CTR-RUN-FLAG...]\n"
	"Run the probes in a new container (ctr run CTR-RUN-FLAGS IMAGE "
	"ID), judge\n"
	"what they saw against a profile and print the report.  The "
	"stream, the\n"
	"reports (text, json and each --format given), the container's "
	"OCI spec\n"
	"and a manifest of them all are kept in RESULTS/<UTC time>-<id>/.\n"
	"\n" HP_VERDICT_HELP "  -a, --address=SOCKET\n"
	"                      containerd socket (default: "
	"$CONTAINERD_ADDRESS,\n"
	"                      or /run/containerd/containerd.sock)\n"
	"  -n, --namespace=NS  containerd namespace (default: "
	"$CONTAINERD_NAMESPACE,\n"
	"                      or hardprobe)\n"
	"      --image=REF     probe image (default: " DEFAULT_IMAGE ")\n"
	"      --image-archive=TAR\n"
	"                      import the image from TAR when it is missing\n"
	"                      (default: the archive installed with "
	"hardprobe)\n"
	"      --results=DIR   where evidence directories go "
	"(default: results)\n"
	"      --timeout=SECONDS\n"
	"                      kill the container after SECONDS "
	"(default: 120)\n"
	"      --count=N       run N containers at once, each with its own\n"
	"                      evidence directory; print their summary, not\n"
	"                      each report; exit with the worst status\n"
	"  -h, --help          show this help\n"
	"\n"
	"Example:\n"
	"  hardprobe run --profile hardened -- --read-only --seccomp \\\n"
	"      --uidmap 0:100000:65536 --gidmap 0:100000:65536\n"
	"\n"
	"Exit status: 0 profile met, 1 a check failed or errored, 2 bad "
	"usage, or a\n"
	"malformed stream or profile, 3 the container could not be run.\n";

enum { OPT_IMAGE = 300, OPT_ARCHIVE, OPT_RESULTS, OPT_TIMEOUT, OPT_COUNT };

static const struct option options[] = {
	HP_VERDICT_LONG,
	{ "address", required_argument, NULL, 'a' },
	{ "namespace", required_argument, NULL, 'n' },
	{ "image", required_argument, NULL, OPT_IMAGE },
	{ "image-archive", required_argument, NULL, OPT_ARCHIVE },
	{ "results", required_argument, NULL, OPT_RESULTS },
	{ "timeout", required_argument, NULL, OPT_TIMEOUT },
	{ "count", required_argument, NULL, OPT_COUNT },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static const char *env_or(const char *name, const char *fallback)
{
	const char *v = getenv(name);

	return v && *v ? v : fallback;
}

void hp_run_defaults(struct hp_run_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->verdict.profile = "hardened";
	o->ctr.program = env_or("HARDPROBE_CTR", "ctr");
	o->ctr.address =
		env_or("CONTAINERD_ADDRESS", "/run/containerd/containerd.sock");
	o->ctr.ns = env_or("CONTAINERD_NAMESPACE", "hardprobe");
	o->ctr.timeout_s = DEFAULT_TIMEOUT_S;
	o->image = DEFAULT_IMAGE;
	o->results = "results";
}

/* An option of run's own; 0, or the exit status of a usage error. */
static int option(int c, char **argv, struct hp_run_opts *o)
{
	switch (c) {
	case 'a':
		o->ctr.address = optarg;
		return 0;
	case 'n':
		o->ctr.ns = optarg;
		return 0;
	case OPT_IMAGE:
		o->image = optarg;
		return 0;
	case OPT_ARCHIVE:
		o->archive = optarg;
		return 0;
	case OPT_RESULTS:
		o->results = optarg;
		return 0;
	case OPT_TIMEOUT:
		if (hp_parse_seconds(optarg, &o->ctr.timeout_s) < 0)
			return hp_usage_error(
				"run",
				"bad timeout '%s' (want whole seconds "
				"above 0)",
				optarg);
		return 0;
	case OPT_COUNT:
		return hp_run_count_option(optarg, &o->count);
	}
	return hp_opt_error("run", c, argv);
}

/* run removes the container itself, after reading its spec: a --rm of
 * the user's would take the spec away first. */
static int check_flags(const struct hp_run_opts *o)
{
	int i;

	for (i = 0; i < o->nflags; i++)
		if (strcmp(o->flags[i], "--rm") == 0)
			return hp_usage_error(
				"run", "ctr flag '--rm' not allowed (run "
				       "removes the container itself)");
	return -1;
}

/* Returns -1 to go on, or the exit status to stop with. */
static int parse(int argc, char **argv, struct hp_run_opts *o)
{
	int c, ret;

	optind = 0;
	/* '+': stop at the first word, so that only "--" leads to flags. */
	while ((c = getopt_long(argc, argv, "+:" HP_VERDICT_SHORT "a:n:h",
				options, NULL)) != -1) {
		if (c == 'h') {
			fputs(usage, stdout);
			return HP_EXIT_PASS;
		}
		ret = hp_verdict_option("run", c, optarg, &o->verdict);
		if (ret < 0)
			ret = option(c, argv, o);
		if (ret > 0)
			return ret;
	}
	if (optind < argc && strcmp(argv[optind - 1], "--") != 0)
		return hp_usage_error("run",
				      "unexpected argument '%s' (ctr run flags "
				      "go after '--')",
				      argv[optind]);
	o->flags = argv + optind;
	o->nflags = argc - optind;
	return check_flags(o);
}

int hp_run_new_id(char *buf, size_t size)
{
	unsigned int r;

	if (getrandom(&r, sizeof(r), 0) != sizeof(r))
		return -errno;
	snprintf(buf, size, "hardprobe-%ld-%08x", (long)getpid(), r);
	return 0;
}

int hp_run_evidence_open(const char *results, char *id, size_t size,
			 struct hp_evidence *ev)
{
	int ret = hp_run_new_id(id, size);

	if (ret == 0)
		ret = hp_evidence_create(results, id, ev);
	if (ret < 0) {
		fprintf(stderr, "hardprobe: create directory '%s': %s\n",
			ev->path ? ev->path : results, strerror(-ret));
		hp_evidence_close(ev);
		return HP_EXIT_RUN;
	}
	return 0;
}

void hp_run_manifest(const struct hp_evidence *ev, struct hp_manifest *m)
{
	int ret;

	hp_utc_now(m->ended);
	m->facts = hp_run_facts(m->opts);
	ret = hp_manifest_write(ev, m);
	if (ret < 0)
		fprintf(stderr,
			"hardprobe: write file '%s/manifest.json': %s\n",
			ev->path, strerror(-ret));
	json_object_put(m->facts);
}

int hp_run_judge(const struct hp_run_opts *o, const struct hp_profile *p,
		 const struct hp_evidence *ev)
{
	char *stream = NULL;
	FILE *f = NULL;
	int ret;

	if (asprintf(&stream, "%s/stream.jsonl", ev->path) < 0)
		stream = NULL;
	f = stream ? fopen(stream, "re") : NULL;
	if (!f) {
		fprintf(stderr, "hardprobe: open stream '%s': %m\n",
			stream ? stream : ev->path);
		ret = HP_EXIT_USAGE;
	} else {
		ret = hp_verdict(&o->verdict, p, f, stream, ev);
		fclose(f);
	}
	free(stream);
	return ret;
}

/* The run itself, once the profile and the image are ready. */
static int run(const struct hp_run_opts *o, const struct hp_profile *p,
	       struct hp_manifest *m)
{
	struct hp_evidence ev = { .path = NULL, .dfd = -1 };
	char id[64];
	int ret = hp_run_evidence_open(o->results, id, sizeof(id), &ev);

	if (ret != 0)
		return ret;
	m->container_id = id;
	ret = hp_run_container(o, id, &ev);
	if (ret == 0)
		ret = hp_run_judge(o, p, &ev);
	m->exit_status = ret;
	hp_run_manifest(&ev, m);
	hp_evidence_close(&ev);
	return ret;
}

int hp_cmd_run(int argc, char **argv)
{
	struct hp_manifest m = { .argc = argc, .argv = argv };
	struct hp_run_opts o;
	struct hp_profile p;
	int ret;

	hp_utc_now(m.started);
	hp_run_defaults(&o);
	ret = parse(argc, argv, &o);
	if (ret >= 0)
		return ret;
	ret = hp_verdict_profile(&o.verdict, &p);
	if (ret != 0)
		return ret;
	if (hp_run_probe_args(&p, &o) < 0) {
		fputs("hardprobe: run: out of memory\n", stderr);
		hp_profile_free(&p);
		return HP_EXIT_RUN;
	}
	ret = hp_run_image(&o);
	m.opts = &o;
	m.profile = &p;
	if (ret == 0)
		ret = o.count ? hp_run_count(&o, &p, &m, run) : run(&o, &p, &m);
	free(o.probe_args);
	hp_profile_free(&p);
	return ret;
}
