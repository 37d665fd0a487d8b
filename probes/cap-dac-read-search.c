/* cap.dac-read-search (attempt): open_by_handle_at on /proc with a made-up
 * 8-byte handle of an unknown type.  The kernel decides whether the caller
 * may decode file handles (CAP_DAC_READ_SEARCH) before it decodes one;
 * procfs cannot decode any handle, so the call then fails with ESTALE and
 * no file can be opened.  (An empty handle is rejected before the
 * capability check, so it cannot tell.) */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <sys/capability.h>

#include "capprobe.h"

/* A handle with room for its 8 bytes. */
struct handle8 {
	struct file_handle head;
	unsigned char bytes[8];
};

static int attempt(void)
{
	struct handle8 handle;
	int proc, fd, err = 0;

	memset(&handle, 0, sizeof(handle));
	handle.head.handle_bytes = sizeof(handle.bytes);
	handle.head.handle_type = 0xff;
	proc = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (proc < 0)
		return HP_CAP_NO_SETUP;
	fd = open_by_handle_at(proc, &handle.head, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		err = errno;
	else
		close(fd);
	close(proc);
	return err;
}

static const struct hp_cap_action action = {
	.cap = CAP_DAC_READ_SEARCH,
	.also = -1,
	.action = "open a made-up file handle on /proc (open_by_handle_at)",
	.attempt = attempt,
	.granted = { ESTALE },
	.setup = "/proc open as a directory",
};

int probe_cap_dac_read_search(json_object *data)
{
	return hp_cap_probe(data, &action);
}
