/* ICU's break iterators over octavo's UTF-32 text.
 *
 * ICU works on UTF-16, so each text is converted first (every value that
 * is not a Unicode scalar value becomes U+FFFD, which also means ICU never
 * meets a lone surrogate), and a table from UTF-16 offsets back to
 * code point indices turns ICU's boundaries into per-character flags.
 *
 * A line boundary at UTF-16 offset o is a break after the character that
 * ends at o; ICU's rule status tells a hard (mandatory) break from a soft
 * one. A character boundary at o is the start of a grapheme cluster. This
 * replaces libunibreak 1.1, whose assertion killed the process on a pair
 * of regional indicators (a flag emoji). */
#include "unicode/breaks.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uloc.h>
#include <unicode/utf16.h>

struct oct_breaker {
    UBreakIterator *line;  /* NULL when only clusters are wanted */
    UBreakIterator *chars; /* grapheme clusters */
    UChar *u16;            /* the current piece, as UTF-16 */
    int32_t *at;           /* at[o]: index of the character starting at
                              offset o (the piece length at the end), -1
                              inside a surrogate pair */
    size_t cap16, capat;
    int32_t n16;
};

/* ICU's locale ID for a BCP 47 tag; "" (root) unless all of it parses. */
static void icu_locale(const char *lang, char *out, int32_t cap)
{
    out[0] = '\0';
    if (!lang || !*lang || strlen(lang) > 64) return;
    UErrorCode st = U_ZERO_ERROR;
    int32_t parsed = 0;
    int32_t len = uloc_forLanguageTag(lang, out, cap, &parsed, &st);
    if (U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING || len >= cap ||
        (size_t)parsed != strlen(lang))
        out[0] = '\0';
}

static oct_breaker *open_breaker(const char *lang, bool with_line, const char **why)
{
    char loc[ULOC_FULLNAME_CAPACITY];
    icu_locale(lang, loc, (int32_t)sizeof loc);
    oct_breaker *b = oct_xcalloc(1, sizeof *b);
    UErrorCode st = U_ZERO_ERROR;
    b->chars = ubrk_open(UBRK_CHARACTER, loc, NULL, 0, &st);
    if (with_line && U_SUCCESS(st)) b->line = ubrk_open(UBRK_LINE, loc, NULL, 0, &st);
    if (U_FAILURE(st)) {
        if (why) *why = u_errorName(st);
        oct_breaker_free(b);
        return NULL;
    }
    return b;
}

oct_breaker *oct_breaker_new(const char *lang, const char **why)
{
    return open_breaker(lang, true, why);
}

void oct_breaker_free(oct_breaker *b)
{
    if (!b) return;
    if (b->line) ubrk_close(b->line);
    if (b->chars) ubrk_close(b->chars);
    free(b->u16);
    free(b->at);
    free(b);
}

static uint32_t scalar(uint32_t v)
{
    return v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) ? OCT_REPLACEMENT_CHAR : v;
}

/* cps[0..n) -> b->u16 and b->at; n <= OCT_BREAK_PIECE keeps it in int32_t. */
static void to_utf16(oct_breaker *b, const uint32_t *cps, size_t n)
{
    OCT_GROW(b->u16, b->cap16, 2 * n + 1);
    OCT_GROW(b->at, b->capat, 2 * n + 1);
    int32_t o = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = scalar(cps[i]);
        b->at[o] = (int32_t)i;
        if (c <= 0xFFFF) {
            b->u16[o++] = (UChar)c;
        } else {
            b->u16[o++] = U16_LEAD(c);
            b->at[o] = -1;
            b->u16[o++] = U16_TRAIL(c);
        }
    }
    b->at[o] = (int32_t)n;
    b->n16 = o;
}

/* Lets the iterator read the current piece; false if ICU refuses. */
static bool set_text(UBreakIterator *it, const oct_breaker *b)
{
    UErrorCode st = U_ZERO_ERROR;
    ubrk_setText(it, b->u16, b->n16, &st);
    return U_SUCCESS(st);
}

/* The characters a mandatory break follows (UAX #14 classes BK, CR, LF,
 * NL). ICU gives the boundaries its dictionary finds inside Thai, Lao,
 * Khmer or Burmese the status of the rule-based boundary that ends the
 * run: before a line break, every word of the run would be "hard". */
static bool ends_line(uint32_t c)
{
    return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 ||
           c == 0x2029;
}

