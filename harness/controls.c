/* Control ids on check lines: "controls=PSS:baseline/capabilities,..." */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "controls.h"

bool hp_controls_word(const char *word)
{
	return strncmp(word, HP_CONTROLS_PREFIX, strlen(HP_CONTROLS_PREFIX)) ==
	       0;
}

static bool framework_char(char c)
{
	return isalnum((unsigned char)c) || c == '-';
}

static bool item_char(char c)
{
	return isalnum((unsigned char)c) || c == '-' || c == '.' || c == '/';
}

bool hp_control_ok(const char *id)
{
	const char *p = id;

	if (!isalpha((unsigned char)*p))
		return false;
	while (framework_char(*p))
		p++;
	if (*p++ != ':' || !*p)
		return false;
	while (item_char(*p))
		p++;
	return *p == '\0';
}

char *hp_control_token(const char *id)
{
	char *t = strdup(id);

	for (char *p = t; p && *p; p++)
		if (*p == ':' || *p == '/')
			*p = '_';
	return t;
}

void hp_controls_free(char **ids, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
}

/* Check one id of the list and add it; 0, -ENOMEM or -EINVAL. */
static int take_id(char *id, char ***ids, size_t *n, char *why, size_t whylen)
{
	char **v;

	if (!hp_control_ok(id)) {
		snprintf(why, whylen,
			 "bad control id '%s' (want FRAMEWORK:ID, such as "
			 "CIS-Docker:5.12)",
			 id);
		return -EINVAL;
	}
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*ids)[i], id) == 0) {
			snprintf(why, whylen, "control '%s' listed twice", id);
			return -EINVAL;
		}
	v = reallocarray(*ids, *n + 1, sizeof(*v));
	if (!v)
		return -ENOMEM;
	*ids = v;
	v[*n] = strdup(id);
	if (!v[*n])
		return -ENOMEM;
	(*n)++;
	return 0;
}

int hp_controls_parse(const char *word, char ***ids, size_t *n, char *why,
		      size_t whylen)
{
	char *list = strdup(word + strlen(HP_CONTROLS_PREFIX));
	char *save = NULL, *id;
	int rc = list ? 0 : -ENOMEM;

	*ids = NULL;
	*n = 0;
	if (rc == 0 && (!list[0] || strstr(list, ",,") || list[0] == ',' ||
			list[strlen(list) - 1] == ',')) {
		snprintf(why, whylen,
			 "controls= needs ids separated by one "
			 "comma");
		rc = -EINVAL;
	}
	for (id = rc ? NULL : strtok_r(list, ",", &save); id && rc == 0;
	     id = strtok_r(NULL, ",", &save))
		rc = take_id(id, ids, n, why, whylen);
	free(list);
	if (rc < 0) {
		hp_controls_free(*ids, *n);
		*ids = NULL;
		*n = 0;
	}
	return rc;
}

int hp_controls_copy(char *const *ids, size_t n, char ***out)
{
	*out = n ? calloc(n, sizeof(**out)) : NULL;
	if (n && !*out)
		return -ENOMEM;
	for (size_t i = 0; i < n; i++) {
		(*out)[i] = strdup(ids[i]);
		if (!(*out)[i]) {
			hp_controls_free(*out, i);
			*out = NULL;
			return -ENOMEM;
		}
	}
	return 0;
}
