/* Lists: hanging labels (the source's own numbers, bullets by depth, task
 * boxes) set in front of each item's first line. */
#include "pdf/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const BULLETS[] = {"\xE2\x80\xA2", "\xE2\x97\xA6", "\xE2\x96\xAA",
                                      "\xE2\x80\x93"}; /* • ◦ ▪ – */

void pdf_attach_label(oct_pdf *p, size_t from, const pdf_text *label, double x_right)
{
    pdf_flow *f = p->cur;
    size_t i = from;
    while (i < f->n && f->it[i].base <= 0)
        i++;
    if (i == f->n) {
        double size = label->nst ? label->st[0].size : p->L.body_size;
        double lh = pdf_lh(p, size);
        pdf_item *it = pdf_flow_push(f, lh, 0);
        it->base = pdf_baseline(lh, size);
    }
    pdf_item *it = &f->it[i];
    pdf_line ln = {0, label->n, label->n, pdf_text_width(label, 0, label->n), 0, 0, false, false};
    ln.avail = ln.width;
    pdf_item tmp = {0};
    pdf_set_line(p, &tmp, label, &ln, x_right - ln.width, it->base, PDF_AL_LEFT);
    for (size_t k = tmp.nops; k-- > 0;)
        *pdf_item_op_front(it, tmp.ops[k].kind) = tmp.ops[k];
    free(tmp.ops);
}

/* An empty or ticked box on the item's first baseline, ending at x_right. */
static void attach_box(oct_pdf *p, size_t from, double x_right, double size, bool done)
{
    pdf_flow *f = p->cur;
    size_t i = from;
    while (i < f->n && f->it[i].base <= 0)
        i++;
    if (i == f->n) return;
    double s = size * 0.68;
    pdf_op *op = pdf_item_op(&f->it[i], PDF_OP_BOX);
    op->color = pdf_color_id(p, p->L.muted);
    op->lw = 0.7f;
    op->x = x_right - s;
    op->y = f->it[i].base - s * 0.98;
    op->w = op->h = s;
    if (!done) return;
    pdf_op box = *op; /* the next op may move the item's ops (realloc) */
    pdf_op *ck = pdf_item_op(&f->it[i], PDF_OP_CHECK);
    *ck = box;
    ck->kind = PDF_OP_CHECK;
    ck->color = pdf_color_id(p, p->L.accent);
    ck->lw = 1.1f;
}

/* An item's number or bullet; right to left, the number's period (or
 * parenthesis) stands on its left, between it and the item: ".1". */
static void label_text(oct_pdf *p, pdf_text *t, const oct_node *list, const oct_node *item,
                       int index, int depth, double size, bool rtl)
{
    pdf_style st = pdf_style_make(PDF_FAM_BODY, PDF_VAR_R, size, p->L.text);
    char buf[32];
    const char *s = buf;
    if (list->u.list.ordered) {
        int num = item->u.item.number ? item->u.item.number : list->u.list.start + index;
        char delim = list->u.list.delim == ')' ? ')' : '.';
        if (rtl)
            snprintf(buf, sizeof buf, "%c%d", delim == ')' ? '(' : '.', num);
        else
            snprintf(buf, sizeof buf, "%d%c", num, delim);
    } else {
        s = BULLETS[depth % 4];
        st.color = p->L.muted;
    }
    pdf_text_clear(t);
    pdf_text_add(p, t, s, strlen(s), &st, item, false);
}

void pdf_layout_list(oct_pdf *p, const pdf_ctx *c, const oct_node *n)
{
    double size = c->size, labelw = size * 0.9;
    bool tasks = false;
    pdf_text label = {0};
    int idx = 0;
    for (const oct_node *it = n->first; it; it = it->next, idx++) {
        if (it->kind != OCT_ITEM) continue;
        label_text(p, &label, n, it, idx, c->bullets, size, false);
        double w = pdf_text_width(&label, 0, label.n);
        if (w > labelw) labelw = w;
        if (it->u.item.task != OCT_TASK_NONE) tasks = true;
    }
    double boxw = size * 0.68 + size * 0.35;
    double indent = labelw + size * 0.55 + (tasks && n->u.list.ordered ? boxw : 0);
    if (indent < size * 1.6) indent = size * 1.6;
    pdf_ctx in = *c;
    in.depth++;
    if (!n->u.list.ordered) in.bullets++;
    in.tight = n->u.list.tight;
    if (c->w > indent * 6) {
        in.x += indent;
        in.w -= indent;
    }
    /* laid out for left-to-right text, then mirrored for right-to-left */
    bool rtl = pdf_node_rtl(n);
    double label_right = in.x - size * 0.55;
    in.x = pdf_flip(c, rtl, in.x, in.w);
    double gap = n->u.list.tight ? p->L.paragraph_gap * 0.4 : p->L.paragraph_gap;
    idx = 0;
    for (const oct_node *it = n->first; it; it = it->next, idx++) {
        if (it != n->first) pdf_flow_space(p->cur, gap);
        size_t from = p->cur->n;
        if (it->kind != OCT_ITEM) {
            pdf_layout_block(p, &in, it);
            continue;
        }
        pdf_layout_blocks(p, &in, it->first);
        bool task = it->u.item.task != OCT_TASK_NONE;
        double s = size * 0.68, box_right = pdf_flip(c, rtl, label_right - s, s) + s;
        if (task && !n->u.list.ordered) {
            if (from == p->cur->n) pdf_attach_label(p, from, &(pdf_text){0}, label_right);
            attach_box(p, from, box_right, size, it->u.item.task == OCT_TASK_DONE);
            continue;
        }
        label_text(p, &label, n, it, idx, c->bullets, size, rtl);
        double w = pdf_text_width(&label, 0, label.n);
        double right = label_right - (task ? boxw : 0);
        pdf_attach_label(p, from, &label, pdf_flip(c, rtl, right - w, w) + w);
        if (task) attach_box(p, from, box_right, size, it->u.item.task == OCT_TASK_DONE);
    }
    pdf_text_free(&label);
}
