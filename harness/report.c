/* Report formats: choose a writer. */
#include <errno.h>
#include <string.h>

#include "report-impl.h"
#include "report.h"

static const char *const format_names[] = {
	[HP_FMT_TEXT] = "text",	  [HP_FMT_JSON] = "json",
	[HP_FMT_JUNIT] = "junit", [HP_FMT_TAP] = "tap",
	[HP_FMT_OSCAL] = "oscal",
};

int hp_format_parse(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof(format_names) / sizeof(format_names[0]); i++)
		if (strcmp(s, format_names[i]) == 0)
			return (int)i;
	return -1;
}

int hp_report_write(const struct hp_report *r, enum hp_format fmt, FILE *out,
		    bool colour)
{
	int ret;

	switch (fmt) {
	case HP_FMT_TEXT:
		ret = hp_report_text(r, out, colour);
		break;
	case HP_FMT_JSON:
		ret = hp_report_json(r, out);
		break;
	case HP_FMT_JUNIT:
		ret = hp_report_junit(r, out);
		break;
	case HP_FMT_TAP:
		ret = hp_report_tap(r, out);
		break;
	case HP_FMT_OSCAL:
		ret = hp_report_oscal(r, out);
		break;
	default:
		return -EINVAL;
	}
	errno = 0;
	if (ret == 0 && (fflush(out) != 0 || ferror(out)))
		ret = errno ? -errno : -EIO;
	return ret;
}

const char *hp_report_header(const struct hp_report *r, const char *key)
{
	json_object *v;

	if (!r->header || !json_object_object_get_ex(r->header, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

const char *hp_report_verdict(const struct hp_report *r)
{
	return r->pass ? "pass" : "fail";
}
