#include "study/abbrev.h"
#include "study/cluster_int.h"
#include "study/study_int.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#include <libstemmer.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Words of a question as comparable tokens. A word is folded (case, NFKC)
 * before anything else, so "Django", "DJANGO" and "Ｄｊａｎｇｏ" agree; stop
 * words go; the rest is stemmed, so "signals" and "signal" agree; a run of
 * tokens the booklet abbreviates becomes the abbreviation's token. */

/* A string -> id table (open addressing); ids in insertion order. */
typedef struct {
    char **words;
    size_t n, cap;
    unsigned *slots; /* id + 1, 0 = empty */
    size_t nslots;
} ct_table;

typedef struct {
    unsigned seq[8];
    size_t len;
    unsigned abbr;
    int next; /* next rule with the same first token, -1 = none */
} ct_abbr;

struct ct_lexicon {
    ct_table vocab, stop;
    /* folded word -> its token (word_tok[id], -1 for a stop word): each
     * distinct word is stemmed once, not once per question it is in */
    ct_table words;
    long *word_tok;
    size_t capword;
    unsigned char *kind; /* per vocab id */
    int *abbr_head;      /* per vocab id: first rule, -1 */
    size_t capkind, caphead;
    ct_abbr *abbr;
    size_t nabbr, capabbr;
    struct sb_stemmer *stemmer;
};

static uint32_t hash_str(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static long table_find(const ct_table *t, const char *s, size_t n, size_t *slot)
{
    if (!t->nslots) return -1;
    size_t i = hash_str(s, n) & (t->nslots - 1);
    while (t->slots[i]) {
        const char *w = t->words[t->slots[i] - 1];
        if (strlen(w) == n && memcmp(w, s, n) == 0) return (long)t->slots[i] - 1;
        i = (i + 1) & (t->nslots - 1);
    }
    if (slot) *slot = i;
    return -1;
}

static void table_rehash(ct_table *t)
{
    size_t ns = t->nslots ? t->nslots * 2 : 256;
    free(t->slots);
    t->slots = oct_xcalloc(ns, sizeof *t->slots);
    t->nslots = ns;
    for (size_t id = 0; id < t->n; id++) {
        size_t i = hash_str(t->words[id], strlen(t->words[id])) & (ns - 1);
        while (t->slots[i])
            i = (i + 1) & (ns - 1);
        t->slots[i] = (unsigned)id + 1;
    }
}

/* Id of s[0..n), added when new (*added set). */
static unsigned table_intern(ct_table *t, const char *s, size_t n, bool *added)
{
    size_t slot = 0;
    long id = table_find(t, s, n, &slot);
    *added = id < 0;
    if (id >= 0) return (unsigned)id;
    if ((t->n + 1) * 2 > t->nslots) {
        table_rehash(t);
        table_find(t, s, n, &slot);
    }
    OCT_GROW(t->words, t->cap, t->n + 1);
    t->words[t->n] = oct_xstrndup(s, n);
    t->slots[slot] = (unsigned)t->n + 1;
    return (unsigned)t->n++;
}

static void table_free(ct_table *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->words[i]);
    free(t->words);
    free(t->slots);
}

/* --- language ------------------------------------------------------------ */

/* Words that carry no topic, per language (folded). */
static const char *const STOP_EN[] = {
    "a", "an", "the", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did",
    "of", "in", "on", "at", "to", "for", "from", "by", "with", "into", "as", "and", "or", "but",
    "if", "then", "than", "so", "that", "this", "these", "those", "it", "its", "they", "them",
    "their", "there", "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "can",
    "could", "should", "would", "will", "shall", "may", "might", "must", "you", "your", "i", "my",
    "we", "our", "us", "he", "she", "his", "her", "not", "no", "any", "all", "each", "both", "one",
    "such", "also", "very", "just", "s", "t", "whats", "has", "have", "had", "get", "gets",
    "during", "within", "inside", "via", "like", "etc", "e", "g", "ie", "eg", "someone", "anyone",
    /* what is left of a contraction ("doesn't" is "doesn" "t"): negation is
     * read apart (cluster_negation.c), so "Why doesn't X?" and "Why does X
     * not?" have the same words */
    "isn", "aren", "wasn", "weren", "doesn", "didn", "hasn", "haven", "hadn", "couldn", "shouldn",
    "wouldn", "mustn", "needn", "cannot", NULL};
