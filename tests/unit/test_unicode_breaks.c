/* src/unicode/breaks.c against Unicode's own break tests and against raw
 * ICU.
 *
 * Every case of LineBreakTest.txt and GraphemeBreakTest.txt (Unicode 15,
 * Debian unicode-data) goes through octavo's wrapper (UTF-32 in, flags
 * out) and, independently, through ICU's iterators asked position by
 * position (ubrk_isBoundary on UTF-16 offsets this file computes). The
 * wrapper must equal raw ICU everywhere -- that is what tests the UTF-16
 * conversion and the offset mapping. Where raw ICU and the file disagree
 * (ICU's documented tailorings), the cases are counted by the rule the
 * file names, printed, and bounded: more disagreements than measured
 * means something regressed. Missing files: skipped, failed under
 * OCTAVO_STRICT=1. */
#include "check.h"
#include "unicode/breaks.h"
#include "util/fileio.h"

#include <stdint.h>
#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/utf16.h>

/* Where ICU's default rules differ from LineBreakTest.txt, measured with
 * ICU 72.1 on the Unicode 15.0 files (README, "Line and grapheme breaks"):
 * the classes around the first differing position, ICU's answer, and the
 * number of cases. GraphemeBreakTest.txt: no difference at all. */
static const struct {
    const char *key;
    size_t max;
} known_line[] = {
    {"HY \xC3\x97 AL", 8},  /* ICU rule 20.09: "-" starting a word stays on its letter */
    {"IS \xC3\x97 NU", 13}, /* ICU's LB25: ".5", ",0" open a number */
    {"SP \xC3\xB7 IS", 1},  /* ... so a line may end before " .35" */
};
#define MAX_CPS 64
#define MAX_RULES 32
#define MAX_SHOWN 40 /* disagreeing cases printed */

typedef struct {
    uint32_t cp[MAX_CPS];
    bool brk[MAX_CPS + 1];      /* brk[k]: the file has ÷ before cp[k] (k == n: the end) */
    char rule[MAX_CPS + 1][12]; /* the rule the file names for position k */
    char cls[MAX_CPS][12];      /* the class it names for cp[k] */
    size_t n;
} tcase;

typedef struct {
    char rule[48]; /* "HY × AL": ICU's answer where the file differs */
    size_t count;
} tally;

typedef struct {
    const char *name;
    UBreakIteratorType type;
    size_t lines, agree, wrapper_mismatch, positions;
    tally rules[MAX_RULES];
    size_t nrules;
} run_stats;

/* "× 0023 ÷ 0020 ÷\t#  × [0.3] NUMBER SIGN (AL) ÷ [18.0] ..." -> c. */
static bool parse_case(const char *line, tcase *c)
{
    memset(c, 0, sizeof *c);
    const char *s = line, *hash = strchr(line, '#');
    size_t k = 0;
    while (*s && s != hash) {
        if (!strncmp(s, "\xC3\xB7", 2) || !strncmp(s, "\xC3\x97", 2)) {
            if (k > MAX_CPS) return false;
            c->brk[k] = s[1] == '\xB7';
            s += 2;
        } else if (strchr("0123456789ABCDEFabcdef", *s)) {
            char *end;
            unsigned long v = strtoul(s, &end, 16);
            if (c->n == MAX_CPS) return false;
            c->cp[c->n++] = (uint32_t)v;
            k = c->n;
            s = end;
        } else {
            s++;
        }
    }
    /* the comment names one rule per position, in brackets, and between
     * them each character with its class in parentheses */
    for (size_t pos = 0; hash && pos <= c->n && (hash = strchr(hash, '[')); pos++) {
        const char *e = strchr(hash, ']');
        if (!e) break;
        snprintf(c->rule[pos], sizeof c->rule[pos], "%.*s", (int)(e - hash - 1), hash + 1);
        const char *next = strchr(e, '['), *open = NULL;
        for (const char *q = e; q < (next ? next : e + strlen(e)); q++)
            if (*q == '(') open = q;
        const char *close = open ? strchr(open, ')') : NULL;
        if (pos < c->n && close)
            snprintf(c->cls[pos], sizeof c->cls[pos], "%.*s", (int)(close - open - 1), open + 1);
        hash = e;
    }
    return c->n > 0;
}

