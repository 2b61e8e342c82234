#include "study/study_int.h"
#include "util/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Notes often list their questions first ("1. What is Django…?" … "26. …")
 * and answer them further down under the same numbers, sometimes reworded
 * ("21. Difference between Django, Flask, and FastAPI"). Each such pair is
 * one question: it sits where the answer is, with the fuller wording as
 * prompt; the list item goes (its other wording, if different, opens the
 * answer). Numbers are matched in list order, so an answer's own numbered
 * sub-points ("1. Session-based authentication" inside answer 24) are never
 * taken for answers: they count down, not up. */

#define NONE SIZE_MAX

enum { FALLBACK_SPAN = 8 }; /* index items after the expected one tried by wording */

typedef struct {
    int number;
    size_t pos; /* position in the index list */
} numpos;

static int cmp_numpos(const void *a, const void *b)
{
    const numpos *x = a, *y = b;
    if (x->number != y->number) return x->number < y->number ? -1 : 1;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* An item of a question list: one line, nothing else but its lettered
 * options ("- A. Grass", "- B. Rabbit"), which stay with it. */
static bool index_item(st_ctx *c, const st_unit *v)
{
    if (!v->list || !v->list->u.list.ordered || v->owner >= 0 || v->done) return false;
    const oct_node *f = v->node->first;
    if (!f || !v->para || (f != v->node->last && f->next != v->node->last)) return false;
    st_lines_of(v->para, &c->lines);
    if (c->lines.n != 1) return false;
    return f == v->node->last || st_lettered_options(c, f->next);
}

static bool key_caption(st_ctx *c, const st_unit *v);

/* An item of another list of two or more one-line questions: a quiz's
 * next round ("Round 2", "1. …?" again), never the answer of an item of
 * this one. */
static bool other_round(st_ctx *c, size_t j, const oct_node *list)
{
    enum { MAX_ROUND = 100 };
    const oct_node *l = c->u[j].list;
    if (!l || l == list || !l->u.list.ordered) return false;
    /* every item of it (units: the LIST's items are taken out of it) one
     * line that asks, two of them or more */
    size_t b = j, e = j;
    while (b > 0 && c->u[b - 1].list == l && j - b < MAX_ROUND)
        b--;
    while (e < c->n && c->u[e].list == l && e - j < MAX_ROUND)
        e++;
    if (e - b < 2 || e - b >= MAX_ROUND) return false;
    for (size_t k = b; k < e; k++)
        if (c->u[k].role != ST_QUESTION || !index_item(c, &c->u[k])) return false;
    return true;
}

/* An answer key's caption follows unit e, after nothing but headings,
 * short lines ("Round 2") and other rounds' questions. */
static bool caption_follows(st_ctx *c, size_t e, const oct_node *list)
{
    for (size_t j = e; j < c->n && j < e + 400; j++) {
        const st_unit *v = &c->u[j];
        if (key_caption(c, v)) return true;
        if (v->role == ST_SECTION || other_round(c, j, list)) continue;
        if (v->list || v->node->kind != OCT_PARAGRAPH || v->role != ST_PLAIN) return false;
        if (st_node_text(v->node, &c->tmp) && c->tmp.len > 40) return false;
    }
    return false;
}

/* Units s..e: a list of questions answered later. Three items or more,
 * most of them asking; one or two when all ask and an answer key's
 * caption follows the list ("Answers"), perhaps after other rounds. */
static bool is_index(st_ctx *c, size_t s, size_t e)
{
    bool few = e - s < 3;
    if (e <= s || (few && !caption_follows(c, e, c->u[s].list))) return false;
    size_t asks = 0;
    for (size_t k = s; k < e; k++) {
        if (!index_item(c, &c->u[k])) return false;
        asks += c->u[k].role == ST_QUESTION;
    }
    return few ? asks == e - s : asks * 5 >= (e - s) * 4;
}

/* Number and first-line text (after the number) of a unit that could head
 * a numbered answer. */
static bool head_text(st_ctx *c, const st_unit *v, int *num, oct_buf *out)
{
    oct_buf_clear(out);
    oct_node *p = v->node->kind == OCT_SECTION ? v->node : st_lead_paragraph(v->node);
    if (!p) return false;
    if (p->kind == OCT_SECTION) {
        st_node_text(p, &c->tmp);
    } else {
        st_lines_of(p, &c->lines);
        oct_buf_clear(&c->tmp);
        if (c->lines.v[0].first) st_range_text(c->lines.v[0].first, c->lines.v[0].last, &c->tmp);
    }
    const char *s = c->tmp.data ? c->tmp.data : "";
    size_t k = 0;
    if (v->list && v->list->u.list.ordered) {
        *num = v->node->u.item.number;
    } else if (v->node->kind == OCT_SECTION || v->node->kind == OCT_PARAGRAPH) {
        k = st_leading_number(s, c->tmp.len, num);
        if (!k) return false;
    } else {
        return false;
    }
    oct_buf_put(out, s + k, c->tmp.len - k);
    return *num > 0;
}

/* What find_heads asks of each unit after a question list, asked once per
 * chapter: every question list scans the units after it, and a chapter
 * of many lists asked again for each. A unit's answers depend only on
 * its node, which pairing does not change. */
typedef struct {
    int8_t *caption;  /* key_caption: 0 not asked yet, 1 yes, -1 no */
    int8_t *head;     /* head_text: 0 not asked yet, 1 yes, -1 no */
    int *num;         /* the head's number */
    size_t *at, *len; /* its text, in texts */
    oct_buf texts;
    st_words **words; /* its content words, read when first asked */
} pair_memo;

static void memo_init(pair_memo *mo, size_t n)
{
    *mo = (pair_memo){.caption = oct_xcalloc(n + 1, 1),
                      .head = oct_xcalloc(n + 1, 1),
                      .num = oct_xcalloc(n + 1, sizeof(int)),
                      .at = oct_xcalloc(n + 1, sizeof(size_t)),
                      .len = oct_xcalloc(n + 1, sizeof(size_t)),
                      .words = oct_xcalloc(n + 1, sizeof(st_words *)),
                      .texts = OCT_BUF_INIT};
}

static void memo_free(pair_memo *mo, size_t n)
{
    for (size_t j = 0; j < n; j++)
        free(mo->words[j]);
    free(mo->words);
    free(mo->caption);
    free(mo->head);
    free(mo->num);
    free(mo->at);
    free(mo->len);
    oct_buf_free(&mo->texts);
}

/* head_text of unit j: its number and text (valid until the next call). */
static bool memo_head(st_ctx *c, pair_memo *mo, size_t j, int *num, const char **text, size_t *len,
                      oct_buf *scratch)
{
    if (!mo->head[j]) {
        int n = 0;
        bool ok = head_text(c, &c->u[j], &n, scratch);
        mo->head[j] = ok ? 1 : -1;
        mo->num[j] = n;
        mo->at[j] = mo->texts.len;
        mo->len[j] = scratch->len;
        oct_buf_put(&mo->texts, scratch->data ? scratch->data : "", scratch->len);
        oct_buf_putc(&mo->texts, '\0');
    }
    *num = mo->num[j];
    *text = mo->texts.data + mo->at[j];
    *len = mo->len[j];
    return mo->head[j] > 0;
}

static const st_words *memo_words(pair_memo *mo, size_t j)
{
    if (!mo->words[j]) {
        mo->words[j] = oct_xmalloc(sizeof *mo->words[j]);
        st_words_of(mo->texts.data + mo->at[j], mo->words[j]);
    }
    return mo->words[j];
}

static size_t lookup(const numpos *np, size_t m, int number, size_t from)
{
    size_t lo = 0, hi = m;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (np[mid].number < number)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < m && np[lo].number == number; lo++)
        if (np[lo].pos >= from) return np[lo].pos;
    return NONE;
}

