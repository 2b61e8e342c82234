/* Legacy encodings: detects input that is not UTF-8 (Latin-1, Windows-1252,
 * MacRoman, …, with uchardet) and converts it. */
#ifndef OCT_CHARSET_H
#define OCT_CHARSET_H
#include <stddef.h>

#include "diag.h"

/* If bytes[0..len) are not UTF-8 but text in a legacy encoding, returns a
 * malloc'd UTF-8 conversion (caller frees; *out_len set) after one warning
 * naming the encoding. Returns NULL when the bytes should be read as UTF-8
 * (valid UTF-8, or only a few invalid sequences, which the decoder replaces
 * with U+FFFD). */
char *oct_charset_to_utf8(const char *path, const char *bytes, size_t len, size_t *out_len,
                          oct_diag *diag);

#endif
