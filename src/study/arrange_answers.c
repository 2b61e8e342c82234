/* Answers that say the same thing are shown once. Two answers say the
 * same when every word of the later one occurs in the earlier one and
 * the earlier one is not much longer (a long answer that merely contains
 * a short one's words says more, and both stay). Words are runs of
 * letters and digits (any script: bytes >= 0x80 count as letters),
 * ASCII case folded, compared as 64-bit hashes. */
#include "study/arrange_int.h"
#include "util/xalloc.h"

#include <stdint.h>
#include <stdlib.h>

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

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

static void words_of(const oct_node *a, word_set *s)
{
    s->n = 0;
    oct_iter it;
    oct_iter_init(&it, a);
    oct_event ev;
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE)
        if (ev == OCT_EV_ENTER && it.cur->text) add_words(s, it.cur->text);
    qsort(s->h, s->n, sizeof *s->h, cmp_u64);
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

void ar_fold_same_answers(oct_node *q)
{
    size_t n = 0;
    for (const oct_node *a = q->first; a; a = a->next)
        n += a->kind == OCT_ANSWER && a->first;
    if (n < 2) return;
    word_set *sets = oct_xcalloc(n, sizeof *sets);
    oct_node **kept = oct_xcalloc(n, sizeof *kept);
    size_t nk = 0;
    for (oct_node *a = q->first; a; a = a->next) {
        if (a->kind != OCT_ANSWER || !a->first) continue;
        word_set *mine = &sets[nk];
        words_of(a, mine);
        oct_node *same = NULL;
        for (size_t i = 0; i < nk && !same; i++)
            if (mine->n && within(mine, &sets[i]) && sets[i].n * 4 <= mine->n * 5 + 12)
                same = kept[i];
        if (!same) {
            kept[nk++] = a;
            continue;
        }
        a->u.answer.same_as = same;
        while (a->first)
            oct_node_unlink(a->first);
    }
    for (size_t i = 0; i < n; i++)
        free(sets[i].h);
    free(sets);
    free(kept);
}