static bool unit_has_rest(st_ctx *c, const st_unit *v)
{
    if (v->node->kind == OCT_SECTION) return false;
    oct_node *p = st_lead_paragraph(v->node);
    if (!p) return false;
    if (v->node->kind == OCT_ITEM && p->next) return true;
    st_lines_of(p, &c->lines);
    return c->lines.n > 1;
}

/* Where the answer of the last head ends: at a heading or the notes. */
static size_t last_end(st_ctx *c, size_t j)
{
    size_t k = j + 1;
    while (k < c->n && c->u[k].role != ST_SECTION && c->u[k].role != ST_END && c->u[k].owner < 0 &&
           !c->u[k].done)
        k++;
    return k;
}

/* Next matched head after position p, or NONE. */
static size_t next_head(const size_t *heads, size_t m, size_t p)
{
    for (size_t q = p + 1; q < m; q++)
        if (heads[q] != NONE) return heads[q];
    return NONE;
}

/* Content words of index item p, read once however many heads ask. */
static const st_words *item_words(st_ctx *c, size_t s, size_t p, st_words **cache, oct_buf *it)
{
    if (!cache[p]) {
        cache[p] = oct_xmalloc(sizeof *cache[p]);
        st_words_of(st_node_text(c->u[s + p].para, it), cache[p]);
    }
    return cache[p];
}