static const char *const STOP_DE[] = {
    "der",   "die",   "das",    "den",     "dem", "des",  "ein", "eine",  "einen",
    "einem", "einer", "ist",    "sind",    "und", "oder", "in",  "im",    "mit",
    "von",   "zu",    "zum",    "zur",     "für", "auf",  "was", "wie",   "warum",
    "wann",  "wo",    "welche", "welcher", "man", "sie",  "es",  "nicht", NULL};
static const char *const STOP_FR[] = {
    "le",       "la",   "les",  "un", "une", "des",  "du",   "de",     "d",
    "l",        "est",  "sont", "et", "ou",  "en",   "dans", "avec",   "pour",
    "par",      "sur",  "que",  "qu", "qui", "quoi", "quel", "quelle", "comment",
    "pourquoi", "vous", "on",   "ce", "c",   "il",   "elle", "pas",    NULL};
static const char *const STOP_ES[] = {"el",   "la",  "los", "las", "un",   "una",  "de",
                                      "del",  "es",  "son", "y",   "o",    "en",   "con",
                                      "para", "por", "que", "qué", "cómo", "como", "por",
                                      "cuál", "se",  "lo",  "su",  "no",   NULL};

/* Question framing: weighs little (stems are looked up after stemming). */
static const char *const FRAME_WORDS[] = {
    "explain",   "describe",  "define",     "definition", "tell",       "me",          "about",
    "mean",      "meaning",   "understand", "concept",    "purpose",    "role",        "use",
    "usage",     "work",      "example",    "briefly",    "detail",     "discuss",     "give",
    "overview",  "important", "importance", "main",       "key",        "different",   "difference",
    "between",   "vs",        "versus",     "compare",    "comparison", "type",        "kind",
    "list",      "name",      "some",       "various",    "way",        "create",      "write",
    "implement", "make",      "build",      "add",        "set",        "setup",       "up",
    "basic",     "basics",    "process",    "happen",     "erklären",   "beschreiben", "expliquer",
    "décrire",   "explicar",  "describir",  "versteht",   "verstehen",  "unter",       "bedeutet",
    "bedeutung", "signifie",  "entend",     "significa",  NULL};

static const char *const *stop_list(const char *lang2)
{
    if (strcmp(lang2, "de") == 0) return STOP_DE;
    if (strcmp(lang2, "fr") == 0) return STOP_FR;
    if (strcmp(lang2, "es") == 0) return STOP_ES;
    return STOP_EN;
}

/* --- words ---------------------------------------------------------------- */

static bool word_char(utf8proc_int32_t cp)
{
    return cp == '_' || (cp >= 0 && oct_utf8_is_word_char((unsigned)cp));
}

/* Case-folded NFKC copy of s[0..n) (malloc'd); invalid UTF-8 is read as
 * ASCII lower-cased with other bytes as spaces. */
static char *fold(const char *s, size_t n)
{
    size_t len;
    char *f = st_casefold(s, n, NULL, 0, true, &len);
    if (f) return f;
    char *out = oct_xmalloc(n + 1);
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        out[i] = ch >= 0x80 ? ' ' : (ch >= 'A' && ch <= 'Z') ? (char)(ch | 0x20) : (char)ch;
    }
    out[n] = 0;
    return out;
}

