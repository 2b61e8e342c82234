#include "study/study_int.h"
#include "tree/anchors.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* <details> boxes, which ingest makes DETAILS nodes (a SUMMARY, then
 * blocks). Collections use them two ways:
 *   <details><summary>12. What is a model?</summary> answer </details>
 * (the summary asks: the box is a question, its body the answer), and
 *   question, options, <details><summary>Answer</summary> B </details>
 * (the summary only says "Answer": the body answers the question before
 * it). Any other box becomes its summary in bold followed by its blocks,
 * so that after the pass no DETAILS or SUMMARY is left for the backends. */

static const oct_node *summary_of(const oct_node *d)
{
    return d && d->kind == OCT_DETAILS && d->first && d->first->kind == OCT_SUMMARY ? d->first
                                                                                    : NULL;
}

/* Plain text of d's summary in c->tmp ("" without one). */
static const char *summary_text(st_ctx *c, const oct_node *d)
{
    const oct_node *s = summary_of(d);
    oct_buf_clear(&c->tmp);
    if (s) st_node_text(s, &c->tmp);
    return c->tmp.data ? c->tmp.data : "";
}

static bool answer_caption(st_ctx *c, const oct_node *d)
{
    const char *s = summary_text(c, d);
    return st_is_answer_caption(s, c->tmp.len);
}

bool st_opens_details(st_ctx *c, const oct_node *p)
{
    return p->kind == OCT_DETAILS && answer_caption(c, p);
}

bool st_closes_details(st_ctx *c, const oct_node *p)
{
    (void)c;
    return p->kind == OCT_DETAILS; /* one node is the whole region */
}

/* "Difference between X and Y" names a question without asking it. */
static bool names_question(const char *s, size_t n)
{
    static const char *const OPENERS[] = {"difference between", "differences between",
                                          "difference b/w", NULL};
    for (const char *const *o = OPENERS; *o; o++)
        if (n >= strlen(*o) && strncasecmp(s, *o, strlen(*o)) == 0) return true;
    return false;
}

/* Counts the numbered summaries of the chapter's boxes, and those that ask:
 * in a run of numbered boxes that mostly ask, every numbered box is a
 * question, whatever its phrasing ("9. Django Templating Language"). */
void st_details_prepare(st_ctx *c)
{
    int numbered = 0, asking = 0;
    for (size_t i = 0; i < c->n; i++) {
        if (c->u[i].node->kind != OCT_DETAILS) continue;
        const char *s = summary_text(c, c->u[i].node);
        size_t n = c->tmp.len;
        int num = 0;
        size_t k = st_leading_number(s, n, &num);
        if (!k) continue;
        numbered++;
        asking += st_text_asks(s + k, n - k) || names_question(s + k, n - k);
    }
    c->details_run = numbered >= 3 && asking * 2 >= numbered;
}

/* Multiple-choice options right before a box: the box reveals their
 * answer whatever its caption says ("Think first, then open"). */
static bool after_options(st_ctx *c, const st_unit *u)
{
    if (u == c->u) return false;
    const st_unit *v = u - 1;
    const oct_node *p = st_lead_paragraph(v->node);
    if (!p || (v->node->kind != OCT_ITEM && v->node->kind != OCT_PARAGRAPH)) return false;
    st_lines_of(p, &c->lines);
    oct_buf_clear(&c->tmp);
    if (c->lines.n && c->lines.v[0].first)
        st_range_text(c->lines.v[0].first, c->lines.v[0].last, &c->tmp);
    return st_option_letter(c->tmp.data ? c->tmp.data : "", c->tmp.len) != 0;
}

void st_classify_details(st_ctx *c, st_unit *u)
{
    const char *s = summary_text(c, u->node);
    size_t n = c->tmp.len;
    if (st_is_answer_caption(s, n)) {
        u->role = ST_DETAILS;
        return;
    }
    int num = 0;
    size_t k = st_question_label(s, n, &num);
    bool asks = k > 0;
    if (!asks) {
        k = st_leading_number(s, n, &num);
        asks = st_text_asks(s + k, n - k) || names_question(s + k, n - k) || (k && c->details_run);
    }
    if (!asks || n > ST_MAX_QUESTION_BYTES) {
        if (after_options(c, u)) u->role = ST_DETAILS;
        return;
    }
    u->role = ST_QUESTION;
    u->pk = ST_PROMPT_SUMMARY;
    u->strip = k;
    u->number = num;
}

/* The summary of d in bold, as a paragraph of its own. */
static oct_node *label_of(st_ctx *c, oct_node *s)
{
    oct_node *p = oct_node_new(c->t, OCT_PARAGRAPH, s->span);
    oct_node *b = oct_node_new(c->t, OCT_STRONG, s->span);
    oct_node_append(p, b);
    st_move_range(s->first, s->last, b);
    oct_node_move_anchors(c->t, s, p);
    return p;
}

void st_details_unwrap(st_ctx *c, oct_node *d, oct_node *dst)
{
    oct_node *s = (oct_node *)summary_of(d);
    bool label = s && s->first && !answer_caption(c, d);
    if (s) oct_node_unlink(s);
    if (label) oct_node_append(dst, label_of(c, s)); /* a caption that says more */
    oct_node_move_anchors(c->t, d, dst);
    if (s) oct_node_move_anchors(c->t, s, dst);
    while (d->first)
        oct_node_append(dst, d->first);
    oct_node_unlink(d);
}

static bool inside_answer(const oct_node *n)
{
    for (const oct_node *p = n->parent; p; p = p->parent)
        if (p->kind == OCT_ANSWER) return true;
    return false;
}

/* Replaces DETAILS d by its summary in bold (a paragraph) and its blocks;
 * inside an answer, a box that only says "Answer" leaves no label. */
static void flatten(st_ctx *c, oct_node *d)
{
    oct_node *s = (oct_node *)summary_of(d);
    bool label = s && s->first && !(inside_answer(d) && st_opens_details(c, d));
    if (s) oct_node_unlink(s);
    if (label) oct_node_insert_before(d, label_of(c, s));
    oct_node *up = d->parent;
    /* the box's anchors go to what shows first in its place */
    oct_node *place = d->prev && label ? d->prev : d->first ? d->first : up;
    oct_node_move_anchors(c->t, d, place);
    if (s) oct_node_move_anchors(c->t, s, place);
    while (d->first)
        oct_node_insert_before(d, d->first);
    oct_node_unlink(d);
    if (up && up->kind == OCT_ANSWER && !up->first && up->parent) {
        /* the box was all the answer held */
        up->parent->u.question.answered = false;
        oct_node_unlink(up);
    }
}

void st_details_flatten(st_ctx *c, oct_node *root)
{
    size_t n;
    oct_node **v = oct_node_collect(root, OCT_DETAILS, &n);
    /* inner boxes first: an outer one may read its summary only */
    for (size_t i = n; i-- > 0;)
        flatten(c, v[i]);
    free(v);
}
