/* Tables: column widths from the content (each column's narrowest and
 * widest setting; when not all fit at their widest, the widest columns
 * give way first, down to a common width), wrapped cells, booktabs-style
 * rules, and the header row repeated at the top of every page the table
 * continues on. A row is one item -- its cells painted one after the
 * other, in reading order -- unless it is taller than a page, then it is
 * cut into chunks of lines. A cell's available pictures are drawn below its
 * text, scaled to the column (never enlarged, at most a quarter of the
 * page body high); a column holding one is at least PIC_MIN_W wide. */
#include "pdf/internal.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define MAX_COLS 256
#define PIC_MIN_W 48.0 /* points: a picture in a cell is no narrower (unless smaller) */

typedef struct {
    const oct_node *img;
    double w, h; /* natural size, then the size drawn */
} cell_pic;

typedef struct {
    pdf_text t;
    pdf_line *lines;
    size_t nl;
    cell_pic *pics;
    size_t npics, cappics;
    double pich; /* height of its pictures with their gaps */
} cell;

typedef struct {
    const oct_node *node;
    cell *cells; /* ncols */
    bool header;
    size_t nl;   /* lines of its tallest cell */
    double pich; /* pictures of its tallest picture stack */
    double h;    /* its tallest cell, lines and pictures (padding aside) */
} row;

typedef struct {
    size_t nrows, ncols;
    row *rows;
    double *colw, *colx;
    double size, lh, pad_x, pad_y, width;
    double x0;                /* the table's left edge from the column's */
    double pic_maxh, pic_gap; /* pictures in cells: tallest, space above each */
    const oct_align *aligns;
    size_t naligns;
} table;

/* The available pictures of a cell, in reading order (its text leaves
 * them out). */
static void collect_pics(oct_pdf *p, cell *cl, const oct_node *cn)
{
    oct_iter it;
    oct_iter_init(&it, cn);
    oct_event ev;
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE) {
        const oct_node *n = it.cur;
        if (ev != OCT_EV_ENTER || n == cn) continue;
        if (n->kind == OCT_FOOTNOTE_REF) {
            oct_iter_skip_children(&it);
        } else if (n->kind == OCT_IMAGE && pdf_image_available(p, n)) {
            OCT_GROW(cl->pics, cl->cappics, cl->npics + 1);
            cell_pic *pic = &cl->pics[cl->npics++];
            pic->img = n;
            pdf_image_natural(p, n, &pic->w, &pic->h);
            oct_iter_skip_children(&it);
        }
    }
}

static void build_cells(oct_pdf *p, table *tb, const oct_node *n)
{
    bool defer = p->defer_images;
    p->defer_images = true;
    size_t r = 0;
    for (const oct_node *rn = n->first; rn; rn = rn->next) {
        if (rn->kind != OCT_TABLE_ROW) continue;
        row *rw = &tb->rows[r++];
        rw->node = rn;
        rw->header = rn->u.row.header;
        rw->cells = oct_xcalloc(tb->ncols, sizeof *rw->cells);
        size_t j = 0;
        for (const oct_node *cn = rn->first; cn && j < tb->ncols; cn = cn->next, j++) {
            pdf_style st = pdf_style_make(PDF_FAM_BODY, rw->header ? PDF_VAR_B : PDF_VAR_R,
                                          tb->size, p->L.text);
            if (cn->kind == OCT_TABLE_CELL) {
                pdf_text_inlines(p, &rw->cells[j].t, cn, &st);
                collect_pics(p, &rw->cells[j], cn);
            } else { /* a malformed row: keep its text anyway */
                char *s = pdf_plain_text(cn);
                pdf_text_add(p, &rw->cells[j].t, s, strlen(s), &st, cn, false);
                free(s);
            }
            pdf_text_breaks(p, &rw->cells[j].t);
        }
    }
    p->defer_images = defer;
}

/* Narrowest and widest setting a cell's pictures ask for; a picture asks
 * for at most `cap` (a picture, however large, leaves room to the text). */
static void pic_extent(const cell *cl, double cap, double *mn, double *mx)
{
    *mn = *mx = 0;
    for (size_t k = 0; k < cl->npics; k++) {
        double w = cl->pics[k].w < cap ? cl->pics[k].w : cap;
        double least = w < PIC_MIN_W ? w : PIC_MIN_W;
        if (least > *mn) *mn = least;
        if (w > *mx) *mx = w;
    }
}

