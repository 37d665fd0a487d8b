/* Control ids: the requirements of a standard that an expectation
 * evidences, written "FRAMEWORK:ID" (PSS:restricted/capabilities,
 * CIS-Docker:5.12, NIST-800-190:4.4.3). */
#ifndef HARDPROBE_CONTROLS_H
#define HARDPROBE_CONTROLS_H

#include <stdbool.h>
#include <stddef.h>

/* The word that starts a check line's list of controls. */
#define HP_CONTROLS_PREFIX "controls="

/* Whether word is a controls= word. */
bool hp_controls_word(const char *word);

/*
 * Parse a "controls=ID[,ID...]" word into a new array of ids.  Returns 0,
 * -ENOMEM, or -EINVAL with why set (an empty list, a malformed or a
 * repeated id).
 */
int hp_controls_parse(const char *word, char ***ids, size_t *n, char *why,
		      size_t whylen);

/* Whether id is "FRAMEWORK:ID": a letter, then letters, digits and '-';
 * a colon; then letters, digits and ". - /". */
bool hp_control_ok(const char *id);

/*
 * The id as an OSCAL token (what a catalog's control id must be): ':' and
 * '/' become '_'.  Neither part of a valid id holds '_', so different ids
 * give different tokens.  A new string, or NULL when out of memory.
 */
char *hp_control_token(const char *id);

/* A new copy of the n ids in *out (NULL when n is 0); 0 or -ENOMEM. */
int hp_controls_copy(char *const *ids, size_t n, char ***out);

void hp_controls_free(char **ids, size_t n);

#endif
