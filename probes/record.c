/* Judge a captured probe run: a record is "ok" only when the child
 * exited 0 and printed exactly one JSON object with a string "outcome". */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include "runner.h"

/* How much of a bad output to quote in the detail. */
#define QUOTE_MAX 80

static json_object *error_object(const char *kind, const char *signame,
				 int exit_code, const char *detail)
{
	json_object *err = json_object_new_object();

	hp_add_str(err, "kind", kind);
	hp_add_str(err, "signal", signame);
	json_object_object_add(err, "exit_code",
			       exit_code < 0 ? NULL
					     : json_object_new_int(exit_code));
	hp_add_str(err, "detail", detail);
	return err;
}

/* A printable, truncated excerpt of the output, for a detail text. */
static void quote(const struct hp_capture *c, char *buf, size_t len)
{
	size_t i, n = c->len < QUOTE_MAX ? c->len : QUOTE_MAX;

	if (n >= len)
		n = len - 1;
	for (i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)c->out[i];

		buf[i] = ch < 0x80 && isprint(ch) ? (char)ch : '?';
	}
	buf[n] = '\0';
}

static bool only_space(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!isspace((unsigned char)s[i]))
			return false;
	return true;
}

/* Why the output is not one object with a string "outcome", or NULL
 * (then *data holds the parsed object). */
static const char *parse_output(const struct hp_capture *c, json_object **data)
{
	json_tokener *tok = json_tokener_new();
	const char *why = NULL;
	json_object *obj, *outcome;

	json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
	obj = json_tokener_parse_ex(tok, c->out, (int)c->len);
	if (!obj)
		why = json_tokener_get_error(tok) == json_tokener_continue
			      ? "the JSON text is incomplete"
			      : json_tokener_error_desc(
					json_tokener_get_error(tok));
	else if (!only_space(c->out + json_tokener_get_parse_end(tok),
			     c->len - json_tokener_get_parse_end(tok)))
		why = "text follows the JSON object";
	else if (!json_object_is_type(obj, json_type_object))
		why = "the output is not a JSON object";
	else if (!json_object_object_get_ex(obj, "outcome", &outcome) ||
		 !json_object_is_type(outcome, json_type_string))
		why = "the object has no string \"outcome\"";
	json_tokener_free(tok);
	if (why)
		json_object_put(obj);
	else
		*data = obj;
	return why;
}

static json_object *bad_output(const struct hp_capture *c, const char *why)
{
	char excerpt[QUOTE_MAX + 1], detail[256];

	quote(c, excerpt, sizeof(excerpt));
	snprintf(detail, sizeof(detail), "%s; output begins '%s'", why,
		 excerpt);
	return error_object("bad-output", NULL, -1, detail);
}

/* The error object for a run that went wrong before its output could
 * count, or NULL when the child exited 0 with output to judge. */
static json_object *run_error(const struct hp_capture *c)
{
	char detail[128], name[32];

	if (c->timed_out) {
		snprintf(detail, sizeof(detail),
			 "no result within %ld ms; killed", c->timeout_ms);
		return error_object("timeout", NULL, -1, detail);
	}
	if (c->overflow) {
		snprintf(detail, sizeof(detail), "more than %d bytes of output",
			 HP_OUTPUT_CAP);
		return error_object("bad-output", NULL, -1, detail);
	}
	if (WIFSIGNALED(c->wstatus)) {
		hp_signal_name(WTERMSIG(c->wstatus), name, sizeof(name));
		snprintf(detail, sizeof(detail), "killed by %s", name);
		return error_object("signal", name, -1, detail);
	}
	if (WEXITSTATUS(c->wstatus) != 0) {
		snprintf(detail, sizeof(detail), "exited with status %d",
			 WEXITSTATUS(c->wstatus));
		return error_object("exit", NULL, WEXITSTATUS(c->wstatus),
				    detail);
	}
	if (only_space(c->out ? c->out : "", c->len))
		return error_object("no-output", NULL, -1,
				    "the probe printed nothing");
	return NULL;
}

json_object *hp_record_build(const char *id, int seq,
			     const struct hp_capture *c)
{
	json_object *rec = json_object_new_object(), *data = NULL, *err;
	const char *why;

	hp_add_str(rec, "type", "record");
	json_object_object_add(rec, "seq", json_object_new_int(seq));
	hp_add_str(rec, "probe", id);
	err = run_error(c);
	if (!err && (why = parse_output(c, &data)))
		err = bad_output(c, why);
	hp_add_str(rec, "status", err ? "error" : "ok");
	json_object_object_add(rec, "duration_ms",
			       json_object_new_int64(c->duration_ms));
	json_object_object_add(rec, err ? "error" : "data", err ? err : data);
	return rec;
}

json_object *hp_record_unstarted(const char *id, int seq, int err)
{
	json_object *rec = json_object_new_object();
	char detail[128];

	snprintf(detail, sizeof(detail), "cannot start the probe child: %s",
		 strerror(err));
	hp_add_str(rec, "type", "record");
	json_object_object_add(rec, "seq", json_object_new_int(seq));
	hp_add_str(rec, "probe", id);
	hp_add_str(rec, "status", "error");
	json_object_object_add(rec, "duration_ms", json_object_new_int(0));
	json_object_object_add(rec, "error",
			       error_object("no-output", NULL, -1, detail));
	return rec;
}
