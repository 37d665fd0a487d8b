/* What the subcommands share: usage errors and finding installed files. */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

int hp_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "hardprobe: %s%s", cmd ? cmd : "", cmd ? ": " : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'hardprobe%s%s --help' for more information.\n",
		cmd ? " " : "", cmd ? cmd : "");
	return HP_EXIT_USAGE;
}

int hp_opt_error(const char *cmd, int c, char **argv)
{
	const char *arg = argv[optind - 1];
	char opt[3] = { '-', (char)optopt, '\0' };

	/* A long option is best named as written; a short one by optopt,
	 * since it may sit in a cluster such as "-hx". */
	if (strncmp(arg, "--", 2) != 0 && optopt)
		arg = opt;
	if (c == ':')
		return hp_usage_error(cmd, "option '%s' needs a value", arg);
	return hp_usage_error(cmd, "unknown option '%s'", arg);
}

int hp_parse_seconds(const char *s, int *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v <= 0 || v > INT_MAX / 1000)
		return -1;
	*out = (int)v;
	return 0;
}

/* The directory of the running executable, from /proc/self/exe. */
static char *exe_dir(void)
{
	char *path = realpath("/proc/self/exe", NULL);
	char *slash = path ? strrchr(path, '/') : NULL;

	if (slash)
		*slash = '\0';
	return path;
}

/* dir + mid + rel when that file exists, else NULL. */
static char *existing(const char *dir, const char *mid, const char *rel)
{
	char *p;

	if (asprintf(&p, "%s%s%s", dir, mid, rel) < 0)
		return NULL;
	if (access(p, F_OK) == 0)
		return p;
	free(p);
	return NULL;
}

char *hp_data_path(const char *rel_build, const char *rel_share)
{
	char *dir = exe_dir(), *p;

	if (!dir)
		return NULL;
	p = existing(dir, "/", rel_build);
	if (!p)
		p = existing(dir, "/../share/hardprobe/", rel_share);
	free(dir);
	return p;
}

char *hp_cases_dir(const char *opt)
{
	const char *env = getenv("HARDPROBE_CASES");

	if (opt)
		return strdup(opt);
	if (env && *env)
		return strdup(env);
	return hp_data_path("../cases", "cases");
}

bool hp_colour_ok(int fd)
{
	const char *term = getenv("TERM");

	return isatty(fd) && !getenv("NO_COLOR") &&
	       !(term && strcmp(term, "dumb") == 0);
}
