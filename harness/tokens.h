/* Splitting one profile line into tokens. */
#ifndef HARDPROBE_TOKENS_H
#define HARDPROBE_TOKENS_H

#include <stddef.h>

struct hp_tokens {
	char **v;
	size_t n;
};

/*
 * Split line into blank-separated tokens.  A token may be double-quoted
 * (then it may hold blanks and '#', and \" or \\ stand for " and \); '#'
 * outside quotes starts a comment.  Returns 0, -EINVAL with why set for a
 * syntax error, or -ENOMEM.  On error t holds nothing to free.
 */
int hp_tokenize(const char *line, struct hp_tokens *t, char *why,
		size_t whylen);

void hp_tokens_free(struct hp_tokens *t);

#endif