/* A line or heading that opens an answer key ("Answers", "Answer key",
 * "Solutions", "Lösungen"): after it, numbered items answer the listed
 * questions of the same numbers without restating them. */
static bool key_caption(st_ctx *c, const st_unit *v)
{
    if (v->list || (v->node->kind != OCT_SECTION && v->node->kind != OCT_PARAGRAPH)) return false;
    const char *t = st_node_text(v->node, &c->tmp);
    size_t n = c->tmp.len;
    if (n == 0 || n > 40) return false;
    return st_is_answer_caption(t, n) || st_is_key_caption(t, n);
}

static bool memo_caption(st_ctx *c, pair_memo *mo, size_t j)
{
    if (!mo->caption[j]) mo->caption[j] = key_caption(c, &c->u[j]) ? 1 : -1;
    return mo->caption[j] > 0;
}

static void find_heads(st_ctx *c, pair_memo *mo, size_t s, size_t e, size_t *heads, bool *keyed,
                       size_t *caption)
{
    bool in_key = false;
    size_t m = e - s, next = 0;
    numpos *np = oct_xmalloc(m * sizeof *np);
    for (size_t k = 0; k < m; k++)
        np[k] = (numpos){c->u[s + k].node->u.item.number, k};
    qsort(np, m, sizeof *np, cmp_numpos);
    st_words **cache = oct_xcalloc(m, sizeof *cache);
    oct_buf ht = OCT_BUF_INIT, it = OCT_BUF_INIT;
    for (size_t j = e; j < c->n && next < m; j++) {
        st_unit *v = &c->u[j];
        if (v->role == ST_END) break;
        if (!in_key && v->owner < 0 && !v->done && memo_caption(c, mo, j)) {
            in_key = true;
            *caption = j;
            continue;
        }
        int num = 0;
        const char *h;
        size_t hlen;
        if (v->owner >= 0 || v->done || !memo_head(c, mo, j, &num, &h, &hlen, &ht)) continue;
        /* another round's questions: its answers come under the key */
        if (!in_key && other_round(c, j, c->u[s].list)) continue;
        size_t p = lookup(np, m, num, next);
        bool ok = false;
        /* under an answer key, an item of a numbered list that does not
         * ask is the answer of the listed question with its number, even
         * when it shares the question's words */
        if (in_key && p != NONE && v->list && v->list->u.list.ordered && !st_text_asks(h, hlen)) {
            ok = keyed[p] = true;
        } else if (p != NONE) {
            ok = p == next && st_text_asks(h, hlen);
            if (!ok)
                ok = st_words_similarity(memo_words(mo, j), item_words(c, s, p, cache, &it)) >= 0.5;
        }
        /* numbers can be off (a list merged by cmark is numbered on):
         * the same question in nearly the same words is the answer too */
        for (size_t q = next; !ok && q < m && q < next + FALLBACK_SPAN; q++) {
            ok = st_words_similarity(memo_words(mo, j), item_words(c, s, q, cache, &it)) >= 0.7;
            p = q;
        }
        if (ok) {
            heads[p] = j;
            next = p + 1;
        }
    }
    for (size_t k = 0; k < m; k++)
        free(cache[k]);
    free(cache);
    free(np);
    oct_buf_free(&ht);
    oct_buf_free(&it);
}

