/* The command line: subcommands, exit statuses and what they share. */
#ifndef HARDPROBE_CLI_H
#define HARDPROBE_CLI_H

#include <stdbool.h>
#include <stddef.h>

/* Exit statuses, as the man page documents them. */
enum {
	HP_EXIT_PASS = 0,  /* the profile is met */
	HP_EXIT_FAIL = 1,  /* a check failed or errored */
	HP_EXIT_USAGE = 2, /* bad usage, unreadable or malformed input */
	HP_EXIT_RUN = 3,   /* the container could not be run */
};

/* A subcommand: argv[0] is its name; returns an exit status. */
struct hp_cmd {
	const char *name;
	int (*main)(int argc, char **argv);
	const char *summary;
};

int hp_cmd_run(int argc, char **argv);
int hp_cmd_exec(int argc, char **argv);
int hp_cmd_verify(int argc, char **argv);
int hp_cmd_diff(int argc, char **argv);
int hp_cmd_list(int argc, char **argv);
int hp_cmd_profiles(int argc, char **argv);
int hp_cmd_profile(int argc, char **argv);
int hp_cmd_summary(int argc, char **argv);

/* Print "hardprobe: CMD: why" and a hint to --help; returns
 * HP_EXIT_USAGE. */
int hp_usage_error(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Report what getopt_long() returned as c ('?' or ':'), when the option
 * string starts with ':'; returns HP_EXIT_USAGE. */
int hp_opt_error(const char *cmd, int c, char **argv);

/* Parse a whole positive number of seconds; 0, or -1 when s is not one. */
int hp_parse_seconds(const char *s, int *out);

/*
 * Find a file installed with hardprobe: beside the executable (the build
 * tree: REL_BUILD relative to its directory) or under its prefix
 * (../share/hardprobe/REL_SHARE).  Returns a new string when it exists,
 * else NULL.
 */
char *hp_data_path(const char *rel_build, const char *rel_share);

/* The cases directory: opt, or $HARDPROBE_CASES, or the one installed
 * (see hp_data_path).  A new string, NULL when there is none. */
char *hp_cases_dir(const char *opt);

/* Whether text written to fd may be coloured: a terminal, no $NO_COLOR. */
bool hp_colour_ok(int fd);

#endif
