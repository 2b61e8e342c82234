/* Hyphenation with libhyphen (see hyphenate.h).
 *
 * The dictionary file is read once; libhyphen loads only the patterns the
 * booklet's words can use (hyphen_subset.c), the whole file only for a
 * word the subset does not serve (text never shown to oct_hyph_add_text).
 * Each distinct word (lower-cased, in the dictionary's encoding) is
 * hyphenated once and its points kept in a hash table, so a booklet costs
 * one pattern walk per distinct long word. */
#include "unicode/hyphenate.h"
#include "unicode/hyphen_subset.h"
#include "util/fileio.h"
#include "util/transcode.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#include <glob.h>
#include <hyphen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#define MAX_WORD 63 /* letters: the points fit in a 64-bit mask */

typedef struct {
    char *word; /* NULL: empty slot */
    uint64_t points;
} entry;

struct oct_hyph {
    HyphenDict *dict; /* the patterns the booklet's words use (or all of them) */
    HyphenDict *full; /* all of them, loaded for a word the subset does not serve */
    bool loaded, subset;
    char *dic; /* the file's bytes */
    size_t diclen;
    oct_strmap words, seen; /* the booklet's words; their substrings a pattern may match */
    size_t maxlen;
    char *file;
    UScriptCode script;
    entry *tab;
    size_t cap, used;
};

/* A libhyphen dictionary is at most a few MB of patterns. */
#define MAX_DIC (64u << 20)

/* A dictionary in an 8-bit charset other than ISO 8859-1 (Russian's
 * KOI8-R, Polish's and Czech's ISO8859-2, Greek's ISO8859-7), written in
 * UTF-8 with its first line saying so, which libhyphen reads as well: the
 * words are looked up in UTF-8 or Latin-1 only. NULL when it is UTF-8 or
 * Latin-1 already, or iconv does not know its charset (a byte it does not
 * define becomes U+FFFD, which no word holds). try_file has seen a newline. */
static char *as_utf8(const char *dic, size_t len, size_t *outlen)
{
    const char *nl = memchr(dic, '\n', len);
    size_t n = (size_t)(nl - dic);
    while (n > 0 && (dic[n - 1] == '\r' || dic[n - 1] == ' '))
        n--;
    char charset[32];
    if (n == 0 || n >= sizeof charset) return NULL;
    memcpy(charset, dic, n);
    charset[n] = '\0';
    if (!strcasecmp(charset, "UTF-8") || !strcasecmp(charset, "ISO8859-1")) return NULL;
    oct_buf b = OCT_BUF_INIT;
    oct_buf_puts(&b, "UTF-8\n");
    if (!oct_transcode_append(&b, charset, nl + 1, len - (size_t)(nl + 1 - dic))) {
        oct_buf_free(&b);
        return NULL;
    }
    *outlen = b.len;
    return oct_buf_detach(&b);
}

static bool try_file(oct_hyph *h, const char *path)
{
    size_t len;
    char *dic = oct_read_file(path, MAX_DIC, &len);
    if (!dic) return false;
    if (len < 2 || !memchr(dic, '\n', len)) { /* not even a charset line */
        free(dic);
        return false;
    }
    size_t ulen;
    char *utf8 = as_utf8(dic, len, &ulen);
    if (utf8) {
        free(dic);
        dic = utf8;
        len = ulen;
    }
    h->dic = dic;
    h->diclen = len;
    h->file = oct_xstrdup(path);
    return true;
}

static HyphenDict *load_bytes(const char *s, size_t n)
{
    FILE *f = fmemopen((void *)s, n, "r");
    if (!f) return NULL;
    HyphenDict *d = hnj_hyphen_load_file(f);
    fclose(f);
    return d;
}

/* Below this a dictionary loads in a few milliseconds (English: 106 KB,
 * 6 ms), less than collecting the words would take: loaded whole. */
#define SUBSET_MIN_BYTES (256u << 10)

bool oct_hyph_wants_text(const oct_hyph *h)
{
    /* the size first: a small dictionary may be loading on another thread */
    return h && h->diclen >= SUBSET_MIN_BYTES && !h->loaded;
}

void oct_hyph_add_text(oct_hyph *h, const char *s, size_t n)
{
    if (oct_hyph_wants_text(h)) oct_hyph_words_add(&h->words, s, n);
}

/* Loads the patterns at the first word: the subset for the words shown
 * to oct_hyph_add_text, or all of them when none was. */
