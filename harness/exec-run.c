/* One exec of the probes into a running container, and the evidence of
 * it.  The container is not ours: whatever happens, it is left running. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "cli.h"
#include "escape.h"
#include "exec-run.h"

#define PROBES "/hardprobe/run-probes"

/* The most arguments exec_args() writes: the runtime's six, the probe
 * arguments, and the NULL. */
static size_t exec_argc(const struct hp_exec_opts *x)
{
	size_t n = 7;

	while (x->run.probe_args && x->run.probe_args[n - 7])
		n++;
	return n;
}

/* The runtime's arguments: ctr task exec, or runc exec with the process
 * file (whose args say what runs) or with run-probes and the profile's
 * probe arguments (net.egress targets). */
static void exec_args(const struct hp_exec_opts *x, const char *id, char **args)
{
	char *c = (char *)x->container;
	int i = 0;

	if (!x->runc) {
		args[i++] = "tasks";
		args[i++] = "exec";
		args[i++] = "--exec-id";
		args[i++] = (char *)id;
	} else {
		args[i++] = "exec";
	}
	if (x->process) {
		args[i++] = "--process";
		args[i++] = (char *)x->process;
	}
	args[i++] = c;
	if (!x->process && x->run.probe_args)
		for (size_t k = 0; x->run.probe_args[k]; k++)
			args[i++] = x->run.probe_args[k];
	else if (!x->process)
		args[i++] = PROBES;
	args[i] = NULL;
}

/* The whole of file path as a new string (*len its size), or NULL with
 * errno set. */
static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "re");
	char *text = NULL;
	size_t cap = 0;
	ssize_t n;
	int err;

	if (!f)
		return NULL;
	n = getdelim(&text, &cap, '\0', f);
	err = ferror(f) ? EIO : 0;
	fclose(f);
	if (n < 0 && !err) {
		free(text);
		text = strdup("");
		n = 0;
	}
	if (err) {
		free(text);
		errno = err;
		return NULL;
	}
	*len = (size_t)n;
	return text;
}

/* Copy file path into ev as name; 0, or -1 after saying why. */
static int keep_copy(const struct hp_evidence *ev, const char *path,
		     const char *name)
{
	size_t len = 0;
	char *text = read_all(path, &len);
	int ret;

	if (!text) {
		fprintf(stderr, "hardprobe: read file '%s': %m\n", path);
		return -1;
	}
	ret = hp_evidence_write(ev, name, text, len);
	if (ret < 0)
		fprintf(stderr, "hardprobe: write file '%s/%s': %s\n", ev->path,
			name, strerror(-ret));
	free(text);
	return ret < 0 ? -1 : 0;
}

/* The string key of what the runtime printed as a JSON object, as a new
 * string; NULL when it failed or printed something else. */
static char *runtime_json(const struct hp_exec_opts *x, char **args,
			  const char *key)
{
	struct hp_ctr_call call = { .out_fd = -1 };
	json_object *o = NULL, *v = NULL;
	char *s = NULL;

	if (hp_ctr_call(&x->run.ctr, args, &call) < 0)
		return NULL;
	if (hp_ctr_ok(&call) && call.out)
		o = json_tokener_parse(call.out);
	if (json_object_object_get_ex(o, key, &v) &&
	    json_object_is_type(v, json_type_string))
		s = strdup(json_object_get_string(v));
	json_object_put(o);
	hp_ctr_call_free(&call);
	return s;
}

/* runc keeps the container's bundle; its config.json is the spec. */
static void keep_runc_spec(const struct hp_exec_opts *x,
			   const struct hp_evidence *ev)
{
	char *args[] = { "state", (char *)x->container, NULL };
	char *bundle = runtime_json(x, args, "bundle"), *path = NULL;

	if (!bundle)
		fprintf(stderr,
			"hardprobe: read state of container '%s' from runc: "
			"no bundle\n",
			x->container);
	else if (asprintf(&path, "%s/config.json", bundle) >= 0)
		keep_copy(ev, path, "oci-spec.json");
	free(path);
	free(bundle);
}

/* The exec did not end well: say so; 0 when there is a stream to judge
 * all the same, else HP_EXIT_RUN. */
static int failed(const struct hp_exec_opts *x, const struct hp_ctr_call *call,
		  off_t size)
{
	char *msg = hp_ctr_said(call), *safe = hp_escape(msg, 0);
	int ret = call->timed_out || call->interrupted || size <= 0
			  ? HP_EXIT_RUN
			  : 0;

	fprintf(stderr, "hardprobe: exec in container '%s': %s%s\n",
		x->container,
		call->timed_out	    ? "not done in time, killed"
		: call->interrupted ? "interrupted"
		: safe		    ? safe
				    : "out of memory",
		ret ? "" : " (judging what the probes wrote)");
	free(msg);
	free(safe);
	return ret;
}

static int run_exec(struct hp_exec_opts *x, char **args,
		    const struct hp_evidence *ev)
{
	struct hp_ctr_call call = { .out_fd = -1 };
	off_t size = hp_run_stream(&x->run, x->container, args, ev, &call);
	int ret = size < 0 ? HP_EXIT_RUN : 0;

	if (ret == 0 && !hp_ctr_ok(&call))
		ret = failed(x, &call, size);
	else if (ret == 0 && size == 0) {
		fprintf(stderr,
			"hardprobe: exec in container '%s': no record "
			"stream (does the process run " PROBES "?)\n",
			x->container);
		ret = HP_EXIT_RUN;
	}
	hp_ctr_call_free(&call);
	return ret;
}

int hp_exec_probes(struct hp_exec_opts *x, const char *id,
		   const struct hp_evidence *ev)
{
	char *info[] = { "containers", "info", (char *)x->container, NULL };
	char *args[exec_argc(x)];
	int ret;

	if (x->process && keep_copy(ev, x->process, "process.json") < 0)
		return HP_EXIT_USAGE;
	exec_args(x, id, args);
	ret = hp_run_keep_command(&x->run, args, ev);
	if (ret < 0) {
		fprintf(stderr, "hardprobe: write file '%s/command.txt': %s\n",
			ev->path, strerror(-ret));
		return HP_EXIT_RUN;
	}
	if (!x->runc && (x->image = runtime_json(x, info, "Image")))
		x->run.image = x->image;
	ret = run_exec(x, args, ev);
	if (x->runc)
		keep_runc_spec(x, ev);
	return ret;
}
