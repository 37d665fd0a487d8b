/* hardprobe: check from inside a container that it is as hardened as its
 * configuration claims.  main only dispatches to a subcommand. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct hp_cmd cmds[] = {
	{ "run", hp_cmd_run, "run the probes in a container and judge them" },
	{ "exec", hp_cmd_exec, "run the probes in a running container" },
	{ "verify", hp_cmd_verify, "judge a saved record stream" },
	{ "diff", hp_cmd_diff, "what got weaker or stronger between two runs" },
	{ "list", hp_cmd_list, "list the checks and what they test" },
	{ "profiles", hp_cmd_profiles, "list the built-in profiles" },
	{ "profile", hp_cmd_profile, "lint profiles, or show one resolved" },
	{ "summary", hp_cmd_summary, "one table over many runs or streams" },
};

#define NCMDS (sizeof(cmds) / sizeof(cmds[0]))

static const struct option options[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static int help(void)
{
	size_t i;

	puts("Usage: hardprobe [--help] [--version] COMMAND [ARG]...\n"
	     "Run probes inside a container (started with containerd's ctr) "
	     "that try\n"
	     "what a hardened container must not be able to do, and judge "
	     "what they\n"
	     "saw against a profile.\n\nCommands:");
	for (i = 0; i < NCMDS; i++)
		printf("  %-9s %s\n", cmds[i].name, cmds[i].summary);
	puts("\n'hardprobe COMMAND --help' explains a command; "
	     "'man hardprobe' all of it.\n"
	     "Exit status: 0 profile met, 1 a check failed or errored, "
	     "2 bad usage or\n"
	     "input, 3 the container could not be run.");
	return HP_EXIT_PASS;
}

static const struct hp_cmd *find(const char *name)
{
	size_t i;

	for (i = 0; i < NCMDS; i++)
		if (strcmp(cmds[i].name, name) == 0)
			return &cmds[i];
	return NULL;
}

/* Output that could not be written is an error, not a silent success. */
static int finish(int status)
{
	errno = 0;
	if (status < HP_EXIT_USAGE && (fflush(stdout) != 0 || ferror(stdout))) {
		fprintf(stderr, "hardprobe: write '<stdout>': %s\n",
			strerror(errno ? errno : EIO));
		return HP_EXIT_USAGE;
	}
	return status;
}

int main(int argc, char **argv)
{
	const struct hp_cmd *cmd;
	int c;

	while ((c = getopt_long(argc, argv, "+:hV", options, NULL)) != -1) {
		if (c == 'h')
			return finish(help());
		if (c == 'V') {
			puts("hardprobe " HARDPROBE_VERSION);
			return finish(HP_EXIT_PASS);
		}
		return hp_opt_error(NULL, c, argv);
	}
	if (optind >= argc)
		return hp_usage_error(NULL, "no command given");
	cmd = find(argv[optind]);
	if (!cmd)
		return hp_usage_error(NULL, "unknown command '%s'",
				      argv[optind]);
	return finish(cmd->main(argc - optind, argv + optind));
}
