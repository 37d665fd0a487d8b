/* SHA-256 digests as hex text: nettle does the hashing and the hex. */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <nettle/base16.h>

#include "digest.h"

void hp_sha256_peek(const struct sha256_ctx *ctx, char out[HP_SHA256_HEX])
{
	/* sha256_digest() resets its context: work on a copy. */
	struct sha256_ctx copy = *ctx;
	uint8_t d[SHA256_DIGEST_SIZE];

	sha256_digest(&copy, sizeof(d), d);
	base16_encode_update(out, sizeof(d), d);
	out[HP_SHA256_HEX - 1] = '\0';
}

void hp_sha256_hex(const void *buf, size_t len, char out[HP_SHA256_HEX])
{
	struct sha256_ctx ctx;

	sha256_init(&ctx);
	sha256_update(&ctx, len, buf);
	hp_sha256_peek(&ctx, out);
}

int hp_sha256_file(int dfd, const char *name, char out[HP_SHA256_HEX])
{
	struct sha256_ctx ctx;
	uint8_t buf[65536];
	ssize_t n;
	int fd = openat(dfd, name, O_RDONLY | O_CLOEXEC), ret = 0;

	if (fd < 0)
		return -errno;
	sha256_init(&ctx);
	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			ret = -errno;
			break;
		}
		sha256_update(&ctx, (size_t)n, buf);
	}
	close(fd);
	if (ret == 0)
		hp_sha256_peek(&ctx, out);
	return ret;
}
