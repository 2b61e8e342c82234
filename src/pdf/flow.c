/* The flow: a vertical list of items (strips of page) with their drawing
 * operations, built by layout and consumed by pagination and painting. */
#include "pdf/internal.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An item's ops grow by doubling while it is the last one; once the next
 * is pushed it rarely gets more (a label in front), so its spare room is
 * given back: most items hold one to three ops of the eight first made. */
static void trim_ops(pdf_item *it)
{
    if (it->cap == it->nops) return;
    if (it->nops == 0) {
        free(it->ops);
        it->ops = NULL;
    } else {
        it->ops = oct_xrealloc(it->ops, it->nops * sizeof *it->ops);
    }
    it->cap = it->nops;
}

pdf_item *pdf_flow_push(pdf_flow *f, double h, unsigned flags)
{
    if (f->n > 0) trim_ops(&f->it[f->n - 1]);
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

size_t pdf_flow_content_from(const pdf_flow *f, size_t i, size_t to)
{
    while (i < to && !pdf_item_is_content(&f->it[i]))
        i++;
    return i;
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

/* Offsets into the pool are 32-bit (ops are many): a pool that would
 * pass 4 GB (some 500 million glyphs) ends the build like memory that
 * runs out. */
static uint32_t pool_offset(const oct_pdf *p, size_t more)
{
    if (p->pool.len + more >= UINT32_MAX) {
        fprintf(stderr, "octavo: error: out of memory (PDF text pool over 4 GB) [oom]\n");
        exit(3);
    }
    return (uint32_t)p->pool.len;
}

uint32_t pdf_pool_put(oct_pdf *p, const char *s, size_t n)
{
    uint32_t off = pool_offset(p, n + 1);
    oct_buf_put(&p->pool, s, n);
    oct_buf_putc(&p->pool, '\0');
    return off;
}

/* A packed glyph: its id and its advance doubled (int16, little-endian);
 * an odd second word (1) says the advance and the offsets follow as three
 * int16. Most glyphs sit where the one before left the pen: 4 bytes
 * instead of the 8 of a pdf_glyph, and a run is read once, in order. */
enum { PACKED_SHORT = 4, PACKED_LONG = 10 };

static void put16(unsigned char *d, int v)
{
    d[0] = (unsigned char)(v & 0xFF);
    d[1] = (unsigned char)((v >> 8) & 0xFF);
}

static int get16(const unsigned char *d)
{
    return (int16_t)(uint16_t)(d[0] | (unsigned)d[1] << 8);
}

uint32_t pdf_pool_glyphs(oct_pdf *p, const pdf_glyph *g, size_t n, uint32_t *bytes)
{
    uint32_t off = pool_offset(p, n * PACKED_LONG);
    size_t start = p->pool.len;
    for (size_t i = 0; i < n; i++) {
        unsigned char d[PACKED_LONG];
        size_t len = PACKED_SHORT;
        put16(d, g[i].gid);
        if (g[i].dx == 0 && g[i].dy == 0 && g[i].adv >= -16384 && g[i].adv <= 16383) {
            put16(d + 2, g[i].adv * 2);
        } else {
            put16(d + 2, 1);
            put16(d + 4, g[i].adv);
            put16(d + 6, g[i].dx);
            put16(d + 8, g[i].dy);
            len = PACKED_LONG;
        }
        oct_buf_put(&p->pool, d, len);
    }
    *bytes = (uint32_t)(p->pool.len - start);
    return off;
}

pdf_glyph pdf_glyph_next(const char **at)
{
    const unsigned char *d = (const unsigned char *)*at;
    pdf_glyph g = {(uint16_t)get16(d), 0, 0, 0};
    int w = get16(d + 2);
    if (w == 1) {
        g.adv = (int16_t)get16(d + 4);
        g.dx = (int16_t)get16(d + 6);
        g.dy = (int16_t)get16(d + 8);
        *at += PACKED_LONG;
    } else {
        g.adv = (int16_t)(w / 2);
        *at += PACKED_SHORT;
    }
    return g;
}

/* Room left after trimming for what painting adds (running heads and
 * folios, dropped once painted): the pool need not double again. */
enum { POOL_SPARE = 64 * 1024 };

void pdf_pool_trim(oct_pdf *p)
{
    if (p->pool.cap > p->pool.len + 1 + POOL_SPARE) {
        p->pool.data = oct_xrealloc(p->pool.data, p->pool.len + 1 + POOL_SPARE);
        p->pool.cap = p->pool.len + 1 + POOL_SPARE;
    }
}

void pdf_pool_drop(oct_pdf *p, size_t from)
{
    if (from >= p->pool.len) return;
    p->pool.len = from;
    p->pool.data[from] = '\0';
}

void pdf_flow_trim(pdf_flow *f)
{
    for (size_t i = 0; i < f->n; i++)
        trim_ops(&f->it[i]);
    if (f->n > 0 && f->cap > f->n) {
        f->it = oct_xrealloc(f->it, f->n * sizeof *f->it);
        f->cap = f->n;
    }
}

uint16_t pdf_color_id(oct_pdf *p, oct_color c)
{
    for (size_t i = p->ncolors; i-- > 0;) /* a few dozen at most: text, rules, code */
        if (p->colors[i].r == c.r && p->colors[i].g == c.g && p->colors[i].b == c.b)
            return (uint16_t)i;
    if (p->ncolors > UINT16_MAX) return 0; /* never: colours come from the layout and themes */
    OCT_GROW(p->colors, p->capcolors, p->ncolors + 1);
    p->colors[p->ncolors] = c;
    return (uint16_t)p->ncolors++;
}

oct_color pdf_op_color(const oct_pdf *p, const pdf_op *op)
{
    return op->color < p->ncolors ? p->colors[op->color] : (oct_color){0, 0, 0};
}

void pdf_item_dest(oct_pdf *p, pdf_item *it, const char *key, double y)
{
    pdf_op *op = pdf_item_op(it, PDF_OP_DEST);
    op->y = y;
    op->len = (uint32_t)strlen(key);
    op->text = pdf_pool_put(p, key, op->len);
}
