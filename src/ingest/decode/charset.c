/* Legacy encodings. Valid UTF-8 (and so ASCII) is left alone, and so is
 * UTF-8 with a few broken sequences: the decoder replaces those. Anything
 * else is 8-bit text in some code page, and the question is which.
 *
 * uchardet answers that well for Cyrillic, Greek and the CJK encodings,
 * but it has no model for MacRoman at all and is unreliable on short
 * Western text (a five-byte "café" comes back as ISO-8859-2). So its answer
 * is one candidate among Windows-1252, MacRoman and the Central European
 * code pages: each candidate decodes the whole file and the most plausible
 * text wins (accented letters inside words, quotes where quotes go, no
 * undefined bytes), ties going to Windows-1252, by far the most common.
 * Windows-1252 and MacRoman decode through our own tables
 * (ingest/decode/codepages.c); the rest through iconv. */
#include "ingest/decode/charset.h"
#include "ingest/decode/codepages.h"
#include "util/buf.h"
#include "util/transcode.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <uchardet/uchardet.h>
#include <utf8proc.h>

#define SNIFF_BYTES 4096          /* how much of the file the UTF-16 check looks at */
#define GUESS_EVIDENCE 16         /* 8-bit characters uchardet needs to be trusted */
#define SAMPLE_BYTES (256 * 1024) /* how much of a file candidates are scored on */

/* ---- conversion ------------------------------------------------------ */

static char *table_convert(oct_codepage cp, const char *in, size_t len, size_t *out_len)
{
    oct_buf b = OCT_BUF_INIT;
    oct_buf_grow(&b, len + len / 2);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)in[i];
        if (c < 0x80)
            oct_buf_putc(&b, (char)c);
        else
            oct_buf_put_utf8(&b, oct_codepage_decode(cp, c));
    }
    *out_len = b.len;
    return oct_buf_detach(&b);
}

/* Converts with iconv (util/transcode.h); NULL if iconv does not know the
 * encoding. */
static char *iconv_convert(const char *from, const char *in, size_t len, size_t *out_len)
{
    oct_buf b = OCT_BUF_INIT;
    if (!oct_transcode_append(&b, from, in, len)) return NULL;
    *out_len = b.len;
    return oct_buf_detach(&b);
}

/* ---- plausibility ---------------------------------------------------- */

static bool is_letter(uint32_t c)
{
    if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)c);
    return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO;
}

static bool is_upper(uint32_t c)
{
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)c);
    return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT;
}

static bool is_lower(uint32_t c)
{
    if (c < 0x80) return c >= 'a' && c <= 'z';
    return utf8proc_category((utf8proc_int32_t)c) == UTF8PROC_CATEGORY_LL;
}

static bool is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

/* Rough script of a letter; 0 for scripts that mix freely with others. */
static unsigned script_of(uint32_t c)
{
    if (c < 0x250 || (c >= 0x1E00 && c <= 0x1EFF)) return 1;
    if ((c >= 0x370 && c <= 0x3FF) || (c >= 0x1F00 && c <= 0x1FFF)) return 2;
    if (c >= 0x400 && c <= 0x52F) return 3;
    if (c >= 0x2E80) return 0; /* CJK and beyond */
    return 4 + (c >> 7);
}

static bool is_bad_char(uint32_t c)
{
    if (c == OCT_REPLACEMENT_CHAR || (c >= 0x80 && c <= 0x9F)) return true;
    utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)c);
    return k == UTF8PROC_CATEGORY_CN || k == UTF8PROC_CATEGORY_CO || k == UTF8PROC_CATEGORY_CS ||
           k == UTF8PROC_CATEGORY_CC;
}

static bool in_list(uint32_t c, const char *utf8_list)
{
    size_t i = 0, n = strlen(utf8_list), l;
    while (i < n) {
        if (oct_utf8_decode(utf8_list + i, n - i, &l) == c) return true;
        i += l;
    }
    return false;
}

/* A character with its neighbours: two after it, and how many letters
 * run up to it (the length of the word so far). */
typedef struct {
    uint32_t pp, p, c, n, n2;
    size_t word;
} window;