static void ensure_loaded(oct_hyph *h)
{
    if (h->loaded) return;
    h->loaded = true;
    if (oct_strmap_count(&h->words) == 0) {
        h->dict = load_bytes(h->dic, h->diclen);
        return;
    }
    oct_buf b = OCT_BUF_INIT;
    oct_hyph_subset(h->dic, h->diclen, &h->words, &b, &h->seen, &h->maxlen);
    h->dict = load_bytes(b.data, b.len);
    h->subset = true;
    oct_buf_free(&b);
}

/* The dictionary to hyphenate w[0..n) with (NULL: none could be loaded). */
static HyphenDict *dict_for(oct_hyph *h, const char *w, size_t n)
{
    ensure_loaded(h);
    if (!h->subset || oct_hyph_covered(&h->seen, h->maxlen, w, n)) return h->dict;
    if (!h->full) h->full = load_bytes(h->dic, h->diclen);
    return h->full;
}

static bool try_glob(oct_hyph *h, const char *pattern)
{
    glob_t g;
    bool ok = false;
    if (glob(pattern, 0, NULL, &g) == 0)
        for (size_t i = 0; i < g.gl_pathc && !ok; i++)
            ok = try_file(h, g.gl_pathv[i]);
    globfree(&g);
    return ok;
}

/* "fr-CA" -> ll "fr", cc "CA"; false for a tag without a 2-3 letter language. */
static bool split_tag(const char *lang, char ll[4], char cc[4])
{
    size_t n = 0;
    while (n < 3 && ((lang[n] | 32) >= 'a' && (lang[n] | 32) <= 'z')) {
        ll[n] = (char)(lang[n] | 32);
        n++;
    }
    ll[n] = cc[0] = 0;
    if (n < 2 || (lang[n] && lang[n] != '-' && lang[n] != '_')) return false;
    const char *r = lang[n] ? lang + n + 1 : "";
    if (strlen(r) >= 2 && (r[2] == 0 || r[2] == '-' || r[2] == '_')) {
        cc[0] = (char)(r[0] & ~32);
        cc[1] = (char)(r[1] & ~32);
        cc[2] = 0;
        if (cc[0] < 'A' || cc[0] > 'Z' || cc[1] < 'A' || cc[1] > 'Z') cc[0] = 0;
    }
    return true;
}

static UScriptCode script_of(const char *ll)
{
    static const char *cyr[] = {"ru", "uk", "be", "bg", "sr", "mk", "kk", "mn"};
    for (size_t i = 0; i < sizeof cyr / sizeof *cyr; i++)
        if (!strcmp(ll, cyr[i])) return USCRIPT_CYRILLIC;
    if (!strcmp(ll, "el")) return USCRIPT_GREEK;
    return USCRIPT_LATIN;
}

bool oct_hyph_wanted(const char *lang)
{
    static const char *no[] = {"ja", "zh", "ko", "th", "lo", "km", "my", "ar",
                               "he", "fa", "ur", "yi", "bo", "dz", "vi"};
    char ll[4], cc[4];
    if (!lang || !split_tag(lang, ll, cc)) return false;
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        if (!strcmp(ll, no[i])) return false;
    return true;
}

oct_hyph *oct_hyph_open(const char *lang, const char *dir)
{
    char ll[4], cc[4], path[1024];
    if (!lang || !split_tag(lang, ll, cc)) return NULL;
    if (!dir) dir = "/usr/share/hyphen";
    oct_hyph *h = oct_xcalloc(1, sizeof *h);
    bool ok = false;
    if (cc[0]) {
        snprintf(path, sizeof path, "%s/hyph_%s_%s.dic", dir, ll, cc);
        ok = try_file(h, path);
    }
    if (!ok) { /* the language's own country first: en_US, de_DE, fr_FR */
        snprintf(path, sizeof path, "%s/hyph_%s_%s.dic", dir, ll, strcmp(ll, "en") ? ll : "us");
        for (char *q = path + strlen(path) - 6; q[0] != '.'; q++)
            *q = (char)(*q & ~32);
        ok = try_file(h, path);
    }
    if (!ok) {
        snprintf(path, sizeof path, "%s/hyph_%s_*.dic", dir, ll);
        ok = try_glob(h, path);
    }
    if (!ok) {
        snprintf(path, sizeof path, "%s/hyph_%s.dic", dir, ll);
        ok = try_file(h, path);
    }
    if (!ok) {
        free(h);
        return NULL;
    }
    h->script = script_of(ll);
    return h;
}