static void count_rule(run_stats *st, const char *rule)
{
    for (size_t i = 0; i < st->nrules; i++) {
        if (!strcmp(st->rules[i].rule, rule)) {
            st->rules[i].count++;
            return;
        }
    }
    if (st->nrules == MAX_RULES) return;
    snprintf(st->rules[st->nrules].rule, sizeof st->rules[0].rule, "%s", rule);
    st->rules[st->nrules++].count = 1;
}

/* "AI_AL" (AI, resolved to AL by rule LB1) -> "AL". */
static const char *resolved(const char *cls)
{
    const char *u = strrchr(cls, '_');
    return u ? u + 1 : cls;
}

/* Raw ICU's answer for position k of c (1 <= k < n): boundary or not, and
 * (line iterator) whether its rule status is a hard break. */
static bool raw_boundary(UBreakIterator *it, const int32_t *off, size_t k, bool *hard)
{
    UBool b = ubrk_isBoundary(it, off[k]);
    int32_t status = b ? ubrk_getRuleStatus(it) : 0;
    *hard = status >= UBRK_LINE_HARD && status < UBRK_LINE_HARD_LIMIT;
    return b;
}

/* The wrapper's answer for position k, from its flags. */
static bool wrapped_boundary(const run_stats *st, const uint8_t *fl, size_t k, bool *hard)
{
    if (st->type == UBRK_CHARACTER) {
        *hard = false;
        return fl[k] & OCT_GRAPHEME_START;
    }
    *hard = (fl[k - 1] & OCT_LB_MASK) == OCT_LB_MANDATORY;
    return (fl[k - 1] & OCT_LB_MASK) != OCT_LB_NONE;
}

static void run_case(run_stats *st, oct_breaker *w, UBreakIterator *it, const tcase *c,
                     const char *line)
{
    UChar u16[2 * MAX_CPS];
    int32_t off[MAX_CPS + 1], o = 0;
    for (size_t i = 0; i < c->n; i++) {
        off[i] = o;
        U16_APPEND_UNSAFE(u16, o, c->cp[i]);
    }
    off[c->n] = o;
    UErrorCode err = U_ZERO_ERROR;
    ubrk_setText(it, u16, o, &err);
    CHECK(U_SUCCESS(err));
    uint8_t fl[MAX_CPS];
    oct_breaker_run(w, c->cp, c->n, fl);

    const char *first_diff = NULL;
    char key[48];
    for (size_t k = 1; k < c->n; k++) {
        bool rhard, whard;
        bool raw = raw_boundary(it, off, k, &rhard), mine = wrapped_boundary(st, fl, k, &whard);
        st->positions++;
        if (raw != mine || rhard != whard) st->wrapper_mismatch++;
        if (raw != c->brk[k] && !first_diff) {
            /* the class on the left is that of the base, not of its marks */
            size_t l = k - 1;
            while (l > 0 && !strcmp(resolved(c->cls[l]), "CM"))
                l--;
            snprintf(key, sizeof key, "%s %s %s", resolved(c->cls[l]),
                     raw ? "\xC3\xB7" : "\xC3\x97", resolved(c->cls[k]));
            first_diff = key;
        }
    }
    /* the ends: a cluster starts at 0; a line must end after the last char */
    if (st->type == UBRK_CHARACTER && !(fl[0] & OCT_GRAPHEME_START)) st->wrapper_mismatch++;
    if (st->type == UBRK_LINE && (fl[c->n - 1] & OCT_LB_MASK) != OCT_LB_MANDATORY)
        st->wrapper_mismatch++;
    st->lines++;
    if (!first_diff) {
        st->agree++;
        return;
    }
    count_rule(st, first_diff);
    if (st->lines - st->agree <= MAX_SHOWN) printf("  ICU differs: %s\n", line);
}

static const char *data_dir(void)
{
    const char *d = getenv("OCTAVO_UNICODE_DIR");
    return d && *d ? d : "/usr/share/unicode/auxiliary";
}

