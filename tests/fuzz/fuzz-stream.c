/* libFuzzer target: any bytes as a record stream.  Each input is read
 * twice: as it is, and sealed with the trailer run-probes would write
 * (count and digest), because a fuzzer cannot forge a SHA-256 and would
 * otherwise never get past the trailer.  A stream that parses is judged
 * against the built-in hardened profile and rendered in every format. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../harness/digest.h"
#include "../../harness/judge.h"
#include "../../harness/profile.h"
#include "../../harness/report.h"
#include "../../harness/stream.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct hp_profile profile;

static void render_all(const struct hp_report *r)
{
	FILE *devnull = fopen("/dev/null", "w");

	if (!devnull)
		abort();
	for (int fmt = 0; hp_report_write(r, (enum hp_format)fmt, devnull,
					  fmt == 0) != -EINVAL;
	     fmt++)
		;
	fclose(devnull);
}

static void read_one(const void *buf, size_t len)
{
	FILE *f = fmemopen((void *)buf, len, "r");
	struct hp_stream s;
	struct hp_report r;
	char err[512] = "";

	if (!f)
		return;
	if (hp_stream_read(f, "fuzz", &s, err, sizeof(err)) == 0) {
		if (hp_judge(&profile, &s, "fuzz", &r) == 0) {
			render_all(&r);
			hp_report_free(&r);
		}
		hp_stream_free(&s);
	} else if (strncmp(err, "fuzz:", 5) != 0) {
		abort(); /* a rejection must say where */
	}
	fclose(f);
}

/* data, a newline if it lacks one, and a trailer that counts every line
 * but the first and holds the digest of all that. */
static char *seal(const uint8_t *data, size_t size, size_t *len)
{
	char hex[HP_SHA256_HEX], *out = malloc(size + 160);
	size_t lines = 0, n = size;

	if (!out)
		abort();
	memcpy(out, data, size);
	if (n == 0 || out[n - 1] != '\n')
		out[n++] = '\n';
	for (size_t i = 0; i < n; i++)
		lines += out[i] == '\n';
	hp_sha256_hex(out, n, hex);
	n += (size_t)sprintf(out + n,
			     "{\"type\":\"trailer\",\"records\":%zu,"
			     "\"digest\":\"sha256:%s\"}\n",
			     lines - 1, hex);
	*len = n;
	return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[512];
	size_t len;
	char *sealed;

	if (!profile.name &&
	    hp_profile_load("hardened", HARDPROBE_SRCDIR "/cases", &profile,
			    err, sizeof(err)) < 0)
		abort();
	read_one(data, size);
	sealed = seal(data, size, &len);
	read_one(sealed, len);
	free(sealed);
	return 0;
}