/* A head followed straight by the next head, with nothing to say, is a
 * second question list, not an answer. */
static size_t drop_empty_heads(st_ctx *c, size_t m, size_t *heads, const bool *keyed)
{
    size_t kept = 0;
    for (size_t p = 0; p < m; p++) {
        if (heads[p] == NONE) continue;
        if (keyed[p]) { /* an answer key's item is all answer */
            kept++;
            continue;
        }
        size_t j = heads[p], nj = next_head(heads, m, p);
        size_t end = nj == NONE ? last_end(c, j) : nj;
        if (!unit_has_rest(c, &c->u[j]) && end == j + 1)
            heads[p] = NONE;
        else
            kept++;
    }
    return kept;
}

/* An answer key's item: the listed question is the prompt, the whole
 * item its answer. */
static void make_key_head(st_unit *h, st_unit *item)
{
    h->number = item->node->u.item.number;
    h->label = NULL;
    h->lead = NULL;
    h->role = ST_QUESTION;
    h->done = true;
    h->pk = ST_PROMPT_NONE;
    h->nprompt = 0;
    h->strip = 0;
    h->alt = item->node;
    h->alt_is_prompt = true;
    item->consumed = true;
}

static bool make_head(st_ctx *c, st_unit *h, st_unit *item)
{
    oct_buf a = OCT_BUF_INIT, b = OCT_BUF_INIT, t = OCT_BUF_INIT;
    int num = 0;
    head_text(c, h, &num, &t);
    h->number = item->node->u.item.number;
    h->label = NULL; /* the item's number, written by the list */
    h->lead = NULL;
    bool was_q = h->role == ST_QUESTION;
    h->role = ST_QUESTION;
    h->done = true;
    if (h->node->kind == OCT_SECTION) {
        h->pk = ST_PROMPT_SECTION;
        h->strip = st_leading_number(st_node_text(h->node, &c->tmp), c->tmp.len, &num);
    } else if (!(was_q && h->pk == ST_PROMPT_BOLD)) {
        h->para = st_lead_paragraph(h->node);
        h->pk = ST_PROMPT_LINES;
        if (!was_q) h->nprompt = 1;
        if (h->node->kind == OCT_PARAGRAPH) {
            st_lines_of(h->para, &c->lines);
            oct_buf_clear(&c->tmp);
            if (c->lines.v[0].first)
                st_range_text(c->lines.v[0].first, c->lines.v[0].last, &c->tmp);
            h->strip = st_leading_number(c->tmp.data ? c->tmp.data : "", c->tmp.len, &num);
        } else if (!was_q) {
            h->strip = 0;
        }
    }
    st_fold_alnum(t.data ? t.data : "", &a);
    st_fold_alnum(st_node_text(item->para, &c->tmp), &b);
    item->consumed = true;
    bool same = a.len == b.len && (!a.len || memcmp(a.data, b.data, a.len) == 0);
    if (!same) {
        h->alt = item->node;
        h->alt_is_prompt = b.len > a.len;
    }
    oct_buf_free(&a);
    oct_buf_free(&b);
    oct_buf_free(&t);
    return same;
}