/* Runs every case of one file; false if the file is missing. */
static bool run_file(run_stats *st, const char *file)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", data_dir(), file);
    size_t len;
    char *text = oct_read_file(path, 1u << 26, &len);
    if (!text) return false;
    const char *why = "";
    oct_breaker *w = oct_breaker_new("", &why);
    UErrorCode err = U_ZERO_ERROR;
    UBreakIterator *it = ubrk_open(st->type, "", NULL, 0, &err);
    CHECK(w != NULL && U_SUCCESS(err));
    for (char *line = text, *next; w && U_SUCCESS(err) && *line; line = next) {
        next = strchr(line, '\n');
        next = next ? (*next = '\0', next + 1) : line + strlen(line);
        tcase c;
        if (line[0] == '#' || !parse_case(line, &c)) continue;
        run_case(st, w, it, &c, line);
    }
    ubrk_close(it);
    oct_breaker_free(w);
    free(text);
    return true;
}

static size_t report(const run_stats *st)
{
    size_t off = st->lines - st->agree;
    printf("%s: %zu cases, %zu positions; wrapper != ICU at %zu positions; "
           "ICU != file in %zu cases\n",
           st->name, st->lines, st->positions, st->wrapper_mismatch, off);
    for (size_t i = 0; i < st->nrules; i++)
        printf("  ICU says %s: %zu cases\n", st->rules[i].rule, st->rules[i].count);
    return off;
}

/* How many cases of this kind ICU may differ on; 0 for a new kind. */
static size_t known_count(const char *key)
{
    for (size_t i = 0; i < sizeof known_line / sizeof *known_line; i++)
        if (!strcmp(known_line[i].key, key)) return known_line[i].max;
    fprintf(stderr, "ICU now differs from the file in a new way: %s\n", key);
    return 0;
}

static void test_files(void)
{
    run_stats line = {.name = "LineBreakTest.txt", .type = UBRK_LINE};
    run_stats graph = {.name = "GraphemeBreakTest.txt", .type = UBRK_CHARACTER};
    bool have = run_file(&line, line.name) && run_file(&graph, graph.name);
    if (!have) {
        const char *strict = getenv("OCTAVO_STRICT");
        fprintf(stderr, "note: Unicode test files not found in %s (Debian unicode-data)%s\n",
                data_dir(), strict && !strcmp(strict, "1") ? "" : "; skipping them");
        CHECK(!(strict && !strcmp(strict, "1")));
        return;
    }
    /* (a), (b): the wrapper is raw ICU, position for position */
    CHECK(line.wrapper_mismatch == 0);
    CHECK(graph.wrapper_mismatch == 0);
    CHECK(line.lines > 7000 && graph.lines > 600); /* the whole files were read */
    CHECK(report(&graph) == 0);
    report(&line);
    for (size_t i = 0; i < line.nrules; i++)
        CHECK(known_count(line.rules[i].rule) >= line.rules[i].count);
}

/* ---- the wrapper on its own ---- */

static void run(const char *lang, const uint32_t *cps, size_t n, uint8_t *out)
{
    oct_breaker *b = oct_breaker_new(lang, NULL);
    CHECK(b != NULL);
    if (b) oct_breaker_run(b, cps, n, out);
    oct_breaker_free(b);
}

#define N(a) (sizeof(a) / sizeof *(a))
#define LB(f) ((f)&OCT_LB_MASK)

/* Surrogates and values past U+10FFFF are U+FFFD to ICU. */
static void test_invalid_values(void)
{
    uint32_t bad[] = {0x61, 0xD800, 0x301, 0x20, 0xDFFF, 0x110000, 0xFFFFFFFF, 0x62};
    uint32_t good[] = {0x61, 0xFFFD, 0x301, 0x20, 0xFFFD, 0xFFFD, 0xFFFD, 0x62};
    uint8_t fb[N(bad)], fg[N(good)];
    run("en", bad, N(bad), fb);
    run("en", good, N(good), fg);
    CHECK(memcmp(fb, fg, sizeof fb) == 0);
    CHECK(!(fb[2] & OCT_GRAPHEME_START)); /* the mark stays on the U+FFFD */
}

static void test_mandatory(void)
{
    /* a LF b CR LF c NEL d VT e FF f LS g PS h SP i */
    uint32_t t[] = {'a', 0x0A, 'b', 0x0D,   0x0A, 'c',    0x85, 'd', 0x0B,
                    'e', 0x0C, 'f', 0x2028, 'g',  0x2029, 'h',  ' ', 'i'};
    uint8_t f[N(t)];
    run("en", t, N(t), f);
    size_t hard[] = {1, 4, 6, 8, 10, 12, 14, 17};
    for (size_t i = 0; i < N(hard); i++)
        CHECK(LB(f[hard[i]]) == OCT_LB_MANDATORY);
    CHECK(LB(f[3]) == OCT_LB_NONE); /* CR × LF */
    CHECK(!(f[4] & OCT_GRAPHEME_START));
    CHECK(LB(f[16]) == OCT_LB_ALLOWED); /* after the space */
    CHECK(LB(f[15]) == OCT_LB_NONE && LB(f[0]) == OCT_LB_NONE);
    uint8_t one;
    run(NULL, (uint32_t[]){'x'}, 1, &one);
    CHECK(one == (OCT_LB_MANDATORY | OCT_GRAPHEME_START));
}

