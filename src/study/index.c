/* The index: one walk over the tree collects every term occurrence into a
 * hash table keyed by the term (code terms exactly, words case-folded), so
 * a booklet a hundred times larger costs a hundred times as much. Each
 * term keeps its places one per target (the question, or else heading or
 * chapter, a link can go to), in document order, at most
 * OCT_INDEX_MAX_LOCS; a term found in most of the booklet is dropped. */
#include "study/index.h"
#include "study/abbrev.h"
#include "study/index_int.h"
#include "util/utf8.h"
#include "util/strmap.h"
#include "util/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucol.h>
#include <unicode/ustring.h>
#include <utf8proc.h>

enum { SRC_CODE, SRC_WORD }; /* key spaces: code is case-sensitive */

typedef struct {
    char *text, *expansion, *key;
    bool code;
    char group[8];
    oct_index_loc *locs;
    size_t *seq; /* walk order of each place, for merging two terms */
    size_t nlocs, cap, capseq;
    size_t ntargets; /* every distinct target, past the cap too */
    const oct_node *last_target;
    uint8_t *sortkey;
} ix_term;

/* A keyword of the manifest: its folded words, to match running text. */
typedef struct {
    char **words;
    size_t nwords;
    size_t term;
    long next; /* next keyword with the same first word, -1 */
} ix_keyword;

struct oct_index {
    ix_term *t;
    size_t n, cap;
    oct_strmap terms; /* key → term index */
    ix_keyword *kw;
    size_t nkw, capkw;
    oct_strmap kwheads; /* first word → the first keyword starting with it */
    size_t seq;         /* places seen so far */
    oct_index_term *pub;
    size_t npub;
    const char *lang;
    const oct_node *section, *chapter; /* targets outside questions */
    size_t ntargets;                   /* nodes a place can link to */
};

static void make_key(int space, const char *text, oct_buf *key)
{
    oct_buf_clear(key);
    if (space == SRC_CODE) {
        oct_buf_puts(key, "c:");
        size_t n = strlen(text);
        if (n > 2 && strcmp(text + n - 2, "()") == 0) n -= 2; /* `save()` is `save` */
        oct_buf_put(key, text, n);
    } else {
        oct_buf_puts(key, "w:");
        ix_fold(text, strlen(text), key);
    }
}

/* The term for text (created when new). */
static size_t intern(oct_index *ix, int space, const char *text, oct_buf *key)
{
    make_key(space, text, key);
    size_t k;
    if (oct_strmap_get(&ix->terms, key->data, key->len, &k)) return k;
    OCT_GROW(ix->t, ix->cap, ix->n + 1);
    ix_term *t = &ix->t[ix->n];
    memset(t, 0, sizeof *t);
    t->text = oct_xstrdup(text);
    t->key = oct_xstrdup(key->data);
    t->code = space == SRC_CODE;
    oct_strmap_put(&ix->terms, key->data, key->len, ix->n);
    return ix->n++;
}

/* Where a place in n links to: its question, else the heading it
 * follows, else its chapter; NULL when none of them has an id. */
static const oct_node *target_of(const oct_index *ix, const oct_node *n)
{
    for (const oct_node *a = n; a; a = a->parent)
        if (a->kind == OCT_QUESTION) return a->id ? a : NULL;
    if (ix->section && ix->section->id) return ix->section;
    return ix->chapter && ix->chapter->id ? ix->chapter : NULL;
}

static void add_loc(oct_index *ix, size_t term, const oct_node *n, size_t off, size_t len)
{
    const oct_node *target = target_of(ix, n);
    ix_term *t = &ix->t[term];
    if (!target || target == t->last_target) return;
    t->last_target = target;
    t->ntargets++;
    if (t->nlocs == OCT_INDEX_MAX_LOCS) return;
    OCT_GROW(t->locs, t->cap, t->nlocs + 1);
    OCT_GROW(t->seq, t->capseq, t->nlocs + 1);
    t->seq[t->nlocs] = ix->seq++;
    t->locs[t->nlocs++] = (oct_index_loc){n, off, len, target};
}

