/* SHA-1 (FIPS 180-4), small and self-contained, for the places a format
 * prescribes it: name-based (version 5) UUIDs of booklets, and Anki's
 * duplicate-check sums and the note GUIDs cut from it. Not used for
 * anything that needs collision resistance. */
#ifndef OCT_UTIL_SHA1_H
#define OCT_UTIL_SHA1_H
#include <stddef.h>

void oct_sha1(const void *data, size_t len, unsigned char out[20]);

#endif
