/* Report writers: text, json, junit, TAP 14 and OSCAL assessment-results. */
#ifndef HARDPROBE_REPORT_H
#define HARDPROBE_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "judge.h"

enum hp_format {
	HP_FMT_TEXT,
	HP_FMT_JSON,
	HP_FMT_JUNIT,
	HP_FMT_TAP,
	HP_FMT_OSCAL
};

/* Parse "text", "json", "junit", "tap" or "oscal"; -1 when unknown. */
int hp_format_parse(const char *s);

/* Write r to out in format fmt; colour only applies to text.  Returns 0 or
 * -errno. */
int hp_report_write(const struct hp_report *r, enum hp_format fmt, FILE *out,
		    bool colour);

#endif
