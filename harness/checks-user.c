/* user.identity: whether the process runs as root. */
#include <string.h>

#include "checks.h"

static const char *const identity_words[] = { "non-root", "root", NULL };

int hp_parse_user_identity(const struct hp_expect *e, char *err, size_t errlen)
{
	return hp_parse_word(e, identity_words, err, errlen);
}

/* Root is uid 0 or euid 0: either gives root's power back. */
void hp_judge_user_identity(const struct hp_expect *e,
			    const struct hp_record *rec, struct hp_result *res)
{
	json_object *d, *uid, *euid, *gid;
	const char *word;

	hp_set_expected(res, "%s", e->args[0]);
	d = hp_judge_begin(rec, res);
	if (!d || hp_outcome(d, identity_words, res) < 0 ||
	    !(uid = hp_field(d, "uid", json_type_int, res)) ||
	    !(euid = hp_field(d, "euid", json_type_int, res)) ||
	    !(gid = hp_field(d, "gid", json_type_int, res)))
		return;
	word = json_object_get_int64(uid) == 0 ||
			       json_object_get_int64(euid) == 0
		       ? "root"
		       : "non-root";
	hp_set_observed(res, hp_match(e, word),
			"%s (uid %lld, euid %lld, gid %lld)", word,
			(long long)json_object_get_int64(uid),
			(long long)json_object_get_int64(euid),
			(long long)json_object_get_int64(gid));
}
