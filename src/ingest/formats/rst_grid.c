/* reStructuredText grid tables (rst_int.h), spanning cells too:
 *
 *   +-------+-------+------+
 *   | Name  | Kind         |     a cell spanning two columns
 *   +=======+=======+======+     (the '=' border closes the header)
 *   | a     | b     | c    |
 *   +-------+-------+      |     a cell spanning two rows
 *   | d     | e     |      |
 *   +-------+-------+------+
 *
 * The drawing is read as a grid: its column edges are the columns of the
 * corners ('+' beside a '-' or '=') on any line, its row edges the lines
 * holding a corner. Two neighbouring grid cells are one when no border
 * separates them ('|' or '+' down the shared edge, '-' or '=' along it);
 * every cell so joined must be a rectangle, else the table is printed as
 * drawn, in a code block, with [rst-unknown].
 *
 * The tree's tables (GFM's) cannot span: a spanning cell's text goes in
 * its top-left grid cell and the cells it covers stay empty, so every
 * word is printed once, in the row and column where the cell starts. */
#include "ingest/formats/rst_int.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

enum { MAX_LINES = 4096 };

typedef struct {
    const nl_raw_line *l;
    size_t *off; /* byte offset of each character column, then l->n */
    size_t nchars;
} gline;

typedef struct {
    gline *v;
    size_t nv;
    size_t cols[RST_MAX_COLS + 1], ncols; /* column edges (character columns) */
    size_t *rows, nrows;                  /* row edges (indices into v) */
    size_t *set;                          /* union-find over grid cells */
} grid;

static char at(const grid *g, size_t line, size_t col)
{
    const gline *l = &g->v[line];
    return col < l->nchars ? l->l->s[l->off[col]] : ' ';
}

static bool corner(const grid *g, size_t line, size_t col)
{
    if (at(g, line, col) != '+') return false;
    char left = col ? at(g, line, col - 1) : ' ', right = at(g, line, col + 1);
    return left == '-' || left == '=' || right == '-' || right == '=';
}

static size_t find(size_t *set, size_t k)
{
    while (set[k] != k)
        k = set[k] = set[set[k]];
    return k;
}

static void join(size_t *set, size_t a, size_t b)
{
    a = find(set, a), b = find(set, b);
    if (a != b) set[a > b ? a : b] = a < b ? a : b; /* the top-left one stays the root */
}

/* The edges: false when the drawing has too many columns for a table. */
static bool edges(grid *g)
{
    bool is_col[RST_MAX_COLS * 16] = {false};
    size_t width = 0;
    for (size_t k = 0; k < g->nv; k++)
        if (g->v[k].nchars > width) width = g->v[k].nchars;
    if (width >= sizeof is_col / sizeof *is_col) return false;
    g->rows = oct_xmalloc(g->nv * sizeof *g->rows);
    for (size_t k = 0; k < g->nv; k++) {
        bool row = false;
        for (size_t c = 0; c < g->v[k].nchars; c++)
            if (corner(g, k, c)) is_col[c] = row = true;
        if (row) g->rows[g->nrows++] = k;
    }
    for (size_t c = 0; c <= width; c++)
        if (is_col[c]) {
            if (g->ncols > RST_MAX_COLS) return false;
            g->cols[g->ncols++] = c;
        }
    return g->ncols >= 2 && g->nrows >= 2 && g->rows[0] == 0 && g->rows[g->nrows - 1] == g->nv - 1;
}

/* Joins grid cells no border separates; false when a joined cell is no
 * rectangle (a drawing octavo cannot read). */
static bool cells(grid *g)
{
    size_t nr = g->nrows - 1, nc = g->ncols - 1;
    g->set = oct_xmalloc(nr * nc * sizeof *g->set);
    for (size_t k = 0; k < nr * nc; k++)
        g->set[k] = k;
    for (size_t r = 0; r < nr; r++)
        for (size_t c = 0; c < nc; c++) {
            bool right_open = c + 1 < nc, below_open = r + 1 < nr;
            for (size_t l = g->rows[r] + 1; l < g->rows[r + 1] && right_open; l++)
                right_open = !strchr("|+", at(g, l, g->cols[c + 1]));
            for (size_t x = g->cols[c] + 1; x < g->cols[c + 1] && below_open; x++)
                below_open = !strchr("-=+", at(g, g->rows[r + 1], x));
            if (right_open) join(g->set, r * nc + c, r * nc + c + 1);
            if (below_open) join(g->set, r * nc + c, (r + 1) * nc + c);
        }
    /* each cell: its root's bounding box holds exactly its members */
    size_t *count = oct_xcalloc(nr * nc, sizeof *count), *maxr = oct_xcalloc(nr * nc, sizeof *maxr),
           *maxc = oct_xcalloc(nr * nc, sizeof *maxc);
    bool ok = true;
    for (size_t k = 0; k < nr * nc; k++) {
        size_t root = find(g->set, k);
        count[root]++;
        ok &= k % nc >= root % nc; /* nothing left of its top-left cell */
        if (k / nc > maxr[root]) maxr[root] = k / nc;
        if (k % nc > maxc[root]) maxc[root] = k % nc;
    }
    for (size_t k = 0; k < nr * nc && ok; k++)
        if (find(g->set, k) == k) ok = count[k] == (maxr[k] - k / nc + 1) * (maxc[k] - k % nc + 1);
    free(count);
    free(maxr);
    free(maxc);
    return ok;
}

