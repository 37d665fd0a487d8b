/* hardprobe run --count N: a load check of a node's runtime
 * configuration.  Each run is a child process doing what one 'run' does,
 * so the runs share nothing but containerd. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "run-count.h"
#include "summary.h"

/* A child's run: its report goes to its evidence directory only, not to
 * a stdout or --output file that N runs would share. */
static int child(const struct hp_run_opts *o, const struct hp_profile *p,
		 struct hp_manifest *m, hp_run_fn *fn)
{
	struct hp_run_opts mine = *o;
	int null = open("/dev/null", O_WRONLY | O_CLOEXEC);

	if (null < 0 || dup2(null, STDOUT_FILENO) < 0) {
		fprintf(stderr, "hardprobe: open file '/dev/null': %s\n",
			strerror(errno));
		return HP_EXIT_RUN;
	}
	close(null);
	mine.verdict.output = NULL;
	return fn(&mine, p, m);
}

/* Start the children; pids[i] is 0 for one that could not be forked. */
static void spawn(const struct hp_run_opts *o, const struct hp_profile *p,
		  struct hp_manifest *m, hp_run_fn *fn, pid_t *pids)
{
	fflush(NULL);
	for (int i = 0; i < o->count; i++) {
		pid_t pid = fork();

		if (pid == 0) {
			int ret = child(o, p, m, fn);

			fflush(NULL);
			_exit(ret);
		}
		if (pid < 0)
			fprintf(stderr, "hardprobe: fork run %d: %s\n", i + 1,
				strerror(errno));
		pids[i] = pid > 0 ? pid : 0;
	}
}

/* Wait for child pid; its exit status as a run's. */
static int reap(pid_t pid)
{
	int st;

	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return HP_EXIT_RUN;
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	fprintf(stderr, "hardprobe: run in process %ld: killed by %s\n",
		(long)pid, sigabbrev_np(WTERMSIG(st)) ?: "a signal");
	return HP_EXIT_RUN;
}

#define STAMP_LEN (sizeof("YYYYmmddTHHMMSSZ") - 1)

/* The evidence directory of the run in process pid: under results, named
 * STAMP-hardprobe-PID-RANDOM by run, with a STAMP not before since (the
 * start of this batch, so that an old run of a reused pid is not taken).
 * A new string, or NULL when there is none. */
static char *find_dir(const char *results, const char *since, pid_t pid)
{
	struct dirent **ents;
	char needle[64], *found = NULL;
	int n = scandir(results, &ents, NULL, alphasort);

	snprintf(needle, sizeof(needle), "-hardprobe-%ld-", (long)pid);
	for (int i = 0; i < n; i++) {
		const char *name = ents[i]->d_name;

		if (strlen(name) > STAMP_LEN &&
		    strncmp(name, since, STAMP_LEN) >= 0 &&
		    strncmp(name + STAMP_LEN, needle, strlen(needle)) == 0) {
			free(found);
			if (asprintf(&found, "%s/%s", results, name) < 0)
				found = NULL;
		}
		free(ents[i]);
	}
	if (n >= 0)
		free(ents);
	return found;
}

/* Add run i (process pid, exit status st) to the summary: its evidence
 * directory, or a row that says it left none. */
static int add_run(struct hp_summary *s, const struct hp_summary_load *lo,
		   const char *results, const char *since, pid_t pid, int st)
{
	char *dir = pid ? find_dir(results, since, pid) : NULL;
	char name[64], why[96];
	int ret;

	if (dir) {
		ret = hp_summary_load(s, lo, dir);
		free(dir);
		return ret;
	}
	snprintf(name, sizeof(name), "hardprobe-%ld", (long)pid);
	snprintf(why, sizeof(why), "no evidence directory (exit status %d)",
		 st);
	return hp_summary_add_none(s, name, why);
}

static int summarise(const struct hp_run_opts *o, const struct hp_profile *p,
		     const pid_t *pids, const int *status, const char *since)
{
	struct hp_summary s = { .runs = NULL };
	struct hp_summary_load lo = { .profile = p };
	int ret = 0;

	for (int i = 0; i < o->count; i++)
		if (add_run(&s, &lo, o->results, since, pids[i], status[i]) < 0)
			ret = HP_EXIT_USAGE;
	hp_summary_sort(&s);
	if (hp_summary_deliver(&s, o->verdict.format, o->verdict.output) < 0)
		ret = HP_EXIT_USAGE;
	hp_summary_free(&s);
	return ret;
}

static void stamp(char buf[STAMP_LEN + 1])
{
	time_t now = time(NULL);
	struct tm tm;

	if (!gmtime_r(&now, &tm) ||
	    strftime(buf, STAMP_LEN + 1, "%Y%m%dT%H%M%SZ", &tm) == 0)
		buf[0] = '\0';
}

int hp_run_count(const struct hp_run_opts *o, const struct hp_profile *p,
		 struct hp_manifest *m, hp_run_fn *fn)
{
	pid_t *pids = calloc((size_t)o->count, sizeof(*pids));
	int *status = calloc((size_t)o->count, sizeof(*status));
	char since[STAMP_LEN + 1];
	int worst = 0, ret = hp_summary_format_check("run", o->verdict.format);

	/* the summary's format is known before any container starts */
	if (ret >= 0) {
		free(pids);
		free(status);
		return ret;
	}
	if (!pids || !status) {
		free(pids);
		free(status);
		fprintf(stderr, "hardprobe: run: %s\n", strerror(ENOMEM));
		return HP_EXIT_RUN;
	}
	stamp(since);
	spawn(o, p, m, fn, pids);
	for (int i = 0; i < o->count; i++) {
		status[i] = pids[i] ? reap(pids[i]) : HP_EXIT_RUN;
		if (status[i] > worst)
			worst = status[i];
	}
	ret = summarise(o, p, pids, status, since);
	free(pids);
	free(status);
	return ret > worst ? ret : worst;
}

int hp_run_count_option(const char *arg, int *count)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno || end == arg || *end || v < 1 || v > HP_RUN_COUNT_MAX)
		return hp_usage_error("run", "bad count '%s' (want 1 to %d)",
				      arg, HP_RUN_COUNT_MAX);
	*count = (int)v;
	return 0;
}
