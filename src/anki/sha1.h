/* SHA-1 (FIPS 180-4), small and self-contained: Anki's apkg keeps the
 * first 8 hex digits of the SHA-1 of a note's first field as its
 * duplicate-check sum, and the note GUIDs are cut from it too. Not used
 * for anything that needs collision resistance. */
#ifndef OCT_ANKI_SHA1_H
#define OCT_ANKI_SHA1_H
#include <stddef.h>

void oct_sha1(const void *data, size_t len, unsigned char out[20]);

#endif
