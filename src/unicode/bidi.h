/* Right-to-left and mixed text (UAX #9) through ICU's ubidi: which way a
 * paragraph runs, and the order in which a line's characters are seen.
 *
 * Like breaks.h, the text is any array of 32-bit values; a surrogate or a
 * value above U+10FFFF is read as U+FFFD. */
#ifndef OCT_UNICODE_BIDI_H
#define OCT_UNICODE_BIDI_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* 1 if cp is a strong right-to-left character (R, AL), 0 if strong
 * left-to-right, -1 otherwise (neutral, weak, a control): the first
 * strong character of a paragraph gives its direction (rule P2). */
int oct_bidi_strong(uint32_t cp);

/* True if any of cps[0..n) is right-to-left or an explicit bidi control:
 * only such text needs reordering. */
bool oct_bidi_needed(const uint32_t *cps, size_t n);

/* The visual order of a line: order[v] is the index of the character seen
 * at position v from the left, for a line of a paragraph running from the
 * right if `rtl`; *rtl_char (if not NULL, n entries) gets whether each
 * character is set right-to-left. Returns 0, or -1 if ICU fails (order is
 * then the logical one). */
int oct_bidi_visual(const uint32_t *cps, size_t n, bool rtl, size_t *order, bool *rtl_char);

/* The mirrored form of cp set right-to-left ('(' for ')', '«' for '»'…;
 * UAX #9 rule L4), or cp itself. */
uint32_t oct_bidi_mirror(uint32_t cp);

#endif
