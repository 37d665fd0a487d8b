/* Helpers shared by the unit tests of the harness core. */
#ifndef HARDPROBE_UNIT_H
#define HARDPROBE_UNIT_H

#include <stdbool.h>

#include <check.h>

#include "suites.h"

#include "../../harness/judge.h"
#include "../../harness/profile.h"
#include "../../harness/stream.h"

#define DATA_DIR HARDPROBE_SRCDIR "/tests/data"
#define PROFILE_DIR DATA_DIR "/profiles"
#define CASES_DIR HARDPROBE_SRCDIR "/cases"

/* The trailer run-probes would write after text (a header and records,
 * every line ending in a newline), appended: records counts the record
 * lines, or is given; the digest covers every byte of text.  free() it. */
char *with_trailer(const char *text);
char *with_trailer_n(const char *text, int records);

/* Parse text as a stream named "s.jsonl"; err gets the message. */
int read_text(const char *text, struct hp_stream *s, char *err, size_t errlen);

/* read_text() of with_trailer(text). */
int read_sealed(const char *text, struct hp_stream *s, char *err,
		size_t errlen);

/* Judge check id, with the expectation words of expect (blank
 * separated), against a stream that holds record as its only record.
 * record is the record's status and payload, e.g.
 * "\"status\":\"ok\",\"data\":{...}". */
struct hp_result judge_record(const char *id, const char *expect,
			      const char *record);

/* The same, with an ok record whose data is data. */
struct hp_result judge_data(const char *id, const char *expect,
			    const char *data);

void result_free(struct hp_result *r);

/* One row of a check's table test: judge_data(id, expect, data) must give
 * status and observed. */
struct row {
	const char *id, *expect, *data;
	enum hp_status status;
	const char *observed;
};

/* Judge w and assert its status and observed text, and with evidence also
 * that the result carries evidence. */
void assert_row(const struct row *w, bool evidence);

#endif