/* --- abbreviations and keywords: known before the walk ------------------ */

static void on_abbrev(void *ctx, const char *abbr, size_t alen, const char *exp, size_t elen)
{
    oct_index *ix = ctx;
    for (size_t i = 0; i < alen; i++) /* letters and digits only, at least two capitals */
        if (!((abbr[i] >= 'A' && abbr[i] <= 'Z') || (abbr[i] >= '0' && abbr[i] <= '9'))) return;
    char *a = oct_xstrndup(abbr, alen);
    oct_buf key = OCT_BUF_INIT;
    size_t k = intern(ix, SRC_WORD, a, &key);
    while (elen > 0 && (exp[elen - 1] == ' ' || exp[elen - 1] == '-'))
        elen--;
    while (elen > 0 && (exp[0] == ' ' || exp[0] == '-'))
        exp++, elen--;
    if (!ix->t[k].expansion && elen) ix->t[k].expansion = oct_xstrndup(exp, elen);
    oct_buf_free(&key);
    free(a);
}

/* Words (runs of letters, digits, '_') of s, folded, into an array. */
static size_t split_words(const char *s, char ***out)
{
    oct_buf f = OCT_BUF_INIT;
    ix_fold(s, strlen(s), &f);
    size_t n = 0, cap = 0;
    *out = NULL;
    for (size_t i = 0; i < f.len;) {
        size_t w = i;
        while (i < f.len &&
               (((unsigned char)f.data[i] >= 0x80) || f.data[i] == '_' ||
                (f.data[i] >= 'a' && f.data[i] <= 'z') || (f.data[i] >= '0' && f.data[i] <= '9')))
            i++;
        if (i > w) {
            OCT_GROW(*out, cap, n + 1);
            (*out)[n++] = oct_xstrndup(f.data + w, i - w);
        } else {
            i++;
        }
    }
    oct_buf_free(&f);
    return n;
}

/* Index of the term with this key, or (size_t)-1. */
static size_t find(const oct_index *ix, const char *key)
{
    size_t k;
    return oct_strmap_get(&ix->terms, key, strlen(key), &k) ? k : (size_t)-1;
}

/* The first keyword whose first word is w, or -1. */
static long kw_find(const oct_index *ix, const char *w)
{
    size_t k;
    return oct_strmap_get(&ix->kwheads, w, strlen(w), &k) ? (long)k : -1;
}

static void free_words(char **words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(words[i]);
    free(words);
}

static void add_keyword(oct_index *ix, const char *kw, oct_buf *key)
{
    char **words;
    size_t n = split_words(kw, &words);
    if (n == 0 || n > 6) {
        free_words(words, n);
        return;
    }
    OCT_GROW(ix->kw, ix->capkw, ix->nkw + 1);
    ix->kw[ix->nkw] = (ix_keyword){words, n, intern(ix, SRC_WORD, kw, key), -1};
    long head = kw_find(ix, words[0]);
    if (head < 0) {
        oct_strmap_put(&ix->kwheads, words[0], strlen(words[0]), ix->nkw);
    } else {
        ix->kw[ix->nkw].next = ix->kw[head].next;
        ix->kw[head].next = (long)ix->nkw;
    }
    ix->nkw++;
}

static void seed(oct_index *ix, const oct_tree *t)
{
    oct_buf key = OCT_BUF_INIT;
    for (size_t i = 0; i < t->meta.ntopics; i++)
        for (size_t k = 0; k < t->meta.topics[i].nkeywords; k++)
            add_keyword(ix, t->meta.topics[i].keywords[k], &key);
    oct_buf_free(&key);
    oct_abbrev_scan_tree(t->root, on_abbrev, ix);
}

/* --- running text: abbreviations and keywords --------------------------- */