static int score_letter(const window *w)
{
    uint32_t p = w->p, c = w->c, n = w->n;
    bool pl = is_letter(p), nl = is_letter(n);
    unsigned s = script_of(c);
    if ((pl && s && script_of(p) && script_of(p) != s) ||
        (nl && s && script_of(n) && script_of(n) != s))
        return -3;
    if (is_upper(c) && pl && is_lower(p)) return -3;       /* "cafŽ", "donÕt" */
    if (is_upper(c) && pl && nl && is_lower(n)) return -2; /* "DŽcalage" */
    if (is_lower(c) && nl && is_upper(n)) return -2;       /* "ìHelloî" */
    /* Icelandic letters, where Turkish has ğ ı ş, and what Central
     * European code pages keep there: rare, and equally so. */
    if (in_list(c, "ðþÐÞýÝđţĐŢ")) return -1;
    if (!pl && !nl) /* one-letter words: à, è, é, ò, ó, ù */
        return (c == 0xE0 || c == 0xE8 || c == 0xE9 || c == 0xF2 || c == 0xF3 || c == 0xF9);
    if (s != 1) return 1;
    /* Latin words mix a few accented letters into plain ones; a word of
     * nothing but accented letters ("Çàìåòêè") is another alphabet read
     * through the wrong code page. */
    if (!(p < 0x80 && pl) && !(n < 0x80 && nl)) return -1;
    return 1;
}

/* An apostrophe where English and French put one: a contraction ("’s",
 * "’ll", "n’t") or an elided article or pronoun ("l’", "qu’"). Inside
 * other words it is more likely a MacRoman í read as Windows-1252. */
static bool is_elision(const window *w)
{
    bool after_ok = in_list(w->n, "stdmlrv") && !is_letter(w->n2);
    bool contraction = after_ok || (w->n == 'l' && w->n2 == 'l') || (w->n == 'r' && w->n2 == 'e') ||
                       (w->n == 'v' && w->n2 == 'e');
    bool before_vowel = in_list(w->n | 0x20, "aeiouyh") || in_list(w->n, "éèêàâîôûÉÈÊÀÂÎÔ");
    bool elided = (w->word == 1 && in_list(w->p | 0x20, "cdjlmnst")) ||
                  (w->word == 2 && (w->pp | 0x20) == 'q' && w->p == 'u');
    return contraction || (elided && before_vowel);
}

static int score_symbol(const window *w)
{
    uint32_t p = w->p, c = w->c, n = w->n;
    bool pw = is_letter(p) || is_digit(p), nw = is_letter(n) || is_digit(n);
    if (c == 0x2019 || c == 0x02BC) {
        if (pw && is_letter(n)) return is_elision(w) ? 2 : 0; /* apostrophe */
        if (pw && !nw) return 2;                              /* closing quote */
    }
    if (in_list(c, "¿¡") && !pw && nw) return is_upper(n) ? 2 : 1;
    if (in_list(c, "“‘«„‚‹") && !pw && nw) return 2;
    if (in_list(c, "”’»›") && pw && !nw) return 2;
    if (in_list(c, "–—")) return (pw == nw) ? 1 : 0; /* spaced, or "1–5" */
    if (c == 0x2026 && pw) return 1;
    if (in_list(c, "€£¥¢") && (is_digit(p) || is_digit(n) || p == ' ' || n == ' ')) return 1;
    /* Symbols hardly anyone types: ¤ and the spacing accents. */
    if (in_list(c, "¤ˆ˜¨¯˘˙˚¸˝˛ˇ‰‡")) return -1;
    if (is_letter(p) && is_letter(n) && !in_list(c, "–—·-‐")) return -2;
    return 0;
}

static int score_char(const window *w)
{
    if (is_bad_char(w->c)) return -5;
    if (is_letter(w->c)) return score_letter(w);
    utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)w->c);
    if (k >= UTF8PROC_CATEGORY_MN && k <= UTF8PROC_CATEGORY_ME) return is_letter(w->p) ? 0 : -2;
    return score_symbol(w);
}

