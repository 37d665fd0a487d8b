/* Running the selected probes a few at a time, records in catalog order. */
#ifndef HARDPROBE_PROBES_SCHEDULE_H
#define HARDPROBE_PROBES_SCHEDULE_H

#include <stdbool.h>
#include <stddef.h>

#include <json-c/json.h>

/* Takes one record (and its reference); false stops the run. */
typedef bool (*hp_emit_fn)(json_object *record);

/*
 * How many probes run at once when --jobs does not say: 4, but 1 when
 * the container's pids limit is low, since
 * probes that fork would then starve each other and report errors that
 * only the parallelism caused.
 */
int hp_default_jobs(void);

/*
 * Run the probes of hp_catalog that selected marks, up to jobs at once,
 * each in its own child with timeout_ms, and hand their records to emit
 * in catalog order, numbered from 1.  Returns false when emit did.
 */
bool hp_run_probes(const bool *selected, int jobs, long timeout_ms,
		   hp_emit_fn emit);

#endif
