/* The reports an evidence directory keeps: text and json always, and
 * every other format the user asked for. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "evidence.h"
#include "report.h"

/* Format names as --format takes them, and the file each is kept as.  A
 * name this harness does not know (yet) is passed over. */
static const struct {
	const char *format;
	const char *file;
	bool always;
} kept[] = {
	{ "text", "report.txt", true },
	{ "json", "report.json", true },
	{ "junit", "report.junit.xml", false },
	{ "tap", "report.tap", false },
	{ "oscal", "report.oscal.json", false },
};

static int keep(const struct hp_evidence *ev, const struct hp_report *r,
		enum hp_format fmt, const char *name)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	int ret = f ? hp_report_write(r, fmt, f, false) : -errno;

	if (f && fclose(f) != 0 && ret == 0)
		ret = -errno;
	if (ret == 0)
		ret = hp_evidence_write(ev, name, buf, len);
	if (ret < 0)
		fprintf(stderr, "hardprobe: write file '%s/%s': %s\n", ev->path,
			name, strerror(-ret));
	free(buf);
	return ret;
}

int hp_evidence_reports(const struct hp_evidence *ev, const struct hp_report *r,
			unsigned formats)
{
	size_t i;
	int fmt, ret;

	for (i = 0; i < sizeof(kept) / sizeof(kept[0]); i++) {
		fmt = hp_format_parse(kept[i].format);
		if (fmt < 0 ||
		    !(kept[i].always || formats & HP_FORMAT_BIT(fmt)))
			continue;
		ret = keep(ev, r, (enum hp_format)fmt, kept[i].file);
		if (ret < 0)
			return ret;
	}
	return 0;
}

void hp_utc_now(char buf[32])
{
	time_t now = time(NULL);
	struct tm tm;

	if (!gmtime_r(&now, &tm) ||
	    !strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm))
		strcpy(buf, "1970-01-01T00:00:00Z");
}
