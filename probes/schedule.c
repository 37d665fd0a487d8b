/* Running the selected probes a few at a time.  Each probe works in its
 * own child, and those that make something others could see (a file in
 * /, a device node, a cgroup hierarchy) run alone, so running the rest
 * side by side changes no record; it only shortens the run, most of
 * which is the kernel making and tearing down processes. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "probe.h"
#include "runner.h"
#include "schedule.h"

/* Probes at once: more than the CPUs pays, since a probe spends most of
 * its time in the kernel making, waiting for and reaping processes. */
#define DEFAULT_JOBS 4
/* Below this pids limit the probes run one at a time. */
#define PIDS_FOR_PARALLEL 64

/* The pids limit of our cgroup, v1 or v2, as the container sees it; -1
 * when there is none or it cannot be read. */
static long pids_limit(void)
{
	static const char *const paths[] = {
		"/sys/fs/cgroup/pids/pids.max",
		"/sys/fs/cgroup/pids.max",
	};
	long limit = -1;

	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		FILE *f = fopen(paths[i], "re");

		if (!f)
			continue;
		if (fscanf(f, "%ld", &limit) != 1)
			limit = -1; /* "max" */
		fclose(f);
		break;
	}
	return limit;
}

int hp_default_jobs(void)
{
	long pids = pids_limit();

	return pids >= 0 && pids < PIDS_FOR_PARALLEL ? 1 : DEFAULT_JOBS;
}

struct run {
	size_t *order; /* catalog index of each selected probe */
	size_t n;
	json_object **records; /* by position in order, NULL until done */
	size_t started, emitted;
	struct hp_job *jobs;
	int njobs, running;
	bool alone_running; /* a probe that must run alone is running */
	long timeout_ms;
};

/* Start probes into free slots.  EAGAIN with a probe still running means
 * a process limit: wait for that one rather than fail this one. */
static void start_more(struct run *r)
{
	for (int s = 0; s < r->njobs && r->started < r->n; s++) {
		struct hp_job *j = &r->jobs[s];
		const struct hp_probe *p = &hp_catalog[r->order[r->started]];
		int rc;

		if (j->running)
			continue;
		if (r->alone_running || (p->alone && r->running > 0))
			return;
		rc = hp_job_start(j, p, r->timeout_ms);
		if (rc == -EAGAIN && r->running > 0)
			return;
		if (rc < 0) {
			r->records[r->started] =
				hp_record_unstarted(p->id, (int)r->started + 1,
						    -rc);
		} else {
			j->index = r->started;
			r->running++;
			r->alone_running = p->alone;
		}
		r->started++;
	}
}

/* Turn the jobs that are over into records. */
static void collect(struct run *r)
{
	for (int s = 0; s < r->njobs; s++) {
		struct hp_job *j = &r->jobs[s];

		if (!j->done)
			continue;
		r->records[j->index] =
			hp_record_build(j->probe->id, (int)j->index + 1, &j->c);
		free(j->c.out);
		j->done = false;
		r->running--;
		if (j->probe->alone)
			r->alone_running = false;
	}
}

static bool emit_ready(struct run *r, hp_emit_fn emit)
{
	while (r->emitted < r->n && r->records[r->emitted])
		if (!emit(r->records[r->emitted++]))
			return false;
	return true;
}

bool hp_run_probes(const bool *selected, int jobs, long timeout_ms,
		   hp_emit_fn emit)
{
	size_t order[hp_catalog_len];
	json_object *records[hp_catalog_len];
	struct hp_job slots[jobs];
	struct run r = { .order = order,
			 .records = records,
			 .jobs = slots,
			 .njobs = jobs,
			 .timeout_ms = timeout_ms };
	bool ok = true;

	for (size_t i = 0; i < hp_catalog_len; i++) {
		records[i] = NULL;
		if (selected[i])
			order[r.n++] = i;
	}
	for (int s = 0; s < jobs; s++)
		slots[s] = (struct hp_job){ .fd = -1 };
	while (ok && r.emitted < r.n) {
		start_more(&r);
		if (r.running > 0) {
			hp_jobs_wait(slots, (size_t)jobs);
			collect(&r);
		}
		ok = emit_ready(&r, emit);
	}
	/* emit failed: finish what still runs, quietly. */
	while (r.running > 0) {
		hp_jobs_wait(slots, (size_t)jobs);
		collect(&r);
	}
	for (size_t i = r.emitted; i < r.n; i++)
		json_object_put(records[i]);
	return ok;
}
