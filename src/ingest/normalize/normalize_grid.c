/* Tables drawn with ASCII borders, as database shells print them and notes
 * copy them:
 *
 *   +---------+-------+        | Planet  | Moons |
 *   | Planet  | Moons |        | --- | --- |
 *   +---------+-------+   ->   | Mars    | 2     |
 *   | Mars    | 2     |        | Saturn  | 146   |
 *   | Saturn  | 146   |
 *   +---------+-------+
 *
 * A border above the header, one under it and one closing the table, with
 * rows of as many cells between: the rule under the header becomes a GFM
 * delimiter row, the other two blank lines, so Markdown reads a table
 * where it read a paragraph of pipes and dashes (its columns lost). A
 * table with rules between its data rows, whose cells may run over
 * several lines, is left as drawn. Fenced code is left alone, and the
 * line count does not change (the line map stays 1:1). */
#include "ingest/normalize/normalize_internal.h"
#include "util/buf.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* "+----+-----+" (or with '=' and ':'): the number of cells it borders,
 * 0 when it is no border. */
static int border_cells(const char *s, size_t n)
{
    s = nl_trim(s, &n);
    if (n < 3 || s[0] != '+' || s[n - 1] != '+') return 0;
    int cells = 0;
    bool dash = false;
    for (size_t k = 1; k < n; k++) {
        if (s[k] == '+') {
            if (!dash) return 0;
            cells++;
            dash = false;
        } else if (s[k] == '-' || s[k] == '=' || s[k] == ':') {
            dash = true;
        } else {
            return 0;
        }
    }
    return cells;
}

/* "| a | b |": its number of cells, 0 when it is no such row. */
static int row_cells(const char *s, size_t n)
{
    s = nl_trim(s, &n);
    if (n < 3 || s[0] != '|' || s[n - 1] != '|') return 0;
    int bars = 0;
    for (size_t k = 0; k < n; k++)
        bars += s[k] == '|' && (k == 0 || s[k - 1] != '\\');
    return bars - 1;
}

/* The grid table whose top border is line i: the index of its closing
 * border, 0 when lines i.. are none. */
static size_t grid_at(const nl_raw_line *v, size_t n, size_t i)
{
    int cells = border_cells(v[i].s, v[i].n);
    if (!cells || i + 3 >= n || row_cells(v[i + 1].s, v[i + 1].n) != cells ||
        border_cells(v[i + 2].s, v[i + 2].n) != cells)
        return 0;
    size_t k = i + 3;
    while (k < n && row_cells(v[k].s, v[k].n) == cells)
        k++;
    if (k == i + 3 || k >= n || border_cells(v[k].s, v[k].n) != cells) return 0;
    /* a rule between data rows: cells may run over lines, left as drawn */
    if (k + 1 < n && row_cells(v[k + 1].s, v[k + 1].n) == cells) return 0;
    return k;
}

char *nl_ungrid_tables(const char *text, size_t len, size_t *outlen)
{
    if (!memchr(text, '+', len)) return NULL;
    nl_raw_line *v;
    size_t n = nl_raw_lines(text, len, &v);
    unsigned char *what = oct_xcalloc(n ? n : 1, 1); /* 1: a blank, 2: a delimiter row */
    bool any = false;
    for (size_t i = 0; i < n; i++) {
        int cells = v[i].fenced ? 0 : border_cells(v[i].s, v[i].n);
        size_t end = cells ? grid_at(v, n, i) : 0;
        if (!end) { /* a drawing that is no such table: none of it heads one */
            while (cells && i + 1 < n &&
                   (border_cells(v[i + 1].s, v[i + 1].n) || row_cells(v[i + 1].s, v[i + 1].n)))
                i++;
            continue;
        }
        what[i] = what[end] = 1;
        what[i + 2] = 2;
        any = true;
        i = end;
    }
    char *result = NULL;
    if (any) {
        oct_buf out = OCT_BUF_INIT;
        for (size_t i = 0; i < n; i++) {
            const char *eol = v[i].full > v[i].n ? "\n" : "";
            if (what[i] == 1) {
                oct_buf_puts(&out, eol);
            } else if (what[i] == 2) {
                int cells = border_cells(v[i].s, v[i].n);
                oct_buf_putc(&out, '|');
                for (int c = 0; c < cells; c++)
                    oct_buf_puts(&out, " --- |");
                oct_buf_puts(&out, eol);
            } else {
                oct_buf_put(&out, v[i].s, v[i].full);
            }
        }
        *outlen = out.len;
        result = oct_buf_detach(&out);
    }
    free(v);
    free(what);
    return result;
}
