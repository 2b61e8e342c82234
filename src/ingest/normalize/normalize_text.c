/* Small text helpers for the normalizer: trimming, indentation, words. */
#include "ingest/normalize/normalize_internal.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

bool nl_is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

bool nl_in_set(char c, const char *set)
{
    return c != '\0' && strchr(set, c) != NULL;
}

bool nl_is_ident_start(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool nl_is_ident_char(unsigned char c)
{
    return nl_is_ident_start(c) || (c >= '0' && c <= '9');
}

bool nl_fence_run(const char *t, size_t n, char *ch, size_t *len)
{
    size_t k = 0;
    while (k < n && (t[k] == '`' || t[k] == '~') && t[k] == t[0])
        k++;
    if (k < 3) return false;
    *ch = t[0];
    *len = k;
    return true;
}

size_t nl_raw_lines(const char *text, size_t len, nl_raw_line **out)
{
    size_t n = 0, cap = 0;
    bool fence = false;
    *out = NULL;
    for (size_t at = 0; at < len; n++) {
        const char *nl = memchr(text + at, '\n', len - at);
        size_t end = nl ? (size_t)(nl - text) : len;
        OCT_GROW(*out, cap, n + 1);
        nl_raw_line *l = &(*out)[n];
        *l = (nl_raw_line){text + at, end - at, (nl ? end + 1 : len) - at, 0, false};
        while (l->lead < l->n && (l->s[l->lead] == ' ' || l->s[l->lead] == '\t'))
            l->lead++;
        char ch;
        size_t fl;
        bool marks = nl_fence_run(l->s + l->lead, l->n - l->lead, &ch, &fl);
        l->fenced = fence || marks;
        if (marks) fence = !fence;
        at += l->full;
    }
    return n;
}

const char *nl_trim(const char *s, size_t *n)
{
    size_t len = *n;
    while (len > 0 && nl_is_space(*s)) {
        s++;
        len--;
    }
    while (len > 0 && nl_is_space(s[len - 1]))
        len--;
    *n = len;
    return s;
}

int nl_indent_of(const char *s, size_t n, size_t *bytes)
{
    int col = 0;
    size_t i = 0;
    for (; i < n; i++) {
        if (s[i] == ' ')
            col++;
        else if (s[i] == '\t')
            col += 4 - col % 4;
        else
            break;
    }
    if (bytes) *bytes = i;
    return col;
}

bool nl_starts_with(const char *s, size_t n, const char *prefix)
{
    size_t k = strlen(prefix);
    return n >= k && memcmp(s, prefix, k) == 0;
}

bool nl_word_eq(const char *s, size_t n, const char *word)
{
    /* stops at the first difference: the classifiers try whole keyword
     * tables on every line, and most entries differ in the first letter */
    for (size_t i = 0; i < n; i++)
        if (word[i] == '\0' || word[i] != s[i]) return false;
    return word[n] == '\0';
}

size_t nl_word_len(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (nl_is_ident_char(c) || c == '-' || c >= 0x80)
            i++;
        else
            break;
    }
    return i;
}

/* Function words of the languages notes are written in. Code arguments
 * (package names, paths, subcommands, SQL identifiers) are never these. */
static const char *const STOPWORDS[] = {
    /* English */
    "a",
    "about",
    "after",
    "all",
    "also",
    "an",
    "any",
    "are",
    "at",
    "be",
    "because",
    "been",
    "before",
    "but",
    "can",
    "could",
    "did",
    "do",
    "does",
    "each",
    "every",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "his",
    "how",
    "i",
    "if",
    "into",
    "is",
    "it",
    "its",
    "just",
    "may",
    "me",
    "might",
    "more",
    "most",
    "must",
    "my",
    "of",
    "on",
    "only",
    "or",
    "other",
    "our",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "to",
    "too",
    "under",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    /* French */
    "au",
    "avec",
    "ce",
    "ces",
    "cette",
    "dans",
    "des",
    "du",
    "elle",
    "est",
    "et",
    "il",
    "la",
    "le",
    "les",
    "leur",
    "nous",
    "ou",
    "par",
    "pas",
    "pour",
    "qui",
    "que",
    "sont",
    "sur",
    "une",
    "vous",
    "votre",
    /* German */
    "auch",
    "auf",
    "aus",
    "bei",
    "dem",
    "den",
    "der",
    "des",
    "die",
    "ein",
    "eine",
    "einen",
    "einem",
    "ist",
    "mit",
    "nicht",
    "noch",
    "oder",
    "sind",
    "und",
    "von",
    "wie",
    "wir",
    "wird",
    "werden",
    "zu",
    "zum",
    "zur",
    /* Spanish */
    "el",
    "en",
    "es",
    "las",
    "los",
    "para",
    "por",
    "son",
    "un",
    "y",
};