/* Thai words before a line break are broken between by ICU's dictionary,
 * whose boundaries take the status of the run's end: only the break after
 * the LF is mandatory, the ones between the words are allowed. */
static void test_dictionary_before_newline(void)
{
    /* ธาตุใดมีเลข LF ไฮโดรเจน: four words, then a line break */
    uint32_t t[] = {0x0E18, 0x0E32, 0x0E15, 0x0E38, 0x0E43, 0x0E14, 0x0E21, 0x0E35, 0x0E40, 0x0E25,
                    0x0E02, 0x0A,   0x0E44, 0x0E2E, 0x0E42, 0x0E14, 0x0E23, 0x0E40, 0x0E08, 0x0E19};
    uint8_t f[N(t)];
    run("th", t, N(t), f);
    size_t allowed = 0;
    for (size_t i = 0; i < 10; i++) {
        CHECK(LB(f[i]) != OCT_LB_MANDATORY);
        allowed += LB(f[i]) == OCT_LB_ALLOWED;
    }
    CHECK(allowed >= 2); /* the dictionary found the words */
    CHECK(LB(f[11]) == OCT_LB_MANDATORY);
}

/* Cluster starts of t, as a string of '^' (starts) and '.' (inside). */
static void clusters(const uint32_t *t, size_t n, char *out)
{
    uint8_t f[64];
    run("de", t, n, f);
    for (size_t i = 0; i < n; i++)
        out[i] = (f[i] & OCT_GRAPHEME_START) ? '^' : '.';
    out[n] = '\0';
}

static void test_emoji_clusters(void)
{
    char s[65];
    uint32_t flags[] = {0x1F1FA, 0x1F1F8, 0x1F1E9, 0x1F1EA, 0x1F1EB, 0x1F1F7, 0x1F1EF};
    clusters(flags, N(flags), s);
    CHECK_STR(s, "^.^.^.^"); /* three flags and a lone indicator */
    uint32_t family[] = {'a', 0x1F468, 0x200D, 0x1F469, 0x200D, 0x1F467, 'b'};
    clusters(family, N(family), s);
    CHECK_STR(s, "^^....^");
    uint32_t tones[] = {0x1F44D, 0x1F3FD, 0x1F44B, 0x1F3FF};
    clusters(tones, N(tones), s);
    CHECK_STR(s, "^.^.");
    uint32_t keycaps[] = {'1', 0xFE0F, 0x20E3, '#', 0xFE0F, 0x20E3, 0x2764, 0xFE0E};
    clusters(keycaps, N(keycaps), s);
    CHECK_STR(s, "^..^..^.");
    uint32_t england[] = {0x1F3F4, 0xE0067, 0xE0062, 0xE0065, 0xE006E, 0xE0067, 0xE007F, 'x'};
    clusters(england, N(england), s);
    CHECK_STR(s, "^......^");
    uint32_t marks[] = {'e', 0x301, 0x323, 0x302, 0x1100, 0x1161, 0x11A8, 0x915, 0x94D, 0x937};
    clusters(marks, N(marks), s);
    CHECK_STR(s, "^...^..^.."); /* stacked marks, a Hangul L V T syllable, Devanagari conjunct */

    /* A line may end between two flags, never inside one. */
    uint8_t f[N(flags)];
    run("en", flags, N(flags), f);
    CHECK(LB(f[0]) == OCT_LB_NONE && LB(f[1]) == OCT_LB_ALLOWED && LB(f[2]) == OCT_LB_NONE);
}

