/* The "weird combination" rules behind mojibake repair. A mojibake run is
 * made of characters from the upper halves of Windows-1252 and MacRoman:
 * accented capitals, currency signs, quotes, math symbols. What gives it
 * away is not any single character but how they sit together: a capital Ã
 * right after a lowercase letter, a symbol followed by an accented letter,
 * ‚ followed by Ä. Each rule below is one such juxtaposition; ordinary
 * text in any language scores 0 on almost all of them, and a correct
 * repair (é, ’, an emoji) scores 0 too. The character classes are in
 * repair_chars.c. */
#include "ingest/decode/repair_badness.h"
#include "ingest/decode/repair_chars.h"
#include "util/xalloc.h"

#include <stdlib.h>

typedef oct_repair_kind kind;

#define STACK_KINDS 128

static bool is_acc(kind k)
{
    return k == OCT_K_UPPER_ACC || k == OCT_K_LOWER_ACC;
}

static bool is_punctish(kind k)
{
    return k == OCT_K_OPEN || k == OCT_K_CLOSE || k == OCT_K_CURRENCY || k == OCT_K_NUMERIC;
}

static bool is_latin_letter(kind k)
{
    return k == OCT_K_ASCII_LOWER || k == OCT_K_ASCII_UPPER || is_acc(k);
}

static bool is_other_alphabet(kind k)
{
    return k == OCT_K_ALPHA_UP || k == OCT_K_ALPHA_LOW || k == OCT_K_SCRIPT;
}

static bool is_letter(kind k)
{
    return is_latin_letter(k) || is_other_alphabet(k) || k == OCT_K_CJK;
}

static bool is_debris(kind k)
{
    return k == OCT_K_NUMERIC || k == OCT_K_BAD || k == OCT_K_C1;
}

/* What a square root legitimately stands before. */
static bool is_math_operand(uint32_t c)
{
    return c == 0x221E || c == 0x03C0 || c == 0x2211 || c == 0x222B || c == 0x03A9 || c == 0x220F ||
           c == 0x2206 || c == 0x221A;
}

/* Marks that end a word, and so may follow a real Å or Ö. */
static bool is_word_final(uint32_t c)
{
    return c == 0x201D || c == 0x2019 || c == 0x00BB || c == 0x203A || c == 0x2026 || c == 0x2013 ||
           c == 0x2014 || c == 0x00B7 || c == 0x00A0;
}

bool oct_repair_printable(uint32_t c)
{
    kind k = oct_repair_classify(c);
    return k != OCT_K_C1 && k != OCT_K_RARE;
}

/* A mark must follow something it can modify. Variation selectors and the
 * keycap mark follow symbols and digits; script-specific marks (Hebrew
 * points, Cyrillic titlo…) do not belong on Latin letters. */
static int score_mark(uint32_t c, kind prev, bool has_prev)
{
    if (!has_prev) return 1;
    bool selector = (c >= 0xFE00 && c <= 0xFE0F) || c == 0x20E3 || (c >= 0xE0100 && c <= 0xE01EF);
    if (selector)
        return (prev == OCT_K_SYMBOL || prev == OCT_K_DIGIT || prev == OCT_K_MARK ||
                prev == OCT_K_ASCII_OTHER)
                   ? 0
                   : 1;
    if (prev == OCT_K_MARK || is_other_alphabet(prev) || prev == OCT_K_CJK) return 0;
    if (is_latin_letter(prev)) return oct_repair_latin_mark(c) ? 0 : 1;
    return 1;
}

