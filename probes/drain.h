/* Wait, before exiting, until the reader has taken the whole stream. */
#ifndef HARDPROBE_PROBES_DRAIN_H
#define HARDPROBE_PROBES_DRAIN_H

/*
 * When stdout is a pipe, wait (at most timeout_ms) until nothing written
 * to it is left unread.  containerd 1.6's shim can close its end of the
 * container's stdout pipe as soon as the process exits, dropping what it
 * had not copied yet: under load, the end of the stream, or all of it.
 * Returns 0 when the pipe is empty (or stdout is no pipe), -ETIMEDOUT,
 * or -errno.
 */
int hp_drain_stdout(int timeout_ms);

#endif