/* A listed question worded exactly like its answer's heading is printed
 * once: say so (one note a list, with the lines), so no reader — and no
 * word check — wonders where that line went. */
static void note_merged(st_ctx *c, const oct_buf *lines, size_t count, int first_line)
{
    if (!count) return;
    oct_diag_report(c->diag, OCT_NOTE, c->path, first_line, 1, "merged-question",
                    "%zu listed question%s printed once, with %s answer further down, at "
                    "lines %s",
                    count, count == 1 ? "" : "s", count == 1 ? "its" : "their", lines->data);
}

/* Listed questions the notes never answer would stay at the top, ahead of
 * the answered ones now placed further down: each follows the answered
 * question listed before it instead, so the booklet reads in the list's
 * order (1, 2, 3 unanswered, 4; not 1, 2, 4, 3). One listed before any
 * answered question stays where it is, which is already that order. */
static void defer_unpaired(st_ctx *c, size_t s, size_t m, const size_t *heads, size_t kept)
{
    size_t before = NONE; /* the head of the last answered question listed so far */
    for (size_t p = 0; p < m && kept; p++) {
        if (heads[p] != NONE) {
            before = heads[p];
            continue;
        }
        if (before != NONE && !c->u[s + p].consumed && s + p < before) {
            c->u[s + p].defer_after = before + 1;
            c->ndeferred++;
        }
    }
}

static void pair_list(st_ctx *c, pair_memo *mo, size_t s, size_t e)
{
    size_t m = e - s;
    size_t *heads = oct_xmalloc(m * sizeof *heads);
    bool *keyed = oct_xcalloc(m, sizeof *keyed);
    for (size_t p = 0; p < m; p++)
        heads[p] = NONE;
    size_t caption = NONE;
    find_heads(c, mo, s, e, heads, keyed, &caption);
    size_t kept = drop_empty_heads(c, m, heads, keyed);
    /* too few answers: not a question list, unless an answer key says so */
    bool key = false;
    for (size_t p = 0; p < m && !key; p++)
        key = keyed[p] && heads[p] != NONE;
    if (kept * 2 < m && !key) kept = 0;
    oct_buf merged = OCT_BUF_INIT;
    size_t nmerged = 0;
    int first_line = 0;
    for (size_t p = 0; p < m && kept; p++) {
        if (heads[p] == NONE) continue;
        size_t j = heads[p], nj = next_head(heads, m, p);
        size_t end = nj == NONE ? last_end(c, j) : nj;
        if (keyed[p]) end = j + 1; /* an answer key's item is the whole answer */
        for (size_t k = j + 1; k < end; k++)
            c->u[k].owner = (int)j;
        int line = c->u[s + p].node->span.line;
        if (keyed[p]) {
            make_key_head(&c->u[j], &c->u[s + p]);
            /* "Answers" only said what the list is: it is structure now */
            if (caption != NONE && !c->u[caption].consumed) {
                c->u[caption].consumed = true;
                oct_diag_report(c->diag, OCT_NOTE, c->path, c->u[caption].node->span.line, 1,
                                "answer-key",
                                "this line opens an answer key: its numbered items are the "
                                "answers of the questions listed at line %d and after",
                                c->u[s].node->span.line);
            }
            continue;
        }
        if (make_head(c, &c->u[j], &c->u[s + p])) {
            oct_buf_printf(&merged, "%s%d", nmerged ? ", " : "", line);
            if (!nmerged++) first_line = line;
        }
    }
    note_merged(c, &merged, nmerged, first_line);
    defer_unpaired(c, s, m, heads, kept);
    oct_buf_free(&merged);
    free(heads);
    free(keyed);
}

