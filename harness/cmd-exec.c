/* hardprobe exec: run the probes in a container that is already running,
 * through the runtime's exec (ctr task exec, or runc exec), and judge the
 * exec'd process: against the profile, and against the container's first
 * process (the exec.first-process check). */
#define _GNU_SOURCE
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "evidence.h"
#include "exec-run.h"

static const char usage[] =
	"Usage: hardprobe exec [OPTION]... CONTAINER\n"
	"Run the probes in the running container CONTAINER through the\n"
	"runtime's exec (ctr task exec, or runc exec), judge the exec'd\n"
	"process against a profile and compare it with the container's "
	"first\n"
	"process: capability sets, no_new_privs, seccomp, uid, gid, groups "
	"and\n"
	"security label (check exec.first-process).  Evidence goes to\n"
	"RESULTS/<UTC time>-<exec id>/, as for hardprobe run.\n"
	"\n" HP_VERDICT_HELP "  -a, --address=SOCKET\n"
	"                      containerd socket (default: "
	"$CONTAINERD_ADDRESS,\n"
	"                      or /run/containerd/containerd.sock)\n"
	"  -n, --namespace=NS  containerd namespace (default: "
	"$CONTAINERD_NAMESPACE,\n"
	"                      or hardprobe)\n"
	"      --runtime=R     ctr (default) or runc: a container that runc\n"
	"                      runs directly\n"
	"      --runc-root=DIR runc's state directory (default: /run/runc)\n"
	"      --process=FILE  runc only: the exec'd process's OCI spec\n"
	"                      (runc exec --process); its args must run\n"
	"                      /hardprobe/run-probes\n"
	"      --results=DIR   where evidence directories go "
	"(default: results)\n"
	"      --timeout=SECONDS\n"
	"                      stop the exec after SECONDS (default: 120)\n"
	"  -h, --help          show this help\n"
	"\n"
	"Start a container whose first process only waits, then probe it:\n"
	"  ctr -n hardprobe run -d --null-io [FLAGS...] \\\n"
	"      localhost/hardprobe:" HARDPROBE_VERSION
	" ID /hardprobe/run-probes --wait-only\n"
	"  hardprobe exec --profile hardened ID\n"
	"  ctr -n hardprobe task rm -f ID; ctr -n hardprobe container rm ID\n"
	"\n"
	"Exit status: 0 profile met, 1 a check failed or errored, 2 bad "
	"usage, or a\n"
	"malformed stream or profile, 3 the exec could not be run.\n";

enum {
	OPT_RESULTS = 300,
	OPT_TIMEOUT,
	OPT_RUNTIME,
	OPT_RUNC_ROOT,
	OPT_PROCESS
};