/* A column set at width level L: its widest setting if that is narrower,
 * never under its narrowest. */
static double clamp_width(double mn, double mx, double level)
{
    double w = mx < level ? mx : level;
    return w > mn ? w : mn;
}

/* When the columns cannot all have their widest setting, the widest give
 * way first: the level L at which the columns, each clamped to [mn, L] or
 * its widest, fill avail. Short columns ("Query Execution") then keep
 * their lines whole and the long text columns wrap. */
static double width_level(const double *mn, const double *mx, size_t n, double avail)
{
    double lo = 0, hi = 0;
    for (size_t j = 0; j < n; j++)
        if (mx[j] > hi) hi = mx[j];
    for (int k = 0; k < 50; k++) { /* the total grows with L: bisect */
        double mid = (lo + hi) / 2, sum = 0;
        for (size_t j = 0; j < n; j++)
            sum += clamp_width(mn[j], mx[j], mid);
        if (sum > avail)
            hi = mid;
        else
            lo = mid;
    }
    return lo;
}

static void column_widths(table *tb, double avail)
{
    double *mn = oct_xcalloc(tb->ncols, sizeof *mn), *mx = oct_xcalloc(tb->ncols, sizeof *mx);
    for (size_t r = 0; r < tb->nrows; r++) {
        for (size_t j = 0; j < tb->ncols; j++) {
            double a, b, pa, pb;
            pdf_text_extent(&tb->rows[r].cells[j].t, &a, &b);
            pic_extent(&tb->rows[r].cells[j], avail * 0.5, &pa, &pb);
            if (pa > a) a = pa;
            if (pb > b) b = pb;
            if (a + 2 * tb->pad_x > mn[j]) mn[j] = a + 2 * tb->pad_x;
            if (b + 2 * tb->pad_x > mx[j]) mx[j] = b + 2 * tb->pad_x;
        }
    }
    double smin = 0, smax = 0;
    for (size_t j = 0; j < tb->ncols; j++) {
        if (mn[j] < 3 * tb->pad_x) mn[j] = 3 * tb->pad_x;
        if (mx[j] < mn[j]) mx[j] = mn[j];
        smin += mn[j];
        smax += mx[j];
    }
    double level = smax <= avail || smin > avail ? 0 : width_level(mn, mx, tb->ncols, avail);
    for (size_t j = 0; j < tb->ncols; j++) {
        if (smax <= avail)
            tb->colw[j] = mx[j];
        else if (smin <= avail)
            tb->colw[j] = clamp_width(mn[j], mx[j], level);
        else
            tb->colw[j] = avail * mn[j] / smin;
    }
    tb->width = 0;
    for (size_t j = 0; j < tb->ncols; j++) {
        tb->colx[j] = tb->width;
        tb->width += tb->colw[j];
    }
    free(mn);
    free(mx);
}

/* Scales a cell's pictures to the column (never up, at most maxh high). */
static void fit_pics(const table *tb, cell *cl, double colw)
{
    cl->pich = 0;
    for (size_t k = 0; k < cl->npics; k++) {
        cell_pic *pic = &cl->pics[k];
        double s = 1.0;
        if (pic->w > colw) s = colw / pic->w;
        if (pic->h * s > tb->pic_maxh) s = tb->pic_maxh / pic->h;
        pic->w = pic->w * s < 0.5 ? 0.5 : pic->w * s;
        pic->h = pic->h * s < 0.5 ? 0.5 : pic->h * s;
        cl->pich += pic->h + (cl->nl > 0 || k > 0 ? tb->pic_gap : 0);
    }
}

