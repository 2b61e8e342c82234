/* csv-table:: as a GFM table (rst_int.h). Its data is the directive's
 * body or :file: (beside the source, read by rst_read_near); :header: is
 * CSV too and comes first, :header-rows: makes the first rows header
 * rows; :delim:, :quote:, :escape: and :keepspace: as docutils reads
 * them (Python's csv with skipinitialspace, quotes doubled inside
 * quotes). A cell quoted over several lines is one cell, its lines
 * joined by spaces. Each row keeps the line it starts on (a file's rows
 * the directive's). The CSV is read here rather than with libcsv: the
 * line of every row is what the line map needs, and the dialect is
 * docutils' own (skipinitialspace, its option names). */
#include "ingest/formats/rst_int.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    char delim, quote, escape;
    bool keepspace;
} dialect;

typedef struct {
    rst_row *v;
    size_t n, cap, ncols;
    bool wide; /* a row had more than RST_MAX_COLS cells */
} rows;

/* One option's character (",", "tab", "space", "'"). */
static char option_char(const char *v, size_t vn, char dflt)
{
    if (md_eq_nocase(v, vn, "tab")) return '\t';
    if (md_eq_nocase(v, vn, "space")) return ' ';
    if (vn >= 3 && v[0] == '\'' && v[2] == '\'') return v[1];
    return vn ? v[0] : dflt;
}

static rst_row *new_row(rows *r, int src)
{
    OCT_GROW(r->v, r->cap, r->n + 1);
    rst_row *row = &r->v[r->n++];
    memset(row, 0, sizeof *row);
    row->src = src;
    return row;
}

/* Parses text[0..n) (lines mapped by line_of, or all at src when it is
 * NULL) into r. */
typedef struct {
    const char *s;
    size_t n;
    int src;
} csv_line;

static void add_cell(rows *r, rst_row *row, size_t *col, oct_buf *cell)
{
    size_t n = cell->len;
    const char *t = nl_trim(cell->data ? cell->data : "", &n);
    size_t k = *col < RST_MAX_COLS ? *col : RST_MAX_COLS - 1;
    if (*col >= RST_MAX_COLS) r->wide = true;
    if (n) { /* past the last column: joined to it, never lost */
        if (row->cell[k].len) oct_buf_puts(&row->cell[k], *col >= RST_MAX_COLS ? ", " : " ");
        oct_buf_put(&row->cell[k], t, n);
    }
    (*col)++;
    if (*col > r->ncols) r->ncols = *col < RST_MAX_COLS ? *col : RST_MAX_COLS;
    oct_buf_clear(cell);
}

static void parse(rows *r, const csv_line *lines, size_t nlines, const dialect *d)
{
    oct_buf cell = OCT_BUF_INIT;
    rst_row *row = NULL;
    size_t col = 0;
    bool quoted = false, was_quoted = false;
    for (size_t li = 0; li < nlines; li++) {
        const char *s = lines[li].s;
        size_t n = lines[li].n;
        if (!quoted && !row) {
            size_t t = n;
            nl_trim(s, &t);
            if (!t) continue; /* blank lines between rows */
            row = new_row(r, lines[li].src);
            col = 0;
        } else if (quoted) {
            oct_buf_putc(&cell, ' '); /* a quoted cell over two lines */
        }
        size_t k = 0;
        if (!quoted && !d->keepspace)
            while (k < n && s[k] == ' ')
                k++;
        for (; k < n; k++) {
            char ch = s[k];
            if (d->escape && ch == d->escape && k + 1 < n) {
                oct_buf_putc(&cell, s[++k]);
            } else if (quoted && ch == d->quote) {
                if (k + 1 < n && s[k + 1] == d->quote)
                    oct_buf_putc(&cell, s[++k]);
                else
                    quoted = false;
            } else if (!quoted && ch == d->quote && !cell.len && !was_quoted) {
                quoted = was_quoted = true;
            } else if (!quoted && ch == d->delim) {
                add_cell(r, row, &col, &cell);
                was_quoted = false;
                if (!d->keepspace)
                    while (k + 1 < n && s[k + 1] == ' ')
                        k++;
            } else {
                oct_buf_putc(&cell, ch);
            }
        }
        if (!quoted) {
            add_cell(r, row, &col, &cell);
            was_quoted = false;
            row = NULL;
        }
    }
    if (row) add_cell(r, row, &col, &cell); /* a quote never closed: its text kept */
    oct_buf_free(&cell);
}

/* text[0..n) as lines all at src. */
static csv_line *split(const char *text, size_t n, int src, size_t *nlines)
{
    csv_line *v = NULL;
    size_t cap = 0;
    *nlines = 0;
    for (size_t a = 0; a < n;) {
        const char *nl = memchr(text + a, '\n', n - a);
        size_t e = nl ? (size_t)(nl - text) : n;
        OCT_GROW(v, cap, *nlines + 1);
        v[(*nlines)++] = (csv_line){text + a, e - a, src};
        a = e + 1;
    }
    return v;
}

