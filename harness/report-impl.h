/* The report writers, one per format, behind hp_report_write(). */
#ifndef HARDPROBE_REPORT_IMPL_H
#define HARDPROBE_REPORT_IMPL_H

#include <stdbool.h>
#include <stdio.h>

#include "judge.h"

/* Each returns 0 or -errno. */
int hp_report_text(const struct hp_report *r, FILE *out, bool colour);
int hp_report_json(const struct hp_report *r, FILE *out);
int hp_report_junit(const struct hp_report *r, FILE *out);
int hp_report_tap(const struct hp_report *r, FILE *out);
int hp_report_oscal(const struct hp_report *r, FILE *out);

/* A string field of the stream header, or NULL. */
const char *hp_report_header(const struct hp_report *r, const char *key);

/* "pass" or "fail": the verdict word. */
const char *hp_report_verdict(const struct hp_report *r);

#endif
