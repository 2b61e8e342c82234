/* list-table:: as a GFM table (rst_int.h). Its body is a bullet list of
 * rows, each a bullet list of cells:
 *
 *   * - Metal     <- a row; its first cell on the row's own line
 *     - Density   <- the row's next cell
 *   * - Iron
 *     - 7.87      <- a cell's further lines join it
 *
 * :header-rows: makes the first rows the header (joined into one, as a
 * grid table's are); :widths:, :stub-columns: and the like are metadata,
 * a booklet sizing columns by their text. A cell's blocks (paragraphs, a
 * nested list) join into its one line of text: a GFM cell holds inlines.
 * A row with fewer cells than the widest is padded with empty ones, with
 * a warning [rst-table]; text outside the rows' list becomes a row of
 * its own, with a warning too, never lost. */
#include "ingest/formats/rst_int.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    rst_row *v;
    size_t *ncells; /* each row's cells so far (its cells' bullets) */
    size_t n, cap, capn, ncols;
    int wide_at, loose_at; /* first line of a row over RST_MAX_COLS, of text outside a cell */
} rows;

static void new_row(rows *r, int src)
{
    OCT_GROW(r->v, r->cap, r->n + 1);
    OCT_GROW(r->ncells, r->capn, r->n + 1);
    memset(&r->v[r->n], 0, sizeof *r->v);
    r->v[r->n].src = src;
    r->ncells[r->n++] = 0;
}

static void new_cell(rows *r, int src)
{
    if (!r->n) new_row(r, src);
    size_t *k = &r->ncells[r->n - 1];
    if (*k == RST_MAX_COLS && !r->wide_at) r->wide_at = src;
    if (*k < RST_MAX_COLS) ++*k;
    if (*k > r->ncols) r->ncols = *k;
}

/* Text into the last row's last cell; text before any cell's bullet
 * (a row written without one, or text before the first row) is a
 * cell's all the same, with a warning. */
static void put(rows *r, const char *s, size_t n, int src)
{
    size_t m = n;
    const char *t = nl_trim(s, &m);
    if (!m) return;
    if (!r->n || !r->ncells[r->n - 1]) {
        if (!r->loose_at) r->loose_at = src;
        new_cell(r, src);
    }
    oct_buf *cell = &r->v[r->n - 1].cell[r->ncells[r->n - 1] - 1];
    if (cell->len) oct_buf_putc(cell, ' ');
    oct_buf_put(cell, t, m);
}

/* A bullet "- ", "* " or "+ " (or one alone) at s[0..n): its length. */
static size_t bullet(const char *s, size_t n)
{
    if (!n || !strchr("-*+", s[0])) return 0;
    if (n == 1) return 1;
    return s[1] == ' ' || s[1] == '\t' ? 2 : 0;
}

/* The body's lines [a, end) into r: a bullet at the first bullet's
 * column opens a row, a deeper bullet (the first one deeper sets the
 * column) a cell, anything else continues the cell. */
static void read_rows(rst_ctx *c, size_t a, size_t end, rows *r)
{
    int row_col = -1, cell_col = -1;
    for (size_t j = a; j < end; j++) {
        const nl_raw_line *l = &c->v[j];
        const char *s = l->s + l->lead;
        size_t n = l->n - l->lead, b = bullet(s, n);
        int col = c->col[j], src = (int)j + 1;
        if (!n) continue;
        if (b && (row_col < 0 || col == row_col)) {
            row_col = col;
            new_row(r, src);
            s += b, n -= b, col += (int)b;
            size_t sp = 0;
            while (sp < n && s[sp] == ' ')
                sp++;
            s += sp, n -= sp, col += (int)sp;
            b = bullet(s, n); /* "* - cell": the row's first cell on its line */
            if (!b) {
                put(r, s, n, src);
                continue;
            }
        }
        if (b && col > row_col && (cell_col < 0 || col == cell_col)) {
            cell_col = col;
            new_cell(r, src);
            put(r, s + b, n - b, src);
        } else {
            put(r, s, n, src);
        }
    }
}

/* The options: header rows; every option line is metadata. */
static size_t options(rst_ctx *c, size_t i, size_t end, long *header_rows)
{
    const char *k, *v;
    size_t kn, vn, j = i + 1;
    for (; j < end && rst_option_line(&c->v[j], &k, &kn, &v, &vn); j++) {
        md_lines_add(&c->meta, (int)j + 1);
        if (md_eq_nocase(k, kn, "header-rows")) *header_rows = strtol(v, NULL, 10);
    }
    return j;
}

static void warn_rows(rst_ctx *c, const rows *r)
{
    if (r->wide_at)
        oct_diag_report(c->w.diag, OCT_WARNING, c->w.path, r->wide_at, 1, "limit-table-columns",
                        "list-table has rows of more than %d cells: the rest join the last one",
                        RST_MAX_COLS);
    if (r->loose_at)
        oct_diag_report(c->w.diag, OCT_WARNING, c->w.path, r->loose_at, 1, "rst-table",
                        "list-table: text outside a cell's \"- \" item is printed as a cell");
    size_t ragged = 0, first = 0;
    for (size_t k = 0; k < r->n; k++)
        if (r->ncells[k] < r->ncols && !ragged++) first = k;
    if (ragged)
        oct_diag_report(c->w.diag, OCT_WARNING, c->w.path, r->v[first].src, 1, "rst-table",
                        "list-table: %zu row%s fewer cells than the widest (%zu): padded with "
                        "empty cells",
                        ragged, ragged == 1 ? " has" : "s have", r->ncols);
}

void rst_list_table(rst_ctx *c, size_t i, size_t end, const char *arg, size_t na,
                    const char *prefix)
{
    int src = (int)i + 1;
    long header_rows = 0;
    rows r = {0};
    read_rows(c, options(c, i, end, &header_rows), end, &r);
    if (na) rst_table_caption(c, prefix, arg, na, src);
    warn_rows(c, &r);
    size_t nhead = header_rows > 0 ? (size_t)header_rows : 0;
    if (nhead > r.n) nhead = r.n;
    if (r.n) rst_table_emit(c, prefix, r.v, r.n, nhead, r.ncols ? r.ncols : 1);
    for (size_t k = 0; k < r.n; k++)
        rst_row_free(&r.v[k], RST_MAX_COLS);
    free(r.v);
    free(r.ncells);
}
