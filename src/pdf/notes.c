/* Footnote definitions, set as notes at the end of their chapter: a short
 * rule, then each note in the small size behind its number. */
#include "pdf/internal.h"

#include <stdio.h>
#include <string.h>

/* True if an earlier sibling of n is a definition (then the whole group
 * was set when that one was reached). */
static bool group_done(const oct_node *n)
{
    for (const oct_node *s = n->prev; s; s = s->prev)
        if (s->kind == OCT_FOOTNOTE_DEF) return true;
    return false;
}

static void note_rule(oct_pdf *p, const pdf_ctx *c, bool rtl)
{
    pdf_item *it = pdf_flow_push(p->cur, p->L.paragraph_gap * 1.5, PDF_IT_KEEP_NEXT);
    pdf_op *op = pdf_item_op(it, PDF_OP_LINE);
    op->color = pdf_color_id(p, p->L.rule);
    op->lw = 0.5f;
    op->w = c->w * 0.22;
    op->x = pdf_flip(c, rtl, c->x, op->w);
    op->y = 1;
}

void pdf_layout_footnotes(oct_pdf *p, const pdf_ctx *c, const oct_node *first)
{
    if (group_done(first)) return;
    double size = c->size * p->L.small_size / p->L.body_size;
    double labelw = size * 1.9;
    pdf_ctx in = *c;
    in.depth++;
    in.size = size;
    if (c->w > labelw * 8) {
        in.x += labelw;
        in.w -= labelw;
    }
    /* the notes go the way the first one's text does */
    bool rtl = pdf_node_rtl(first);
    double label_right = in.x - size * 0.5;
    in.x = pdf_flip(c, rtl, in.x, in.w);
    note_rule(p, c, rtl);
    bool any = false;
    pdf_text label = {0};
    for (const oct_node *d = first; d; d = d->next) {
        if (d->kind != OCT_FOOTNOTE_DEF) continue;
        if (any) pdf_flow_space(p->cur, p->L.paragraph_gap * 0.5);
        any = true;
        size_t from = p->cur->n;
        pdf_layout_blocks(p, &in, d->first);
        char num[24], buf[64];
        snprintf(num, sizeof num, "%d", d->u.footnote.index);
        pdf_style st = pdf_style_make(PDF_FAM_BODY, PDF_VAR_R, size, p->L.muted);
        pdf_text_clear(&label);
        pdf_text_add(p, &label, num, strlen(num), &st, d, false);
        double w = pdf_text_width(&label, 0, label.n);
        pdf_attach_label(p, from, &label, pdf_flip(c, rtl, label_right - w, w) + w);
        pdf_item_dest(p, &p->cur->it[from], pdf_node_key(p, d, buf, sizeof buf), 0);
    }
    pdf_text_free(&label);
}
