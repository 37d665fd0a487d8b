/* k8s.service-account-token: whether a Kubernetes service account token
 * is mounted, with its expiry and audience (the probe never records the
 * token itself). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "checks-host.h"

static const char *const words[] = { "absent", "present", NULL };

int hp_parse_k8s_service_account_token(const struct hp_expect *e, char *err,
				       size_t errlen)
{
	return hp_parse_word(e, words, err, errlen);
}

/* "audience a, b" from a string or an array of strings. */
static void audience(json_object *t, char *buf, size_t len)
{
	json_object *aud = NULL;
	struct hp_result scratch = { 0 };

	json_object_object_get_ex(t, "aud", &aud);
	if (json_object_is_type(aud, json_type_string))
		snprintf(buf, len, "%s", json_object_get_string(aud));
	else if (!json_object_is_type(aud, json_type_array) ||
		 hp_join_strings(aud, "aud", buf, len, &scratch) < 0)
		snprintf(buf, len, "none");
	free(scratch.observed);
}

/* "PATH (JWT, audience X, expires 2026-12-03T20:00:00Z)" */
static void describe(json_object *t, char *buf, size_t len)
{
	json_object *exp = NULL;
	char aud[256], when[32] = "no expiry";
	time_t secs;
	struct tm tm;

	audience(t, aud, sizeof(aud));
	json_object_object_get_ex(t, "exp", &exp);
	secs = (time_t)json_object_get_int64(exp);
	if (json_object_is_type(exp, json_type_int) && gmtime_r(&secs, &tm))
		strftime(when, sizeof(when), "expires %Y-%m-%dT%H:%M:%SZ", &tm);
	if (hp_bool_or(t, "jwt", 0))
		snprintf(buf, len, "%s (JWT, audience %s, %s%s)",
			 hp_str_or(t, "path", "?"), aud, when,
			 hp_bool_or(t, "expired", 0) ? ", expired" : "");
	else
		snprintf(buf, len, "%s (%s)", hp_str_or(t, "path", "?"),
			 hp_bool_or(t, "readable", 0) ? "not a JWT"
						      : "not readable");
}

static int token_list(json_object *tokens, char **list, struct hp_result *res)
{
	char text[1024];

	for (size_t i = 0; i < json_object_array_length(tokens); i++) {
		json_object *t = json_object_array_get_idx(tokens, i);

		if (!json_object_is_type(t, json_type_object) ||
		    !hp_field(t, "path", json_type_string, res))
			return -1;
		describe(t, text, sizeof(text));
		if (hp_list_add(list, text) < 0)
			return -1;
	}
	return 0;
}

void hp_judge_k8s_service_account_token(const struct hp_expect *e,
					const struct hp_record *rec,
					struct hp_result *res)
{
	json_object *d, *tokens;
	char *list = NULL;
	int outcome;

	if (!(d = hp_begin_word(e, rec, words, &outcome, res)) ||
	    !(tokens = hp_field(d, "tokens", json_type_array, res)) ||
	    token_list(tokens, &list, res) < 0) {
		free(list);
		return;
	}
	if ((json_object_array_length(tokens) > 0) != (outcome == 1))
		hp_disagree(res, words[outcome], "'tokens'");
	else if (outcome == 1)
		hp_set_observed(res, hp_match(e, "present"), "present: %s",
				list);
	else
		hp_set_observed(res, hp_match(e, "absent"), "absent");
	free(list);
}
