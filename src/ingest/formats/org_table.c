/* Org tables as GFM tables (org_int.h). Rows "| a | b |"; a rule
 * "|---+---|" under the first rows makes them the header (several header
 * rows: the first heads, the others are rows); without a rule the table
 * gets an empty header row, as normalize_table.c writes a headless one.
 * Other rules print nothing, nor do rows of only column cookies
 * ("<l>", "<10>"); a "#+TBLFM:" line under the table is metadata. */
#include "ingest/formats/org_int.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

static bool rule(const char *s, size_t n)
{
    return n >= 2 && s[0] == '|' && s[1] == '-';
}

/* The cells of row s[0..n): their [start, end) pairs into cells, trimmed;
 * returns how many. */
static size_t cells_of(const char *s, size_t n, size_t *cells, size_t max)
{
    size_t k = 0, a = 1;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    for (size_t i = 1; i <= n && k < max; i++) {
        if (i < n && (s[i] != '|' || k == max - 1)) continue; /* the last takes the rest */
        if (i == n && i == a) break;                          /* the closing bar */
        size_t b = a, e = i;
        while (b < e && s[b] == ' ')
            b++;
        while (e > b && s[e - 1] == ' ')
            e--;
        cells[2 * k] = b;
        cells[2 * k + 1] = e;
        k++;
        a = i + 1;
    }
    return k;
}

static bool cookies_only(const char *s, const size_t *cells, size_t k)
{
    bool any = false;
    for (size_t j = 0; j < k; j++) {
        size_t b = cells[2 * j], e = cells[2 * j + 1];
        if (b == e) continue;
        if (s[b] != '<' || s[e - 1] != '>') return false;
        any = true;
    }
    return any;
}

enum { MAX_CELLS = 64 };

static void row(org_ctx *c, const char *prefix, int ind, const nl_raw_line *l, size_t ncols,
                int src)
{
    const char *s = l->s + l->lead;
    size_t cells[2 * MAX_CELLS];
    size_t k = cells_of(s, l->n - l->lead, cells, MAX_CELLS);
    oct_buf b = OCT_BUF_INIT;
    for (int j = 0; j < ind; j++)
        oct_buf_putc(&b, ' ');
    oct_buf_putc(&b, '|');
    for (size_t j = 0; j < ncols; j++) {
        oct_buf_putc(&b, ' ');
        if (j < k)
            org_inline(&c->inl, &b, s + cells[2 * j], cells[2 * j + 1] - cells[2 * j], false);
        oct_buf_puts(&b, " |");
    }
    md_line(&c->w, prefix, b.data, b.len, src);
    oct_buf_free(&b);
}

static void header(org_ctx *c, const char *prefix, int ind, size_t ncols, const nl_raw_line *l,
                   int src)
{
    oct_buf b = OCT_BUF_INIT;
    for (int j = 0; j < ind; j++)
        oct_buf_putc(&b, ' ');
    if (!l) {
        oct_buf_putc(&b, '|');
        for (size_t j = 0; j < ncols; j++)
            oct_buf_puts(&b, "  |");
        md_line(&c->w, prefix, b.data, b.len, src);
        oct_buf_clear(&b);
        for (int j = 0; j < ind; j++)
            oct_buf_putc(&b, ' ');
    } else {
        row(c, prefix, ind, l, ncols, src);
    }
    oct_buf_putc(&b, '|');
    for (size_t j = 0; j < ncols; j++)
        oct_buf_puts(&b, " --- |");
    md_line(&c->w, prefix, b.data, b.len, src);
    oct_buf_free(&b);
}

size_t org_table(org_ctx *c, size_t i, const char *prefix, int ind)
{
    size_t e = i, ncols = 0, head = (size_t)-1, cells[2 * MAX_CELLS];
    bool rows_seen = false;
    for (; e < c->n; e++) {
        const nl_raw_line *l = &c->v[e];
        const char *s = l->s + l->lead;
        size_t n = l->n - l->lead;
        if (!n || s[0] != '|') break;
        if (rule(s, n)) {
            if (rows_seen && head == (size_t)-1) head = e;
            continue;
        }
        size_t k = cells_of(s, n, cells, MAX_CELLS);
        if (k > ncols) ncols = k;
        rows_seen = true;
    }
    if (!ncols) ncols = 1;
    md_blank(&c->w, prefix, (int)i + 1);
    size_t first = (size_t)-1; /* the header row */
    if (head != (size_t)-1)
        for (size_t j = i; j < head && first == (size_t)-1; j++)
            if (!rule(c->v[j].s + c->v[j].lead, c->v[j].n - c->v[j].lead)) first = j;
    header(c, prefix, ind, ncols, first == (size_t)-1 ? NULL : &c->v[first],
           (int)(first == (size_t)-1 ? i : first) + 1);
    for (size_t j = i; j < e; j++) {
        const nl_raw_line *l = &c->v[j];
        const char *s = l->s + l->lead;
        size_t n = l->n - l->lead;
        if (j == first || rule(s, n)) continue;
        size_t k = cells_of(s, n, cells, MAX_CELLS);
        if (cookies_only(s, cells, k)) {
            md_lines_add(&c->meta, (int)j + 1);
            continue;
        }
        row(c, prefix, ind, l, ncols, (int)j + 1);
    }
    md_blank(&c->w, prefix, (int)e);
    while (e < c->n &&
           nl_starts_with(c->v[e].s + c->v[e].lead, c->v[e].n - c->v[e].lead, "#+TBLFM:")) {
        md_lines_add(&c->meta, (int)e + 1);
        e++;
    }
    return e;
}
