/* One container run: ctr run, its output kept as evidence, the spec read
 * from containerd while the container still exists, and the container
 * removed afterwards, however the run ended. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "escape.h"
#include "run.h"

/* How long each cleanup step may take. */
#define CLEANUP_TIMEOUT_S 30

/* How many times a run whose output ctr lost is made. */
#define RUN_ATTEMPTS 3

/* The trailer's first bytes, as run-probes writes them. */
#define TRAILER_START "{\"type\":\"trailer\""

/* ctr run FLAGS... IMAGE ID [PROBE-ARGS...]: a NULL-terminated array
 * into o.  No --rm: the container must outlive its task so that its spec
 * can be read. */
static char **run_args(const struct hp_run_opts *o, const char *id)
{
	size_t nprobe = 0;
	char **args;
	int i;

	while (o->probe_args && o->probe_args[nprobe])
		nprobe++;
	args = calloc((size_t)o->nflags + nprobe + 4, sizeof(*args));
	if (!args)
		return NULL;
	args[0] = "run";
	for (i = 0; i < o->nflags; i++)
		args[1 + i] = o->flags[i];
	args[1 + i] = (char *)o->image;
	args[2 + i] = (char *)id;
	for (size_t k = 0; k < nprobe; k++)
		args[3 + i + k] = o->probe_args[k];
	return args;
}

/* oci-spec.json: the OCI spec containerd holds for the container, the
 * one it handed to the runtime.  Says why when it cannot be read. */
static void keep_spec(const struct hp_run_opts *o, const char *id,
		      const struct hp_evidence *ev)
{
	char *args[] = { "containers", "info", "--spec", (char *)id, NULL };
	struct hp_ctr_call call = { .out_fd = -1 };
	char *msg;
	int ret = hp_ctr_call(&o->ctr, args, &call);

	if (ret == 0 && hp_ctr_ok(&call) && call.out) {
		ret = hp_evidence_write(ev, "oci-spec.json", call.out,
					strlen(call.out));
		if (ret < 0)
			fprintf(stderr,
				"hardprobe: write file '%s/oci-spec.json': "
				"%s\n",
				ev->path, strerror(-ret));
	} else {
		/* Not found: ctr never created it; there is no spec to keep,
		 * and ctr's own error says why. */
		msg = ret < 0 ? strdup(strerror(-ret)) : hp_ctr_said(&call);
		if (!msg || !strstr(msg, "not found"))
			fprintf(stderr,
				"hardprobe: read spec of container '%s': "
				"%s\n",
				id, msg ? msg : "out of memory");
		free(msg);
	}
	hp_ctr_call_free(&call);
}

int hp_run_keep_command(const struct hp_run_opts *o, char **args,
			const struct hp_evidence *ev)
{
	char **argv = hp_ctr_argv(&o->ctr, args), *buf = NULL, *line;
	size_t len = 0, i;
	FILE *f = open_memstream(&buf, &len);
	int ret = argv && f ? 0 : -ENOMEM;

	for (i = 0; ret == 0 && argv[i]; i++) {
		line = hp_escape(argv[i], 0);
		if (!line)
			ret = -ENOMEM;
		else
			fprintf(f, "%s\n", line);
		free(line);
	}
	if (f && fclose(f) != 0 && ret == 0)
		ret = -ENOMEM;
	if (ret == 0)
		ret = hp_evidence_write(ev, "command.txt", buf, len);
	free(buf);
	free(argv);
	return ret;
}

/* ctr's own messages, kept as ctr.log beside the stream. */
static void keep_log(const struct hp_evidence *ev, const char *err)
{
	int ret = hp_evidence_write(ev, "ctr.log", err ? err : "",
				    err ? strlen(err) : 0);

	if (ret < 0)
		fprintf(stderr, "hardprobe: write file '%s/ctr.log': %s\n",
			ev->path, strerror(-ret));
}

static bool starts_stream(int fd)
{
	char c;

	return pread(fd, &c, 1, 0) == 1 && c == '{';
}

off_t hp_run_stream(const struct hp_run_opts *o, const char *id, char **args,
		    const struct hp_evidence *ev, struct hp_ctr_call *call)
{
	int fd = hp_evidence_open(ev, "stream.jsonl"), ret;
	struct stat st = { .st_size = -1 };

	if (fd < 0) {
		fprintf(stderr,
			"hardprobe: create file '%s/stream.jsonl': %s\n",
			ev->path, strerror(-fd));
		return -1;
	}
	call->out_fd = fd;
	ret = hp_ctr_call(&o->ctr, args, call);
	if (ret < 0)
		fprintf(stderr, "hardprobe: run '%s': %s\n", o->ctr.program,
			strerror(-ret));
	else if (fstat(fd, &st) < 0 || hp_evidence_commit(ev, "stream.jsonl"))
		fprintf(stderr, "hardprobe: write file '%s/stream.jsonl': %m\n",
			ev->path);
	/* ctr prints its usage on stdout after a bad flag: only output that
	 * starts like a record stream counts as one. */
	if (st.st_size > 0 && !starts_stream(fd))
		st.st_size = 0;
	close(fd);
	if (ret == 0)
		keep_log(ev, call->err);
	if (ret == 0 && !o->ctr.runc_root)
		keep_spec(o, id, ev);
	return ret < 0 ? -1 : st.st_size;
}

