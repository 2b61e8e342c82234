#include "tree/tree.h"
#include "util/xalloc.h"

/* Same walk as cmark's iterator: a cursor and the last event, so the walk
 * needs no stack and any depth is safe. */

void oct_iter_init(oct_iter *it, const oct_node *root)
{
    it->root = root;
    it->cur = NULL;
    it->ev = OCT_EV_NONE;
}

oct_event oct_iter_next(oct_iter *it)
{
    if (!it->root) return OCT_EV_NONE;
    if (it->ev == OCT_EV_NONE && !it->cur) {
        it->cur = it->root;
        return it->ev = OCT_EV_ENTER;
    }
    const oct_node *c = it->cur;
    if (it->ev == OCT_EV_ENTER) {
        if (c->first) {
            it->cur = c->first;
            return it->ev = OCT_EV_ENTER;
        }
        return it->ev = OCT_EV_EXIT;
    }
    /* after EXIT */
    if (c == it->root) {
        it->root = NULL;
        return it->ev = OCT_EV_NONE;
    }
    if (c->next) {
        it->cur = c->next;
        return it->ev = OCT_EV_ENTER;
    }
    it->cur = c->parent;
    return it->ev = OCT_EV_EXIT;
}

const oct_node *oct_iter_next_node(oct_iter *it)
{
    oct_event ev;
    while ((ev = oct_iter_next(it)) != OCT_EV_NONE)
        if (ev == OCT_EV_ENTER) return it->cur;
    return NULL;
}

void oct_iter_skip_children(oct_iter *it)
{
    if (it->ev == OCT_EV_ENTER) it->ev = OCT_EV_EXIT;
}

/* The node after n in document order once n's children are done (or
 * skipped), NULL past root. */
static oct_node *after(const oct_node *root, oct_node *n)
{
    while (n != root && !n->next)
        n = n->parent;
    return n == root ? NULL : n->next;
}

/* A walk of its own rather than oct_iter's events: at thousands of pages
 * the collects of questions, code blocks and pictures were 4 % of the
 * main thread, and the walk only ever needs the way in. */
oct_node **oct_node_collect(oct_node *root, oct_kind k, size_t *count)
{
    oct_node **v = NULL;
    size_t n = 0, cap = 0;
    bool block = !oct_kind_is_inline(k);
    for (oct_node *c = root; c;) {
        if (c->kind == k) {
            OCT_GROW(v, cap, n + 1);
            v[n++] = c;
        }
        bool skip = block && !c->holds_block && oct_kind_holds_inlines(c->kind);
        c = c->first && !skip ? c->first : after(root, c);
    }
    *count = n;
    return v;
}
