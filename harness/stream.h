/* The record stream written by run-probes: parse and hold it. */
#ifndef HARDPROBE_STREAM_H
#define HARDPROBE_STREAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <json-c/json.h>

/* One probe's record.  data is set when ok, error otherwise; both are
 * owned by the stream. */
struct hp_record {
	int seq;
	const char *probe;
	bool ok;
	long duration_ms;
	json_object *data;
	json_object *error;
	json_object *raw; /* the whole record object */
};

struct hp_stream {
	json_object *header;
	struct hp_record *records;
	size_t n;
	json_object **lines; /* every parsed object, owned */
	size_t nlines;
};

/*
 * Read a whole stream from f.  name is used in messages ("stream.jsonl",
 * "<stdin>").  Returns 0, or -1 with err set to "NAME:LINE: why" when the
 * stream is malformed, truncated (no trailer, or a count that differs) or
 * unreadable.  On error *out holds nothing that needs freeing.
 */
int hp_stream_read(FILE *f, const char *name, struct hp_stream *out, char *err,
		   size_t errlen);

/* The record of probe id, or NULL when the stream has none. */
const struct hp_record *hp_stream_find(const struct hp_stream *s,
				       const char *id);

void hp_stream_free(struct hp_stream *s);

#endif
