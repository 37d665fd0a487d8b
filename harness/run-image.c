/* The image the probes run in: present in containerd, or imported from
 * the archive that is built and installed with hardprobe. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "run.h"

/* Whether ref is a line of text. */
static bool has_line(const char *text, const char *ref)
{
	size_t n = strlen(ref);
	const char *p = text;

	while (*p) {
		if (strncmp(p, ref, n) == 0 && (p[n] == '\n' || !p[n]))
			return true;
		p = strchr(p, '\n');
		if (!p)
			break;
		p++;
	}
	return false;
}

static void said(const char *what, const char *arg,
		 const struct hp_ctr_call *call)
{
	char *msg = hp_ctr_said(call);

	fprintf(stderr, "hardprobe: %s '%s': %s\n", what, arg,
		msg ? msg : "out of memory");
	free(msg);
}

/* 1 when the image is in containerd with all its content unpacked, 0
 * when not, -1 (after saying why) when ctr cannot tell. */
static int ready(const struct hp_run_opts *o)
{
	char *args[] = { "images", "check", "-q", NULL };
	struct hp_ctr_call call = { .out_fd = -1 };
	int ret = hp_ctr_call(&o->ctr, args, &call);

	if (ret < 0) {
		fprintf(stderr, "hardprobe: run '%s': %s\n", o->ctr.program,
			strerror(-ret));
		return -1;
	}
	if (!hp_ctr_ok(&call)) {
		said("list images in containerd", o->ctr.address, &call);
		ret = -1;
	} else {
		ret = has_line(call.out ? call.out : "", o->image);
	}
	hp_ctr_call_free(&call);
	return ret;
}

/* The archive to import: the option, $HARDPROBE_IMAGE_ARCHIVE, or the one
 * built or installed with hardprobe.  A new string, or NULL. */
static char *archive(const struct hp_run_opts *o)
{
	const char *env = getenv("HARDPROBE_IMAGE_ARCHIVE");

	if (o->archive)
		return strdup(o->archive);
	if (env && *env)
		return strdup(env);
	return hp_data_path("hardprobe-image.tar", "hardprobe-image.tar");
}

static int import(const struct hp_run_opts *o, char *tar)
{
	char *args[] = { "images", "import", tar, NULL };
	struct hp_ctr_call call = { .out_fd = -1 };
	int ret = hp_ctr_call(&o->ctr, args, &call);

	if (ret < 0) {
		fprintf(stderr, "hardprobe: run '%s': %s\n", o->ctr.program,
			strerror(-ret));
		return HP_EXIT_RUN;
	}
	ret = hp_ctr_ok(&call) ? 0 : HP_EXIT_RUN;
	/* Runs started together on a fresh containerd all import; those
	 * that lose the race fail with "already exists", and the image is
	 * there all the same. */
	if (ret && ready(o) == 1)
		ret = 0;
	else if (ret)
		said("import image archive", tar, &call);
	hp_ctr_call_free(&call);
	return ret;
}

/* After an import: 0 when the image is there now, else HP_EXIT_RUN. */
static int imported(const struct hp_run_opts *o, const char *tar)
{
	int ret = ready(o);

	if (ret == 0)
		fprintf(stderr,
			"hardprobe: import image archive '%s': it does not "
			"hold '%s'\n",
			tar, o->image);
	return ret == 1 ? 0 : HP_EXIT_RUN;
}

int hp_run_image(const struct hp_run_opts *o)
{
	int ret = ready(o);
	char *tar;

	if (ret != 0)
		return ret < 0 ? HP_EXIT_RUN : 0;
	tar = archive(o);
	if (!tar) {
		fprintf(stderr,
			"hardprobe: find image '%s': not in containerd, and no "
			"image archive (give --image-archive=TAR)\n",
			o->image);
		return HP_EXIT_RUN;
	}
	ret = import(o, tar);
	if (ret == 0)
		ret = imported(o, tar);
	free(tar);
	return ret;
}