void oct_hyph_load(oct_hyph *h)
{
    /* a small dictionary is never subset: loaded whole, now */
    if (h && h->diclen < SUBSET_MIN_BYTES) ensure_loaded(h);
}

void oct_hyph_free(oct_hyph *h)
{
    if (!h) return;
    for (size_t i = 0; i < h->cap; i++)
        free(h->tab[i].word);
    free(h->tab);
    if (h->dict) hnj_hyphen_free(h->dict);
    if (h->full) hnj_hyphen_free(h->full);
    free(h->dic);
    oct_strmap_free(&h->words);
    oct_strmap_free(&h->seen);
    free(h->file);
    free(h);
}

const char *oct_hyph_file(const oct_hyph *h)
{
    return h ? h->file : NULL;
}

/* Character classes, ASCII answered here: ICU gives the same answers, and
 * asking it per letter was a third of the time a word took. */
static bool ascii_letter(uint32_t c)
{
    return (c | 32) - 'a' < 26u;
}

static bool is_alnum(uint32_t c)
{
    return c < 0x80 ? ascii_letter(c) || c - '0' < 10u : u_isalnum((UChar32)c);
}

static bool is_digit(uint32_t c)
{
    return c < 0x80 ? c - '0' < 10u : u_isdigit((UChar32)c);
}

static bool is_upper(uint32_t c)
{
    return c < 0x80 ? c - 'A' < 26u : u_isupper((UChar32)c);
}

static bool is_lower(uint32_t c)
{
    return c < 0x80 ? c - 'a' < 26u : u_islower((UChar32)c);
}

static uint32_t to_lower(uint32_t c)
{
    return c < 0x80 ? (c - 'A' < 26u ? c + 32 : c) : (uint32_t)u_tolower((UChar32)c);
}

static UScriptCode script_at(uint32_t c)
{
    if (c < 0x80) return ascii_letter(c) ? USCRIPT_LATIN : USCRIPT_COMMON;
    UErrorCode err = U_ZERO_ERROR;
    return uscript_getScript((UChar32)c, &err);
}

static uint64_t hash(const char *s)
{
    uint64_t x = 1469598103934665603ull;
    for (; *s; s++)
        x = (x ^ (unsigned char)*s) * 1099511628211ull;
    return x;
}

static entry *slot_for(oct_hyph *h, const char *w)
{
    if (2 * (h->used + 1) > h->cap) { /* grow: keep the table at most half full */
        size_t ocap = h->cap, ncap = ocap ? ocap * 2 : 256;
        entry *old = h->tab;
        h->tab = oct_xtable(ncap, sizeof *h->tab);
        h->cap = ncap;
        for (size_t i = 0; i < ocap; i++) {
            if (!old[i].word) continue;
            size_t k = hash(old[i].word) & (ncap - 1);
            while (h->tab[k].word)
                k = (k + 1) & (ncap - 1);
            h->tab[k] = old[i];
        }
        free(old);
    }
    size_t k = hash(w) & (h->cap - 1);
    while (h->tab[k].word && strcmp(h->tab[k].word, w))
        k = (k + 1) & (h->cap - 1);
    return &h->tab[k];
}

/* The lower-cased word w[0..n) into out as UTF-8 (latin1: ISO 8859-1, a
 * byte a letter; false when a letter has no such byte). */
static bool encode_word(const uint32_t *w, size_t n, bool latin1, char *out, size_t *len)
{
    *len = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = to_lower(w[i]);
        if (latin1 && c > 0xFF) return false;
        *len += latin1 ? (out[*len] = (char)c, 1) : oct_utf8_encode(c, out + *len);
    }
    out[*len] = 0;
    return true;
}

