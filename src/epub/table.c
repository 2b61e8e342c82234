#include "epub/render.h"
#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Header rows go to <thead> and the rest to <tbody>, in their order; column
 * alignment is a class (text-align in the stylesheet) because the HTML
 * align attribute is obsolete and epubcheck rejects it. */

static const char *align_class(const oct_node *table, int col)
{
    if (!table->u.table.aligns || col >= table->u.table.ncols) return NULL;
    switch (table->u.table.aligns[col]) {
    case OCT_ALIGN_LEFT:
        return "align-left";
    case OCT_ALIGN_CENTER:
        return "align-center";
    case OCT_ALIGN_RIGHT:
        return "align-right";
    default:
        return NULL;
    }
}

static void write_row(oct_epub_ctx *r, const oct_node *table, const oct_node *row, bool header)
{
    oct_epub_xw_start(r->xw, "tr");
    int col = 0;
    for (const oct_node *c = row->first; c; c = c->next, col++) {
        oct_epub_xw_start(r->xw, header ? "th" : "td");
        if (header) oct_epub_xw_attr(r->xw, "scope", "col");
        oct_epub_xw_attr(r->xw, "class", align_class(table, col));
        if (c->kind == OCT_TABLE_CELL)
            oct_epub_inlines(r, c->first, NULL);
        else
            oct_epub_inlines(r, c, c->next);
        oct_epub_xw_end(r->xw);
    }
    oct_epub_xw_end(r->xw);
    oct_epub_xw_nl(r->xw);
}

static int count_rows(const oct_node *table, bool header)
{
    int n = 0;
    for (const oct_node *row = table->first; row; row = row->next)
        if (row->kind == OCT_TABLE_ROW && row->u.row.header == header) n++;
    return n;
}

static void write_group(oct_epub_ctx *r, const oct_node *table, bool header)
{
    if (!count_rows(table, header)) return;
    oct_epub_xw_start(r->xw, header ? "thead" : "tbody");
    oct_epub_xw_nl(r->xw);
    for (const oct_node *row = table->first; row; row = row->next)
        if (row->kind == OCT_TABLE_ROW && row->u.row.header == header)
            write_row(r, table, row, header);
    oct_epub_xw_end(r->xw);
    oct_epub_xw_nl(r->xw);
}

/* The longest run of s a browser will not wrap, in code points: lines
 * break at spaces and after hyphens, slashes and dashes. */
static int longest_word(const char *s)
{
    int best = 0, cur = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        bool dash = p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x93 || p[2] == 0x94);
        if (*p == ' ') {
            cur = 0;
        } else if ((*p & 0xC0) != 0x80) {
            if (++cur > best) best = cur;
            if (*p == '-' || *p == '/' || dash) cur = 0;
        }
    }
    return best;
}

typedef struct {
    int word;   /* longest word, in characters */
    long chars; /* characters of all its cells */
    int cells;
} column;

/* The table's columns as a reader sees them, ncols of them (the caller
 * frees). */
static column *measure(const oct_node *table, int ncols)
{
    column *cols = calloc((size_t)ncols, sizeof *cols);
    oct_buf text = OCT_BUF_INIT;
    for (const oct_node *row = table->first; row && cols; row = row->next) {
        int col = 0;
        for (const oct_node *c = row->first; c && col < ncols; c = c->next, col++) {
            oct_buf_clear(&text);
            oct_node_plain_text_to(c, &text);
            int w = text.data ? longest_word(text.data) : 0;
            if (w > cols[col].word) cols[col].word = w;
            cols[col].chars += (long)text.len;
            cols[col].cells++;
        }
    }
    oct_buf_free(&text);
    return cols;
}

/* How wide the table is with no word broken, in hundredths of an em: its
 * columns' longest words at about 0.45em a character (a serif's average),
 * and 0.9em of padding and border a column. */
static int unbroken_width(const column *cols, int ncols)
{
    int width = 0;
    for (int col = 0; col < ncols; col++)
        width += cols[col].word * 45 + 90;
    return width;
}

/* A table whose words do not fit a phone's line (about 20em once the
 * reader's margins are taken) is set smaller, so its cells break between
 * words rather than inside them. */
static const char *width_class(int width)
{
    return width <= 2000          ? NULL
           : width * 85 <= 200000 ? "wide"
           : width * 75 <= 210000 ? "wider"
                                  : "widest";
}

/* A table too wide even at 0.75em (names in code, long numbers) would
 * run off the page, which a paginated reader cuts: it gets the page's
 * width (table-layout: fixed in css.c) shared by its columns' longest
 * words and, up to 30 characters, their average text, and only words
 * that cannot fit their column break. */
static void write_columns(oct_epub_ctx *r, const column *cols, int ncols)
{
    long weight[128], total = 0;
    if (ncols > 128) return; /* the automatic layout then */
    for (int col = 0; col < ncols; col++) {
        long avg = cols[col].cells ? cols[col].chars / cols[col].cells : 0;
        weight[col] = cols[col].word > 3 ? cols[col].word : 3;
        if (avg > 30) avg = 30;
        if (avg > weight[col]) weight[col] = avg;
        total += weight[col];
    }
    oct_epub_xw_start(r->xw, "colgroup");
    for (int col = 0, left = 100; col < ncols; col++) {
        long pc = col + 1 < ncols ? weight[col] * 100 / total : left;
        char style[32];
        snprintf(style, sizeof style, "width: %ld%%", pc);
        left -= (int)pc;
        oct_epub_xw_start(r->xw, "col");
        oct_epub_xw_attr(r->xw, "style", style);
        oct_epub_xw_end_empty(r->xw);
    }
    oct_epub_xw_end(r->xw);
    oct_epub_xw_nl(r->xw);
}

void oct_epub_table(oct_epub_ctx *r, const oct_node *table)
{
    if (!count_rows(table, true) && !count_rows(table, false)) return;
    int ncols = table->u.table.ncols > 0 ? table->u.table.ncols : 1;
    column *cols = measure(table, ncols);
    const char *cls = cols ? width_class(unbroken_width(cols, ncols)) : NULL;
    oct_epub_xw_start(r->xw, "table");
    oct_epub_xw_attr(r->xw, "class", cls);
    oct_epub_xw_nl(r->xw);
    if (cls && !strcmp(cls, "widest")) write_columns(r, cols, ncols);
    free(cols);
    write_group(r, table, true);
    write_group(r, table, false);
    oct_epub_xw_end(r->xw);
}
