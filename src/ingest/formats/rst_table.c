/* reStructuredText tables as GFM tables (rst_int.h).
 *   - Grid tables ("+----+----+" borders, spanning cells too) are
 *     rst_grid.c's.
 *   - Simple tables: "=====  =====" borders; the columns are the runs of
 *     '='; a second border under the first rows makes them the header; a
 *     row whose first column is blank continues the row above; "-----"
 *     lines (column spans) print nothing.
 * A table with no header row gets an empty one, as normalize_table.c
 * writes a headless table. */
#include "ingest/formats/rst_int.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

enum { MAX_COLS = RST_MAX_COLS };

/* The byte of s[0..n) at character column col (a UTF-8 sequence is one
 * column: the border's dashes are counted against the characters). */
static size_t byte_at(const char *s, size_t n, size_t col)
{
    size_t i = 0;
    for (size_t k = 0; k < col && i < n; k++) {
        i++;
        while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
    }
    return i;
}

typedef rst_row row;

void rst_row_free(rst_row *r, size_t ncols)
{
    for (size_t k = 0; k < ncols; k++)
        oct_buf_free(&r->cell[k]);
}

static void add_text(oct_buf *cell, const char *s, size_t n)
{
    const char *t = nl_trim(s, &n);
    if (!n) return;
    if (cell->len) oct_buf_putc(cell, ' ');
    oct_buf_put(cell, t, n);
}

static void write_row(rst_ctx *c, const char *prefix, row *r, size_t ncols, bool empty)
{
    oct_buf b = OCT_BUF_INIT;
    oct_buf_putc(&b, '|');
    for (size_t k = 0; k < ncols; k++) {
        oct_buf_putc(&b, ' ');
        if (!empty && r->cell[k].len) rst_inline(c, &b, r->cell[k].data, r->cell[k].len);
        oct_buf_puts(&b, " |");
    }
    rst_out(c, prefix, b.data, b.len, r->src);
    oct_buf_free(&b);
}

static void delimiter(rst_ctx *c, const char *prefix, size_t ncols, int src)
{
    oct_buf b = OCT_BUF_INIT;
    oct_buf_putc(&b, '|');
    for (size_t k = 0; k < ncols; k++)
        oct_buf_puts(&b, " --- |");
    rst_out(c, prefix, b.data, b.len, src);
    oct_buf_free(&b);
}

void rst_table_emit(rst_ctx *c, const char *prefix, rst_row *rows, size_t n, size_t nhead,
                    size_t ncols)
{
    rst_blank(c, prefix, rows[0].src);
    if (nhead == 0) {
        write_row(c, prefix, &rows[0], ncols, true);
        delimiter(c, prefix, ncols, rows[0].src);
    } else {
        for (size_t h = 1; h < nhead; h++)
            for (size_t k = 0; k < ncols; k++)
                add_text(&rows[0].cell[k], rows[h].cell[k].data ? rows[h].cell[k].data : "",
                         rows[h].cell[k].len);
        write_row(c, prefix, &rows[0], ncols, false);
        delimiter(c, prefix, ncols, rows[0].src);
    }
    for (size_t r = nhead; r < n; r++)
        write_row(c, prefix, &rows[r], ncols, false);
    md_blank(&c->w, prefix, rows[n - 1].src);
}

/* A simple table's border: the columns' starts (runs of '='). */
static size_t simple_border(const nl_raw_line *l, size_t *starts)
{
    if (l->lead || l->n < 3 || l->s[0] != '=') return 0;
    size_t k = 0;
    for (size_t i = 0; i < l->n; i++) {
        if (l->s[i] != '=' && l->s[i] != ' ') return 0;
        if (l->s[i] == '=' && (i == 0 || l->s[i - 1] == ' ')) {
            if (k == MAX_COLS) return 0;
            starts[k++] = i;
        }
    }
    return k;
}

static bool rule_line(const nl_raw_line *l)
{
    if (l->n < 1 || l->s[l->lead] != '-') return false;
    for (size_t i = l->lead; i < l->n; i++)
        if (l->s[i] != '-' && l->s[i] != ' ') return false;
    return true;
}

static size_t simple(rst_ctx *c, size_t i, size_t e, const char *prefix)
{
    size_t starts[MAX_COLS], tmp[MAX_COLS];
    size_t ncols = simple_border(&c->v[i], starts);
    if (ncols < 2) return i;
    size_t b2 = 0, b3 = 0;
    for (size_t j = i + 1; j < e && !b3; j++)
        if (simple_border(&c->v[j], tmp)) {
            if (!b2)
                b2 = j;
            else
                b3 = j;
            if (b2 == j && (j + 1 >= e || c->v[j + 1].lead >= c->v[j + 1].n)) break;
        }
    if (!b2) return i;
    size_t last = b3 ? b3 : b2, head_end = b3 ? b2 : 0;
    row *rows = oct_xcalloc(last - i, sizeof *rows);
    size_t nrows = 0, nhead = 0;
    for (size_t j = i + 1; j < last; j++) {
        const nl_raw_line *l = &c->v[j];
        if (j == head_end) {
            nhead = nrows;
            continue;
        }
        if (l->lead >= l->n || rule_line(l)) continue;
        bool cont = nrows && (j != head_end + 1 || !head_end) && l->lead >= starts[1];
        cont = cont && j - 1 != head_end && j != i + 1;
        row *r = cont ? &rows[nrows - 1] : &rows[nrows++];
        if (!cont) r->src = (int)j + 1;
        for (size_t k = 0; k < ncols; k++) {
            size_t a = byte_at(l->s, l->n, starts[k]),
                   b = k + 1 < ncols ? byte_at(l->s, l->n, starts[k + 1]) : l->n;
            if (a >= l->n) break;
            if (b > l->n) b = l->n;
            add_text(&r->cell[k], l->s + a, b - a);
        }
    }
    if (nrows) rst_table_emit(c, prefix, rows, nrows, nhead, ncols);
    for (size_t k = 0; k < nrows; k++)
        rst_row_free(&rows[k], ncols);
    free(rows);
    return last + 1;
}

size_t rst_table(rst_ctx *c, size_t i, size_t e, const char *prefix)
{
    size_t next = rst_grid_table(c, i, e, prefix);
    if (next > i) return next;
    return simple(c, i, e, prefix);
}

void rst_table_caption(rst_ctx *c, const char *prefix, const char *arg, size_t na, int src)
{
    oct_buf t = OCT_BUF_INIT;
    oct_buf_putc(&t, '*');
    rst_inline(c, &t, arg, na);
    oct_buf_putc(&t, '*');
    rst_blank(c, prefix, src);
    rst_out(c, prefix, t.data, t.len, src);
    md_blank(&c->w, prefix, src);
    oct_buf_free(&t);
}
