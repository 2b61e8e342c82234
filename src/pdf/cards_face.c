/* What a card says: the question on its front, every answer of its cluster
 * on its back (as the Anki deck has them), set by the ordinary block
 * layout so code, lists, tables and pictures look as in the booklet. */
#include "pdf/cards.h"
#include "tree/wordings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOTE_LINES 3 /* ruled lines at least, to write an answer in by hand */

void pdf_card_front(oct_pdf *p, const oct_node *q, double size, double bw)
{
    pdf_ctx c = {0, bw, size, 1, 0, false};
    pdf_style st = pdf_style_make(PDF_FAM_BODY, PDF_VAR_B, size, p->L.text);
    pdf_text t = {0};
    pdf_text_inlines(p, &t, q, &st);
    /* a prompt with no text of its own (a bare number) still gets a line */
    if (t.n == 0) {
        char num[40];
        oct_question_name(q, num, sizeof num);
        pdf_text_add(p, &t, num, strlen(num), &st, q, false);
    }
    pdf_layout_text(p, &c, &t, pdf_lh(p, size), PDF_AL_CENTER, false, false);
    pdf_text_free(&t);
}

static void small_line(oct_pdf *p, const pdf_ctx *c, const char *s, int fam, int var, oct_color col)
{
    double small = c->size * p->L.small_size / p->L.body_size;
    pdf_style st = pdf_style_make(fam, var, small, col);
    pdf_text t = {0};
    pdf_text_add(p, &t, s, strlen(s), &st, NULL, false);
    pdf_layout_text(p, c, &t, pdf_lh(p, small), PDF_AL_LEFT, false, true);
    pdf_text_free(&t);
}

static void no_answer(oct_pdf *p, const pdf_ctx *c)
{
    small_line(p, c, pdf_phrase(p, OCT_PH_NO_ANSWER), PDF_FAM_BODY, PDF_VAR_I, p->L.muted);
    /* ruled lines down the card (its text box is the "page" here) */
    double lh = pdf_lh(p, c->size) * 1.6;
    int n = (int)((pdf_body_height(p) - pdf_lh(p, c->size)) / lh);
    if (n < NOTE_LINES) n = NOTE_LINES;
    if (n > 4 * NOTE_LINES) n = 4 * NOTE_LINES;
    pdf_ruled_lines(p, 0, c->w, lh, n, n);
}

/* A card has no page foot: the notes an answer refers to follow it, small,
 * each behind its number. */
typedef struct {
    oct_pdf *p;
    pdf_ctx col; /* the answer's column */
    pdf_ctx in;  /* the notes' column in it, indented, in the small size */
} note_ctx;

/* Laid out for left-to-right text, mirrored across the column for a note
 * that runs from the right: its number on the right, as in the booklet's
 * notes (notes.c). */
static void put_note(const oct_node *def, void *ctx)
{
    note_ctx *nc = ctx;
    oct_pdf *p = nc->p;
    double small = nc->in.size;
    bool rtl = pdf_node_rtl(def);
    pdf_ctx in = nc->in;
    in.x = pdf_flip(&nc->col, rtl, in.x, in.w);
    pdf_flow_space(p->cur, p->L.paragraph_gap * 0.5);
    size_t from = p->cur->n;
    pdf_layout_blocks(p, &in, def->first);
    char num[24];
    snprintf(num, sizeof num, "%d", def->u.footnote.index);
    pdf_style st = pdf_style_make(PDF_FAM_BODY, PDF_VAR_R, small, p->L.muted);
    pdf_text label = {0};
    pdf_text_add(p, &label, num, strlen(num), &st, def, false);
    double w = pdf_text_width(&label, 0, label.n), right = nc->in.x - small * 0.5;
    pdf_attach_label(p, from, &label, pdf_flip(&nc->col, rtl, right - w, w) + w);
    pdf_text_free(&label);
}

static void footnotes(oct_pdf *p, const pdf_ctx *c, const oct_node *a)
{
    double small = c->size * p->L.small_size / p->L.body_size;
    note_ctx nc = {p, *c, *c};
    nc.in.size = small;
    nc.in.x += small * 1.6;
    nc.in.w -= small * 1.6;
    if (!p->notes) p->notes = oct_footnote_defs_new(p->tree);
    oct_footnote_defs_each(p->notes, a, put_note, &nc);
}

/* One member's answers; headed by its source when the cluster's answers
 * come from several members (an unarranged booklet asks it twice). */
static void member_answers(oct_pdf *p, const pdf_ctx *c, const oct_node *q, bool head)
{
    if (head) {
        oct_buf b = OCT_BUF_INIT;
        oct_buf_puts(&b, pdf_phrase(p, OCT_PH_ANSWER_FROM));
        oct_buf_puts(&b, oct_tree_source_title(p->tree, q->span.file));
        small_line(p, c, b.data, PDF_FAM_HEAD, PDF_VAR_B, p->L.accent);
        pdf_flow_keep_last(p->cur);
        oct_buf_free(&b);
    }
    pdf_layout_answers(p, c, q);
    for (const oct_node *a = q->first; a; a = a->next)
        if (a->kind == OCT_ANSWER && a->first) footnotes(p, c, a);
}

void pdf_card_back(oct_pdf *p, size_t c, double size, double bw)
{
    pdf_ctx ctx = {0, bw, size, 1, 0, false};
    const oct_bank *b = &p->bank;
    size_t answering = b->nanswering[c];
    if (answering == 0) {
        no_answer(p, &ctx);
        return;
    }
    bool any = false;
    for (size_t i = b->first[c]; i != (size_t)-1; i = b->next[i]) {
        if (!oct_question_has_answer(b->q[i])) continue;
        if (any) pdf_flow_space(p->cur, p->L.paragraph_gap * 1.2);
        member_answers(p, &ctx, b->q[i], answering > 1);
        any = true;
    }
}
