/* Character classes for mojibake repair (see repair_badness.c for how they
 * are used). Internal to ingest/repair*.c. */
#ifndef OCT_REPAIR_CHARS_H
#define OCT_REPAIR_CHARS_H
#include <stdbool.h>
#include <stdint.h>

typedef enum {
    OCT_K_ASCII_OTHER, /* ASCII punctuation and controls */
    OCT_K_SPACE,       /* ASCII white space */
    OCT_K_ASCII_LOWER,
    OCT_K_ASCII_UPPER,
    OCT_K_DIGIT,
    OCT_K_UPPER_ACC, /* non-ASCII Latin capital: À, Ã, Œ, Ş */
    OCT_K_LOWER_ACC, /* non-ASCII Latin small letter: é, ß, œ, ﬁ, ə */
    OCT_K_C1,        /* U+0080..U+009F */
    OCT_K_BAD,      /* almost only ever seen in mojibake: ¦ ¤ ¨ ¬ ƒ ˆ ‰ ◊ U+F8FF U+FFFD */
    OCT_K_CURRENCY, /* ¢ £ ¥ € */
    OCT_K_OPEN,     /* ¡ ¿ « ‹ ‘ ‚ “ „ • © */
    OCT_K_CLOSE,    /* ® » › ” ™ */
    OCT_K_COMMON,   /* at home anywhere: NBSP, SHY, ·, ´, –, —, …, ’, ʻ */
    OCT_K_NUMERIC,  /* ¹ ² ³ ± ¼ × ÷ µ ° and MacRoman's math: √ ∞ ≠ ≤ π Ω */
    OCT_K_ALPHA_UP, /* Greek and Cyrillic */
    OCT_K_ALPHA_LOW,
    OCT_K_SCRIPT, /* letters and digits of other scripts: Armenian, Hebrew, Arabic… */
    OCT_K_CJK,    /* Han, kana, Hangul */
    OCT_K_MARK,   /* combining marks, variation selectors */
    OCT_K_SYMBOL, /* everything else that prints: emoji, arrows, joiners */
    OCT_K_RARE    /* unassigned, private use, surrogates, controls, separators */
} oct_repair_kind;

oct_repair_kind oct_repair_classify(uint32_t c);

/* True if Windows-1252 (or Latin-1) has c at 0x80..0xBF: the characters
 * UTF-8 continuation bytes turn into. U+FFFD counts (a lost byte). */
bool oct_repair_cp1252_continuation(uint32_t c);

/* Combining marks that decomposed Latin letters use: grave to caron, dot
 * and ring below, cedilla, ogonek, macron below. */
bool oct_repair_latin_mark(uint32_t c);

/* IPA letters no orthography uses (ɻ, ʎ, ʃ…), which lead bytes C9/CA
 * produce next to punctuation ("É»" is ɻ). */
bool oct_repair_rare_ipa(uint32_t c);

#endif
