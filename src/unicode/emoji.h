/* Emoji sequences (UTS #51): where one starts in UTF-8 text and whether it
 * asks for emoji presentation, so the PDF can draw the whole sequence
 * from a colour font (one picture for a flag, a keycap, a ZWJ family, a
 * skin tone) instead of character by character from text fonts. */
#ifndef OCT_UNICODE_EMOJI_H
#define OCT_UNICODE_EMOJI_H
#include <stdbool.h>
#include <stddef.h>

/* Length in bytes of the emoji sequence at the start of s[0..n), or 0 when
 * none starts there or when it is meant as text: a character whose
 * default is text (© ✓ ☺) with no VS16, modifier, keycap, tag or ZWJ
 * after it, or any character followed by VS15 (U+FE0E). */
size_t oct_emoji_sequence(const char *s, size_t n);

#endif
