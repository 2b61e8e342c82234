/* Questions: the source's number hanging in the margin of the column, the
 * prompt in bold behind an accent bar, the answer below at the prompt's
 * indent -- or, when the notes have none, a remark and ruled lines to
 * write one in by hand. */
#include "pdf/answerkey.h"
#include "pdf/internal.h"
#include "tree/wordings.h"
#include "util/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOTE_LINES 4
#define NOTE_LINES_KEPT 2 /* at a page foot the others may be left out */
#define BOX_SIDE 0.62     /* check-box side, in text sizes */
#define BAR_W 1.6         /* the accent bar's width, in points */

static void bar(oct_pdf *p, size_t from, double x)
{
    for (size_t i = from; i < p->cur->n; i++) {
        pdf_item *it = &p->cur->it[i];
        if (it->flags & PDF_IT_DISCARD) continue;
        pdf_op *op = pdf_item_op(it, PDF_OP_RECT);
        op->color = pdf_color_id(p, p->L.accent);
        op->x = x;
        op->w = BAR_W;
        op->h = it->h + 0.2;
    }
}

static void layout_prompt(oct_pdf *p, const pdf_ctx *in, const oct_node *q)
{
    pdf_style st = pdf_style_make(PDF_FAM_BODY, PDF_VAR_B, in->size, p->L.text);
    pdf_text t = {0};
    pdf_text_inlines(p, &t, q, &st);
    if (q->u.question.marks > 0) { /* an exam part's "[2]": after the prompt, muted */
        char m[24];
        int k = snprintf(m, sizeof m, "\xC2\xA0[%d]", q->u.question.marks);
        pdf_style ms = pdf_style_make(PDF_FAM_BODY, PDF_VAR_R, in->size, p->L.muted);
        pdf_text_add(p, &t, m, (size_t)k, &ms, NULL, false);
    }
    pdf_layout_text(p, in, &t, pdf_lh(p, in->size), PDF_AL_LEFT, false, true);
    pdf_text_free(&t);
}

static void layout_unanswered(oct_pdf *p, const pdf_ctx *in)
{
    double small = in->size * p->L.small_size / p->L.body_size;
    pdf_style st = pdf_style_make(PDF_FAM_BODY, PDF_VAR_I, small, p->L.muted);
    pdf_text t = {0};
    const char *none = pdf_phrase(p, OCT_PH_NO_ANSWER);
    pdf_text_add(p, &t, none, strlen(none), &st, NULL, false);
    pdf_layout_text(p, in, &t, pdf_lh(p, small), PDF_AL_LEFT, false, true);
    pdf_text_free(&t);
    pdf_ruled_lines(p, in->x, in->w, pdf_lh(p, in->size) * 1.55, NOTE_LINES, NOTE_LINES_KEPT);
}

void pdf_ruled_lines(oct_pdf *p, double x, double w, double lh, int n, int kept)
{
    for (int k = 0; k < n; k++) {
        unsigned flags = k + 1 < kept ? PDF_IT_KEEP_NEXT : k >= kept ? PDF_IT_DISCARD : 0;
        /* a full page gives more room: an item's stretch moves what follows
         * it, so every line but the last stretches and the lines stay evenly
         * spaced */
        if (k + 1 < n && kept < n) flags |= PDF_IT_STRETCH;
        pdf_item *it = pdf_flow_push(p->cur, lh, flags);
        pdf_op *op = pdf_item_op(it, PDF_OP_LINE);
        op->color = pdf_color_id(p, p->L.rule);
        op->lw = 0.45f;
        op->x = x;
        op->w = w;
        op->y = lh - 1;
    }
}

/* One short line instead of ruled lines: another wording of the same
 * question is answered, so the reader follows the link there. */
