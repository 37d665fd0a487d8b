/* k8s.service-account-token (fact): is a Kubernetes service account token
 * mounted?  It looks at the standard path and at every mount whose path
 * names a "serviceaccount" directory.  For a JWT it decodes the payload
 * (the middle part) and reports its expiry, audience and issuer only: the
 * token, its header and its signature are never printed or kept.  It only
 * reads. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "fsprobe.h"
#include "probe-host.h"
#include "probe.h"

#define MAX_TOKEN 65536
#define MAX_TOKENS 8

static const char *const standard[] = {
	"/var/run/secrets/kubernetes.io/serviceaccount/token",
	"/run/secrets/kubernetes.io/serviceaccount/token",
};

/* The value of one base64url character, or -1. */
static int b64_value(char c)
{
	static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
				       "abcdefghijklmnopqrstuvwxyz0123456789-_";
	const char *p = c ? strchr(alphabet, c) : NULL;

	return p ? (int)(p - alphabet) : -1;
}

/* Decode len base64url characters (no padding) into out, NUL-ended.
 * Returns the decoded length or -1. */
static long b64url_decode(const char *in, size_t len, char *out)
{
	unsigned long acc = 0;
	long n = 0;
	int bits = 0;

	for (size_t i = 0; i < len; i++) {
		int v = b64_value(in[i]);

		if (v < 0)
			return -1;
		acc = (acc << 6) | (unsigned long)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[n++] = (char)((acc >> bits) & 0xff);
		}
	}
	out[n] = '\0';
	return n;
}

/* The payload claims of a JWT ("header.payload.signature"), or NULL. */
static json_object *jwt_claims(const char *token)
{
	const char *dot1 = strchr(token, '.');
	const char *dot2 = dot1 ? strchr(dot1 + 1, '.') : NULL;
	char *buf;
	json_object *claims = NULL;

	if (!dot2 || strchr(dot2 + 1, '.'))
		return NULL;
	buf = malloc((size_t)(dot2 - dot1));
	if (buf && b64url_decode(dot1 + 1, (size_t)(dot2 - dot1 - 1), buf) > 0)
		claims = json_tokener_parse(buf);
	free(buf);
	if (claims && !json_object_is_type(claims, json_type_object)) {
		json_object_put(claims);
		claims = NULL;
	}
	return claims;
}

/* Copy exp, aud and iss from the claims; never anything else. */
static void add_claims(json_object *t, json_object *claims)
{
	static const char *const keep[] = { "exp", "aud", "iss" };
	json_object *v, *exp;

	for (size_t i = 0; i < 3; i++)
		json_object_object_add(t, keep[i],
				       json_object_object_get_ex(claims,
								 keep[i], &v)
					       ? json_object_get(v)
					       : NULL);
	exp = json_object_object_get(t, "exp");
	json_object_object_add(t, "expired",
			       json_object_is_type(exp, json_type_int)
				       ? json_object_new_boolean(
						 json_object_get_int64(exp) <
						 (int64_t)time(NULL))
				       : NULL);
}

static char *read_token(const char *path, int *err)
{
	FILE *f = fopen(path, "re");
	char *buf = f ? calloc(1, MAX_TOKEN + 1) : NULL;
	size_t n;

	*err = f ? 0 : errno;
	if (!buf) {
		if (f)
			fclose(f);
		*err = *err ? *err : ENOMEM;
		return NULL;
	}
	n = fread(buf, 1, MAX_TOKEN, f);
	fclose(f);
	buf[n] = '\0';
	buf[strcspn(buf, "\r\n")] = '\0';
	return buf;
}

static json_object *describe_token(const char *path)
{
	json_object *t = json_object_new_object(), *claims = NULL;
	int err;
	char *token = read_token(path, &err);

	hp_add_str(t, "path", path);
	json_object_object_add(t, "readable",
			       json_object_new_boolean(token != NULL));
	json_object_object_add(t, "errno", hp_errno_json(err));
	if (token)
		claims = jwt_claims(token);
	json_object_object_add(t, "jwt",
			       json_object_new_boolean(claims != NULL));
	if (claims)
		add_claims(t, claims);
	json_object_put(claims);
	if (token)
		explicit_bzero(token, MAX_TOKEN);
	free(token);
	return t;
}

/* Paths already looked at, so a token is listed once. */
static bool seen(json_object *paths, const char *path)
{
	for (size_t i = 0; i < json_object_array_length(paths); i++)
		if (!strcmp(json_object_get_string(
				    json_object_array_get_idx(paths, i)),
			    path))
			return true;
	json_object_array_add(paths, json_object_new_string(path));
	return false;
}

struct found {
	json_object *paths, *tokens;
};

static void consider(struct found *f, const char *path)
{
	struct stat st;

	if (seen(f->paths, path) || stat(path, &st) < 0 ||
	    !S_ISREG(st.st_mode) ||
	    json_object_array_length(f->tokens) >= MAX_TOKENS)
		return;
	json_object_array_add(f->tokens, describe_token(path));
}

/* A mount of a serviceaccount directory, or of a token file in one. */
static int from_mount(const struct hp_mnt *m, void *arg)
{
	const char *target = m->target;
	char path[4096];
	size_t len = strlen(target);

	if (!strstr(target, "/serviceaccount"))
		return 0;
	if (len > 6 && !strcmp(target + len - 6, "/token"))
		consider(arg, target);
	snprintf(path, sizeof(path), "%s/token", target);
	consider(arg, path);
	return 0;
}

int probe_k8s_service_account_token(json_object *data)
{
	struct found f = { json_object_new_array(), json_object_new_array() };

	for (size_t i = 0; i < sizeof(standard) / sizeof(*standard); i++)
		consider(&f, standard[i]);
	hp_walk_mounts(from_mount, &f);
	hp_add_str(data, "outcome",
		   json_object_array_length(f.tokens) ? "present" : "absent");
	json_object_object_add(data, "tokens", f.tokens);
	json_object_object_add(data, "paths_checked", f.paths);
	return 0;
}
