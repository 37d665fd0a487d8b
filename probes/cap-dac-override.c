/* cap.dac-override (attempt): open the probe's own test file of mode 0000
 * for writing, write nothing, and remove it.  Opening for writing (not
 * reading) keeps CAP_DAC_READ_SEARCH out: only CAP_DAC_OVERRIDE overrides
 * a missing write bit. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <sys/capability.h>

#include "capprobe.h"

static int attempt(void)
{
	char dir[64], file[80];
	int fd, err = 0;

	if (hp_scratch_dir(dir) < 0)
		return HP_CAP_NO_SETUP;
	if (hp_scratch_file(dir, 0, file) < 0) {
		rmdir(dir);
		return HP_CAP_NO_SETUP;
	}
	fd = open(file, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		err = errno;
	else
		close(fd);
	unlink(file);
	rmdir(dir);
	return err;
}

static const struct hp_cap_action action = {
	.cap = CAP_DAC_OVERRIDE,
	.also = -1,
	.action = "open the probe's own mode 0000 file for writing",
	.attempt = attempt,
	.refused = { EACCES },
	.setup = "a writable directory (/tmp, /dev/shm, /run or /dev)",
};

int probe_cap_dac_override(json_object *data)
{
	return hp_cap_probe(data, &action);
}