/* Higher is more plausible. Only non-ASCII characters score. */
static long plausibility(const char *s, size_t len)
{
    long score = 0;
    size_t i = 0, l;
    window w = {' ', ' ', ' ', ' ', ' ', 0};
    /* Prime the look-ahead: w.n and w.n2 are the first two characters. */
    for (int k = 0; k < 2; k++) {
        w.n = w.n2;
        w.n2 = i < len ? oct_utf8_decode(s + i, len - i, &l) : ' ';
        i += i < len ? l : 0;
    }
    for (size_t left = oct_utf8_count(s, len); left > 0; left--) {
        w.word = is_letter(w.c) ? w.word + 1 : 0;
        w.pp = w.p;
        w.p = w.c;
        w.c = w.n;
        w.n = w.n2;
        w.n2 = i < len ? oct_utf8_decode(s + i, len - i, &l) : ' ';
        i += i < len ? l : 0;
        if (w.c >= 0x80) score += score_char(&w);
    }
    return score;
}

/* Windows-1252 keeps a few letters where other code pages keep common
 * ones (š ž Š Ž Ÿ at 0x8A..0x9F, where MacRoman has ä ö ü): rare in
 * Western text, so each costs a point. */
static long cp1252_rare_letters(const char *bytes, size_t len)
{
    long n = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char b = (unsigned char)bytes[i];
        n += b == 0x8A || b == 0x8E || b == 0x9A || b == 0x9E || b == 0x9F;
    }
    return n;
}

/* ---- detection ------------------------------------------------------- */

typedef struct {
    const char *name;  /* what the warning says */
    const char *iconv; /* NULL: one of our own tables */
    oct_codepage table;
} candidate;

/* UTF-16 or UTF-32 by byte-order mark or, for UTF-16 without one, by the
 * zero bytes that ASCII characters leave in every other position. Sets
 * *skip to the length of the mark. */
static const char *sniff_utf16(const unsigned char *b, size_t len, size_t *skip)
{
    *skip = 0;
    if (len >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0)
        return *skip = 4, "UTF-32LE";
    if (len >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF)
        return *skip = 4, "UTF-32BE";
    if (len >= 2 && b[0] == 0xFF && b[1] == 0xFE) return *skip = 2, "UTF-16LE";
    if (len >= 2 && b[0] == 0xFE && b[1] == 0xFF) return *skip = 2, "UTF-16BE";
    size_t pairs = (len < SNIFF_BYTES ? len : SNIFF_BYTES) / 2, even = 0, odd = 0;
    for (size_t i = 0; i < pairs; i++) {
        even += b[2 * i] == 0;
        odd += b[2 * i + 1] == 0;
    }
    if (pairs < 2) return NULL;
    if (odd * 10 >= pairs * 3 && even * 20 < pairs) return "UTF-16LE";
    if (even * 10 >= pairs * 3 && odd * 20 < pairs) return "UTF-16BE";
    return NULL;
}

/* Counts well-formed multi-byte characters and malformed sequences. */
static void utf8_stats(const char *s, size_t len, size_t *valid, size_t *invalid)
{
    *valid = *invalid = 0;
    for (size_t i = 0, l; i < len; i += l) {
        if ((unsigned char)s[i] < 0x80) {
            l = 1;
            continue;
        }
        unsigned c = oct_utf8_decode(s + i, len - i, &l);
        if (c != OCT_REPLACEMENT_CHAR || l != 1) {
            (*valid)++;
            continue;
        }
        /* A truncated sequence is one error, not one per byte. */
        (*invalid)++;
        while (l < 4 && i + l < len && ((unsigned char)s[i + l] & 0xC0) == 0x80)
            l++;
    }
}

static bool has_c1_bytes(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80 && (unsigned char)s[i] <= 0x9F) return true;
    return false;
}

/* uchardet's guess, upper-cased into buf; "" when it has none worth
 * trying on its own (unknown, ASCII, UTF-8, or the Western code pages our
 * Windows-1252 table covers). */
static void uchardet_guess(const char *bytes, size_t len, char *buf, size_t cap)
{
    buf[0] = '\0';
    uchardet_t ud = uchardet_new();
    if (!ud) return;
    if (uchardet_handle_data(ud, bytes, len) == 0) {
        uchardet_data_end(ud);
        const char *g = uchardet_get_charset(ud);
        size_t i = 0;
        for (; g && g[i] && i + 1 < cap; i++)
            buf[i] = (char)((g[i] >= 'a' && g[i] <= 'z') ? g[i] - 32 : g[i]);
        buf[i] = '\0';
    }
    uchardet_delete(ud);
    static const char *const covered[] = {"ASCII", "UTF-8", "ISO-8859-1", "WINDOWS-1252"};
    for (size_t i = 0; i < sizeof covered / sizeof *covered; i++)
        if (strcmp(buf, covered[i]) == 0) buf[0] = '\0';
}