/* Points of the word w[0..n) (n letters): bit i = a hyphen after letter i. */
static uint64_t points_of(oct_hyph *h, const uint32_t *w, size_t n)
{
    char u8[MAX_WORD * 4 + 1], word[MAX_WORD * 4 + 1];
    size_t len = 0, wlen;
    encode_word(w, n, false, u8, &len);
    entry *e = slot_for(h, u8);
    if (e->word) return e->points;
    e->word = oct_xstrdup(u8);
    e->points = 0;
    h->used++;
    HyphenDict *d = dict_for(h, u8, len);
    /* a dictionary in ISO 8859-1 (German's) takes the word in it */
    if (!d || !encode_word(w, n, !d->utf8, word, &wlen)) return 0;
    len = wlen;
    char hy[MAX_WORD * 4 + 5];
    char **rep = NULL;
    int *pos = NULL, *cut = NULL;
    uint64_t pts = 0;
    if (hnj_hyphen_hyphenate3(d, word, (int)len, hy, NULL, &rep, &pos, &cut, OCT_HY_LEFT,
                              OCT_HY_RIGHT, OCT_HY_LEFT, OCT_HY_RIGHT) == 0) {
        /* hy[i] is after letter i, in a UTF-8 dictionary too: libhyphen
         * gives a UTF-8 word's points per letter, not per byte (read per
         * byte, every point after an "é" or a Cyrillic letter was a
         * letter early) */
        for (size_t i = 0; i + 1 < n; i++) {
            /* odd: a point; kept only with enough letters each side and
             * where the patterns do not respell the word (rep) */
            if ((hy[i] & 1) && i + 1 >= OCT_HY_LEFT && n - (i + 1) >= OCT_HY_RIGHT &&
                !(rep && rep[i]))
                pts |= 1ull << i;
        }
    }
    if (rep) {
        for (size_t b = 0; b < len; b++)
            free(rep[b]);
        free(rep);
    }
    free(pos);
    free(cut);
    e->points = pts;
    return pts;
}

static bool is_letter(uint32_t c)
{
    if (c < 0x80) return ascii_letter(c);
    return u_isalpha((UChar32)c) || u_charType((UChar32)c) == U_NON_SPACING_MARK;
}

static bool is_sep(uint32_t c)
{
    return c == '.' || c == '/' || c == '_' || c == ':' || c == '-' || c == '\\';
}

/* A URL, a path or an identifier rather than a word of prose. */
static bool technical(const uint32_t *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint32_t x = c[i];
        bool inner = i > 0 && i + 1 < n && is_letter(c[i - 1]) && !is_sep(c[i + 1]);
        if (x == '_' || x == '/' || x == '@' || x == '\\' || x == '=' || x == '#') return true;
        if (is_digit(x)) return true;
        if (x == '.' && inner && is_alnum(c[i + 1])) return true;
        if (x == ':' && i + 1 < n && c[i + 1] == ':') return true;
        if (i > 0 && is_upper(x) && is_lower(c[i - 1])) return true;
    }
    return false;
}

/* Breaks after the separators of a technical token, keeping 3 chars each side. */
static void separators(const uint32_t *c, size_t n, uint8_t *out)
{
    for (size_t i = 2; i + 3 < n; i++) {
        if (!is_sep(c[i]) || is_sep(c[i + 1])) continue;
        if (c[i] == ':' && c[i - 1] != ':') continue; /* "::" only */
        if (!is_alnum(c[i + 1])) continue;
        out[i] = OCT_HY_SEP;
    }
}

static void hyphenate_word(oct_hyph *h, const uint32_t *w, size_t n, uint8_t *out)
{
    if (n < OCT_HY_MIN_WORD || n > MAX_WORD) return;
    bool lower = false;
    for (size_t i = 0; i < n; i++) {
        UScriptCode sc = script_at(w[i]);
        if (sc != h->script && sc != USCRIPT_INHERITED && sc != USCRIPT_COMMON) return;
        if (is_lower(w[i])) lower = true;
    }
    if (!lower) return; /* CAPITALS */
    uint64_t p = points_of(h, w, n);
    for (size_t i = 0; i < n; i++)
        if (p & (1ull << i)) out[i] = OCT_HY_HYPHEN;
}

static bool quote(uint32_t c)
{
    return c == '\'' || c == 0x2019;
}

void oct_hyph_token(oct_hyph *h, const uint32_t *cps, size_t n, bool words, uint8_t *out)
{
    memset(out, OCT_HY_NONE, n);
    size_t a = 0, b = n; /* the token without its surrounding punctuation */
    while (a < b && !is_alnum(cps[a]))
        a++;
    while (b > a && !is_alnum(cps[b - 1]) && cps[b - 1] != '/')
        b--;
    if (b - a < 2) return;
    if (!words || technical(cps + a, b - a)) {
        separators(cps + a, b - a, out + a);
        return;
    }
    if (!h) return;
    for (size_t i = a; i < b;) {
        if (!is_letter(cps[i])) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < b && is_letter(cps[j]))
            j++;
        /* a word with an apostrophe ("doesn't") is left whole */
        bool apos = (i > a && quote(cps[i - 1])) || (j < b && quote(cps[j]));
        if (!apos) hyphenate_word(h, cps + i, j - i, out + i);
        i = j;
    }
}