/* The next word of s at or after *pos: [*ws, *we); false at the end. */
static bool next_word(const char *s, size_t n, size_t *pos, size_t *ws, size_t *we)
{
    size_t i = *pos, len;
    bool in = false;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        bool wc;
        if (c < 0x80) {
            len = 1;
            wc = c == '_' || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
        } else {
            unsigned cp = oct_utf8_decode(s + i, n - i, &len);
            utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
            wc = cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO;
        }
        if (wc && !in) *ws = i, in = true;
        if (!wc && in) break;
        i += len;
    }
    *we = i;
    *pos = i;
    return in;
}

static void fold_word(const char *w, size_t n, oct_buf *out)
{
    oct_buf_clear(out);
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)w[i] >= 0x80) {
            ix_fold(w, n, out);
            return;
        }
    for (size_t i = 0; i < n; i++)
        oct_buf_putc(out, w[i] >= 'A' && w[i] <= 'Z' ? (char)(w[i] | 0x20) : w[i]);
    oct_buf_putc(out, 0);
    out->len--;
}

/* Folded text word f equals keyword word k, or k + "s"/"es" when a plural
 * is allowed (the keyword's last word: "models" for "model"). */
static bool word_is(const char *f, size_t fn, const char *k, bool plural)
{
    size_t kn = strlen(k);
    if (fn == kn) return memcmp(f, k, kn) == 0;
    if (!plural || fn < kn + 1 || fn > kn + 2 || memcmp(f, k, kn) != 0) return false;
    return strcmp(f + kn, "s") == 0 || strcmp(f + kn, "es") == 0;
}

/* The first keyword whose first word is the folded f, its plural cut. */
static long keyword_head(const oct_index *ix, oct_buf *f)
{
    long k = kw_find(ix, f->data);
    if (k < 0 && f->len > 2 && f->data[f->len - 1] == 's') {
        f->data[--f->len] = 0;
        k = kw_find(ix, f->data);
        if (k < 0 && f->len > 2 && f->data[f->len - 1] == 'e') {
            f->data[--f->len] = 0;
            k = kw_find(ix, f->data);
        }
    }
    return k;
}

/* Keywords starting at word [ws, we) of s; returns the end of the longest
 * match, 0 if none (*term set). */
static size_t match_keyword(oct_index *ix, const char *s, size_t n, size_t ws, size_t we,
                            oct_buf *f, size_t *term)
{
    fold_word(s + ws, we - ws, f);
    size_t best = 0;
    long k = keyword_head(ix, f);
    if (k < 0) return 0;
    oct_buf g = OCT_BUF_INIT;
    for (; k >= 0; k = ix->kw[k].next) {
        const ix_keyword *kw = &ix->kw[k];
        size_t pos = we, end = we, a, b;
        fold_word(s + ws, we - ws, &g);
        bool ok = word_is(g.data, g.len, kw->words[0], kw->nwords == 1);
        for (size_t w = 1; ok && w < kw->nwords; w++) {
            /* a phrase's words are apart by a space, a hyphen or a dot */
            ok = next_word(s, n, &pos, &a, &b) && a - end <= 2;
            if (!ok) break;
            fold_word(s + a, b - a, &g);
            ok = word_is(g.data, g.len, kw->words[w], w + 1 == kw->nwords);
            end = b;
        }
        if (ok && end > best) best = end, *term = kw->term;
    }
    oct_buf_free(&g);
    return best;
}

/* "DRF", "APIs": a word the booklet defines as an abbreviation. */
static long abbrev_at(oct_index *ix, const char *w, size_t n, oct_buf *key)
{
    if (n < 2 || n > 9 || !(w[0] >= 'A' && w[0] <= 'Z')) return -1;
    if (w[n - 1] == 's') n--;
    for (size_t i = 0; i < n; i++)
        if (!((w[i] >= 'A' && w[i] <= 'Z') || (w[i] >= '0' && w[i] <= '9'))) return -1;
    oct_buf_clear(key);
    oct_buf_puts(key, "w:");
    for (size_t i = 0; i < n; i++)
        oct_buf_putc(key, w[i] >= 'A' && w[i] <= 'Z' ? (char)(w[i] | 0x20) : w[i]);
    size_t k = find(ix, key->data);
    return k != (size_t)-1 && ix->t[k].expansion ? (long)k : -1;
}

