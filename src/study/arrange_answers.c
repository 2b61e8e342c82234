/* Answers that say the same thing are shown once. Two answers say the
 * same when every word of the later one occurs in the earlier one and
 * the earlier one is not much longer (a long answer that merely contains
 * a short one's words says more, and both stay). Words are runs of
 * letters and digits (any script: bytes >= 0x80 count as letters),
 * ASCII case folded, compared as 64-bit hashes. An answer is compared
 * with every earlier one for the same words exactly (a hash look-up) and
 * with the last RECENT kept ones for fewer words, so a question asked in
 * a thousand sources costs a thousand steps, not a million. */

enum { RECENT = 16 };
#include "study/arrange_int.h"
#include "util/strmap.h"
#include "util/xalloc.h"

#include <stdio.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    uint64_t *h;
    size_t n, cap;
} word_set;

static void add_words(word_set *s, const char *p)
{
    uint64_t h = 0;
    bool in = false;
    for (;; p++) {
        unsigned char ch = (unsigned char)*p;
        bool w = ch >= 0x80 || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') ||
                 (ch >= 'A' && ch <= 'Z');
        if (w) {
            if (ch >= 'A' && ch <= 'Z') ch = (unsigned char)(ch - 'A' + 'a');
            h = (in ? h : 1469598103934665603ull) ^ ch;
            h *= 1099511628211ull;
            in = true;
        } else if (in) {
            OCT_GROW(s->h, s->cap, s->n + 1);
            s->h[s->n++] = h;
            in = false;
        }
        if (!ch) break;
    }
}

/* v[0..n) ascending: insertion sort for short runs, merged bottom up
 * through tmp (n slots). qsort's call per comparison was most of folding
 * the answers of a large booklet. */
static void sort_u64(uint64_t *v, size_t n, uint64_t *tmp)
{
    enum { RUN = 16 };
    for (size_t lo = 0; lo < n; lo += RUN) {
        size_t hi = lo + RUN < n ? lo + RUN : n;
        for (size_t i = lo + 1; i < hi; i++) {
            uint64_t x = v[i];
            size_t j = i;
            for (; j > lo && v[j - 1] > x; j--)
                v[j] = v[j - 1];
            v[j] = x;
        }
    }
    for (size_t w = RUN; w < n; w *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * w) {
            size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                tmp[k++] = v[j] < v[i] ? v[j++] : v[i++];
            while (i < mid)
                tmp[k++] = v[i++];
            while (j < hi)
                tmp[k++] = v[j++];
        }
        memcpy(v, tmp, n * sizeof *v);
    }
}

static void words_of(const oct_node *a, word_set *s)
{
    s->n = 0;
    oct_iter it;
    oct_iter_init(&it, a);
    oct_event ev;
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE)
        if (ev == OCT_EV_ENTER && it.cur->text) add_words(s, it.cur->text);
    if (s->n) { /* an answer of pictures only has none */
        uint64_t small[256], *tmp = s->n <= 256 ? small : oct_xmalloc(s->n * sizeof *tmp);
        sort_u64(s->h, s->n, tmp);
        if (tmp != small) free(tmp);
    }
    size_t u = 0;
    for (size_t i = 0; i < s->n; i++)
        if (u == 0 || s->h[u - 1] != s->h[i]) s->h[u++] = s->h[i];
    s->n = u;
}

/* small is within big (both sorted, unique) */
static bool within(const word_set *small, const word_set *big)
{
    size_t j = 0;
    for (size_t i = 0; i < small->n; i++) {
        while (j < big->n && big->h[j] < small->h[i])
            j++;
        if (j == big->n || big->h[j] != small->h[i]) return false;
    }
    return true;
}

/* The last source line an answer covers. */
static int last_line(const oct_node *a)
{
    int last = a->span.line;
    oct_iter it;
    oct_iter_init(&it, a);
    while (oct_iter_next(&it) != OCT_EV_NONE)
        if (it.cur->span.file == a->span.file && it.cur->span.line > last) last = it.cur->span.line;
    return last;
}

/* Says which lines are printed only once, so a reader (and the word
 * check) knows where they went. */
static void report(const oct_tree *t, oct_diag *diag, const oct_node *a, const oct_node *same)
{
    if (!diag || a->span.file >= t->nfiles || same->span.file >= t->nfiles) return;
    int from = a->span.line, to = last_line(a);
    char lines[48];
    if (to > from)
        snprintf(lines, sizeof lines, "lines %d-%d", from, to);
    else
        snprintf(lines, sizeof lines, "line %d", from);
    oct_diag_report(diag, OCT_NOTE, t->files[a->span.file], from, a->span.col, "merged-answer",
                    "this answer (%s) says what the answer at %s:%d says; printed once, "
                    "under both sources",
                    lines, t->files[same->span.file], same->span.line);
}

void ar_fold_same_answers(const oct_tree *t, oct_diag *diag, oct_node *q)
{
    size_t n = 0;
    for (const oct_node *a = q->first; a; a = a->next)
        n += a->kind == OCT_ANSWER && a->first;
    if (n < 2) return;
    word_set *sets = oct_xcalloc(n, sizeof *sets);
    oct_node **kept = oct_xcalloc(n, sizeof *kept);
    oct_strmap exact = OCT_STRMAP_INIT; /* a kept answer's word set → its place in kept */
    size_t nk = 0;
    for (oct_node *a = q->first; a; a = a->next) {
        if (a->kind != OCT_ANSWER || !a->first) continue;
        word_set *mine = &sets[nk];
        words_of(a, mine);
        oct_node *same = NULL;
        size_t k;
        /* the same words exactly: one look-up, however many answers */
        if (mine->n && oct_strmap_get(&exact, (const char *)mine->h, mine->n * sizeof *mine->h, &k))
            same = kept[k];
        /* fewer words, all in one of the last few kept answers */
        for (size_t i = nk > RECENT ? nk - RECENT : 0; i < nk && !same; i++)
            if (mine->n && mine->n <= sets[i].n && sets[i].n * 4 <= mine->n * 5 + 12 &&
                within(mine, &sets[i]))
                same = kept[i];
        if (!same) {
            if (mine->n)
                oct_strmap_put(&exact, (const char *)mine->h, mine->n * sizeof *mine->h, nk);
            kept[nk++] = a;
            continue;
        }
        a->u.answer.same_as = same;
        report(t, diag, a, same);
        while (a->first)
            oct_node_unlink(a->first);
    }
    for (size_t i = 0; i < n; i++)
        free(sets[i].h);
    free(sets);
    free(kept);
    oct_strmap_free(&exact);
}