static void test_floor_utf8(void)
{
    const char *s = "ab\xF0\x9F\x87\xBA\xF0\x9F\x87\xB8" /* US flag, bytes 2..10 */
                    "e\xCC\x81!";                        /* e + acute, bytes 10..13 */
    size_t n = strlen(s);
    CHECK(oct_grapheme_floor_utf8(s, n, 0) == 0);
    CHECK(oct_grapheme_floor_utf8(s, n, 2) == 2);
    for (size_t off = 3; off < 10; off++)
        CHECK(oct_grapheme_floor_utf8(s, n, off) == 2);
    CHECK(oct_grapheme_floor_utf8(s, n, 10) == 10);
    CHECK(oct_grapheme_floor_utf8(s, n, 12) == 10);
    CHECK(oct_grapheme_floor_utf8(s, n, 13) == 13);
    CHECK(oct_grapheme_floor_utf8(s, n, 99) == n);
    const char *bad = "a\xED\xA0\x80\xFF\xCC\x81"
                      "b"; /* lone surrogate bytes, 0xFF, a mark */
    size_t bn = strlen(bad);
    CHECK(oct_grapheme_floor_utf8(bad, bn, 2) == 2); /* each bad byte is a U+FFFD */
    CHECK(oct_grapheme_floor_utf8(bad, bn, 5) == 4); /* the mark joins the last one */
    CHECK(oct_grapheme_floor_utf8("", 0, 0) == 0);
}

static void test_languages(void)
{
    const char *langs[] = {
        "ja",         "de-DE",
        "zh-Hant-TW", "en-u-lb-strict",
        "",           "%%%",
        "x-private",  "123456789012345678901234567890123456789012345678901234567890123456789"};
    for (size_t i = 0; i < N(langs); i++) {
        oct_breaker *b = oct_breaker_new(langs[i], NULL);
        CHECK(b != NULL);
        oct_breaker_free(b);
    }
    oct_breaker_free(NULL);
}

/* Text of Latin letters, punctuation, controls, CR and LF skips ICU's
 * character iterator (plain_clusters in breaks.c): random such texts must
 * get ICU's cluster starts exactly, and one character outside the ranges
 * (a mark, a joiner, an emoji) must bring ICU back. */
static void test_plain_clusters(void)
{
    static const uint32_t pool[] = {'a',    'Z',    ' ',    '.',    '\r',   '\n',   '\t',
                                    0x01,   0x7F,   0x85,   0xAD,   0xE9,   0xFF,   0x17F,
                                    0x2FF,  0x2010, 0x2019, 0x201C, 0x2026, 0x2027, 0x2030,
                                    0x2044, 0x205E, 0x20AC, 0x20BF};
    static const uint32_t others[] = {0x301,  0x200D,  0x200C,  0x200B, 0x2028, 0x2060,
                                      0xFE0F, 0x1F600, 0x1F1FA, 0x0915, 0x1100, 0x20E3};
    UErrorCode err = U_ZERO_ERROR;
    UBreakIterator *it = ubrk_open(UBRK_CHARACTER, "", NULL, 0, &err);
    oct_breaker *w = oct_breaker_new("en", NULL);
    CHECK(U_SUCCESS(err) && w != NULL);
    if (!w || U_FAILURE(err)) return;
    unsigned seed = 12345, wrong = 0;
    for (int round = 0; round < 4000; round++) {
        uint32_t cps[40];
        size_t n = 1 + (seed = seed * 1103515245u + 12345u) % 40;
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            cps[i] = pool[(seed >> 8) % N(pool)];
        }
        if (round % 2) { /* one character from elsewhere */
            seed = seed * 1103515245u + 12345u;
            cps[(seed >> 8) % n] = others[(seed >> 16) % N(others)];
        }
        UChar u16[80];
        int32_t off[41], o = 0;
        for (size_t i = 0; i < n; i++) {
            off[i] = o;
            U16_APPEND_UNSAFE(u16, o, cps[i]);
        }
        ubrk_setText(it, u16, o, &err);
        uint8_t fl[40];
        oct_breaker_run(w, cps, n, fl);
        for (size_t i = 0; i < n; i++)
            if (!!(fl[i] & OCT_GRAPHEME_START) != (i == 0 || ubrk_isBoundary(it, off[i]))) wrong++;
    }
    CHECK(wrong == 0);
    ubrk_close(it);
    oct_breaker_free(w);
}

int main(void)
{
    test_plain_clusters();
    test_invalid_values();
    test_mandatory();
    test_dictionary_before_newline();
    test_emoji_clusters();
    test_floor_utf8();
    test_languages();
    test_files();
    return check_done();
}