static void layout_answered_elsewhere(oct_pdf *p, const pdf_ctx *in, const oct_node *q,
                                      const oct_node *to)
{
    double small = in->size * p->L.small_size / p->L.body_size;
    pdf_style st = pdf_style_make(PDF_FAM_BODY, PDF_VAR_I, small, p->L.muted);
    char buf[64], num[40];
    pdf_style ln = st;
    ln.flags |= PDF_ST_LINK;
    ln.link = pdf_link_internal(p, pdf_node_key(p, to, buf, sizeof buf));
    ln.color = p->L.accent;
    oct_buf b = OCT_BUF_INIT;
    const oct_node *ch = oct_node_chapter(to);
    oct_question_name(to, num, sizeof num);
    bool elsewhere = ch && ch != oct_node_chapter(q) && ch->u.chapter.title && *ch->u.chapter.title;
    if (*num)
        oct_buf_printf(&b, pdf_phrase(p, OCT_PH_ANSWERED_UNDER), num);
    else
        oct_buf_puts(&b, pdf_phrase(p, elsewhere ? OCT_PH_ANSWERED : OCT_PH_ANSWERED_OTHER));
    if (elsewhere) oct_buf_printf(&b, pdf_phrase(p, OCT_PH_IN), ch->u.chapter.title);
    pdf_text t = {0};
    pdf_text_add(p, &t, b.data, b.len, &ln, to, false);
    pdf_layout_text(p, in, &t, pdf_lh(p, small), PDF_AL_LEFT, false, false);
    pdf_text_free(&t);
    oct_buf_free(&b);
}

/* Adds s with each " #" of a citation ("Guide #98") tied by a no-break
 * space: a number never starts a line alone. */
static void add_tied(oct_pdf *p, pdf_text *t, const char *s, const pdf_style *st)
{
    for (const char *at; (at = strstr(s, " #")) != NULL; s = at + 1) {
        pdf_text_add(p, t, s, (size_t)(at - s), st, NULL, false);
        pdf_text_add(p, t, "\xC2\xA0", 2, st, NULL, false);
    }
    pdf_text_add(p, t, s, strlen(s), st, NULL, false);
}

/* One small muted line of text (plain, or a wording's inlines after it). */
static void small_line(oct_pdf *p, const pdf_ctx *in, const char *text, const oct_node *inl,
                       const char *tail, int var)
{
    double small = in->size * p->L.small_size / p->L.body_size;
    pdf_style st = pdf_style_make(PDF_FAM_BODY, var, small, p->L.muted);
    pdf_text t = {0};
    add_tied(p, &t, text, &st);
    if (inl) pdf_text_inlines(p, &t, inl, &st);
    if (tail) add_tied(p, &t, tail, &st);
    pdf_layout_text(p, in, &t, pdf_lh(p, small), PDF_AL_LEFT, false, false);
    pdf_text_free(&t);
}

/* Arranged booklets: the sources that ask it, and its other wordings. */
static void layout_provenance(oct_pdf *p, const pdf_ctx *in, const oct_node *q)
{
    oct_buf b = OCT_BUF_INIT, lead = OCT_BUF_INIT;
    oct_question_asked_line(p->tree, q, &b);
    if (b.len) {
        pdf_flow_space(p->cur, p->L.paragraph_gap * 0.3);
        small_line(p, in, b.data, NULL, NULL, PDF_VAR_R);
    }
    for (const oct_node *w = oct_question_other_wording(q, NULL); w;
         w = oct_question_other_wording(q, w)) {
        oct_wording_also_asked(p->tree, w, &lead, &b);
        small_line(p, in, lead.data, w, b.data, PDF_VAR_I);
    }
    oct_buf_free(&b);
    oct_buf_free(&lead);
}