static void scan_text(oct_index *ix, const oct_node *n, oct_buf *f, oct_buf *key)
{
    const char *s = n->text;
    size_t len = strlen(s), pos = 0, ws, we;
    while (next_word(s, len, &pos, &ws, &we)) {
        long a = abbrev_at(ix, s + ws, we - ws, key);
        if (a >= 0) {
            add_loc(ix, (size_t)a, n, ws, we - ws);
            continue;
        }
        size_t term = 0, end = ix->nkw ? match_keyword(ix, s, len, ws, we, f, &term) : 0;
        if (end) {
            add_loc(ix, term, n, ws, end - ws);
            pos = end;
        }
    }
}

/* --- the walk ------------------------------------------------------------ */

static bool in_question(const oct_node *n)
{
    for (; n; n = n->parent)
        if (n->kind == OCT_QUESTION) return true;
    return false;
}

/* Bold that may be a term: not a code span in bold (the code is the
 * term), not the whole prompt of a question set in bold. */
static bool strong_candidate(const oct_node *n)
{
    if (n->first && n->first == n->last && n->first->kind == OCT_CODE) return false;
    if (!n->parent || n->parent->kind != OCT_QUESTION) return true;
    for (const oct_node *c = n->parent->first; c; c = c->next)
        if (c != n && oct_kind_is_inline(c->kind) && !oct_node_is_break(c) &&
            !(c->kind == OCT_TEXT && c->text && strspn(c->text, " .:") == strlen(c->text)))
            return true;
    return false;
}

static void visit(oct_index *ix, const oct_node *n, oct_buf *tmp, oct_buf *f, oct_buf *key)
{
    switch (n->kind) {
    case OCT_CHAPTER:
        ix->chapter = n, ix->section = NULL, ix->ntargets++;
        break;
    case OCT_SECTION:
        if (!in_question(n)) ix->section = n, ix->ntargets++;
        break;
    case OCT_QUESTION:
        ix->ntargets++;
        break;
    case OCT_CODE:
        oct_buf_clear(tmp);
        if (n->text && ix_code_term(n->text, tmp))
            add_loc(ix, intern(ix, SRC_CODE, tmp->data, key), n, 0, 0);
        break;
    case OCT_STRONG:
        if (!strong_candidate(n)) break;
        oct_buf_clear(f);
        oct_node_plain_text_to(n, f);
        oct_buf_clear(tmp);
        if (f->data && ix_strong_term(f->data, tmp))
            add_loc(ix, intern(ix, SRC_WORD, tmp->data, key), n, 0, 0);
        break;
    case OCT_TEXT:
        if (n->text) scan_text(ix, n, f, key);
        break;
    default:
        break;
    }
}

static void walk(oct_index *ix, const oct_tree *t)
{
    oct_buf tmp = OCT_BUF_INIT, f = OCT_BUF_INIT, key = OCT_BUF_INIT;
    oct_iter it;
    oct_iter_init(&it, t->root);
    oct_event ev;
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE) {
        if (ev != OCT_EV_ENTER) continue;
        const oct_node *n = it.cur;
        if (n->kind == OCT_IMAGE || n->kind == OCT_FOOTNOTE_REF || n->kind == OCT_INDEX_TERM ||
            n->kind == OCT_CODE_BLOCK) {
            oct_iter_skip_children(&it);
            continue;
        }
        visit(ix, n, &tmp, &f, &key);
    }
    oct_buf_free(&tmp);
    oct_buf_free(&f);
    oct_buf_free(&key);
}

/* --- finishing: merge, drop, sort ---------------------------------------- */

/* A term in more than a quarter of the places a link can go (and in more
 * than this many) says nothing about where to look: "Django" in a Django
 * booklet. */