bool nl_in_word_list(const char *list, const char *w, size_t n)
{
    char low[32];
    if (n == 0 || n + 2 >= sizeof low) return false;
    low[0] = ' ';
    for (size_t i = 0; i < n; i++) {
        char c = w[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        low[i + 1] = c;
    }
    low[n + 1] = ' ';
    low[n + 2] = '\0';
    return strstr(list, low) != NULL;
}

/* w[0..n) against a NUL-terminated name, in strcmp's order. */
static int cmp_word_name(const char *w, size_t n, const nl_name *name)
{
    size_t m = name->len;
    if (n && m && w[0] != name->name[0]) /* most probes differ at once */
        return (unsigned char)w[0] < (unsigned char)name->name[0] ? -1 : 1;
    int c = memcmp(w, name->name, n < m ? n : m);
    if (c != 0) return c;
    return n < m ? -1 : n > m ? 1 : 0;
}

static int cmp_names(const void *a, const void *b)
{
    const nl_name *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c != 0 ? c : (x->at > y->at) - (x->at < y->at);
}

void nl_names_sort(nl_name *out, const void *table, size_t count, size_t stride)
{
    for (size_t i = 0; i < count; i++) {
        const char *const *name = (const void *)((const char *)table + i * stride);
        out[i] = (nl_name){*name, i, strlen(*name)};
    }
    qsort(out, count, sizeof *out, cmp_names);
}

long nl_names_find(const nl_name *names, size_t count, const char *w, size_t n)
{
    size_t lo = 0, hi = count; /* the first name not below w */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cmp_word_name(w, n, &names[mid]) > 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < count && cmp_word_name(w, n, &names[lo]) == 0 ? (long)names[lo].at : -1;
}

enum { NSTOP = sizeof STOPWORDS / sizeof STOPWORDS[0] };
static nl_name sorted_stop[NSTOP];
static pthread_once_t sort_once = PTHREAD_ONCE_INIT;

/* Sorted on whichever thread asks first (sources are normalized on
 * workers). */
static void sort_stopwords(void)
{
    nl_names_sort(sorted_stop, STOPWORDS, NSTOP, sizeof *STOPWORDS);
}

bool nl_is_stopword(const char *w, size_t n)
{
    char low[16];
    if (n == 0 || n >= sizeof low) return false;
    for (size_t i = 0; i < n; i++) {
        char c = w[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        low[i] = c;
    }
    low[n] = '\0';
    pthread_once(&sort_once, sort_stopwords);
    return nl_names_find(sorted_stop, NSTOP, low, n) >= 0;
}

bool nl_is_symbol_cp(unsigned cp)
{
    if (cp < 0x80) return false;
    if (cp >= 0x80 && cp <= 0xBF) return true;     /* Latin-1 punctuation: « » ° © · */
    if (cp == 0xD7 || cp == 0xF7) return true;     /* × ÷ */
    if (cp >= 0x2000 && cp <= 0x2BFF) return true; /* punctuation, arrows, symbols */
    if (cp >= 0x3000 && cp <= 0x303F) return true; /* CJK punctuation */
    if (cp >= 0xFE00 && cp <= 0xFE0F) return true; /* variation selectors */
    if (cp >= 0xFF00 && cp <= 0xFF0F) return true;
    if (cp >= 0x1F000) return true; /* emoji and pictographs */
    return cp == OCT_REPLACEMENT_CHAR;
}

bool nl_has_emoji(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t k;
        unsigned cp = oct_utf8_decode(s + i, n - i, &k);
        if (cp >= 0x1F000 || (cp >= 0x2600 && cp <= 0x27BF)) return true;
        i += k;
    }
    return false;
}

int nl_count_words(const char *s, size_t n, const char * not, bool *digit)
{
    int words = 0;
    bool in = false, alnum = false;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && s[i] && strchr(not, s[i])) return -1;
        if (i == n || s[i] == ' ' || s[i] == '\t') {
            words += in && alnum;
            in = alnum = false;
            continue;
        }
        in = true;
        unsigned char ch = (unsigned char)s[i];
        if (digit && ch >= '0' && ch <= '9') *digit = true;
        alnum |=
            ch >= 0x80 || (ch >= '0' && ch <= '9') || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z');
    }
    return words;
}

void nl_put_line_ranges(oct_buf *b, const int *v, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j + 1 < n && v[j + 1] == v[j] + 1)
            j++;
        oct_buf_printf(b, i ? ", %d" : "%d", v[i]);
        if (j > i) oct_buf_printf(b, "-%d", v[j]);
        i = j + 1;
    }
}

void nl_put_dedented(oct_buf *b, const char *s, size_t n, int cols)
{
    int col = 0;
    size_t i = 0;
    while (i < n && col < cols && (s[i] == ' ' || s[i] == '\t')) {
        int next = s[i] == ' ' ? col + 1 : col + 4 - col % 4;
        i++;
        for (int c = cols; c < next; c++) /* a tab across the cut */
            oct_buf_putc(b, ' ');
        col = next;
    }
    oct_buf_put(b, s + i, n - i);
}
