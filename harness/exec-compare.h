/* exec.first-process: the exec'd process compared with the container's
 * first process.  Only harness/checks-exec.c and exec-side.c include
 * this. */
#ifndef HARDPROBE_EXEC_COMPARE_H
#define HARDPROBE_EXEC_COMPARE_H

#include "checks.h"

/* The check's id, which hp_judge also judges unasked (see judge.c). */
#define HP_EXEC_CHECK "exec.first-process"

/*
 * The exec'd process's values, keyed like the first process's record
 * ("CapInh" ... "Groups", "label"), strings or null, from the other
 * records of s.  NULL, with res an error naming the record, when one is
 * missing, an error, or (but for the lsm probes) skipped.
 */
json_object *hp_exec_side(const struct hp_stream *s, struct hp_result *res);

#endif