/* Category juxtapositions, after ftfy's badness patterns. */
static int score_classes(kind ka, kind kb, kind n)
{
    int s = 0;
    if (ka == OCT_K_BAD && (is_acc(kb) || is_punctish(kb) || kb == OCT_K_BAD))
        s++;
    else if (kb == OCT_K_BAD && (is_acc(ka) || is_punctish(ka)))
        s++;
    /* Not after closing marks: Swedish opens quotes with ” and Danish
     * with », so ”är” and »Äpfel« are ordinary. */
    if (kb == OCT_K_UPPER_ACC &&
        (ka == OCT_K_LOWER_ACC || ka == OCT_K_ALPHA_LOW || ka == OCT_K_CURRENCY ||
         ka == OCT_K_NUMERIC || ka == OCT_K_ASCII_LOWER))
        s++;
    if (kb == OCT_K_LOWER_ACC && (ka == OCT_K_CURRENCY || ka == OCT_K_NUMERIC)) s++;
    if (kb == OCT_K_CURRENCY && (ka == OCT_K_LOWER_ACC || ka == OCT_K_CLOSE)) s++;
    if (ka == OCT_K_UPPER_ACC && kb == OCT_K_NUMERIC) s++;
    if (kb == OCT_K_OPEN && (ka == OCT_K_CURRENCY || ka == OCT_K_NUMERIC)) s++;
    if (is_acc(ka) && kb == OCT_K_CLOSE && is_latin_letter(n)) s++;
    /* Letters of a rare script, or CJK, glued to Latin-1 debris. */
    if (((ka == OCT_K_SCRIPT || ka == OCT_K_CJK) && is_debris(kb)) ||
        ((kb == OCT_K_SCRIPT || kb == OCT_K_CJK) && is_debris(ka)))
        s++;
    /* Letters of two different alphabets glued together. */
    if ((is_latin_letter(ka) && is_other_alphabet(kb)) ||
        (is_other_alphabet(ka) && is_latin_letter(kb)) ||
        (ka == OCT_K_SCRIPT && (kb == OCT_K_ALPHA_UP || kb == OCT_K_ALPHA_LOW)) ||
        (kb == OCT_K_SCRIPT && (ka == OCT_K_ALPHA_UP || ka == OCT_K_ALPHA_LOW)))
        s++;
    /* A dash wedged between two mojibake-class characters is scored by
     * score_chars, which sees the character before it. */
    return s;
}

/* Windows-1252 lead bytes: what UTF-8 lead bytes look like read that way. */
static int score_cp1252_leads(uint32_t a, uint32_t b, kind n)
{
    if (b < 0x80 || !oct_repair_cp1252_continuation(b)) return 0;
    /* Â and Ã lead U+0080..U+00FF: "Ã©", "Â°", "Ãœ". */
    if (a == 0x00C2 || a == 0x00C3) return 1;
    /* Ä and Å lead Latin Extended-A ("Å¡", "Ä«", "ÅŸ"), Ô Õ Ö Armenian and
     * Hebrew points. They are letters (and Å a word) of their own too, so
     * a closing mark after them counts only inside a word. */
    if (a == 0x00C4 || a == 0x00C5 || (a >= 0x00D4 && a <= 0x00D6))
        return (!is_word_final(b) || is_letter(n)) ? 1 : 0;
    /* Greek, Cyrillic, Hebrew, Arabic: "Î±", "Ð¿", "Ñ‘", "Ø´", even alone. */
    if ((a == 0x00CE || a == 0x00CF || a == 0x00D0 || a == 0x00D1 || a == 0x00D7 || a == 0x00D8 ||
         a == 0x00D9) &&
        b != 0x00A0)
        return 1;
    return 0;
}

/* MacRoman lead bytes: √ (C3), ‚ (E2), ≈ ∆ ƒ (C5 C6 C4), ¬ (C2), ‘ ’ ÷
 * (D4..D6), … (C9), – — (D0 D1). p is the class before a. */