void hp_run_cleanup(const struct hp_ctr *c, const char *id)
{
	char *kill[] = { "tasks", "kill", "-s", "SIGKILL", (char *)id, NULL };
	char *rm_task[] = { "tasks", "rm", "-f", (char *)id, NULL };
	char *rm[] = { "containers", "rm", (char *)id, NULL };
	struct hp_ctr quick = *c;
	struct hp_ctr_call call = { .out_fd = -1 };
	char *msg;

	quick.timeout_s = CLEANUP_TIMEOUT_S;
	if (hp_ctr_call(&quick, kill, &call) == 0)
		hp_ctr_call_free(&call);
	if (hp_ctr_call(&quick, rm_task, &call) == 0)
		hp_ctr_call_free(&call);
	if (hp_ctr_call(&quick, rm, &call) < 0)
		return;
	/* Gone already: ctr never created it, or it was removed meanwhile. */
	msg = hp_ctr_said(&call);
	if (!hp_ctr_ok(&call) && msg && !strstr(msg, "not found"))
		fprintf(stderr, "hardprobe: remove container '%s': %s\n", id,
			msg);
	free(msg);
	hp_ctr_call_free(&call);
}

/* ctr did not end well: say what it said; 0 when there is a stream to
 * judge all the same, else HP_EXIT_RUN. */
static int failed(const struct hp_run_opts *o, const char *id,
		  const struct hp_ctr_call *call, off_t stream_size)
{
	char *msg = hp_ctr_said(call), *safe = hp_escape(msg, 0);
	int ret = call->timed_out || call->interrupted || stream_size <= 0
			  ? HP_EXIT_RUN
			  : 0;

	if (call->interrupted)
		fprintf(stderr, "hardprobe: run container '%s': interrupted\n",
			id);
	else if (call->timed_out)
		fprintf(stderr,
			"hardprobe: run container '%s': not done after %d s, "
			"ctr killed\n",
			id, o->ctr.timeout_s);
	else
		fprintf(stderr, "hardprobe: run container '%s': %s%s\n", id,
			safe ? safe : "out of memory",
			ret ? "" : " (judging what the probes wrote)");
	free(msg);
	free(safe);
	hp_run_cleanup(&o->ctr, id);
	return ret;
}

/* Whether the kept stream's last line starts like a trailer.  Only a
 * hint for retrying: the stream reader judges the stream itself. */
static bool ends_like_stream(const struct hp_evidence *ev)
{
	char tail[512];
	int fd = openat(ev->dfd, "stream.jsonl", O_RDONLY | O_CLOEXEC);
	struct stat st;
	ssize_t n = -1;
	char *nl;

	if (fd >= 0 && fstat(fd, &st) == 0 && st.st_size > 1) {
		off_t from = st.st_size > (off_t)sizeof(tail) - 1
				     ? st.st_size - (off_t)sizeof(tail) + 1
				     : 0;
		n = pread(fd, tail, sizeof(tail) - 1, from);
	}
	if (fd >= 0)
		close(fd);
	if (n <= 1 || tail[n - 1] != '\n')
		return false;
	tail[n - 1] = '\0';
	nl = strrchr(tail, '\n');
	return strncmp(nl ? nl + 1 : tail, TRAILER_START,
		       strlen(TRAILER_START)) == 0;
}

/*
 * ctr ended well, so the task exited 0 and run-probes wrote its whole
 * stream, yet the stream kept lacks its end.  containerd 1.6 can drop a
 * task's output when it is busy (the shim or ctr closes its end of the
 * output before it has copied everything); running the same container
 * again is then the only way to get the stream.  Say so: the evidence of
 * a retried run is the last attempt's.
 */
static bool output_lost(const char *id, const struct hp_evidence *ev,
			const struct hp_ctr_call *call, int attempt)
{
	if (!hp_ctr_ok(call) || ends_like_stream(ev))
		return false;
	if (attempt >= RUN_ATTEMPTS)
		return false;
	fprintf(stderr,
		"hardprobe: run container '%s': ctr exited 0 but delivered "
		"the stream incomplete; running it again (attempt %d of %d)\n",
		id, attempt + 1, RUN_ATTEMPTS);
	return true;
}

int hp_run_container(const struct hp_run_opts *o, const char *id,
		     const struct hp_evidence *ev)
{
	struct hp_ctr_call call = { .out_fd = -1 };
	char **args = run_args(o, id);
	int ret = args ? hp_run_keep_command(o, args, ev) : -ENOMEM;
	off_t size;

	if (ret < 0) {
		fprintf(stderr, "hardprobe: write file '%s/command.txt': %s\n",
			ev->path, strerror(-ret));
		free(args);
		return HP_EXIT_RUN;
	}
	for (int attempt = 1;; attempt++) {
		size = hp_run_stream(o, id, args, ev, &call);
		if (size < 0 || !output_lost(id, ev, &call, attempt))
			break;
		hp_run_cleanup(&o->ctr, id);
		hp_ctr_call_free(&call);
		call = (struct hp_ctr_call){ .out_fd = -1 };
	}
	ret = size < 0 ? HP_EXIT_RUN : 0;
	if (ret == 0 && !hp_ctr_ok(&call))
		ret = failed(o, id, &call, size);
	else
		hp_run_cleanup(&o->ctr, id);
	hp_ctr_call_free(&call);
	free(args);
	return ret;
}
