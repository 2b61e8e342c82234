/* One broken line -> drawing operations.
 *
 * Characters are grouped into runs of one face and style, each a text
 * operation holding the shaped glyphs of its characters; a justified line
 * starts a new run after every stretched space, so each word sits exactly
 * where the breaker put it. The spaces themselves are drawn too (they are
 * invisible), which keeps word boundaries in extracted and copied text.
 * Decorations (inline-code tint, strike line, link area) follow the style
 * segments, not the runs, so a link or a strike is one piece per line. */
#include "pdf/internal.h"
#include "unicode/bidi.h"
#include "util/xalloc.h"

#include <math.h>
#include <stdlib.h>

#include <string.h>

typedef struct {
    oct_pdf *p;
    pdf_item *it;
    const pdf_text *t;
    double base;
    oct_buf run;
    oct_buf actual; /* the run's ActualText, when it is one cluster of several glyphs */
    double run_x;
    int run_slot, run_style;
    int seg_style;
    double seg_x0, seg_x1;
} setter;

double pdf_baseline(double lh, double sz)
{
    return lh / 2 + 0.3 * sz;
}

static void flush_run(setter *s)
{
    if (s->run.len > 0 && s->run_slot != PDF_SLOT_NONE) {
        const pdf_style *st = &s->t->st[s->run_style];
        pdf_op *op = pdf_item_op(s->it, PDF_OP_TEXT);
        op->slot = (uint8_t)s->run_slot;
        op->size = st->size;
        op->color = pdf_color_id(s->p, st->color);
        op->x = s->run_x;
        op->y = s->base - ((st->flags & PDF_ST_SUPER) ? st->size * 0.62
                           : (st->flags & PDF_ST_SUB) ? -st->size * 0.28
                                                      : 0);
        op->text = pdf_pool_glyphs(s->p, (const pdf_glyph *)s->run.data,
                                   s->run.len / sizeof(pdf_glyph), &op->len);
        if (s->actual.len) {
            op->alen = (uint32_t)s->actual.len;
            op->atext = pdf_pool_put(s->p, s->actual.data, s->actual.len);
        }
    }
    oct_buf_clear(&s->actual);
    oct_buf_clear(&s->run);
    s->run_slot = PDF_SLOT_NONE;
}

static void flush_segment(setter *s)
{
    if (s->seg_style < 0 || s->seg_x1 <= s->seg_x0) return;
    const pdf_style *st = &s->t->st[s->seg_style];
    double w = s->seg_x1 - s->seg_x0;
    if (st->mark > 0) /* an index place: its page is where this line falls */
        pdf_item_dest(s->p, s->it, pdf_index_key(s->p, st->mark), s->base - st->size);
    if (st->flags & PDF_ST_CODE) {
        pdf_op *op = pdf_item_op(s->it, PDF_OP_RECT);
        op->color = pdf_color_id(s->p, s->p->L.code_background);
        op->x = s->seg_x0 - 1.5;
        op->w = w + 3;
        op->y = s->base - st->size * 0.93;
        op->h = st->size * 1.22;
    }
    if (st->flags & PDF_ST_STRIKE) {
        pdf_op *op = pdf_item_op(s->it, PDF_OP_LINE);
        op->color = pdf_color_id(s->p, st->color);
        op->lw = st->size * 0.055f;
        op->x = s->seg_x0;
        op->w = w;
        op->y = s->base - st->size * 0.27;
    }
    if ((st->flags & PDF_ST_LINK) && st->link >= 0) {
        pdf_op *op = pdf_item_op(s->it, PDF_OP_LINK);
        op->link = st->link;
        op->x = s->seg_x0;
        op->w = w;
        op->y = s->base - st->size * 0.95;
        op->h = st->size * 1.25;
    }
}

/* The line's characters in the order they are seen from the left: NULL
 * for the logical order (no right-to-left text: the common case costs a
 * scan and no allocation), else malloc'd, with *rtl_of telling which are
 * set right to left. A right-to-left paragraph also swaps left and right
 * alignment. */
static size_t *visual_order(const pdf_text *t, const pdf_line *ln, pdf_align *al, bool **rtl_of)
{
    bool rtl = t->dir == 2, mixed = rtl;
    for (size_t i = ln->a; i < ln->b && !mixed; i++)
        mixed = t->c[i].cp >= 0x590; /* nothing below Hebrew needs reordering */
    if (rtl && *al != PDF_AL_CENTER) *al = *al == PDF_AL_RIGHT ? PDF_AL_LEFT : PDF_AL_RIGHT;
    if (!mixed) return NULL;
    size_t n = ln->b - ln->a;
    uint32_t *cps = oct_xmalloc((n ? n : 1) * sizeof *cps);
    for (size_t i = 0; i < n; i++)
        cps[i] = t->c[ln->a + i].cp;
    size_t *order = NULL;
    if (rtl || oct_bidi_needed(cps, n)) {
        order = oct_xmalloc((n ? n : 1) * sizeof *order);
        *rtl_of = oct_xmalloc((n ? n : 1) * sizeof **rtl_of);
        oct_bidi_visual(cps, n, rtl, order, *rtl_of);
    }
    free(cps);
    return order;
}

/* A character set right to left shows its mirror image: '(' closes. Text
 * is shaped before lines are broken, so the swap is made here, from the
 * same face (a mirrored pair has one width). */
