/* The run and verify options that shape how the profile is used:
 * --set gives its parameters values, --group-by orders the report. */
#include <string.h>

#include "cli.h"
#include "verdict.h"

int hp_verdict_option_more(const char *cmd, int c, const char *arg,
			   struct hp_verdict_opts *o)
{
	switch (c) {
	case HP_OPT_SET:
		if (!strchr(arg, '='))
			return hp_usage_error(cmd,
					      "bad --set '%s' (want "
					      "NAME=VALUE)",
					      arg);
		if (o->nsets == HP_MAX_SETS)
			return hp_usage_error(cmd, "more than %d --set",
					      HP_MAX_SETS);
		o->sets[o->nsets++] = arg;
		return 0;
	case HP_OPT_GROUP_BY:
		if (strcmp(arg, "control") != 0 && strcmp(arg, "check") != 0)
			return hp_usage_error(cmd,
					      "unknown grouping '%s' (want "
					      "control or check)",
					      arg);
		o->by_control = strcmp(arg, "control") == 0;
		return 0;
	}
	return -1;
}