static void set_kind(ct_lexicon *lx, unsigned id, int kind)
{
    if (id >= lx->capkind) {
        size_t old = lx->capkind;
        OCT_GROW(lx->kind, lx->capkind, (size_t)id + 1);
        memset(lx->kind + old, CT_CONTENT, lx->capkind - old);
    }
    lx->kind[id] = (unsigned char)kind;
}

/* Token id of the folded word w[0..n), or -1 for a stop word. */
static long word_token_uncached(ct_lexicon *lx, const char *w, size_t n)
{
    if (n == 1 && (unsigned char)w[0] < 0x80 && !(w[0] >= '0' && w[0] <= '9')) return -1;
    if (table_find(&lx->stop, w, n, NULL) >= 0) return -1;
    if (lx->stemmer) {
        const sb_symbol *st = sb_stemmer_stem(lx->stemmer, (const sb_symbol *)w, (int)n);
        if (st) {
            w = (const char *)st;
            n = (size_t)sb_stemmer_length(lx->stemmer);
        }
    }
    bool added;
    unsigned id = table_intern(&lx->vocab, w, n, &added);
    if (added) set_kind(lx, id, CT_CONTENT);
    return id;
}

static long word_token(ct_lexicon *lx, const char *w, size_t n)
{
    bool added;
    unsigned id = table_intern(&lx->words, w, n, &added);
    if (added) {
        OCT_GROW(lx->word_tok, lx->capword, (size_t)id + 1);
        lx->word_tok[id] = word_token_uncached(lx, w, n);
    }
    return lx->word_tok[id];
}

/* Tokens of s[0..n) in order, stop words dropped, no abbreviation folding. */
static size_t raw_tokens(ct_lexicon *lx, const char *s, size_t n, unsigned *out, size_t max)
{
    char *f = fold(s, n < CT_MAX_PROMPT ? n : CT_MAX_PROMPT);
    size_t len = strlen(f), i = 0, k = 0, start = 0;
    bool in = false;
    while (i <= len) {
        utf8proc_int32_t cp = -1;
        utf8proc_ssize_t l = 1;
        if (i < len && (unsigned char)f[i] < 0x80)
            cp = (unsigned char)f[i]; /* ASCII: what utf8proc_iterate gives */
        else if (i < len)
            l = utf8proc_iterate((const utf8proc_uint8_t *)f + i, (utf8proc_ssize_t)(len - i), &cp);
        if (l <= 0) l = 1;
        bool wc = i < len && cp >= 0 && word_char(cp);
        if (wc && !in) start = i;
        if (!wc && in && k < max) {
            long id = word_token(lx, f + start, i - start);
            if (id >= 0) out[k++] = (unsigned)id;
        }
        in = wc;
        i += (size_t)l;
    }
    free(f);
    return k;
}

/* Insertion sort: a question has a few dozen tokens at most, where qsort's
 * set-up costs more than the sorting. */
static void sort_tokens(unsigned *v, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        unsigned x = v[i];
        size_t j = i;
        for (; j > 0 && v[j - 1] > x; j--)
            v[j] = v[j - 1];
        v[j] = x;
    }
}

/* Length of the abbreviation rule matching seq[p..], 0 if none; *abbr set. */
static size_t match_abbr(const ct_lexicon *lx, const unsigned *seq, size_t n, size_t p,
                         unsigned *abbr)
{
    if (seq[p] >= lx->caphead) return 0;
    for (int r = lx->abbr_head[seq[p]]; r >= 0; r = lx->abbr[r].next) {
        const ct_abbr *a = &lx->abbr[r];
        if (p + a->len <= n && memcmp(seq + p, a->seq, a->len * sizeof *seq) == 0) {
            *abbr = a->abbr;
            return a->len;
        }
    }
    return 0;
}

