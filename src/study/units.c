#include "study/study_int.h"
#include "util/xalloc.h"

/* A question may be one item of a list while its answer is the blocks after
 * the list, and a numbered answer may sit between two halves of a list, so
 * the chapter is taken apart into units (blocks, and the items of its
 * lists) and put back together once every unit knows where it belongs. */

static void push_unit(st_ctx *c, oct_node *node, oct_node *list)
{
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 64;
        c->u = oct_xrealloc(c->u, c->cap * sizeof *c->u);
    }
    c->u[c->n++] = (st_unit){.node = node, .list = list, .owner = -1};
}

void st_units_build(st_ctx *c)
{
    c->n = 0;
    c->ndeferred = 0;
    c->shape_run = 0;
    for (oct_node *b = c->chapter->first; b;) {
        oct_node *next = b->next;
        oct_node_unlink(b);
        if (b->kind != OCT_LIST) {
            push_unit(c, b, NULL);
            b = next;
            continue;
        }
        size_t first = c->n;
        int k = 0;
        for (oct_node *it = b->first; it;) {
            oct_node *inext = it->next;
            oct_node_unlink(it);
            /* ingest numbers items; hand-built trees may not */
            if (b->u.list.ordered && it->u.item.number == 0)
                it->u.item.number = b->u.list.start + k;
            push_unit(c, it, b);
            k++;
            it = inext;
        }
        if (c->n == first + 1) c->u[first].single = true;
        if (c->n > first) c->u[c->n - 1].node->ends_answer |= b->ends_answer;
        if (c->n == first) push_unit(c, b, NULL); /* an empty list stays a block */
        b = next;
    }
}

static oct_node *new_list_like(st_ctx *c, const oct_node *src, const oct_node *item)
{
    oct_node *l = oct_node_new(c->t, OCT_LIST, item->span);
    l->u.list = src->u.list;
    return l;
}

void st_emit_unit(st_ctx *c, st_unit *u, oct_node *target, st_open *open)
{
    if (!u->list) {
        oct_node_append(target, u->node);
        open->list = NULL;
        return;
    }
    if (!open->list || open->src != u->list || open->list != target->last) {
        /* the original list node is reused the first time, so its span and
         * attributes stay; later runs of its items get a copy */
        oct_node *l = u->list->parent ? new_list_like(c, u->list, u->node) : u->list;
        l->span = u->node->span; /* where this run of items starts */
        if (l->u.list.ordered && u->node->u.item.number > 0)
            l->u.list.start = u->node->u.item.number;
        oct_node_append(target, l);
        open->list = l;
        open->src = u->list;
    }
    oct_node_append(open->list, u->node);
}

/* Emits unit i (a question with what it owns, or a block); returns the
 * index after it. */
static size_t emit_at(st_ctx *c, size_t i, st_open *open)
{
    st_unit *u = &c->u[i];
    if (u->role == ST_QUESTION && u->owner < 0) {
        open->list = NULL;
        return st_build_question(c, i, c->chapter);
    }
    st_emit_unit(c, u, c->chapter, open);
    return i + 1;
}

void st_units_emit(st_ctx *c)
{
    st_open open = {NULL, NULL};
    for (size_t i = 0; i < c->n;) {
        st_unit *u = &c->u[i];
        if (u->consumed || u->defer_after) {
            i++;
            continue;
        }
        size_t next = emit_at(c, i, &open);
        /* deferred units come before i (a list's top); rare, so scanned */
        for (size_t k = 0; c->ndeferred && k < i; k++)
            if (c->u[k].defer_after == i + 1) {
                c->u[k].defer_after = 0;
                c->ndeferred--;
                emit_at(c, k, &open);
            }
        i = next;
    }
    /* never reached the unit they wait for: still nothing may be lost */
    for (size_t k = 0; c->ndeferred && k < c->n; k++)
        if (c->u[k].defer_after) {
            c->u[k].defer_after = 0;
            c->ndeferred--;
            emit_at(c, k, &open);
        }
}