/* The text of the cell rooted at grid cell (r, c): its lines inside its
 * rectangle, joined by spaces. */
static void cell_text(const grid *g, size_t r, size_t c, oct_buf *out)
{
    size_t nr = g->nrows - 1, nc = g->ncols - 1, r1 = r, c1 = c;
    while (r1 + 1 < nr && find(g->set, (r1 + 1) * nc + c) == r * nc + c)
        r1++;
    while (c1 + 1 < nc && find(g->set, r * nc + c1 + 1) == r * nc + c)
        c1++;
    size_t x0 = g->cols[c] + 1, x1 = g->cols[c1 + 1];
    for (size_t l = g->rows[r] + 1; l < g->rows[r1 + 1]; l++) {
        const gline *gl = &g->v[l];
        if (x0 >= gl->nchars) continue;
        size_t a = gl->off[x0], b = gl->off[x1 < gl->nchars ? x1 : gl->nchars];
        size_t n = b - a;
        const char *t = nl_trim(gl->l->s + a, &n);
        if (!n) continue;
        if (out->len) oct_buf_putc(out, ' ');
        oct_buf_put(out, t, n);
    }
}

static void grid_free(grid *g)
{
    for (size_t k = 0; k < g->nv; k++)
        free(g->v[k].off);
    free(g->v);
    free(g->rows);
    free(g->set);
}

/* Lines [i, j) of the table into g (character columns). */
static void load(grid *g, const rst_ctx *c, size_t i, size_t j)
{
    g->nv = j - i;
    g->v = oct_xcalloc(g->nv, sizeof *g->v);
    for (size_t k = 0; k < g->nv; k++) {
        const nl_raw_line *l = &c->v[i + k];
        gline *gl = &g->v[k];
        gl->l = l;
        gl->off = oct_xmalloc((l->n + 1) * sizeof *gl->off);
        size_t lead = c->v[i].lead; /* the table's own indentation */
        for (size_t b = lead < l->n ? lead : l->n; b < l->n; b++)
            if (((unsigned char)l->s[b] & 0xC0) != 0x80) gl->off[gl->nchars++] = b;
        gl->off[gl->nchars] = l->n;
    }
}

/* Writes the grid as a table; the header is the rows above a '=' border. */
static void write_grid(rst_ctx *c, const char *prefix, const grid *g, size_t first)
{
    size_t nr = g->nrows - 1, nc = g->ncols - 1, nhead = 0;
    rst_row *rows = oct_xcalloc(nr, sizeof *rows);
    for (size_t r = 0; r < nr; r++) {
        rows[r].src = (int)(first + g->rows[r]) + 2;
        const gline *border = &g->v[g->rows[r + 1]];
        if (!nhead && memchr(border->l->s, '=', border->l->n)) nhead = r + 1;
        for (size_t col = 0; col < nc; col++)
            if (find(g->set, r * nc + col) == r * nc + col)
                cell_text(g, r, col, &rows[r].cell[col]);
    }
    rst_table_emit(c, prefix, rows, nr, nhead, nc);
    for (size_t r = 0; r < nr; r++)
        rst_row_free(&rows[r], nc);
    free(rows);
}

static bool full_border(const nl_raw_line *l)
{
    const char *s = l->s + l->lead;
    size_t n = l->n - l->lead;
    while (n && s[n - 1] == ' ')
        n--;
    return n >= 3 && s[0] == '+' && s[n - 1] == '+' && strspn(s, "+-=") == n;
}

size_t rst_grid_table(rst_ctx *c, size_t i, size_t e, const char *prefix)
{
    if (!full_border(&c->v[i])) return i;
    size_t j = i + 1;
    for (; j < e && j - i < MAX_LINES; j++) {
        const nl_raw_line *l = &c->v[j];
        if (l->lead != c->v[i].lead || l->n <= l->lead ||
            (l->s[l->lead] != '|' && l->s[l->lead] != '+'))
            break;
    }
    while (j > i + 1 && !full_border(&c->v[j - 1]))
        j--;
    if (j <= i + 1) return i;
    grid g = {0};
    load(&g, c, i, j);
    if (edges(&g) && cells(&g)) {
        write_grid(c, prefix, &g, i);
    } else {
        oct_diag_report(c->w.diag, OCT_WARNING, c->w.path, (int)i + 1, 1, "rst-unknown",
                        "a grid table whose cells are not rectangles is printed as drawn");
        rst_fence(c, prefix, i, j, NULL, (int)i + 1);
    }
    grid_free(&g);
    return j;
}
