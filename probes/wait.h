/* run-probes --then-wait: keep the container up after the stream. */
#ifndef HARDPROBE_PROBES_WAIT_H
#define HARDPROBE_PROBES_WAIT_H

/*
 * Block until SIGTERM, SIGINT or SIGHUP arrives, then return.  For a
 * DaemonSet whose pod must stay Running after the probes (a pod that
 * exits is restarted and would probe again and again).  The signals are
 * blocked and taken with sigwait(), because as pid 1 of its namespace the
 * process would otherwise never see a signal it has no handler for.
 * 0, or -errno.
 */
int hp_wait_for_stop(void);

#endif