static const struct option options[] = {
	HP_VERDICT_LONG,
	{ "address", required_argument, NULL, 'a' },
	{ "namespace", required_argument, NULL, 'n' },
	{ "runtime", required_argument, NULL, OPT_RUNTIME },
	{ "runc-root", required_argument, NULL, OPT_RUNC_ROOT },
	{ "process", required_argument, NULL, OPT_PROCESS },
	{ "results", required_argument, NULL, OPT_RESULTS },
	{ "timeout", required_argument, NULL, OPT_TIMEOUT },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

/* run's defaults; no image until the container's is known. */
static void defaults(struct hp_exec_opts *x)
{
	memset(x, 0, sizeof(*x));
	hp_run_defaults(&x->run);
	x->run.image = "";
	x->runc_root = "/run/runc";
}

static int runtime(const char *arg, struct hp_exec_opts *x)
{
	if (strcmp(arg, "ctr") != 0 && strcmp(arg, "runc") != 0)
		return hp_usage_error("exec",
				      "unknown runtime '%s' (want ctr "
				      "or runc)",
				      arg);
	x->runc = strcmp(arg, "runc") == 0;
	return 0;
}

/* An option of exec's own; 0, or the exit status of a usage error. */
static int option(int c, char **argv, struct hp_exec_opts *x)
{
	switch (c) {
	case 'a':
		x->run.ctr.address = optarg;
		return 0;
	case 'n':
		x->run.ctr.ns = optarg;
		return 0;
	case OPT_RUNTIME:
		return runtime(optarg, x);
	case OPT_RUNC_ROOT:
		x->runc_root = optarg;
		x->runc_root_given = true;
		return 0;
	case OPT_PROCESS:
		x->process = optarg;
		return 0;
	case OPT_RESULTS:
		x->run.results = optarg;
		return 0;
	case OPT_TIMEOUT:
		if (hp_parse_seconds(optarg, &x->run.ctr.timeout_s) < 0)
			return hp_usage_error("exec",
					      "bad timeout '%s' (want whole "
					      "seconds above 0)",
					      optarg);
		return 0;
	}
	return hp_opt_error("exec", c, argv);
}

/* The options that make sense together; -1 to go on. */
static int check(struct hp_exec_opts *x)
{
	if (!x->runc && x->process)
		return hp_usage_error("exec", "--process needs --runtime runc "
					      "(ctr task exec takes the "
					      "container's process spec)");
	if (!x->runc && x->runc_root_given)
		return hp_usage_error("exec", "--runc-root needs --runtime "
					      "runc");
	if (x->runc) {
		x->run.ctr.program = "runc";
		x->run.ctr.runc_root = x->runc_root;
	}
	return -1;
}

/* Returns -1 to go on, or the exit status to stop with. */
static int parse(int argc, char **argv, struct hp_exec_opts *x)
{
	int c, ret;

	optind = 0;
	while ((c = getopt_long(argc, argv, ":" HP_VERDICT_SHORT "a:n:h",
				options, NULL)) != -1) {
		if (c == 'h') {
			fputs(usage, stdout);
			return HP_EXIT_PASS;
		}
		ret = hp_verdict_option("exec", c, optarg, &x->run.verdict);
		if (ret < 0)
			ret = option(c, argv, x);
		if (ret > 0)
			return ret;
	}
	if (optind >= argc)
		return hp_usage_error("exec", "no container given");
	if (optind + 1 < argc)
		return hp_usage_error("exec", "unexpected argument '%s'",
				      argv[optind + 1]);
	x->container = argv[optind];
	return check(x);
}

/* The exec itself, once the profile is ready. */
static int run(struct hp_exec_opts *x, const struct hp_profile *p,
	       struct hp_manifest *m)
{
	struct hp_evidence ev = { .path = NULL, .dfd = -1 };
	char id[64];
	int ret = hp_run_evidence_open(x->run.results, id, sizeof(id), &ev);

	if (ret != 0)
		return ret;
	m->container_id = x->container;
	ret = hp_exec_probes(x, id, &ev);
	if (ret == 0)
		ret = hp_run_judge(&x->run, p, &ev);
	m->exit_status = ret;
	hp_run_manifest(&ev, m);
	hp_evidence_close(&ev);
	return ret;
}

int hp_cmd_exec(int argc, char **argv)
{
	struct hp_manifest m = { .argc = argc, .argv = argv };
	struct hp_exec_opts x;
	struct hp_profile p;
	int ret;

	hp_utc_now(m.started);
	defaults(&x);
	ret = parse(argc, argv, &x);
	if (ret >= 0)
		return ret;
	ret = hp_verdict_profile(&x.run.verdict, &p);
	if (ret != 0)
		return ret;
	if (hp_run_probe_args(&p, &x.run) < 0) {
		fputs("hardprobe: exec: out of memory\n", stderr);
		hp_profile_free(&p);
		return HP_EXIT_RUN;
	}
	m.opts = &x.run;
	m.profile = &p;
	ret = run(&x, &p, &m);
	free(x.image);
	free(x.run.probe_args);
	hp_profile_free(&p);
	return ret;
}
