/* Byte-level decoding of untrusted input into text that is valid UTF-8 and
 * valid XML 1.0 character data (internal to ingest; oct_ingest_decode in
 * ingest.h runs the whole first stage).
 *
 * Warnings: each kind of problem is reported ONCE per file, at its first
 * occurrence (line:col, col counted in bytes from 1), with the number of
 * further occurrences. Codes: invalid-utf8, nul-byte, control-char,
 * noncharacter, surrogate, cesu-8, c1-control. */
#ifndef OCT_DECODE_H
#define OCT_DECODE_H
#include <stddef.h>

#include "diag.h"
#include "util/buf.h"

/* Decodes bytes[0..len) (bytes may be NULL when len is 0):
 *   - strips one leading UTF-8 BOM;
 *   - turns CRLF and lone CR into LF;
 *   - replaces each maximal ill-formed UTF-8 subsequence (bad lead byte,
 *     missing continuation, overlong form, value above U+10FFFF) and each
 *     NUL by U+FFFD;
 *   - joins a UTF-16 surrogate pair encoded as two 3-byte sequences (CESU-8)
 *     into its character; drops lone encoded surrogates;
 *   - drops C0 controls other than TAB and LF, and U+FFFE / U+FFFF;
 *   - keeps C1 controls (U+0080–U+009F): mojibake repair needs them.
 * Returns a malloc'd NUL-terminated string (caller frees), its length in
 * *out_len. Never fails (out of memory aborts). */
char *oct_decode_utf8(const char *path, const char *bytes, size_t len, size_t *out_len,
                      oct_diag *diag);

/* Removes C1 controls (U+0080–U+009F) from valid UTF-8 text[0..*len), in
 * place, keeping the NUL terminator; updates *len. One warning per call
 * when anything was removed. Returns the number of characters removed. */
size_t oct_decode_drop_c1(const char *path, char *text, size_t *len, oct_diag *diag);

/* Spells out the Latin ligature characters (U+FB00-FB06: ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ)
 * of valid UTF-8 text[0..*len) as their letters, in place: text copied
 * out of a PDF carries them, and "ﬁnding" is then no word a reader, a
 * search or the study pass knows. The fonts set ligatures themselves.
 * Updates *len; returns how many were spelled out. */
size_t oct_decode_unligate(char *text, size_t *len);

/* Appends s[0..n) to out as text XML can carry: ill-formed UTF-8 bytes
 * become U+FFFD; C0 controls other than TAB and LF, C1 controls and
 * U+FFFE/U+FFFF are dropped. For strings made after decoding (cmark turns
 * "&#1;" into U+0001). Returns the number of changes (0: copied as is). */
size_t oct_decode_clean(const char *s, size_t n, oct_buf *out);

#endif