/* Folded first line of a unit's lead paragraph, into out. */
static void first_line_folded(st_ctx *c, const st_unit *v, oct_buf *out)
{
    oct_buf_clear(out);
    if (!v->para) return;
    st_lines_of(v->para, &c->lines);
    oct_buf_clear(&c->tmp);
    if (c->lines.v[0].first) st_range_text(c->lines.v[0].first, c->lines.v[0].last, &c->tmp);
    st_fold_alnum(c->tmp.data ? c->tmp.data : "", out);
}

/* Folded first lines seen so far, for finding a repeated question in
 * constant time: open addressing over FNV-1a hashes. */
typedef struct {
    char **key;
    size_t *pos;
    size_t cap, len;
} lineset;

static uint64_t fnv(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

/* Position of an equal line already in the set, else adds it at pos and
 * returns NONE. */
static size_t lineset_find_add(lineset *set, const oct_buf *b, size_t pos)
{
    if ((set->len + 1) * 2 > set->cap) {
        lineset old = *set;
        set->cap = old.cap ? old.cap * 2 : 64;
        set->key = oct_xtable(set->cap, sizeof *set->key);
        set->pos = oct_xtable(set->cap, sizeof *set->pos);
        set->len = 0;
        for (size_t i = 0; i < old.cap; i++) {
            if (!old.key[i]) continue;
            size_t h = fnv(old.key[i], strlen(old.key[i])) & (set->cap - 1);
            while (set->key[h])
                h = (h + 1) & (set->cap - 1);
            set->key[h] = old.key[i];
            set->pos[h] = old.pos[i];
            set->len++;
        }
        free(old.key);
        free(old.pos);
    }
    size_t h = fnv(b->data, b->len) & (set->cap - 1);
    for (; set->key[h]; h = (h + 1) & (set->cap - 1))
        if (strlen(set->key[h]) == b->len && memcmp(set->key[h], b->data, b->len) == 0)
            return set->pos[h];
    set->key[h] = oct_xstrndup(b->data, b->len);
    set->pos[h] = pos;
    set->len++;
    return NONE;
}

static void lineset_free(lineset *set)
{
    for (size_t i = 0; i < set->cap; i++)
        free(set->key[i]);
    free(set->key);
    free(set->pos);
}

/* The end of the question list that opens the items s..e of one list.
 * cmark continues a list across blank lines, so "26. …" followed later by
 * "1. What is Django…" (the first answer) is one list to it, possibly
 * numbered on. The list ends at the first item that is more than one line,
 * whose number does not grow, or that asks an earlier item's question
 * again; in the last case the items from there on get back the numbers
 * they restarted from. */
static size_t index_end(st_ctx *c, size_t s, size_t e)
{
    oct_buf b = OCT_BUF_INIT;
    lineset seen = {0};
    size_t k = s;
    while (k < e && index_item(c, &c->u[k])) {
        if (k > s && c->u[k].node->u.item.number <= c->u[k - 1].node->u.item.number) break;
        first_line_folded(c, &c->u[k], &b);
        /* only a question asked again restarts: a key's "b" twice is two answers */
        bool asks = c->u[k].role == ST_QUESTION;
        size_t dup = b.len && asks ? lineset_find_add(&seen, &b, k) : NONE;
        if (dup != NONE) {
            for (size_t j = k; j < e; j++)
                c->u[j].node->u.item.number = c->u[dup].node->u.item.number + (int)(j - k);
            break;
        }
        k++;
    }
    oct_buf_free(&b);
    lineset_free(&seen);
    return k;
}

void st_pair_numbered(st_ctx *c)
{
    pair_memo mo;
    memo_init(&mo, c->n);
    for (size_t i = 0; i < c->n;) {
        if (!c->u[i].list || !c->u[i].list->u.list.ordered) {
            i++;
            continue;
        }
        size_t e = i;
        while (e < c->n && c->u[e].list == c->u[i].list)
            e++;
        size_t k = index_end(c, i, e);
        if (is_index(c, i, k)) pair_list(c, &mo, i, k);
        i = k > i ? k : i + 1;
    }
    memo_free(&mo, c->n);
}
