/* SHA-256, through nettle: of memory, of files, and of a stream's lines. */
#ifndef HARDPROBE_DIGEST_H
#define HARDPROBE_DIGEST_H

#include <stddef.h>

#include <nettle/sha2.h>

/* "sha256:" and 64 lower-case hex digits, and the NUL. */
#define HP_DIGEST_PREFIX "sha256:"
#define HP_SHA256_HEX (2 * SHA256_DIGEST_SIZE + 1)

/* The digest of what ctx has taken so far, as lower-case hex, without
 * changing ctx (the caller may go on feeding it). */
void hp_sha256_peek(const struct sha256_ctx *ctx, char out[HP_SHA256_HEX]);

/* The digest of len bytes of buf, as lower-case hex. */
void hp_sha256_hex(const void *buf, size_t len, char out[HP_SHA256_HEX]);

/* The digest of the file name in directory dfd (AT_FDCWD for a path).
 * 0, or -errno. */
int hp_sha256_file(int dfd, const char *name, char out[HP_SHA256_HEX]);

#endif