/* "Answer from The Guide #45" above an answer when there are several. */
static void layout_answer_source(oct_pdf *p, const pdf_ctx *in, const oct_node *a)
{
    oct_buf b = OCT_BUF_INIT;
    oct_answer_source_line(p->tree, a, &b);
    if (b.len) {
        double small = in->size * p->L.small_size / p->L.body_size;
        pdf_style st = pdf_style_make(PDF_FAM_HEAD, PDF_VAR_B, small, p->L.accent);
        pdf_text t = {0};
        pdf_text_add(p, &t, b.data, b.len, &st, NULL, false);
        pdf_layout_text(p, in, &t, pdf_lh(p, small), PDF_AL_LEFT, false, true);
        pdf_text_free(&t);
        pdf_flow_keep_last(p->cur);
    }
    oct_buf_free(&b);
}

/* An empty square in the margin for ticking what one knows: left of the
 * number when there is room, else just below it (mirrored across the
 * column c for right-to-left text). */
static void add_checkbox(oct_pdf *p, size_t first, double numw, double x_right, double size,
                         const pdf_ctx *c, bool rtl)
{
    if (!p->L.question_checkbox || first >= p->cur->n) return;
    pdf_item *it = &p->cur->it[first];
    double side = size * BOX_SIDE, base = it->base > 0 ? it->base : size;
    pdf_op *op = pdf_item_op(it, PDF_OP_BOX);
    op->color = pdf_color_id(p, p->L.muted);
    op->lw = 0.6f;
    op->w = op->h = side;
    if (x_right - numw - side * 1.6 >= 0) {
        op->x = x_right - numw - side * 1.6;
        op->y = base - side * 0.95;
    } else {
        op->x = x_right - side;
        op->y = base + size * 0.45;
    }
    op->x = pdf_flip(c, rtl, op->x, side);
}

/* Each question is a bookmark under its section: a reader revising on
 * screen jumps straight to question 42. */
static void add_outline_entry(oct_pdf *p, const oct_node *q)
{
    char *prompt = pdf_plain_text(q);
    oct_buf title = OCT_BUF_INIT;
    if (q->u.question.label)
        oct_buf_printf(&title, "%s%s ", q->u.question.label,
                       oct_question_label_dot(q->u.question.label));
    else if (q->u.question.number > 0)
        oct_buf_printf(&title, "%d. ", q->u.question.number);
    oct_buf_puts(&title, prompt);
    pdf_heading_add(p, q, PDF_LEVEL_QUESTION, title.data);
    oct_buf_free(&title);
    free(prompt);
}

static void layout_question(oct_pdf *p, const pdf_ctx *c, const oct_node *q);

/* The question's label as set beside it ("12", "3(b)(ii)", "Problem 3",
 * "Q" when it has none) into t; returns its width. */
static double question_label(oct_pdf *p, const oct_node *q, double size, pdf_text *t)
{
    char num[64];
    if (q->u.question.label)
        snprintf(num, sizeof num, "%s", q->u.question.label);
    else if (q->u.question.number > 0)
        snprintf(num, sizeof num, "%d", q->u.question.number);
    else
        snprintf(num, sizeof num, "Q");
    pdf_style ls = pdf_style_make(PDF_FAM_HEAD, PDF_VAR_B, size * 0.92, p->L.accent);
    pdf_text_add(p, t, num, strlen(num), &ls, q, false);
    return pdf_text_width(t, 0, t->n);
}

/* The widest question label of the chapter q is in, at a size of 1 pt,
 * measured once per chapter. */
static double widest_label(oct_pdf *p, const oct_node *q)
{
    const oct_node *scope = p->cur_chapter ? p->cur_chapter : q;
    if (p->label_scope == scope) return p->label_widest;
    size_t n;
    oct_node **qs = oct_node_collect((oct_node *)scope, OCT_QUESTION, &n);
    double widest = 0;
    for (size_t i = 0; i < n; i++) {
        if (!qs[i]->u.question.label) continue; /* a number or "Q": short */
        pdf_text t = {0};
        widest = fmax(widest, question_label(p, qs[i], 1.0, &t));
        pdf_text_free(&t);
    }
    free(qs);
    p->label_scope = scope;
    p->label_widest = widest;
    return widest;
}