static void break_cells(table *tb)
{
    for (size_t r = 0; r < tb->nrows; r++) {
        row *rw = &tb->rows[r];
        for (size_t j = 0; j < tb->ncols; j++) {
            double w = tb->colw[j] - 2 * tb->pad_x;
            pdf_measure m = {.first = w, .rest = w, .mode = PDF_BREAK_TOTAL_FIT};
            cell *cl = &rw->cells[j];
            cl->nl = pdf_break_lines(&cl->t, &m, &cl->lines);
            if (cl->t.n == 0) cl->nl = 0;
            if (cl->nl > rw->nl) rw->nl = cl->nl;
            fit_pics(tb, cl, w);
            if (cl->pich > rw->pich) rw->pich = cl->pich;
            double ch = (double)cl->nl * tb->lh + cl->pich;
            if (ch > rw->h) rw->h = ch;
        }
        if (rw->nl == 0 && rw->pich == 0) rw->nl = 1;
    }
}

static pdf_align align_of(const table *tb, size_t j)
{
    oct_align a = j < tb->naligns ? tb->aligns[j] : OCT_ALIGN_NONE;
    return a == OCT_ALIGN_RIGHT    ? PDF_AL_RIGHT
           : a == OCT_ALIGN_CENTER ? PDF_AL_CENTER
                                   : PDF_AL_LEFT;
}

static void rule(pdf_item *it, const pdf_ctx *c, const table *tb, double y, double lw, uint16_t col)
{
    pdf_op *op = pdf_item_op(it, PDF_OP_LINE);
    op->color = col;
    op->lw = (float)lw;
    op->x = c->x + tb->x0;
    op->w = tb->width;
    op->y = y;
}

/* A table of right-to-left text reads from the right: its first column
 * is the rightmost, and it stands against the column's right edge. */
static void mirror_columns(table *tb, double avail)
{
    tb->x0 = avail > tb->width ? avail - tb->width : 0;
    for (size_t j = 0; j < tb->ncols; j++)
        tb->colx[j] = tb->x0 + tb->width - tb->colx[j] - tb->colw[j];
}

/* The pictures of cell j below its lines in the row's last chunk, whose
 * text starts at line l0 (y0: top of the first line). */
static void cell_pics(oct_pdf *p, pdf_item *it, const pdf_ctx *c, const table *tb, size_t j,
                      const cell *cl, size_t l0, double y0)
{
    double y = y0 + (double)(cl->nl > l0 ? cl->nl - l0 : 0) * tb->lh;
    double inner = tb->colw[j] - 2 * tb->pad_x;
    pdf_align al = align_of(tb, j);
    for (size_t k = 0; k < cl->npics; k++) {
        const cell_pic *pic = &cl->pics[k];
        if (cl->nl > 0 || k > 0) y += tb->pic_gap;
        double x = c->x + tb->colx[j] + tb->pad_x;
        if (al == PDF_AL_RIGHT) x += inner - pic->w;
        if (al == PDF_AL_CENTER) x += (inner - pic->w) / 2;
        pdf_image_op(p, it, pic->img, x, y, pic->w, pic->h);
        y += pic->h;
    }
}

/* Lines [l0, l1) of every cell of row r as one item; the last chunk also
 * holds the cells' pictures. */
static pdf_item *row_chunk(oct_pdf *p, const pdf_ctx *c, const table *tb, size_t r, size_t l0,
                           size_t l1)
{
    const row *rw = &tb->rows[r];
    bool top = l0 == 0, bottom = l1 == rw->nl;
    double pad_top = top ? tb->pad_y : 0;
    double body = (double)(l1 - l0) * tb->lh;
    for (size_t j = 0; bottom && j < tb->ncols; j++) { /* pictures below the last lines */
        const cell *cl = &rw->cells[j];
        size_t from = cl->nl < l0 ? cl->nl : l0;
        double ch = (double)(cl->nl - from) * tb->lh + cl->pich;
        if (ch > body) body = ch;
    }
    double h = body + pad_top + (bottom ? tb->pad_y : 0);
    pdf_item *it = pdf_flow_push(p->cur, h, bottom ? 0 : PDF_IT_KEEP_NEXT);
    it->base = pad_top + pdf_baseline(tb->lh, tb->size);
    for (size_t j = 0; j < tb->ncols; j++) {
        const cell *cl = &rw->cells[j];
        for (size_t k = l0; k < l1 && k < cl->nl; k++) {
            double y = pad_top + (double)(k - l0) * tb->lh + pdf_baseline(tb->lh, tb->size);
            pdf_set_line(p, it, &cl->t, &cl->lines[k], c->x + tb->colx[j] + tb->pad_x, y,
                         align_of(tb, j));
        }
        if (bottom) cell_pics(p, it, c, tb, j, cl, l0, pad_top);
    }
    bool first_row = r == 0, last_row = r + 1 == tb->nrows;
    bool header_end = rw->header && (last_row || !tb->rows[r + 1].header);
    if (top && first_row) rule(it, c, tb, 0, 0.9, pdf_color_id(p, p->L.text));
    if (bottom) {
        if (last_row)
            rule(it, c, tb, h, 0.9, pdf_color_id(p, p->L.text));
        else if (header_end)
            rule(it, c, tb, h, 0.55, pdf_color_id(p, p->L.text));
        else if (!rw->header)
            rule(it, c, tb, h, 0.3, pdf_color_id(p, p->L.rule));
    }
    return it;
}

