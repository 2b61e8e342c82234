/* Tables: column widths from the content (each column's narrowest and
 * widest setting, the slack shared in proportion to how much a column
 * wants, as browsers do for auto tables), wrapped cells, booktabs-style
 * rules, and the header row repeated at the top of every page the table
 * continues on. A row is one item -- its cells painted one after the
 * other, in reading order -- unless it is taller than a page, then it is
 * cut into chunks of lines. */
#include "pdf/internal.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define MAX_COLS 256

typedef struct {
    pdf_text t;
    pdf_line *lines;
    size_t nl;
} cell;

typedef struct {
    const oct_node *node;
    cell *cells; /* ncols */
    bool header;
    size_t nl; /* lines of its tallest cell */
} row;

typedef struct {
    size_t nrows, ncols;
    row *rows;
    double *colw, *colx;
    double size, lh, pad_x, pad_y, width;
    const oct_align *aligns;
    size_t naligns;
} table;

static void build_cells(oct_pdf *p, table *tb, const oct_node *n)
{
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
            } else { /* a malformed row: keep its text anyway */
                char *s = pdf_plain_text(cn);
                pdf_text_add(p, &rw->cells[j].t, s, strlen(s), &st, cn, false);
                free(s);
            }
            pdf_text_breaks(p, &rw->cells[j].t);
        }
    }
}

static void column_widths(table *tb, double avail)
{
    double *mn = oct_xcalloc(tb->ncols, sizeof *mn), *mx = oct_xcalloc(tb->ncols, sizeof *mx);
    for (size_t r = 0; r < tb->nrows; r++) {
        for (size_t j = 0; j < tb->ncols; j++) {
            double a, b;
            pdf_text_extent(&tb->rows[r].cells[j].t, &a, &b);
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
    for (size_t j = 0; j < tb->ncols; j++) {
        if (smax <= avail)
            tb->colw[j] = mx[j];
        else if (smin <= avail)
            tb->colw[j] = mn[j] + (avail - smin) * (mx[j] - mn[j]) / (smax - smin);
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
        }
        if (rw->nl == 0) rw->nl = 1;
    }
}

static pdf_align align_of(const table *tb, size_t j)
{
    oct_align a = j < tb->naligns ? tb->aligns[j] : OCT_ALIGN_NONE;
    return a == OCT_ALIGN_RIGHT    ? PDF_AL_RIGHT
           : a == OCT_ALIGN_CENTER ? PDF_AL_CENTER
                                   : PDF_AL_LEFT;
}

static void rule(pdf_item *it, const pdf_ctx *c, const table *tb, double y, double lw,
                 oct_color col)
{
    pdf_op *op = pdf_item_op(it, PDF_OP_LINE);
    op->color = col;
    op->lw = (float)lw;
    op->x = c->x;
    op->w = tb->width;
    op->y = y;
}

/* Lines [l0, l1) of every cell of row r as one item. */
static pdf_item *row_chunk(oct_pdf *p, const pdf_ctx *c, const table *tb, size_t r, size_t l0,
                           size_t l1)
{
    const row *rw = &tb->rows[r];
    bool top = l0 == 0, bottom = l1 == rw->nl;
    double pad_top = top ? tb->pad_y : 0;
    double h = (double)(l1 - l0) * tb->lh + pad_top + (bottom ? tb->pad_y : 0);
    pdf_item *it = pdf_flow_push(p->cur, h, bottom ? 0 : PDF_IT_KEEP_NEXT);
    it->base = pad_top + pdf_baseline(tb->lh, tb->size);
    for (size_t j = 0; j < tb->ncols; j++) {
        const cell *cl = &rw->cells[j];
        for (size_t k = l0; k < l1 && k < cl->nl; k++) {
            double y = pad_top + (double)(k - l0) * tb->lh + pdf_baseline(tb->lh, tb->size);
            pdf_set_line(p, it, &cl->t, &cl->lines[k], c->x + tb->colx[j] + tb->pad_x, y,
                         align_of(tb, j));
        }
    }
    bool first_row = r == 0, last_row = r + 1 == tb->nrows;
    bool header_end = rw->header && (last_row || !tb->rows[r + 1].header);
    if (top && first_row) rule(it, c, tb, 0, 0.9, p->L.text);
    if (bottom) {
        if (last_row)
            rule(it, c, tb, h, 0.9, p->L.text);
        else if (header_end)
            rule(it, c, tb, h, 0.55, p->L.text);
        else if (!rw->header)
            rule(it, c, tb, h, 0.3, p->L.rule);
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
    size_t per = (size_t)((pdf_body_height(p) * 0.8 - headh) / tb->lh);
    if (per < 1) per = 1;
    for (size_t r = nhead; r < tb->nrows; r++) {
        const row *rw = &tb->rows[r];
        size_t chunk = rw->nl * tb->lh + 2 * tb->pad_y > pdf_body_height(p) * 0.8 ? per : rw->nl;
        for (size_t l0 = 0; l0 < rw->nl; l0 += chunk) {
            size_t l1 = l0 + chunk < rw->nl ? l0 + chunk : rw->nl;
            pdf_item *it = row_chunk(p, c, tb, r, l0, l1);
            it->head0 = head0;
            it->nhead = nhead;
        }
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
    tb.rows = oct_xcalloc(tb.nrows, sizeof *tb.rows);
    tb.colw = oct_xcalloc(tb.ncols, sizeof *tb.colw);
    tb.colx = oct_xcalloc(tb.ncols, sizeof *tb.colx);
    build_cells(p, &tb, n);
    column_widths(&tb, c->w);
    break_cells(&tb);
    emit_rows(p, c, &tb);
    for (size_t r = 0; r < tb.nrows; r++) {
        for (size_t j = 0; j < tb.ncols; j++) {
            pdf_text_free(&tb.rows[r].cells[j].t);
            free(tb.rows[r].cells[j].lines);
        }
        free(tb.rows[r].cells);
    }
    free(tb.rows);
    free(tb.colw);
    free(tb.colx);
}