static void put_mirrored(setter *s, const pdf_char *c, const pdf_glyph *g)
{
    pdf_glyph m = *g;
    uint32_t mc = oct_bidi_mirror(c->cp);
    unsigned gid = mc != c->cp ? pdf_font_glyph_for(s->p->fonts, c->slot, mc) : 0;
    if (gid) m.gid = (uint16_t)gid;
    oct_buf_put(&s->run, (const char *)&m, sizeof m);
}

/* The text of the cluster starting at char i, for its ActualText. Text
 * extraction reverses what it reads right to left, the span's text with
 * it, so a right-to-left cluster's characters are given reversed. */
static void cluster_text(setter *s, size_t i, bool rtl)
{
    const pdf_text *t = s->t;
    size_t end = i + 1;
    while (end < t->n && t->c[end].ng == 0 && t->c[end].slot == t->c[i].slot)
        end++;
    for (size_t k = 0; k < end - i; k++)
        oct_buf_put_utf8(&s->actual, t->c[rtl ? end - 1 - k : i + k].cp);
}

/* The hyphen of a line ending at a hyphenation point, in the face and
 * style of the char before it (breaking.c counted its width). */
static double put_hyphen(setter *s, size_t i, double pen)
{
    const pdf_char *c = &s->t->c[i];
    unsigned gid = c->slot == PDF_SLOT_NONE ? 0 : pdf_font_glyph_for(s->p->fonts, c->slot, '-');
    if (!gid) return pen;
    if (c->slot != s->run_slot || c->style != s->run_style || s->actual.len) {
        flush_run(s);
        s->run_slot = c->slot;
        s->run_style = c->style;
        s->run_x = pen;
    }
    int adv = pdf_font_glyph_width(s->p->fonts, c->slot, gid);
    pdf_glyph g = {(uint16_t)gid, (int16_t)adv, 0, 0};
    oct_buf_put(&s->run, (const char *)&g, sizeof g);
    pen += adv * (double)s->t->st[c->style].size / 1000.0;
    s->seg_x1 = pen;
    return pen;
}

void pdf_set_line(oct_pdf *p, pdf_item *it, const pdf_text *t, const pdf_line *ln, double x,
                  double y, pdf_align al)
{
    bool *rtl_of = NULL;
    size_t *order = visual_order(t, ln, &al, &rtl_of);
    double slack = ln->avail - ln->width, extra = 0;
    if (ln->justify && ln->nspace > 0) {
        /* Word spaces grow to at most twice their width; a line that would
         * need more stays ragged rather than full of holes. */
        double spw = 0;
        for (size_t i = ln->a; i < ln->b; i++) {
            if (pdf_stretchable_space(t, i)) spw += pdf_char_width(t, i);
            if (i + 1 < ln->b && pdf_gap_after(t, i)) spw += pdf_gap_width(t, i);
        }
        extra = slack / ln->nspace;
        if (extra > spw * PDF_MAX_SPACE_GROWTH / ln->nspace)
            extra = spw * PDF_MAX_SPACE_GROWTH / ln->nspace;
    } else if (al == PDF_AL_RIGHT)
        x += slack;
    else if (al == PDF_AL_CENTER)
        x += slack / 2;

    /* the run buffers are the PDF's, kept from line to line: allocating
     * them for each line was a tenth of placing it */
    setter s = {p, it, t, y, p->line_run, p->line_actual, 0, PDF_SLOT_NONE, -1, -1, 0, 0};
    oct_buf_clear(&s.run);
    oct_buf_clear(&s.actual);
    double pen = x;
    for (size_t v = ln->a; v < ln->b; v++) {
        size_t i = order ? ln->a + order[v - ln->a] : v;
        const pdf_char *c = &t->c[i];
        if (c->style != s.seg_style) {
            flush_segment(&s);
            s.seg_style = c->style;
            s.seg_x0 = s.seg_x1 = pen;
        }
        if (c->slot == PDF_SLOT_NONE) continue;
        bool complex = c->ng > 1;
        if (c->slot != s.run_slot || c->style != s.run_style || complex || s.actual.len) {
            flush_run(&s);
            s.run_slot = c->slot;
            s.run_style = c->style;
            s.run_x = pen;
        }
        if (complex) /* a run of its own, with its text (flush_run) */
            cluster_text(&s, i, rtl_of && rtl_of[i - ln->a]);
        if (rtl_of && rtl_of[i - ln->a] && c->ng == 1)
            put_mirrored(&s, c, &t->g[c->g]);
        else if (c->ng == 1) /* a constant size: a move, not the string copy of n bytes */
            oct_buf_put(&s.run, (const char *)&t->g[c->g], sizeof *t->g);
        else
            oct_buf_put(&s.run, (const char *)&t->g[c->g], c->ng * sizeof *t->g);
        pen += pdf_char_width(t, i);
        if (extra != 0 && !order && i + 1 < ln->b && pdf_gap_after(t, i) && s.run.len) {
            /* a gap of an unspaced script: the last glyph steps further */
            pdf_glyph *g = (pdf_glyph *)(s.run.data + s.run.len - sizeof *g);
            g->adv = (int16_t)(g->adv + lround(extra * 1000.0 / t->st[c->style].size));
            pen += extra;
        }
        if (c->cp == ' ' && extra != 0 && pdf_stretchable_space(t, i)) {
            pen += extra;
            flush_run(&s);
        } else if (c->cp != ' ') {
            s.seg_x1 = pen;
        }
    }
    if (ln->hyphen && ln->b > ln->a) pen = put_hyphen(&s, ln->b - 1, pen);
    flush_run(&s);
    flush_segment(&s);
    p->line_run = s.run;
    p->line_actual = s.actual;
    free(order);
    free(rtl_of);
}