size_t ct_tokens(ct_lexicon *lx, const char *s, size_t n, unsigned *out)
{
    unsigned seq[CT_MAX_TOKENS * 2];
    size_t k = raw_tokens(lx, s, n, seq, CT_MAX_TOKENS * 2), m = 0;
    for (size_t p = 0; p < k && m < CT_MAX_TOKENS;) {
        unsigned abbr;
        size_t len = match_abbr(lx, seq, k, p, &abbr);
        out[m++] = len ? abbr : seq[p];
        p += len ? len : 1;
    }
    sort_tokens(out, m);
    size_t u = 0;
    for (size_t i = 0; i < m; i++)
        if (!u || out[u - 1] != out[i]) out[u++] = out[i];
    return u;
}

int ct_token_kind(const ct_lexicon *lx, unsigned id)
{
    return id < lx->capkind ? lx->kind[id] : CT_CONTENT;
}

size_t ct_token_count(const ct_lexicon *lx)
{
    return lx->vocab.n;
}

const char *ct_token_text(const ct_lexicon *lx, unsigned id)
{
    return id < lx->vocab.n ? lx->vocab.words[id] : "";
}

/* --- abbreviations: "Django REST Framework (DRF)" -------------------------- */

/* Adds the rule expansion tokens -> abbreviation token. */
static void add_abbr(ct_lexicon *lx, const char *abbr, size_t alen, const char *exp, size_t elen)
{
    unsigned seq[8], a;
    size_t k = raw_tokens(lx, exp, elen, seq, 8);
    if (k < 2 || raw_tokens(lx, abbr, alen, &a, 1) != 1) return;
    for (int r = seq[0] < lx->caphead ? lx->abbr_head[seq[0]] : -1; r >= 0; r = lx->abbr[r].next)
        if (lx->abbr[r].len == k && !memcmp(lx->abbr[r].seq, seq, k * sizeof *seq)) return;
    if (seq[0] >= lx->caphead) {
        size_t old = lx->caphead;
        OCT_GROW(lx->abbr_head, lx->caphead, (size_t)seq[0] + 1);
        for (size_t i = old; i < lx->caphead; i++)
            lx->abbr_head[i] = -1;
    }
    OCT_GROW(lx->abbr, lx->capabbr, lx->nabbr + 1);
    ct_abbr *r = &lx->abbr[lx->nabbr];
    memcpy(r->seq, seq, k * sizeof *seq);
    r->len = k;
    r->abbr = a;
    r->next = lx->abbr_head[seq[0]];
    lx->abbr_head[seq[0]] = (int)lx->nabbr++;
}

static bool is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}
static char lower(char c)
{
    return is_upper(c) ? (char)(c | 0x20) : c;
}
static bool small_word(const char *w, size_t n)
{
    static const char *const SMALL[] = {"of", "and", "the", "for", "to", "in", "on", "a", NULL};
    for (size_t i = 0; SMALL[i]; i++)
        if (strlen(SMALL[i]) == n && strncmp(SMALL[i], w, n) == 0) return true;
    return false;
}

/* Start of the words before s[end] whose initials spell ab[0..an) (small
 * words skipped, '-' splits words), or -1. */
static long initials_before(const char *s, size_t end, const char *ab, size_t an)
{
    size_t i = end, need = an, words = 0;
    while (need && words < an + 3) {
        while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '-'))
            i--;
        size_t we = i;
        while (i > 0 && s[i - 1] != ' ' && s[i - 1] != '-' && s[i - 1] != '(' && s[i - 1] != ')')
            i--;
        if (i == we) return -1;
        words++;
        if (lower(s[i]) == lower(ab[need - 1]))
            need--;
        else if (!small_word(s + i, we - i))
            return -1;
    }
    return need ? -1 : (long)i;
}

