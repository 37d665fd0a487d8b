/* Spec versus reality: each claim of a container's OCI spec compared with
 * what the probes observed inside the container.  See docs/spec-check.md. */
#ifndef HARDPROBE_SPECDIFF_H
#define HARDPROBE_SPECDIFF_H

#include <stddef.h>

#include <json-c/json.h>

#include "judge.h"
#include "stream.h"

/* The control id every spec disagreement evidences. */
#define HP_SPEC_CONTROL "hardprobe:spec-conformance"

/* Read the OCI spec (config.json, or what containerd holds) at path into
 * *out.  Returns 0, or -1 with err set to "read spec 'PATH': why". */
int hp_spec_load(const char *path, json_object **out, char *err, size_t errlen);

/*
 * Compare spec with the records of s and append to r one failed result
 * of kind HP_KIND_SPEC per claim the container does not meet (the
 * container is weaker than the spec says); r->spec_name becomes name.
 * A key the spec lacks is no claim, and a probe with no usable record
 * gives no finding.  Returns 0, -ENOMEM, or -EINVAL with err set to
 * "spec 'NAME': KEY: why" when a claim has the wrong type.
 */
int hp_specdiff(json_object *spec, const char *name, const struct hp_stream *s,
		struct hp_report *r, char *err, size_t errlen);

#endif
