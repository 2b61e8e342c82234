#include "tree/qclusters.h"
#include "util/xalloc.h"

#include <stdlib.h>

/* Any ANSWER with content: an arranged question has one per source, and
 * one that repeats an earlier is left empty. */
static bool has_answer(const oct_node *q)
{
    for (const oct_node *a = q->last; a && a->kind == OCT_ANSWER; a = a->prev)
        if (a->first) return true;
    return false;
}

void oct_qclusters_build(oct_qclusters *c, const oct_node *root)
{
    size_t n = 0;
    oct_node **qs = oct_node_collect((oct_node *)root, OCT_QUESTION, &n);
    c->n = 0;
    c->unanswered = 0;
    for (size_t i = 0; i < n; i++)
        if (qs[i]->u.question.cluster > c->n) c->n = qs[i]->u.question.cluster;
    c->first = oct_xcalloc((size_t)c->n + 1, sizeof *c->first);
    c->answered = oct_xcalloc((size_t)c->n + 1, sizeof *c->answered);
    for (size_t i = 0; i < n; i++) {
        int k = qs[i]->u.question.cluster;
        if (k <= 0) continue;
        if (!c->first[k]) c->first[k] = qs[i];
        if (!c->answered[k] && has_answer(qs[i])) c->answered[k] = qs[i];
    }
    for (int k = 1; k <= c->n; k++)
        if (c->first[k] && !c->answered[k]) c->unanswered++;
    free(qs);
}

void oct_qclusters_free(oct_qclusters *c)
{
    free(c->first);
    free(c->answered);
    c->first = c->answered = NULL;
    c->n = c->unanswered = 0;
}

const oct_node *oct_qclusters_answer_for(const oct_qclusters *c, const oct_node *q)
{
    int k = q->u.question.cluster;
    if (has_answer(q) || k <= 0 || k > c->n) return NULL;
    return c->answered[k] != q ? c->answered[k] : NULL;
}

const oct_node *oct_node_chapter(const oct_node *n)
{
    while (n && n->kind != OCT_CHAPTER)
        n = n->parent;
    return n;
}
