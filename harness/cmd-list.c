/* hardprobe list: every check, which is also the probe of the same id. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "judge.h"

static const char usage[] =
	"Usage: hardprobe list\n"
	"List every check with its description.  A check and the probe that "
	"feeds\n"
	"it share one id, which profiles and reports use.\n"
	"\n"
	"  -h, --help  show this help\n";

static const struct option options[] = {
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

int hp_cmd_list(int argc, char **argv)
{
	size_t i, w = 0;
	int c;

	optind = 0;
	while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
		if (c != 'h')
			return hp_opt_error("list", c, argv);
		fputs(usage, stdout);
		return HP_EXIT_PASS;
	}
	if (optind < argc)
		return hp_usage_error("list", "unexpected argument '%s'",
				      argv[optind]);
	for (i = 0; i < hp_nchecks; i++)
		if (strlen(hp_checks[i].id) > w)
			w = strlen(hp_checks[i].id);
	for (i = 0; i < hp_nchecks; i++)
		printf("%-*s  %s\n", (int)w, hp_checks[i].id,
		       hp_checks[i].description);
	return HP_EXIT_PASS;
}