/* Every item of a question (prompt, provenance, answers) carries it: the
 * page breaker prefers to break between questions, and a page that goes on
 * with one names it in its running head. */
void pdf_layout_question(oct_pdf *p, const pdf_ctx *c, const oct_node *q)
{
    pdf_flow_space(p->cur, p->L.paragraph_gap * 1.5);
    const oct_node *outer = p->cur->question;
    p->cur->question = q;
    layout_question(p, c, q);
    p->cur->question = outer;
}

static void layout_question(oct_pdf *p, const pdf_ctx *c, const oct_node *q)
{
    double size = c->size, labelw = size * 2.4;
    pdf_ctx in = *c;
    in.depth++;
    if (c->w > labelw * 6) {
        in.x += labelw;
        in.w -= labelw;
    }
    /* laid out for left-to-right text, then mirrored for right-to-left */
    bool rtl = pdf_node_rtl(q);
    double ltr_x = in.x;
    in.x = pdf_flip(c, rtl, in.x, in.w);
    pdf_text label = {0};
    double numw = question_label(p, q, size, &label), num_right = ltr_x - size * 1.1;
    /* Labels wider than the margin keeps for them ("Ejercicio 12(a)(iii)")
     * go on a line of their own above the prompt, where they cannot run
     * off the page: all of a chapter's, so its questions look alike. */
    double widest = fmax(numw, widest_label(p, q) * size);
    bool hang = num_right - widest >= -0.6 * fmin(p->L.margin_inner, p->L.margin_outer);
    size_t first = p->cur->n;
    if (!hang)
        pdf_layout_text(p, &in, &label, pdf_lh(p, size), rtl ? PDF_AL_RIGHT : PDF_AL_LEFT, false,
                        true);
    layout_prompt(p, &in, q);
    bar(p, first, pdf_flip(c, rtl, ltr_x - size * 0.6, BAR_W));
    char buf[64];
    pdf_item_dest(p, &p->cur->it[first], pdf_node_key(p, q, buf, sizeof buf), 0);
    add_outline_entry(p, q);
    if (hang) pdf_attach_label(p, first, &label, pdf_flip(c, rtl, num_right - numw, numw) + numw);
    if (ltr_x > c->x) add_checkbox(p, first, hang ? numw : 0, num_right, size, c, rtl);
    pdf_text_free(&label);

    layout_provenance(p, &in, q);
    /* the prompt and the lines about it stay with the answer's first lines */
    for (size_t i = first; i < p->cur->n; i++)
        p->cur->it[i].flags |= PDF_IT_KEEP_NEXT;
    pdf_flow_space(p->cur, p->L.paragraph_gap * 0.7);
    pdf_flow_keep_last(p->cur);
    /* An ANSWER child is shown even if the flag disagrees: no text is lost. */
    if (!oct_question_has_answer(q)) {
        const oct_node *to = oct_bank_answer_for(&p->bank, q);
        if (to)
            layout_answered_elsewhere(p, &in, q, to);
        else
            layout_unanswered(p, &in);
        return;
    }
    if (oct_tree_in_mode(p->tree, "quiz"))
        pdf_layout_answer_link(p, &in, q);
    else
        pdf_layout_answers(p, &in, q);
}

void pdf_layout_answers(oct_pdf *p, const pdf_ctx *in, const oct_node *q)
{
    char buf[64];
    bool cite = oct_question_cites_answers(q);
    for (const oct_node *a = q->first; a; a = a->next) {
        if (a->kind != OCT_ANSWER || !a->first) continue;
        size_t afirst = p->cur->n;
        if (cite) layout_answer_source(p, in, a);
        pdf_layout_blocks(p, in, a->first);
        if (afirst < p->cur->n)
            pdf_item_dest(p, &p->cur->it[afirst], pdf_node_key(p, a, buf, sizeof buf), 0);
        if (a->next) pdf_flow_space(p->cur, p->L.paragraph_gap * 0.6);
    }
}