static int score_mac_leads(uint32_t a, uint32_t b, kind p, kind kb)
{
    if (b < 0x80) return 0;
    if (a == 0x201A && is_acc(kb)) return 1; /* "‚Äô", "‚Üí" */
    if (a == 0x221A) {                       /* "caf√©", "√∂zet" */
        if (is_acc(kb) || kb == OCT_K_OPEN || kb == OCT_K_CLOSE || kb == OCT_K_CURRENCY ||
            kb == OCT_K_BAD || kb == OCT_K_COMMON)
            return 1;
        return (kb == OCT_K_NUMERIC && (is_letter(p) || !is_math_operand(b))) ? 1 : 0;
    }
    if ((a == 0x2248 || a == 0x2206 || a == 0x0192) &&
        (is_letter(p) || (a == 0x2248 && (b == 0x00B0 || b == 0x00A2))))
        return 1;              /* "selaet≈°i" */
    if (a == 0x00AC) return 1; /* nothing non-ASCII ever follows ¬ */
    if ((a == 0x2018 || a == 0x2019 || a == 0x00F7) &&
        (kb == OCT_K_NUMERIC || kb == OCT_K_BAD || kb == OCT_K_CURRENCY))
        return 1;
    if (a == 0x2026 && is_letter(p) && kb == OCT_K_LOWER_ACC) return 1; /* "s…ôviyy" */
    if ((a == 0x2013 || a == 0x2014) && (is_acc(kb) || is_punctish(kb) || kb == OCT_K_BAD) &&
        (is_acc(p) || is_punctish(p) || p == OCT_K_BAD))
        return 1;
    /* Both code pages have œ/Œ where UTF-8 has 9C/CE/CF. */
    if (a == 0x0152 || a == 0x0153) return 1;
    return 0;
}

/* Windows-1252 shapes of 3- and 4-byte UTF-8: à..ï (or ð..ô) followed by
 * the right number of continuation characters, at least one of them not a
 * letter: "á»¹", "à¤¹", "ã€‚", "ðŸ˜€". And MacRoman's 3-byte shapes led
 * by punctuation: ‡ · ‚ „ ‰ (E0..E4) before two characters of its upper
 * half. */
static int score_triples(const uint32_t *cp, const kind *k, size_t n, size_t i)
{
    uint32_t a = cp[i];
    size_t need = (a >= 0xE0 && a <= 0xEF) ? 2 : (a >= 0xF0 && a <= 0xF4) ? 3 : 0;
    if (need > 0 && i + need < n) {
        bool symbol = false, all = true;
        for (size_t j = 1; j <= need && all; j++) {
            all = oct_repair_cp1252_continuation(cp[i + j]);
            symbol |= !is_acc(k[i + j]);
        }
        if (all && symbol) return 1;
    }
    if ((a == 0x2021 || a == 0x00B7 || a == 0x201A || a == 0x201E || a == 0x2030) && i + 2 < n) {
        for (size_t j = 1; j <= 2; j++)
            if (!(is_acc(k[i + j]) || is_punctish(k[i + j]) || k[i + j] == OCT_K_BAD ||
                  k[i + j] == OCT_K_COMMON))
                return 0;
        return 1;
    }
    return 0;
}

static int score_single(const uint32_t *cp, const kind *k, size_t i)
{
    int s = 0;
    if (k[i] == OCT_K_C1) s += 1;
    if (k[i] == OCT_K_RARE) s += 2;
    if (oct_repair_rare_ipa(cp[i])) s += 1;
    if (k[i] == OCT_K_MARK) s += score_mark(cp[i], i > 0 ? k[i - 1] : OCT_K_SPACE, i > 0);
    return s;
}

int oct_repair_badness(const uint32_t *cp, size_t n, size_t lo, size_t hi)
{
    kind stack[STACK_KINDS];
    kind *k = n <= STACK_KINDS ? stack : oct_xmalloc(n * sizeof *k);
    for (size_t i = 0; i < n; i++)
        k[i] = oct_repair_classify(cp[i]);
    int s = 0;
    for (size_t i = 0; i < n; i++) {
        bool focus = i >= lo && i < hi;
        bool next_focus = i + 1 >= lo && i + 1 < hi;
        if (focus) s += score_single(cp, k, i);
        if (!focus && !next_focus) continue;
        s += score_triples(cp, k, n, i);
        if (i + 1 >= n) continue;
        kind p = i > 0 ? k[i - 1] : OCT_K_SPACE;
        kind nx = i + 2 < n ? k[i + 2] : OCT_K_SPACE;
        s += score_classes(k[i], k[i + 1], nx);
        s += score_cp1252_leads(cp[i], cp[i + 1], nx);
        s += score_mac_leads(cp[i], cp[i + 1], p, k[i + 1]);
    }
    if (k != stack) free(k);
    return s;
}
