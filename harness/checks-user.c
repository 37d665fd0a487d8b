/* user.identity: whether the process runs as root, and optionally whether
 * its primary group is among its supplementary groups. */
#include <stdbool.h>
#include <string.h>

#include "checks.h"

static const char *const identity_words[] = { "non-root", "root", NULL };

/* The one option: the primary gid must be in getgroups().  Runtimes that
 * set only the additional gids leave it out (containerd before 1.6.18,
 * CVE-2023-25173), and a file the group is denied then stays readable. */
#define PRIMARY_OPTION "primary-group=in-groups"

int hp_parse_user_identity(const struct hp_expect *e, char *err, size_t errlen)
{
	struct hp_expect word = *e;

	if (e->nargs == 2 && strcmp(e->args[1], PRIMARY_OPTION) != 0)
		return hp_parse_fail(err, errlen,
				     "unknown option '%s' (want " PRIMARY_OPTION
				     ")",
				     e->args[1]);
	if (e->nargs == 2)
		word.nargs = 1;
	return hp_parse_word(&word, identity_words, err, errlen);
}

/* Whether gid is in the record's groups; -1 with res set on bad data. */
static int in_groups(json_object *d, long long gid, struct hp_result *res)
{
	json_object *groups = hp_field(d, "groups", json_type_array, res);

	if (!groups)
		return -1;
	for (size_t i = 0; i < json_object_array_length(groups); i++) {
		json_object *g = json_object_array_get_idx(groups, i);

		if (!json_object_is_type(g, json_type_int)) {
			hp_set_observed(res, HP_ERROR,
					"malformed record: 'groups' holds a "
					"value that is not an int");
			return -1;
		}
		if (json_object_get_int64(g) == gid)
			return 1;
	}
	return 0;
}

static void judge_identity(const struct hp_expect *e, const char *word,
			   long long uid, long long euid, long long gid,
			   bool missing, struct hp_result *res)
{
	enum hp_status st = hp_match(e, word);

	if (missing)
		st = HP_FAIL;
	hp_set_observed(res, st, "%s (uid %lld, euid %lld, gid %lld)%s", word,
			uid, euid, gid,
			missing ? "; primary group not in the supplementary "
				  "groups"
				: "");
}

/* Root is uid 0 or euid 0: either gives root's power back. */
void hp_judge_user_identity(const struct hp_expect *e,
			    const struct hp_record *rec, struct hp_result *res)
{
	json_object *d, *uid, *euid, *gid;
	long long u, eu, g;
	int in = 1;

	hp_set_expected(res, "%s%s", e->args[0],
			e->nargs == 2 ? ", primary group in the groups" : "");
	d = hp_judge_begin(rec, res);
	if (!d || hp_outcome(d, identity_words, res) < 0 ||
	    !(uid = hp_field(d, "uid", json_type_int, res)) ||
	    !(euid = hp_field(d, "euid", json_type_int, res)) ||
	    !(gid = hp_field(d, "gid", json_type_int, res)))
		return;
	u = json_object_get_int64(uid);
	eu = json_object_get_int64(euid);
	g = json_object_get_int64(gid);
	if (e->nargs == 2 && (in = in_groups(d, g, res)) < 0)
		return;
	judge_identity(e, u == 0 || eu == 0 ? "root" : "non-root", u, eu, g,
		       in == 0, res);
}
