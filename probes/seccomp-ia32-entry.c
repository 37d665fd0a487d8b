/* seccomp.ia32-entry (attempt): can this 64-bit process enter the kernel
 * through the 32-bit gate (int $0x80, ia32 emulation)?  A seccomp filter
 * sees such a call with arch AUDIT_ARCH_I386 and i386 numbers, so a
 * filter written for x86_64 numbers alone may let dangerous calls through
 * there.  The probe makes one i386 getpid (number 20), in a child: getpid
 * reads the process id and changes nothing.  x86_64 only; skip elsewhere. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "probe.h"

#if defined(__x86_64__)

#define IA32_NR_GETPID 20
#define OTHER_PID 255 /* no errno is this high */

/* The child: exit 0 when the i386 getpid returned its pid, OTHER_PID
 * when it returned some other number, else with the errno.  int $0x80 may clear
 * r8-r11 on older kernels. */
static int ia32_getpid(void *arg)
{
	long r = IA32_NR_GETPID;

	(void)arg;
	__asm__ volatile("int $0x80"
			 : "+a"(r)
			 :
			 : "r8", "r9", "r10", "r11", "memory", "cc");
	if ((int)r < 0 && (int)r > -4096)
		return -(int)r;
	return (int)r == (int)getpid() ? 0 : OTHER_PID;
}

struct verdict {
	const char *outcome, *layer;
};

/* For an i386 getpid that returned err (0: our pid). */
static struct verdict judge_errno(int err, bool filter)
{
	if (err == 0)
		return (struct verdict){ "allowed", NULL };
	if (err == ENOSYS && !filter)
		return (struct verdict){ "absent", "kernel" };
	/* a filter's ENOSYS looks like ia32_emulation=0 */
	if (err == ENOSYS)
		return (struct verdict){ "denied", "seccomp or kernel" };
	return (struct verdict){ "denied", filter ? "seccomp" : NULL };
}

/* Killed: SIGSYS comes from a filter; without ia32 emulation the gate is
 * no gate and int $0x80 faults (SIGSEGV). */
static struct verdict judge_signal(int sig)
{
	if (sig == SIGSYS)
		return (struct verdict){ "denied", "seccomp" };
	if (sig == SIGSEGV)
		return (struct verdict){ "absent", "kernel" };
	return (struct verdict){ "denied", NULL };
}

static void record(json_object *data, int status, bool filter)
{
	int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
	int err = sig ? 0 : WEXITSTATUS(status);
	struct verdict v = sig ? judge_signal(sig) : judge_errno(err, filter);
	char name[32];

	hp_add_str(data, "outcome", v.outcome);
	json_object_object_add(data, "errno", hp_errno_json(err));
	hp_add_str(data, "signal",
		   sig ? hp_signal_name(sig, name, sizeof(name)) : NULL);
	hp_add_str(data, "layer", v.layer);
}

int probe_seccomp_ia32_entry(json_object *data)
{
	int mode = hp_seccomp_mode(), status;

	status = hp_in_child(ia32_getpid, NULL);
	if (status < 0)
		return status;
	if (WIFEXITED(status) && WEXITSTATUS(status) == OTHER_PID)
		hp_skip(data, "the i386 getpid returned another process id");
	else
		record(data, status, mode == 2);
	json_object_object_add(data, "seccomp_mode",
			       mode < 0 ? NULL : json_object_new_int(mode));
	return 0;
}

#else

int probe_seccomp_ia32_entry(json_object *data)
{
	hp_skip(data, "no 32-bit x86 system call gate on this architecture");
	return 0;
}

#endif
