#include "tree/tree.h"

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

void oct_iter_skip_children(oct_iter *it)
{
    if (it->ev == OCT_EV_ENTER) it->ev = OCT_EV_EXIT;
}
