/* The patterns a booklet needs (see hyphen_subset.h).
 *
 * Liang's patterns apply to a word only where their letters occur in it.
 * So the letters of every word the booklet may hyphenate are collected
 * first; a pattern whose letters (digits and word-boundary dots left out)
 * are no substring of any of those words can change none of their points
 * and is left out of what libhyphen loads. Dots only make a pattern
 * stricter, so keeping a dotted pattern by its letters alone keeps more,
 * never less. Which substrings occur is a set of every substring of
 * every distinct word up to the longest pattern's length. */
#include "unicode/hyphen_subset.h"
#include "util/buf.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

void oct_hyph_words_add(oct_strmap *words, const char *s, size_t n)
{
    char run[256];
    size_t len = 0;
    for (size_t i = 0; i <= n;) {
        UChar32 c = 0;
        size_t k = i;
        if (i < n) U8_NEXT((const uint8_t *)s, k, n, c);
        bool letter =
            i < n && c >= 0 &&
            (u_isalpha(c) || u_getCombiningClass(c) > 0 || u_charType(c) == U_NON_SPACING_MARK);
        if (letter && len + 4 < sizeof run) {
            UChar32 lc = u_tolower(c);
            size_t at = len;
            U8_APPEND_UNSAFE((uint8_t *)run, at, lc);
            len = at;
        } else if (!letter && len > 0) {
            oct_strmap_put(words, run, len, 0);
            len = 0;
        }
        i = i < n ? k : n + 1;
    }
}

/* A pattern line's letters: digits and dots dropped, the rest as UTF-8
 * (from ISO 8859-1 when the dictionary is in it). */
static size_t pattern_letters(const char *line, size_t n, bool latin1, char *out, size_t cap)
{
    size_t len = 0;
    for (size_t i = 0; i < n && len + 2 < cap; i++) {
        unsigned char c = (unsigned char)line[i];
        if ((c >= '0' && c <= '9') || c == '.') continue;
        if (c == '/') break; /* a non-standard pattern's replacement follows */
        if (latin1 && c >= 0x80) {
            out[len++] = (char)(0xC0 | c >> 6);
            out[len++] = (char)(0x80 | (c & 63));
        } else {
            out[len++] = (char)c;
        }
    }
    return len;
}

/* A line libhyphen reads as a pattern (not the charset line, a comment, a
 * keyword line such as LEFTHYPHENMIN 2, or NEXTLEVEL). */
static bool is_pattern(const char *line, size_t n)
{
    if (n == 0 || line[0] == '%' || line[0] == '#') return false;
    return !(line[0] >= 'A' && line[0] <= 'Z');
}

/* The length of the line of dic[0..len) that starts at i, without its LF. */
static size_t line_len(const char *dic, size_t len, size_t i)
{
    const char *nl = memchr(dic + i, '\n', len - i);
    return nl ? (size_t)(nl - dic - i) : len - i;
}

/* Every substring of up to maxlen bytes of every word, starting on a
 * character boundary (UTF-8 lead byte), into set. */
static void substrings(const oct_strmap *words, size_t maxlen, oct_strmap *set)
{
    const char *p = words->pool, *end = words->pool + words->used;
    while (p < end) {
        size_t n = strlen(p);
        for (size_t a = 0; a < n; a++) {
            if (((unsigned char)p[a] & 0xC0) == 0x80) continue;
            for (size_t b = a + 1; b <= n && b - a <= maxlen; b++)
                if (b == n || ((unsigned char)p[b] & 0xC0) != 0x80)
                    oct_strmap_put(set, p + a, b - a, 0);
        }
        p += n + 1;
    }
}

size_t oct_hyph_subset(const char *dic, size_t len, const oct_strmap *words, oct_buf *out,
                       oct_strmap *seen, size_t *maxlen)
{
    bool latin1 = len >= 9 && strncmp(dic, "ISO8859-1", 9) == 0;
    char letters[512];
    /* the longest pattern, in UTF-8 bytes of its letters */
    size_t longest = 0;
    for (size_t i = 0, n; i < len; i += n + 1) {
        n = line_len(dic, len, i);
        if (i > 0 && is_pattern(dic + i, n)) {
            size_t k = pattern_letters(dic + i, n, latin1, letters, sizeof letters);
            if (k > longest) longest = k;
        }
    }
    substrings(words, longest, seen);
    size_t kept = 0;
    for (size_t i = 0, n; i < len; i += n + 1) {
        n = line_len(dic, len, i);
        bool keep = i == 0 || !is_pattern(dic + i, n);
        if (!keep) {
            size_t k = pattern_letters(dic + i, n, latin1, letters, sizeof letters);
            size_t v;
            keep = oct_strmap_get(seen, letters, k, &v);
            kept += keep;
        }
        if (keep) {
            oct_buf_put(out, dic + i, n);
            oct_buf_putc(out, '\n');
        }
    }
    *maxlen = longest;
    return kept;
}

bool oct_hyph_covered(const oct_strmap *seen, size_t maxlen, const char *w, size_t n)
{
    size_t v;
    for (size_t a = 0; a < n; a++) {
        if (((unsigned char)w[a] & 0xC0) == 0x80) continue;
        for (size_t b = a + 1; b <= n && b - a <= maxlen; b++)
            if ((b == n || ((unsigned char)w[b] & 0xC0) != 0x80) &&
                !oct_strmap_get(seen, w + a, b - a, &v))
                return false;
    }
    return true;
}