static char *convert(const candidate *c, const char *bytes, size_t len, size_t *out_len)
{
    if (!c->iconv) return table_convert(c->table, bytes, len, out_len);
    return iconv_convert(c->iconv, bytes, len, out_len);
}

static size_t count_high(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += (unsigned char)s[i] >= 0x80;
    return n;
}

/* Scores every candidate on (a sample of) the file and returns the most
 * plausible one (the earliest on ties). uchardet's statistics are worth
 * more than our letter-by-letter score once it has seen enough 8-bit
 * characters (it tells Czech from French, which our score cannot), so its
 * guess gets a head start that grows with the evidence. */
static candidate pick_candidate(const char *bytes, size_t len, const char *guess)
{
    size_t sample = len < SAMPLE_BYTES ? len : SAMPLE_BYTES;
    size_t high = count_high(bytes, sample);
    /* uchardet has no MacRoman model: MacRoman text comes back as one of
     * these, which are no evidence of anything. */
    bool trusted =
        high >= GUESS_EVIDENCE && strncmp(guess, "MAC", 3) != 0 && strncmp(guess, "IBM", 3) != 0;
    candidate cands[5];
    size_t n = 0;
    cands[n++] = (candidate){has_c1_bytes(bytes, len) ? "WINDOWS-1252" : "ISO-8859-1", NULL,
                             OCT_CP_WINDOWS_1252};
    cands[n++] = (candidate){"MACROMAN", NULL, OCT_CP_MACROMAN};
    if (guess[0]) cands[n++] = (candidate){guess, guess, OCT_CP_WINDOWS_1252};
    /* uchardet takes Central European text for Windows-1252 at times. */
    static const char *const central[] = {"ISO-8859-2", "WINDOWS-1250"};
    for (size_t i = 0; i < 2; i++)
        if (strcmp(guess, central[i]) != 0)
            cands[n++] = (candidate){central[i], central[i], OCT_CP_WINDOWS_1252};

    size_t best = 0;
    long best_score = 0;
    for (size_t i = 0; i < n; i++) {
        size_t l;
        char *text = convert(&cands[i], bytes, sample, &l);
        if (!text) continue; /* iconv does not know it */
        long sc = plausibility(text, l);
        free(text);
        if (!cands[i].iconv && cands[i].table == OCT_CP_WINDOWS_1252)
            sc -= cp1252_rare_letters(bytes, sample);
        if (cands[i].iconv == guess && trusted) sc += (long)(high / 8);
        if (i == 0 || sc > best_score) {
            best = i;
            best_score = sc;
        }
    }
    return cands[best];
}

char *oct_charset_to_utf8(const char *path, const char *bytes, size_t len, size_t *out_len,
                          oct_diag *diag)
{
    if (!bytes || len == 0) return NULL;
    const unsigned char *b = (const unsigned char *)bytes;
    if (len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) return NULL;

    size_t skip;
    const char *name = sniff_utf16(b, len, &skip);
    char *text = NULL;
    char guess[64];
    if (name) {
        text = iconv_convert(name, bytes + skip, len - skip, out_len);
    } else {
        size_t valid, invalid;
        utf8_stats(bytes, len, &valid, &invalid);
        /* A few broken sequences among many good ones: still UTF-8. */
        if (invalid == 0 || (valid > 0 && invalid * 4 <= valid)) return NULL;
        uchardet_guess(bytes, len < 4 * SAMPLE_BYTES ? len : 4 * SAMPLE_BYTES, guess, sizeof guess);
        candidate best = pick_candidate(bytes, len, guess);
        name = best.name;
        text = convert(&best, bytes, len, out_len);
    }
    if (!text) return NULL;
    oct_diag_report(diag, OCT_WARNING, path, 0, 0, "legacy-encoding",
                    "file is not UTF-8; read as %s", name);
    return text;
}
