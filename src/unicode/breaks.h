/* Line-break opportunities (UAX #14) and grapheme clusters (UAX #29) of
 * UTF-32 text, found by ICU's break iterators.
 *
 * The text is any array of 32-bit values: a surrogate or a value above
 * U+10FFFF is read as U+FFFD, so ICU only ever sees well-formed UTF-16. */
#ifndef OCT_UNICODE_BREAKS_H
#define OCT_UNICODE_BREAKS_H
#include <stddef.h>
#include <stdint.h>

/* One flags byte per character: the break after it (the low two bits) and
 * whether a grapheme cluster starts at it. */
enum {
    OCT_LB_NONE = 0,      /* a line may not end after it */
    OCT_LB_ALLOWED = 1,   /* a line may end after it */
    OCT_LB_MANDATORY = 2, /* a line must end after it: LF, CR (not before LF), NEL, VT,
                             FF, LS, PS, and the last character of the text */
    OCT_LB_MASK = 3,
    OCT_GRAPHEME_START = 4, /* the text may be cut before it without splitting a
                               user-perceived character (flag, emoji sequence,
                               base + combining marks, Hangul syllable...) */
};

typedef struct oct_breaker oct_breaker;

/* A line and a character iterator for texts in language `lang` (a BCP 47
 * tag such as "de" or "ja-JP"; NULL, empty or malformed: ICU's root rules).
 * Returns NULL if ICU cannot open them (its data is missing); *why then
 * gets ICU's error name (static). Free with oct_breaker_free. */
oct_breaker *oct_breaker_new(const char *lang, const char **why);
void oct_breaker_free(oct_breaker *b); /* NULL-safe */

/* Fills out[0..n) for cps[0..n). Texts longer than OCT_BREAK_PIECE code
 * points are done in pieces of that size, each piece end counting as a
 * (not mandatory) break and a cluster boundary. */
void oct_breaker_run(oct_breaker *b, const uint32_t *cps, size_t n, uint8_t *out);
#define OCT_BREAK_PIECE ((size_t)1 << 26)

/* The largest offset <= off (and <= n) at which a grapheme cluster of the
 * UTF-8 text s[0..n) starts (0 and n count), so that s[0..result) can be
 * shown on its own. Invalid UTF-8 bytes are read as U+FFFD. */
size_t oct_grapheme_floor_utf8(const char *s, size_t n, size_t off);

#endif