#define IX_EVERYWHERE_MIN 20

/* Moves the places of word term w into code term c (`select_related` as a
 * keyword and as code is one entry, in monospace): document order, one
 * per target, capped. */
static void merge_into(ix_term *c, ix_term *w)
{
    size_t n = c->nlocs + w->nlocs, i = 0, j = 0, k = 0;
    oct_index_loc *locs = oct_xmalloc(n * sizeof *locs);
    size_t *seq = oct_xmalloc(n * sizeof *seq);
    while (i < c->nlocs || j < w->nlocs) {
        bool left = j == w->nlocs || (i < c->nlocs && c->seq[i] < w->seq[j]);
        oct_index_loc l = left ? c->locs[i] : w->locs[j];
        size_t s = left ? c->seq[i++] : w->seq[j++];
        if (k > 0 && locs[k - 1].target == l.target) continue;
        if (k == OCT_INDEX_MAX_LOCS) break;
        locs[k] = l, seq[k++] = s;
    }
    free(c->locs), free(c->seq);
    c->locs = locs, c->seq = seq;
    c->nlocs = k, c->cap = c->capseq = n;
    c->ntargets += w->ntargets;
    w->nlocs = 0;
}

static void merge_code(oct_index *ix)
{
    oct_buf key = OCT_BUF_INIT;
    for (size_t i = 0; i < ix->n; i++) {
        ix_term *w = &ix->t[i];
        if (w->code || w->nlocs == 0 || w->expansion) continue;
        make_key(SRC_CODE, w->text, &key); /* same letters, same case: "form" is not `Form` */
        size_t c = find(ix, key.data);
        if (c != (size_t)-1) merge_into(&ix->t[c], w);
    }
    oct_buf_free(&key);
}

/* Languages whose plurals mostly add "s" or "es". */
static bool plural_s(const char *lang)
{
    static const char *const LANGS[] = {"en", "fr", "es", "pt", "it", "nl", NULL};
    for (size_t i = 0; lang && LANGS[i]; i++)
        if (strncmp(lang, LANGS[i], 2) == 0 && (lang[2] == 0 || lang[2] == '-' || lang[2] == '_'))
            return true;
    return !lang;
}

/* "fields" joins "field", "APIs" joins "API": one entry under the
 * singular when the booklet has both. */
static void merge_plurals(oct_index *ix)
{
    if (!plural_s(ix->lang)) return;
    oct_buf key = OCT_BUF_INIT;
    for (size_t i = 0; i < ix->n; i++) {
        ix_term *w = &ix->t[i];
        size_t n = strlen(w->key);
        if (w->code || w->nlocs == 0 || n < 5 || w->key[n - 1] != 's') continue;
        for (size_t cut = 1; cut <= 3; cut++) { /* "-s", "-es", "-ies" -> "-y" */
            if (cut == 2 && w->key[n - 2] != 'e') continue;
            if (cut == 3 && strcmp(w->key + n - 3, "ies") != 0) break;
            oct_buf_clear(&key);
            oct_buf_put(&key, w->key, n - cut);
            if (cut == 3) oct_buf_putc(&key, 'y');
            size_t c = find(ix, key.data);
            if (c != (size_t)-1 && c != i && ix->t[c].nlocs > 0) {
                merge_into(&ix->t[c], w);
                break;
            }
        }
    }
    oct_buf_free(&key);
}

static UCollator *open_collator(const char *lang)
{
    char loc[32] = {0};
    for (size_t i = 0; lang && lang[i] && i + 1 < sizeof loc; i++)
        loc[i] = lang[i] == '-' ? '_' : lang[i];
    UErrorCode st = U_ZERO_ERROR;
    UCollator *c = ucol_open(loc[0] ? loc : "en", &st);
    if (U_FAILURE(st)) {
        if (c) ucol_close(c);
        return NULL;
    }
    return c;
}

/* ICU sort key of s (malloc'd, NUL-terminated); the bytes of s without a
 * collator. */