static void emit_rows(oct_pdf *p, const pdf_ctx *c, const table *tb)
{
    size_t head0 = p->cur->n, nhead = 0;
    double headh = 0;
    for (size_t r = 0; r < tb->nrows && tb->rows[r].header; r++) {
        pdf_item *it = row_chunk(p, c, tb, r, 0, tb->rows[r].nl);
        it->flags |= PDF_IT_KEEP_NEXT;
        headh += it->h;
        nhead++;
    }
    double room = pdf_body_height(p) * 0.8;
    for (size_t r = nhead; r < tb->nrows; r++) {
        const row *rw = &tb->rows[r];
        size_t per = (size_t)((room - headh - rw->pich) / tb->lh);
        if (per < 1) per = 1;
        size_t chunk = rw->h + 2 * tb->pad_y > room ? per : rw->nl;
        size_t l0 = 0;
        do { /* a row of pictures only has no lines: one chunk */
            size_t l1 = l0 + chunk < rw->nl ? l0 + chunk : rw->nl;
            pdf_item *it = row_chunk(p, c, tb, r, l0, l1);
            it->head0 = head0;
            it->nhead = nhead;
            l0 = l1;
        } while (l0 < rw->nl);
    }
}

void pdf_layout_table(oct_pdf *p, const pdf_ctx *c, const oct_node *n)
{
    table tb;
    memset(&tb, 0, sizeof tb);
    tb.ncols = n->u.table.ncols > 0 ? (size_t)n->u.table.ncols : 0;
    tb.aligns = n->u.table.aligns;
    tb.naligns = tb.aligns ? tb.ncols : 0;
    for (const oct_node *rn = n->first; rn; rn = rn->next) {
        if (rn->kind != OCT_TABLE_ROW) continue;
        tb.nrows++;
        size_t k = 0;
        for (const oct_node *cn = rn->first; cn; cn = cn->next)
            k++;
        if (k > tb.ncols) tb.ncols = k;
    }
    if (tb.nrows == 0 || tb.ncols == 0) return;
    if (tb.ncols > MAX_COLS) tb.ncols = MAX_COLS;
    tb.size = c->size * 0.92;
    tb.lh = pdf_lh(p, tb.size) * 0.96;
    tb.pad_x = tb.size * 0.45;
    tb.pad_y = tb.size * 0.32;
    tb.pic_maxh = pdf_body_height(p) * 0.25;
    tb.pic_gap = tb.lh * 0.25;
    tb.rows = oct_xcalloc(tb.nrows, sizeof *tb.rows);
    tb.colw = oct_xcalloc(tb.ncols, sizeof *tb.colw);
    tb.colx = oct_xcalloc(tb.ncols, sizeof *tb.colx);
    build_cells(p, &tb, n);
    column_widths(&tb, c->w);
    if (pdf_node_rtl(n)) mirror_columns(&tb, c->w);
    break_cells(&tb);
    emit_rows(p, c, &tb);
    for (size_t r = 0; r < tb.nrows; r++) {
        for (size_t j = 0; j < tb.ncols; j++) {
            pdf_text_free(&tb.rows[r].cells[j].t);
            free(tb.rows[r].cells[j].lines);
            free(tb.rows[r].cells[j].pics);
        }
        free(tb.rows[r].cells);
    }
    free(tb.rows);
    free(tb.colw);
    free(tb.colx);
}