/* End of the words after s[start] whose initials spell ab, or -1. */
static long initials_after(const char *s, size_t n, size_t start, const char *ab, size_t an)
{
    size_t i = start, got = 0, words = 0;
    while (got < an && words < an + 3) {
        while (i < n && (s[i] == ' ' || s[i] == '-'))
            i++;
        size_t ws = i;
        while (i < n && s[i] != ' ' && s[i] != '-' && s[i] != ',' && s[i] != '.' && s[i] != '(')
            i++;
        if (i == ws) return -1;
        words++;
        if (lower(s[ws]) == lower(ab[got]))
            got++;
        else if (!small_word(s + ws, i - ws))
            return -1;
    }
    return got == an ? (long)i : -1;
}

/* Every "(ABBR)" of s with the words before (or after) it spelling it. */
void oct_abbrev_scan(const char *s, oct_abbrev_fn fn, void *ctx)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '(') continue;
        size_t j = i + 1;
        while (j < n && j - i <= 9 && (is_upper(s[j]) || (s[j] >= '0' && s[j] <= '9')))
            j++;
        size_t an = j - i - 1, close = j < n && s[j] == 's' ? j + 1 : j;
        if (an < 2 || an > 8 || close >= n || s[close] != ')' || !is_upper(s[i + 1])) continue;
        long from = initials_before(s, i, s + i + 1, an);
        if (from >= 0) fn(ctx, s + i + 1, an, s + from, i - (size_t)from);
        long to = initials_after(s, n, close + 1, s + i + 1, an);
        if (to >= 0) fn(ctx, s + i + 1, an, s + close + 1, (size_t)to - close - 1);
    }
}

static void learn_one(void *lx, const char *abbr, size_t alen, const char *exp, size_t elen)
{
    add_abbr(lx, abbr, alen, exp, elen);
}

void oct_abbrev_scan_tree(const oct_node *root, oct_abbrev_fn fn, void *ctx)
{
    oct_iter it;
    oct_iter_init(&it, root);
    oct_event ev;
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE)
        if (ev == OCT_EV_ENTER && it.cur->kind == OCT_TEXT && it.cur->text &&
            strchr(it.cur->text, '('))
            oct_abbrev_scan(it.cur->text, fn, ctx);
}

static void learn_text(ct_lexicon *lx, const char *s)
{
    oct_abbrev_scan(s, learn_one, lx);
}

static void mark_kind(ct_lexicon *lx, const char *s, int kind)
{
    unsigned seq[CT_MAX_TOKENS];
    size_t k = raw_tokens(lx, s, strlen(s), seq, CT_MAX_TOKENS);
    for (size_t i = 0; i < k; i++)
        if (kind == CT_FRAME || lx->kind[seq[i]] == CT_CONTENT) set_kind(lx, seq[i], kind);
}

ct_lexicon *ct_lexicon_new(const oct_tree *t)
{
    ct_lexicon *lx = oct_xcalloc(1, sizeof *lx);
    lx->stemmer = st_stemmer_for(t->meta.lang ? t->meta.lang : "en");
    char code[3] = {0};
    if (t->meta.lang) memcpy(code, t->meta.lang, strnlen(t->meta.lang, 2));
    bool added;
    for (const char *const *w = stop_list(code); *w; w++)
        table_intern(&lx->stop, *w, strlen(*w), &added);
    for (const char *const *w = FRAME_WORDS; *w; w++)
        mark_kind(lx, *w, CT_FRAME);
    if (t->meta.title) mark_kind(lx, t->meta.title, CT_SUBJECT);
    for (size_t i = 0; i < t->meta.nkeywords; i++) {
        mark_kind(lx, t->meta.keywords[i], CT_SUBJECT);
        learn_text(lx, t->meta.keywords[i]);
    }
    oct_abbrev_scan_tree(t->root, learn_one, lx);
    return lx;
}

void ct_lexicon_free(ct_lexicon *lx)
{
    if (!lx) return;
    table_free(&lx->vocab);
    table_free(&lx->stop);
    table_free(&lx->words);
    free(lx->word_tok);
    free(lx->kind);
    free(lx->abbr_head);
    free(lx->abbr);
    sb_stemmer_delete(lx->stemmer);
    free(lx);
}
