#include "epub/render.h"
#include "util/buf.h"
#include "util/utf8.h"

#include <stdbool.h>
#include <stdint.h>
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

/* Advance of a character in hundredths of an em: a serif's average, the
 * monospace of code, a full em for CJK and other wide characters. */
enum { SERIF_CHAR = 45, CODE_CHAR = 60, WIDE_CHAR = 100 };

static bool wide_cp(uint32_t cp)
{
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
           (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
           (cp >= 0x20000 && cp <= 0x3FFFD);
}

/* The widest run a browser will not wrap, over the text of one cell's
 * inlines in order (a word may run across them: `len`gth): lines break
 * at spaces, after hyphens, slashes and dashes, and around wide
 * characters. *cur is the run so far, *best the widest. */
static void longest_run(const char *s, int per_char, int *cur, int *best)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        size_t len;
        uint32_t cp = oct_utf8_decode(s + i, n - i, &len);
        i += len ? len : 1;
        if (cp == ' ' || cp == '\n' || cp == '\t') {
            *cur = 0;
            continue;
        }
        bool wide = wide_cp(cp);
        *cur += wide ? WIDE_CHAR : per_char;
        if (*cur > *best) *best = *cur;
        if (wide || cp == '-' || cp == '/' || cp == 0x2013 || cp == 0x2014) *cur = 0;
    }
}

/* The widest unbreakable run of a cell, in hundredths of an em. */
static int cell_run(const oct_node *cell)
{
    int cur = 0, best = 0;
    oct_iter it;
    oct_iter_init(&it, cell);
    oct_event ev;
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE) {
        const oct_node *c = it.cur;
        if (ev == OCT_EV_EXIT) {
            if (c != cell && !oct_kind_is_inline(c->kind)) cur = 0;
            continue;
        }
        if (c->kind == OCT_TEXT && c->text)
            longest_run(c->text, SERIF_CHAR, &cur, &best);
        else if ((c->kind == OCT_CODE || c->kind == OCT_CODE_BLOCK) && c->text)
            longest_run(c->text, CODE_CHAR, &cur, &best);
        else if (c->kind == OCT_SOFT_BREAK || c->kind == OCT_LINE_BREAK)
            cur = 0;
        else if (c != cell && (c->kind == OCT_FOOTNOTE_REF || c->kind == OCT_INDEX_TERM))
            oct_iter_skip_children(&it);
    }
    return best;
}

typedef struct {
    int word;   /* widest unbreakable run, hundredths of an em */
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
            int w = cell_run(c);
            if (w > cols[col].word) cols[col].word = w;
            cols[col].chars += (long)oct_utf8_count(text.data ? text.data : "", text.len);
            cols[col].cells++;
        }
    }
    oct_buf_free(&text);
    return cols;
}

/* How wide the table is with no word broken, in hundredths of an em: its
 * columns' widest runs and 0.9em of padding and border a column. */
static int unbroken_width(const column *cols, int ncols)
{
    int width = 0;
    for (int col = 0; col < ncols; col++)
        width += cols[col].word + 90;
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
        long word = cols[col].word / SERIF_CHAR; /* in characters, as avg */
        weight[col] = word > 3 ? word : 3;
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
