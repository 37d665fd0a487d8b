/* run-probes: the image's entry point.  Runs each probe (or those named
 * with --only) in its own child and writes the record stream of
 * docs/stream-format.md to stdout, its trailer holding a digest of the
 * lines before it. */
#define _GNU_SOURCE
#include <getopt.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>

#include <nettle/base16.h>
#include <nettle/sha2.h>

#include "drain.h"
#include "fsprobe.h"
#include "probe-host.h"
#include "runner.h"
#include "schedule.h"
#include "wait.h"

/* How long run-probes waits for its reader to take the stream. */
#define DRAIN_TIMEOUT_MS 5000

#define STREAM_FORMAT 2
#define PROBE_SET "1"
#define EXIT_USAGE 2
/* The most probes --jobs may run at once. */
#define MAX_JOBS 64

struct options {
	long timeout_ms;
	int jobs;	/* probes at once; 0: hp_default_jobs() */
	bool then_wait; /* --then-wait: stay up after the stream */
	bool wait_only; /* --wait-only: no stream, only wait */
	bool *selected; /* indexed like hp_catalog */
};

static const struct option long_options[] = {
	{ "list", no_argument, NULL, 'l' },
	{ "only", required_argument, NULL, 'o' },
	{ "timeout", required_argument, NULL, 't' },
	{ "jobs", required_argument, NULL, 'j' },
	{ "then-wait", no_argument, NULL, 'w' },
	{ "wait-only", no_argument, NULL, 'W' },
	{ "egress", required_argument, NULL, 'e' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static void usage(FILE *f)
{
	fputs("usage: run-probes [--only ID[,ID...]] [--timeout SECONDS] "
	      "[--then-wait]\n"
	      "                  [--jobs N] [--egress ADDRESS:PORT]...\n"
	      "       run-probes --list | --help | --version\n"
	      "       run-probes --wait-only  (write nothing, wait for "
	      "SIGTERM)\n"
	      "Runs hardening probes, each in its own child process, and\n"
	      "writes JSON Lines records to stdout.  --timeout is per probe\n"
	      "(default 10).  --jobs: probes at once (default 4; 1 under\n"
	      "a pids limit below 64); records keep catalog order.\n"
	      "--then-wait: after the stream, wait for SIGTERM (a\n"
	      "DaemonSet's pod stays up).  --egress: a numeric target for\n"
	      "net.egress (repeatable; none: it skips).\n",
	      f);
}

static void list_probes(void)
{
	for (size_t i = 0; i < hp_catalog_len; i++)
		printf("%s\t%s\n", hp_catalog[i].id, hp_catalog[i].description);
}

static int parse_timeout(const char *arg, long *ms)
{
	char *end;
	double s = strtod(arg, &end);

	if (end == arg || *end || !isfinite(s) || s <= 0 || s > 86400) {
		fprintf(stderr,
			"hardprobe: bad timeout '%s': want seconds "
			"above 0, at most 86400\n",
			arg);
		return -1;
	}
	*ms = (long)(s * 1000 + 0.5);
	if (*ms < 1)
		*ms = 1;
	return 0;
}

static int parse_jobs(const char *arg, int *jobs)
{
	char *end;
	long n = strtol(arg, &end, 10);

	if (end == arg || *end || n < 1 || n > MAX_JOBS) {
		fprintf(stderr,
			"hardprobe: bad jobs '%s': want a whole number from 1 "
			"to %d\n",
			arg, MAX_JOBS);
		return -1;
	}
	*jobs = (int)n;
	return 0;
}

static int find_probe(const char *id)
{
	for (size_t i = 0; i < hp_catalog_len; i++)
		if (strcmp(hp_catalog[i].id, id) == 0)
			return (int)i;
	return -1;
}

static int select_probes(const char *arg, bool *selected)
{
	char *list = strdup(arg), *save = NULL, *id;
	int rc = 0, i;

	for (id = strtok_r(list, ",", &save); id && rc == 0;
	     id = strtok_r(NULL, ",", &save)) {
		i = find_probe(id);
		if (i < 0) {
			fprintf(stderr,
				"hardprobe: unknown probe '%s' "
				"(see --list)\n",
				id);
			rc = -1;
		} else {
			selected[i] = true;
		}
	}
	free(list);
	return rc;
}

/* 0: run the probes; 1: done (--list, --help, --version); -1: usage. */
static int parse_args(int argc, char **argv, struct options *o)
{
	bool only = false;
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", long_options, NULL)) != -1) {
		if (c == '?' || c == ':') {
			fprintf(stderr, "hardprobe: %s option '%s'\n",
				c == ':' ? "no value for" : "unknown",
				argv[optind - 1]);
			return -1;
		}
		if (c == 'l' || c == 'h' || c == 'V') {
			if (c == 'l')
				list_probes();
			else if (c == 'h')
				usage(stdout);
			else
				printf("run-probes (hardprobe) %s\n",
				       HARDPROBE_VERSION);
			return 1;
		}
		if (c == 'o' && select_probes(optarg, o->selected) == 0)
			only = true;
		else if (c == 't' && parse_timeout(optarg, &o->timeout_ms) == 0)
			continue;
		else if (c == 'j' && parse_jobs(optarg, &o->jobs) == 0)
			continue;
		else if (c == 'w')
			o->then_wait = true;
		else if (c == 'W')
			o->wait_only = true;
		else if (c == 'e' && hp_egress_add(optarg) == 0)
			continue;
		else
			return -1;
	}
	if (optind < argc) {
		fprintf(stderr, "hardprobe: unexpected argument '%s'\n",
			argv[optind]);
		return -1;
	}
	if (!only)
		memset(o->selected, true, hp_catalog_len);
	else if (!memchr(o->selected, true, hp_catalog_len)) {
		fputs("hardprobe: --only names no probe\n", stderr);
		return -1;
	}
	return 0;
}

/* Every byte written before the trailer, for the trailer's digest. */
static struct sha256_ctx stream_digest;

/* One stream line, counted in the digest; false when stdout failed. */
static bool emit(json_object *obj)
{
	const char *s = json_object_to_json_string_ext(
		obj, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
	bool ok = puts(s) >= 0 && fflush(stdout) == 0;

	sha256_update(&stream_digest, strlen(s), (const uint8_t *)s);
	sha256_update(&stream_digest, 1, (const uint8_t *)"\n");
	json_object_put(obj);
	return ok;
}

/* "sha256:" and the hex digest of the lines emitted so far. */
static json_object *digest_string(void)
{
	uint8_t d[SHA256_DIGEST_SIZE];
	char text[sizeof("sha256:") + 2 * SHA256_DIGEST_SIZE] = "sha256:";

	sha256_digest(&stream_digest, sizeof(d), d);
	base16_encode_update(text + 7, sizeof(d), d);
	text[sizeof(text) - 1] = '\0';
	return json_object_new_string(text);
}

static json_object *header(void)
{
	json_object *h = json_object_new_object();
	struct utsname u;

	if (uname(&u) < 0)
		memset(&u, 0, sizeof(u));
	json_object_object_add(h, "type", json_object_new_string("header"));
	json_object_object_add(h, "format", json_object_new_int(STREAM_FORMAT));
	json_object_object_add(h, "probe_set",
			       json_object_new_string(PROBE_SET));
	json_object_object_add(h, "tool",
			       json_object_new_string(HARDPROBE_VERSION));
	json_object_object_add(h, "kernel", json_object_new_string(u.release));
	json_object_object_add(h, "machine", json_object_new_string(u.machine));
	return h;
}

static bool run_selected(const struct options *o)
{
	json_object *trailer;
	bool ok;
	int count = 0;

	for (size_t i = 0; i < hp_catalog_len; i++)
		count += o->selected[i];

	sha256_init(&stream_digest);
	ok = emit(header());

	if (ok)
		ok = hp_run_probes(o->selected, o->jobs, o->timeout_ms, emit);
	if (!ok)
		return false;
#ifdef HARDPROBE_TEST_PROBES
	/* The test image can end its stream the way a lost output looks to
	 * the harness: cut short, yet with exit status 0. */
	if (getenv("HARDPROBE_TEST_NO_TRAILER"))
		return true;
#endif
	trailer = json_object_new_object();
	json_object_object_add(trailer, "type",
			       json_object_new_string("trailer"));
	json_object_object_add(trailer, "records", json_object_new_int(count));
	json_object_object_add(trailer, "digest", digest_string());
	return emit(trailer);
}

/* The first process of a container that hardprobe exec probes: it only
 * keeps the container up, so that what it is (its credentials, its
 * confinement) is what the container was given. */
static int wait_only(void)
{
	int rc = hp_wait_for_stop();

	if (rc < 0)
		fprintf(stderr, "hardprobe: wait for SIGTERM: %s\n",
			strerror(-rc));
	return rc < 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}

int main(int argc, char **argv)
{
	struct options o = { .timeout_ms = 10000 };
	bool selected[hp_catalog_len];
	int rc;

	/* Before anything opens a file: fs.leaked-fds reports these. */
	hp_note_inherited_fds();
	memset(selected, false, sizeof(selected));
	o.selected = selected;
	rc = parse_args(argc, argv, &o);
	if (rc < 0)
		fputs("try 'run-probes --help'\n", stderr);
	if (rc != 0)
		return rc > 0 ? EXIT_SUCCESS : EXIT_USAGE;
	if (o.wait_only)
		return wait_only();
	if (o.jobs == 0)
		o.jobs = hp_default_jobs();
	rc = hp_runner_init();
	if (rc < 0) {
		fprintf(stderr, "hardprobe: set up signals: %s\n",
			strerror(-rc));
		return EXIT_FAILURE;
	}
	if (!run_selected(&o)) {
		fprintf(stderr, "hardprobe: write stream to stdout: %m\n");
		return EXIT_FAILURE;
	}
	/* A reader that never reads is no reason to fail: the stream is
	 * written; only its delivery is left to the reader. */
	hp_drain_stdout(DRAIN_TIMEOUT_MS);
	rc = o.then_wait ? hp_wait_for_stop() : 0;
	if (rc < 0)
		fprintf(stderr, "hardprobe: wait for SIGTERM: %s\n",
			strerror(-rc));
	return rc < 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}
