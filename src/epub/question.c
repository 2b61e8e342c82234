#include "epub/render.h"

#include <stdio.h>

/* A question is a block of its own: its number, the prompt set apart, then
 * the answer, or a visible marker when the notes never answer it (so a
 * reader sees the gap instead of a question that seems to lead nowhere). */

static const oct_node *answer_of(const oct_node *q)
{
    return q->last && q->last->kind == OCT_ANSWER ? q->last : NULL;
}

static int has_prompt(const oct_node *q)
{
    for (const oct_node *c = q->first; c; c = c->next)
        if (oct_kind_is_inline(c->kind)) return 1;
    return q->u.question.number > 0 || q->u.question.label;
}

static void write_prompt(oct_epub_ctx *r, const oct_node *q, const oct_node *answer)
{
    oct_epub_xw_start(r->xw, "p");
    oct_epub_xw_attr(r->xw, "class", "prompt");
    if (q->u.question.number > 0 || q->u.question.label) {
        char num[40];
        if (q->u.question.label)
            snprintf(num, sizeof num, "%s%s", q->u.question.label,
                     oct_question_label_dot(q->u.question.label));
        else
            snprintf(num, sizeof num, "%d.", q->u.question.number);
        oct_epub_xw_start(r->xw, "span");
        oct_epub_xw_attr(r->xw, "class", "qnum");
        oct_epub_xw_text(r->xw, num);
        oct_epub_xw_end(r->xw);
        oct_epub_xw_text(r->xw, " ");
    }
    for (const oct_node *c = q->first; c && c != answer; c = c->next)
        if (oct_kind_is_inline(c->kind)) oct_epub_inlines(r, c, c->next);
    oct_epub_xw_end(r->xw);
    oct_epub_xw_nl(r->xw);
}

void oct_epub_question(oct_epub_ctx *r, const oct_node *q)
{
    const oct_node *answer = answer_of(q);
    oct_epub_xw_start(r->xw, "div");
    oct_epub_xw_attr(r->xw, "class", "question");
    oct_epub_xw_attr(r->xw, "id", oct_epub_anchor(r->book, q));
    oct_epub_xw_nl(r->xw);
    if (has_prompt(q)) write_prompt(r, q, answer);
    /* Blocks inside the prompt (a malformed tree) still get written. */
    for (const oct_node *c = q->first; c && c != answer; c = c->next)
        if (!oct_kind_is_inline(c->kind)) oct_epub_blocks(r, c, c, false);
    if (answer) {
        oct_epub_xw_start(r->xw, "div");
        oct_epub_xw_attr(r->xw, "class", "answer");
        oct_epub_xw_attr(r->xw, "id", oct_epub_anchor(r->book, answer));
        oct_epub_xw_nl(r->xw);
        oct_epub_blocks(r, answer->first, NULL, false);
        oct_epub_xw_end(r->xw);
    } else {
        oct_epub_xw_start(r->xw, "p");
        oct_epub_xw_attr(r->xw, "class", "no-answer");
        oct_epub_xw_text(r->xw, "No answer in the notes");
        oct_epub_xw_end(r->xw);
    }
    oct_epub_xw_nl(r->xw);
    oct_epub_xw_end(r->xw);
}