static void mark_lines(oct_breaker *b, const uint32_t *cps, uint8_t *out)
{
    if (!b->line || !set_text(b->line, b)) return;
    ubrk_first(b->line);
    for (int32_t o = ubrk_next(b->line); o != UBRK_DONE; o = ubrk_next(b->line)) {
        if (o <= 0 || o > b->n16 || b->at[o] <= 0) continue; /* never inside a pair */
        int32_t status = ubrk_getRuleStatus(b->line);
        size_t before = (size_t)b->at[o] - 1;
        bool hard =
            status >= UBRK_LINE_HARD && status < UBRK_LINE_HARD_LIMIT && ends_line(cps[before]);
        out[before] |= hard ? OCT_LB_MANDATORY : OCT_LB_ALLOWED;
    }
}

static void mark_clusters(oct_breaker *b, uint8_t *out)
{
    out[0] |= OCT_GRAPHEME_START;
    if (!set_text(b->chars, b)) return;
    ubrk_first(b->chars);
    for (int32_t o = ubrk_next(b->chars); o != UBRK_DONE; o = ubrk_next(b->chars)) {
        if (o > 0 && o < b->n16 && b->at[o] >= 0) out[b->at[o]] |= OCT_GRAPHEME_START;
    }
}

/* Whether every character of cps[0..n) has the Grapheme_Cluster_Break
 * property Other, Control, CR or LF: Latin text below the combining marks
 * (U+0300), general punctuation but its format controls and joiners, the
 * currency signs. UAX #29 then has a cluster start at every character but
 * an LF after a CR (GB3-GB5, GB999; ICU's rules say the same, checked
 * against its iterator in test_unicode_breaks), so ICU's character pass,
 * about a third of breaking a paragraph, is not needed. */
static bool plain_clusters(const uint32_t *cps, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint32_t c = cps[i];
        if (c < 0x300 || (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) ||
            (c >= 0x20A0 && c <= 0x20BF))
            continue;
        return false;
    }
    return true;
}

static void mark_plain_clusters(const uint32_t *cps, size_t n, uint8_t *out)
{
    for (size_t i = 0; i < n; i++)
        if (i == 0 || cps[i] != '\n' || cps[i - 1] != '\r') out[i] |= OCT_GRAPHEME_START;
}

/* One piece: ICU's boundaries (it always reports one at the end of the
 * piece); the end of the whole text is a mandatory break (UAX #14 LB3). */
static void run_piece(oct_breaker *b, const uint32_t *cps, size_t n, uint8_t *out, bool text_end)
{
    memset(out, 0, n);
    to_utf16(b, cps, n);
    mark_lines(b, cps, out);
    if (plain_clusters(cps, n))
        mark_plain_clusters(cps, n, out);
    else
        mark_clusters(b, out);
    if (text_end) out[n - 1] = (uint8_t)((out[n - 1] & ~OCT_LB_MASK) | OCT_LB_MANDATORY);
}

void oct_breaker_run(oct_breaker *b, const uint32_t *cps, size_t n, uint8_t *out)
{
    for (size_t s = 0; s < n; s += OCT_BREAK_PIECE) {
        size_t len = n - s < OCT_BREAK_PIECE ? n - s : OCT_BREAK_PIECE;
        run_piece(b, cps + s, len, out + s, s + len == n);
    }
}

size_t oct_grapheme_floor_utf8(const char *s, size_t n, size_t off)
{
    if (off >= n) return n;
    /* Only the text up to the cluster that holds `off` matters, but a
     * cluster has no length limit: the whole text is read. */
    uint32_t *cps = oct_xmalloc((n + 1) * sizeof *cps);
    size_t *at = oct_xmalloc((n + 1) * sizeof *at), count = 0;
    for (size_t i = 0, len; i < n; i += len) {
        at[count] = i;
        cps[count++] = oct_utf8_decode(s + i, n - i, &len);
    }
    size_t result = 0;
    oct_breaker *b = count > 0 && count <= OCT_BREAK_PIECE ? open_breaker("", false, NULL) : NULL;
    if (b) {
        uint8_t *fl = oct_xmalloc(count);
        memset(fl, 0, count);
        to_utf16(b, cps, count);
        mark_clusters(b, fl);
        for (size_t k = 0; k < count && at[k] <= off; k++)
            if (fl[k] & OCT_GRAPHEME_START) result = at[k];
        free(fl);
    }
    oct_breaker_free(b);
    free(cps);
    free(at);
    return result;
}