static uint8_t *sort_key(UCollator *coll, const char *s)
{
    UChar u[128];
    int32_t ulen = 0;
    UErrorCode st = U_ZERO_ERROR;
    if (coll) u_strFromUTF8(u, 128, &ulen, s, -1, &st);
    if (!coll || U_FAILURE(st) || st == U_STRING_NOT_TERMINATED_WARNING) {
        if (coll && (st == U_BUFFER_OVERFLOW_ERROR || st == U_STRING_NOT_TERMINATED_WARNING))
            ulen = 128; /* a long term sorts by its first 128 units */
        else
            return (uint8_t *)oct_xstrdup(s);
    }
    int32_t need = ucol_getSortKey(coll, u, ulen, NULL, 0);
    uint8_t *k = oct_xmalloc((size_t)need + 1);
    ucol_getSortKey(coll, u, ulen, k, need + 1);
    return k;
}

static int cmp_terms(const void *a, const void *b)
{
    const ix_term *x = *(ix_term *const *)a, *y = *(ix_term *const *)b;
    int c = strcmp((const char *)x->sortkey, (const char *)y->sortkey);
    if (c) return c;
    if (x->code != y->code) return x->code ? -1 : 1;
    return strcmp(x->text, y->text);
}

/* The public, sorted list of the terms that stay. */
static void finish(oct_index *ix)
{
    merge_plurals(ix);
    merge_code(ix);
    UCollator *coll = open_collator(ix->lang);
    ix_term **keep = oct_xmalloc((ix->n + 1) * sizeof *keep);
    size_t n = 0;
    for (size_t i = 0; i < ix->n; i++) {
        ix_term *t = &ix->t[i];
        if (t->nlocs == 0) continue;
        if (t->ntargets > IX_EVERYWHERE_MIN && t->ntargets * 4 > ix->ntargets) continue;
        const char *form = ix_sort_form(t->text);
        t->sortkey = sort_key(coll, form);
        ix_group(form, t->group, sizeof t->group);
        keep[n++] = t;
    }
    if (coll) ucol_close(coll);
    qsort(keep, n, sizeof *keep, cmp_terms);
    ix->pub = oct_xcalloc(n + 1, sizeof *ix->pub);
    for (size_t i = 0; i < n; i++)
        ix->pub[i] = (oct_index_term){keep[i]->text,  keep[i]->expansion, keep[i]->code,
                                      keep[i]->group, keep[i]->locs,      keep[i]->nlocs};
    ix->npub = n;
    free(keep);
}

oct_index *oct_index_build(const oct_tree *t)
{
    oct_index *ix = oct_xcalloc(1, sizeof *ix);
    ix->lang = t->meta.lang;
    if (t->root) {
        seed(ix, t);
        walk(ix, t);
    }
    finish(ix);
    return ix;
}

const oct_index_term *oct_index_terms(const oct_index *ix, size_t *n)
{
    *n = ix->npub;
    return ix->pub;
}

bool oct_index_worth_printing(const oct_index *ix)
{
    if (!ix || ix->npub < OCT_INDEX_MIN_TERMS) return false;
    for (size_t i = 0; i < ix->npub; i++)
        if (!ix->pub[i].code) return true;
    return ix->npub >= OCT_INDEX_MIN_CODE_ONLY;
}

void oct_index_free(oct_index *ix)
{
    if (!ix) return;
    for (size_t i = 0; i < ix->n; i++) {
        ix_term *t = &ix->t[i];
        free(t->text), free(t->expansion), free(t->key);
        free(t->locs), free(t->seq), free(t->sortkey);
    }
    free(ix->t);
    oct_strmap_free(&ix->terms);
    for (size_t k = 0; k < ix->nkw; k++)
        free_words(ix->kw[k].words, ix->kw[k].nwords);
    free(ix->kw);
    oct_strmap_free(&ix->kwheads);
    free(ix->pub);
    free(ix);
}
