/* See tree.h (oct_footnote_defs): the definitions sorted by source and
 * number, found by binary search. */
#include "tree/tree.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    const oct_node *def;
    size_t seq; /* document order: the first of equal keys wins, as a walk would find */
} entry;

struct oct_footnote_defs {
    entry *v; /* sorted by (file, index, seq) */
    size_t n, cap;
};

static int cmp_def(const void *a, const void *b)
{
    const entry *ea = a, *eb = b;
    const oct_node *x = ea->def, *y = eb->def;
    if (x->span.file != y->span.file) return x->span.file < y->span.file ? -1 : 1;
    if (x->u.footnote.index != y->u.footnote.index)
        return x->u.footnote.index < y->u.footnote.index ? -1 : 1;
    return ea->seq < eb->seq ? -1 : ea->seq > eb->seq;
}

oct_footnote_defs *oct_footnote_defs_new(const oct_tree *t)
{
    oct_footnote_defs *d = oct_xcalloc(1, sizeof *d);
    oct_iter it;
    oct_iter_init(&it, t->root);
    for (oct_event ev; (ev = oct_iter_next(&it)) != OCT_EV_NONE;) {
        if (ev != OCT_EV_ENTER || it.cur->kind != OCT_FOOTNOTE_DEF) continue;
        oct_iter_skip_children(&it);
        OCT_GROW(d->v, d->cap, d->n + 1);
        d->v[d->n] = (entry){it.cur, d->n};
        d->n++;
    }
    if (d->n) qsort(d->v, d->n, sizeof *d->v, cmp_def);
    return d;
}

void oct_footnote_defs_free(oct_footnote_defs *d)
{
    if (!d) return;
    free(d->v);
    free(d);
}

static const oct_node *find(const oct_footnote_defs *d, const oct_node *ref)
{
    size_t lo = 0, hi = d->n;
    while (lo < hi) { /* the first of (file, index) */
        size_t mid = lo + (hi - lo) / 2;
        const oct_node *m = d->v[mid].def;
        if (m->span.file < ref->span.file ||
            (m->span.file == ref->span.file && m->u.footnote.index < ref->u.footnote.index))
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < d->n; lo++) {
        const oct_node *n = d->v[lo].def;
        if (n->span.file != ref->span.file || n->u.footnote.index != ref->u.footnote.index) break;
        if (!n->u.footnote.label || !ref->u.footnote.label ||
            strcmp(n->u.footnote.label, ref->u.footnote.label) == 0)
            return n;
    }
    return NULL;
}

void oct_footnote_defs_each(const oct_footnote_defs *d, const oct_node *n,
                            void (*fn)(const oct_node *def, void *ctx), void *ctx)
{
    oct_iter it;
    oct_iter_init(&it, n);
    int last = 0;
    for (oct_event ev; (ev = oct_iter_next(&it)) != OCT_EV_NONE;) {
        const oct_node *r = it.cur;
        if (ev != OCT_EV_ENTER || r->kind != OCT_FOOTNOTE_REF || r->u.footnote.index == last)
            continue;
        last = r->u.footnote.index;
        const oct_node *def = find(d, r);
        if (def) fn(def, ctx);
    }
}
