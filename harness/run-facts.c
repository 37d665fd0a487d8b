/* Where a run happened: the versions of containerd, runc and the kernel,
 * and the digest of the image, as the manifest records them. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include "evidence.h"

extern char **environ;

/* The text after "key" on the first line that holds it after from,
 * without blanks around it; a new string or NULL. */
static char *value_after(const char *text, const char *from, const char *key)
{
	const char *p = from ? strstr(text, from) : text;
	size_t n;

	p = p ? strstr(p, key) : NULL;
	if (!p)
		return NULL;
	p += strlen(key);
	p += strspn(p, " \t");
	n = strcspn(p, "\n");
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\r'))
		n--;
	return n ? strndup(p, n) : NULL;
}

/* The first line program prints to stdout (stderr dropped), or NULL. */
static char *first_line(char *const argv[])
{
	posix_spawn_file_actions_t fa;
	char buf[512] = "";
	int fds[2], status;
	ssize_t n = -1;
	pid_t pid;

	if (pipe2(fds, O_CLOEXEC) < 0)
		return NULL;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	if (posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ) != 0)
		pid = -1;
	posix_spawn_file_actions_destroy(&fa);
	close(fds[1]);
	if (pid > 0)
		n = read(fds[0], buf, sizeof(buf) - 1);
	close(fds[0]);
	if (pid > 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	buf[n > 0 ? n : 0] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	return buf[0] ? strdup(buf) : NULL;
}

/* What ctr ARGS... printed, or NULL when it failed. */
static char *ctr_output(const struct hp_ctr *c, char **args)
{
	struct hp_ctr_call call = { .out_fd = -1 };
	char *out = NULL;

	if (hp_ctr_call(c, args, &call) < 0)
		return NULL;
	if (hp_ctr_ok(&call))
		out = call.out, call.out = NULL;
	hp_ctr_call_free(&call);
	return out;
}

/* The runtime binary: the value of --runc-binary among the flags. */
static const char *runc_binary(const struct hp_run_opts *o)
{
	const char *opt = "--runc-binary";
	size_t n = strlen(opt);
	int i;

	for (i = 0; i < o->nflags; i++) {
		if (strcmp(o->flags[i], opt) == 0 && i + 1 < o->nflags)
			return o->flags[i + 1];
		if (strncmp(o->flags[i], opt, n) == 0 && o->flags[i][n] == '=')
			return o->flags[i] + n + 1;
	}
	return "runc";
}

/* The DIGEST column of ref's line in "ctr images ls", or NULL. */
static char *image_digest(const struct hp_run_opts *o)
{
	char *args[] = { "images", "ls", NULL };
	char *out = ctr_output(&o->ctr, args), *line, *save = NULL;
	char *ref, *col = NULL, *digest = NULL;

	for (line = out ? strtok_r(out, "\n", &save) : NULL; line && !digest;
	     line = strtok_r(NULL, "\n", &save)) {
		ref = strtok_r(line, " \t", &col);
		if (ref && strcmp(ref, o->image) == 0 &&
		    strtok_r(NULL, " \t", &col))
			digest = strtok_r(NULL, " \t", &col);
	}
	digest = digest ? strdup(digest) : NULL;
	free(out);
	return digest;
}

/* Add key: the string s (taken and freed), or null. */
static void add_taken(json_object *o, const char *key, char *s)
{
	json_object_object_add(o, key, s ? json_object_new_string(s) : NULL);
	free(s);
}

static json_object *kernel(void)
{
	json_object *k = json_object_new_object();
	struct utsname u;

	if (uname(&u) < 0)
		return k;
	json_object_object_add(k, "release", json_object_new_string(u.release));
	json_object_object_add(k, "version", json_object_new_string(u.version));
	json_object_object_add(k, "machine", json_object_new_string(u.machine));
	return k;
}

static json_object *runtime(const struct hp_run_opts *o)
{
	char *version[] = { "version", NULL };
	char *runc[] = { (char *)runc_binary(o), "--version", NULL };
	json_object *r = json_object_new_object();
	char *out = ctr_output(&o->ctr, version);

	add_taken(r, "containerd",
		  out ? value_after(out, "Server:", "Version:") : NULL);
	free(out);
	json_object_object_add(r, "runc_binary",
			       json_object_new_string(runc[0]));
	add_taken(r, "runc", first_line(runc));
	return r;
}

json_object *hp_run_facts(const struct hp_run_opts *o)
{
	json_object *f = json_object_new_object();
	json_object *image = json_object_new_object();

	json_object_object_add(image, "ref", json_object_new_string(o->image));
	add_taken(image, "digest", image_digest(o));
	json_object_object_add(f, "image", image);
	json_object_object_add(f, "runtime", runtime(o));
	json_object_object_add(f, "kernel", kernel());
	return f;
}
