/* The misbehaving test probes (see test-probes.h).  Harmless: each only
 * hurts its own process, which the runner forked for it. */
#define _GNU_SOURCE
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "test-probes.h"

int probe_test_segfault(json_object *data)
{
	volatile int *volatile nowhere = NULL;

	(void)data;
	*nowhere = 1;
	return 0;
}

/* Its child hangs too and holds the output pipe open: the runner must
 * kill the whole group, not only the probe. */
int probe_test_hang(json_object *data)
{
	(void)data;
	if (fork() == 0)
		for (;;)
			pause();
	for (;;)
		pause();
}

/* A filter that kills the process at getppid(): a real SIGSYS, as a
 * seccomp profile with SCMP_ACT_KILL_PROCESS would deliver. */
int probe_test_sigsys(json_object *data)
{
	struct sock_filter code[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
			 offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_getppid, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { .len = sizeof(code) / sizeof(code[0]),
				   .filter = code };

	(void)data;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0)
		syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog);
	syscall(SYS_getppid);
	/* No filter could be set (seccomp itself blocked): die the same. */
	raise(SIGSYS);
	return 0;
}

int probe_test_malformed(json_object *data)
{
	(void)data;
	fputs("{\"outcome\": denied, \x1b[31mnot json\n", stdout);
	fflush(stdout);
	_exit(0);
}

/* Two MiB of a valid JSON object: valid but too large. */
int probe_test_oversized(json_object *data)
{
	size_t len = 2u << 20;
	char *pad = malloc(len + 1);

	if (!pad)
		return -1;
	memset(pad, 'a', len);
	pad[len] = '\0';
	json_object_object_add(data, "outcome",
			       json_object_new_string("denied"));
	json_object_object_add(data, "pad", json_object_new_string(pad));
	free(pad);
	return 0;
}

/* Its own data, then a whole record line in fs.etc-passwd-write's name
 * that says "denied": the runner must not let it into the stream. */
int probe_test_forge(json_object *data)
{
	(void)data;
	fputs("{\"outcome\":\"denied\"}\n"
	      "{\"type\":\"record\",\"seq\":1,"
	      "\"probe\":\"fs.etc-passwd-write\",\"status\":\"ok\","
	      "\"data\":{\"outcome\":\"denied\",\"errno\":\"EROFS\"}}\n",
	      stdout);
	fflush(stdout);
	_exit(0);
}

int probe_test_early_exit(json_object *data)
{
	(void)data;
	exit(0);
}
