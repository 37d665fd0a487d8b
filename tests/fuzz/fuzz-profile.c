/* libFuzzer target: any bytes as a profile file.  The loader takes a
 * path, so each input is written to a file of this process's own. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../harness/profile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char path[64];

/* One file per fuzzing process, reused for every input. */
static void make_path(void)
{
	int fd;

	snprintf(path, sizeof(path), "/tmp/hardprobe-fuzz-XXXXXX.profile");
	fd = mkstemps(path, 8);
	if (fd < 0)
		abort();
	close(fd);
}

static void remove_path(void)
{
	unlink(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct hp_profile p;
	char err[1024];
	FILE *f;

	if (!path[0]) {
		make_path();
		atexit(remove_path);
	}
	f = fopen(path, "w");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
	err[0] = '\0';
	if (hp_profile_load(path, HARDPROBE_SRCDIR "/cases", &p, err,
			    sizeof(err)) == 0)
		hp_profile_free(&p);
	else if (!err[0] || !strchr(err, ':'))
		abort(); /* an error must say where and why */
	return 0;
}
