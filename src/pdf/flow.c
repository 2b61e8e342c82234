/* The flow: a vertical list of items (strips of page) with their drawing
 * operations, built by layout and consumed by pagination and painting. */
#include "pdf/internal.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

pdf_item *pdf_flow_push(pdf_flow *f, double h, unsigned flags)
{
    if (f->n == f->cap) {
        f->cap = f->cap ? f->cap * 2 : 256;
        f->it = oct_xrealloc(f->it, f->cap * sizeof *f->it);
    }
    pdf_item *it = &f->it[f->n++];
    memset(it, 0, sizeof *it);
    it->h = h;
    it->flags = flags;
    it->chapter = f->chapter;
    it->question = f->question;
    return it;
}

void pdf_flow_space(pdf_flow *f, double h)
{
    if (h <= 0) return;
    if (f->n > 0 && (f->it[f->n - 1].flags & PDF_IT_DISCARD) && f->it[f->n - 1].nops == 0) {
        pdf_item *last = &f->it[f->n - 1];
        if (h > last->h) last->h = h;
        return;
    }
    bool keep = f->n > 0 && (f->it[f->n - 1].flags & PDF_IT_KEEP_NEXT);
    pdf_flow_push(f, h, PDF_IT_DISCARD | (keep ? PDF_IT_KEEP_NEXT : 0));
}

void pdf_flow_keep_last(pdf_flow *f)
{
    /* a gap at the end keeps, and so does what it follows: a page may not
     * end just before the gap either */
    for (size_t i = f->n; i-- > 0;) {
        f->it[i].flags |= PDF_IT_KEEP_NEXT;
        if (!(f->it[i].flags & PDF_IT_DISCARD)) break;
    }
}

bool pdf_keep_line(const oct_pdf *p, size_t k, size_t n)
{
    size_t orphans = (size_t)p->L.breaks.orphans, widows = (size_t)p->L.breaks.widows;
    return k + 1 < n && (k + 1 < orphans || k + widows >= n);
}

void pdf_flow_free(pdf_flow *f)
{
    for (size_t i = 0; i < f->n; i++)
        free(f->it[i].ops);
    free(f->it);
    memset(f, 0, sizeof *f);
}

static pdf_op *grow_ops(pdf_item *it)
{
    if (it->nops == it->cap) {
        it->cap = it->cap ? it->cap * 2 : 8;
        it->ops = oct_xrealloc(it->ops, it->cap * sizeof *it->ops);
    }
    return it->ops;
}

static void init_op(pdf_op *op, pdf_op_kind kind)
{
    memset(op, 0, sizeof *op);
    op->kind = (uint8_t)kind;
    op->slot = PDF_SLOT_NONE;
    op->link = -1;
}

pdf_op *pdf_item_op(pdf_item *it, pdf_op_kind kind)
{
    pdf_op *op = &grow_ops(it)[it->nops++];
    init_op(op, kind);
    return op;
}

pdf_op *pdf_item_op_front(pdf_item *it, pdf_op_kind kind)
{
    grow_ops(it);
    memmove(it->ops + 1, it->ops, it->nops * sizeof *it->ops);
    it->nops++;
    init_op(&it->ops[0], kind);
    return &it->ops[0];
}

size_t pdf_pool_put(oct_pdf *p, const char *s, size_t n)
{
    size_t off = p->pool.len;
    oct_buf_put(&p->pool, s, n);
    oct_buf_putc(&p->pool, '\0');
    return off;
}

void pdf_item_dest(oct_pdf *p, pdf_item *it, const char *key, double y)
{
    pdf_op *op = pdf_item_op(it, PDF_OP_DEST);
    op->y = y;
    op->len = strlen(key);
    op->text = pdf_pool_put(p, key, op->len);
}