typedef struct {
    dialect d;
    const char *header, *file, *url;
    size_t nheader, nfile, nurl;
    long header_rows;
} csv_options;

static size_t csv_options_read(rst_ctx *c, size_t i, size_t end, csv_options *o)
{
    o->d = (dialect){',', '"', 0, false};
    const char *k, *v;
    size_t kn, vn, j = i + 1;
    for (; j < end && rst_option_line(&c->v[j], &k, &kn, &v, &vn); j++) {
        md_lines_add(&c->meta, (int)j + 1);
        if (md_eq_nocase(k, kn, "header"))
            o->header = v, o->nheader = vn;
        else if (md_eq_nocase(k, kn, "file"))
            o->file = v, o->nfile = vn;
        else if (md_eq_nocase(k, kn, "url"))
            o->url = v, o->nurl = vn;
        else if (md_eq_nocase(k, kn, "header-rows"))
            o->header_rows = strtol(v, NULL, 10);
        else if (md_eq_nocase(k, kn, "delim"))
            o->d.delim = option_char(v, vn, ',');
        else if (md_eq_nocase(k, kn, "quote"))
            o->d.quote = option_char(v, vn, '"');
        else if (md_eq_nocase(k, kn, "escape"))
            o->d.escape = option_char(v, vn, 0);
        else if (md_eq_nocase(k, kn, "keepspace"))
            o->d.keepspace = true;
    }
    return j;
}

/* The body's lines without their indentation (cells are trimmed), each
 * at its own line. */
static csv_line *body_lines(rst_ctx *c, size_t a, size_t end, size_t *nlines)
{
    csv_line *v = oct_xcalloc(end > a ? end - a : 1, sizeof *v);
    *nlines = 0;
    for (size_t l = a; l < end; l++) {
        size_t skip = c->v[l].lead < c->v[l].n ? c->v[l].lead : c->v[l].n;
        v[(*nlines)++] = (csv_line){c->v[l].s + skip, c->v[l].n - skip, (int)l + 1};
    }
    return v;
}

void rst_csv_table(rst_ctx *c, size_t i, size_t end, const char *arg, size_t na, const char *prefix)
{
    int src = (int)i + 1;
    csv_options o = {0};
    size_t body = csv_options_read(c, i, end, &o);
    rows r = {0};
    if (o.nheader) {
        csv_line h = {o.header, o.nheader, src};
        parse(&r, &h, 1, &o.d);
    }
    size_t nhead = r.n, nlines = 0;
    csv_line *lines = NULL;
    char *text = NULL, *real = NULL, *shown = NULL;
    if (o.nurl) {
        oct_diag_report(c->w.diag, OCT_WARNING, c->w.path, src, 1, "rst-include",
                        "csv-table :url: '%.*s' is not read: only a file beside the source is",
                        (int)(o.nurl > 200 ? 200 : o.nurl), o.url);
    } else if (o.nfile) {
        size_t len;
        text = rst_read_near(c, o.file, o.nfile, src, "csv-table :file:", &len, &real, &shown);
        if (text) lines = split(text, len, src, &nlines);
    } else {
        lines = body_lines(c, body, end, &nlines);
    }
    parse(&r, lines, nlines, &o.d);
    if (o.header_rows > 0)
        nhead += (size_t)o.header_rows < r.n - nhead ? (size_t)o.header_rows : r.n - nhead;
    if (na) rst_table_caption(c, prefix, arg, na, src);
    if (r.wide)
        oct_diag_report(c->w.diag, OCT_WARNING, c->w.path, src, 1, "limit-table-columns",
                        "csv-table has rows of more than %d cells: the rest join the last one",
                        RST_MAX_COLS);
    if (r.n) rst_table_emit(c, prefix, r.v, r.n, nhead, r.ncols ? r.ncols : 1);
    size_t a = body;
    while (a < end && c->v[a].lead >= c->v[a].n)
        a++;
    if ((o.nfile || o.nurl) && a < end) { /* docutils refuses both: the body is kept as text */
        oct_diag_report(c->w.diag, OCT_WARNING, c->w.path, (int)a + 1, 1, "rst-unknown",
                        "csv-table has both a :file: or :url: and a body: the body is printed");
        rst_blocks(c, a, end, c->col[a], prefix);
    }
    for (size_t k = 0; k < r.n; k++)
        rst_row_free(&r.v[k], RST_MAX_COLS);
    free(r.v);
    free(lines);
    free(text);
    free(real);
    free(shown);
}
