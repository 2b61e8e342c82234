#include "ingest/guards.h"
#include "util/buf.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

int oct_guard_lines(const char *path, const char *text, size_t len, oct_diag *diag)
{
    int line = 1;
    for (size_t start = 0; start < len; line++) {
        const char *nl = memchr(text + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - text) : len;
        if (end - start > OCT_LIMIT_LINE_BYTES) {
            oct_diag_report(diag, OCT_ERROR, path, line, 1, "limit-line-length",
                            "line is %zu bytes long, more than the limit of %u; the source is "
                            "not read",
                            end - start, OCT_LIMIT_LINE_BYTES);
            return -1;
        }
        start = end + 1;
    }
    return 0;
}

/* ---- bracket runs ---------------------------------------------------------
 * cmark-gfm 0.29.0.gfm.6 looks back over every earlier "[" of a paragraph
 * for each "]" (and never forgets an image opener), so a paragraph of many
 * "![[]()" costs time quadratic or worse in them. Only what cmark would
 * parse as inlines counts: fenced code is skipped, and so is the inside of
 * a code span, where an added backslash would show. */

#define MAX_TICKS 32 /* longer backtick runs are never taken as code spans */

typedef struct {
    const char *s;
    size_t end;                 /* end of the block */
    size_t next[MAX_TICKS + 1]; /* next run of exactly k backticks at or after scan[k] */
    size_t scan[MAX_TICKS + 1];
} ticks;

static size_t run_len(const char *s, size_t i, size_t end)
{
    size_t k = 0;
    while (i + k < end && s[i + k] == '`')
        k++;
    return k;
}

/* Start of the next run of exactly k backticks after `from`, or tk->end.
 * Each k scans the block once: the answers only move forward. */
static size_t closing_run(ticks *tk, size_t k, size_t from)
{
    if (tk->scan[k] > from && tk->next[k] >= from) return tk->next[k];
    size_t i = from > tk->scan[k] ? from : tk->scan[k];
    while (i < tk->end) {
        if (tk->s[i] != '`') {
            i++;
            continue;
        }
        size_t r = run_len(tk->s, i, tk->end);
        if (r == k) break;
        i += r;
    }
    tk->scan[k] = i + 1;
    tk->next[k] = i < tk->end ? i : tk->end;
    return tk->next[k];
}

/* Length of the fence that opens the line at s (<= 3 spaces, then 3 or
 * more ` or ~), or 0. *ch gets the fence character. */
static size_t fence_at(const char *s, size_t n, char *ch)
{
    size_t i = 0;
    while (i < n && i < 3 && s[i] == ' ')
        i++;
    if (i >= n || (s[i] != '`' && s[i] != '~')) return 0;
    char c = s[i];
    size_t k = 0;
    while (i + k < n && s[i + k] == c)
        k++;
    if (k < 3) return 0;
    if (c == '`' && memchr(s + i + k, '`', n - i - k)) return 0;
    *ch = c;
    return k;
}

/* True when the line at s closes a fence of flen characters ch. */
static bool closes_fence(const char *s, size_t n, char ch, size_t flen)
{
    size_t i = 0, k = 0;
    while (i < n && i < 3 && s[i] == ' ')
        i++;
    while (i < n && s[i] == ch)
        i++, k++;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return k >= flen && i == n;
}

static bool is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t') return false;
    return true;
}

/* A link reference definition's line ("[label]: url"), the label's "["
 * the only one: the block parser takes it whole, so its bracket is no
 * opener; skipping it keeps long lists of definitions intact. */
static bool is_definition(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && i < 3 && s[i] == ' ')
        i++;
    if (i >= n || s[i] != '[') return false;
    const char *close = memchr(s + i, ']', n - i);
    if (!close || close == s + i + 1 || (size_t)(close - s) + 1 >= n || close[1] != ':')
        return false;
    return !memchr(s + i + 1, '[', n - i - 1);
}

/* One block text[start..end): counts openers, escapes those past the limit
 * into b (when b is not NULL). Returns the number of openers. */
static size_t block_brackets(const char *text, size_t start, size_t end, oct_buf *b)
{
    ticks tk = {.s = text, .end = end};
    size_t count = 0;
    for (size_t i = start; i < end; i++) {
        char c = text[i];
        if (c == '\\' && i + 1 < end && text[i + 1] != '\n') {
            if (b) oct_buf_put(b, text + i, 2);
            i++;
            continue;
        }
        if (c == '`') {
            size_t k = run_len(text, i, end), close = end;
            if (k <= MAX_TICKS) close = closing_run(&tk, k, i + k);
            size_t stop = close < end ? close + k : i + k; /* a span, or just the run */
            if (b) oct_buf_put(b, text + i, stop - i);
            i = stop - 1;
            continue;
        }
        if (c == '[' && (i == start || text[i - 1] == '\n')) {
            const char *nl = memchr(text + i, '\n', end - i);
            size_t n = nl ? (size_t)(nl - (text + i)) : end - i;
            if (is_definition(text + i, n)) {
                if (b) oct_buf_put(b, text + i, n);
                i += n - 1;
                continue;
            }
        }
        if (c == '[' && ++count > OCT_LIMIT_BRACKETS && b) oct_buf_putc(b, '\\');
        if (b) oct_buf_putc(b, c);
    }
    return count;
}

/* Goes over the blocks of inline text (runs of non-blank lines outside
 * fenced code): true when one holds more openers than the limit. With b,
 * copies the text there, such blocks escaped. */
static bool each_block(const char *text, size_t len, oct_buf *b, int *first_line)
{
    bool any = false;
    size_t bstart = 0;
    int line = 1, bline = 1;
    bool in_block = false;
    char fch = 0;
    size_t flen = 0;
    for (size_t start = 0; start <= len; line++) {
        const char *nl = memchr(text + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - text) + 1 : len;
        const char *s = text + start;
        size_t n = end - start - (nl ? 1 : 0);
        char ch = 0;
        size_t fk = 0;
        bool verbatim = flen > 0, boundary = start >= len || is_blank(s, n);
        if (!flen && (fk = fence_at(s, n, &ch))) boundary = verbatim = true;
        if (boundary && in_block) {
            size_t k = block_brackets(text, bstart, start, NULL);
            if (k > OCT_LIMIT_BRACKETS) {
                if (b) block_brackets(text, bstart, start, b);
                if (!any) *first_line = bline;
                any = true;
            } else if (b) {
                oct_buf_put(b, text + bstart, start - bstart);
            }
            in_block = false;
        }
        if (start >= len) break;
        if (fk) {
            fch = ch, flen = fk;
        } else if (flen && closes_fence(s, n, fch, flen)) {
            flen = 0;
        } else if (!flen && !boundary && !in_block) {
            in_block = true, bstart = start, bline = line;
        }
        if ((verbatim || boundary) && b) oct_buf_put(b, s, end - start);
        start = end;
    }
    return any;
}

char *oct_guard_brackets(const char *text, size_t len, size_t *outlen, int *first_line)
{
    /* Cheap test first: most sources hold far fewer "[" than the limit. */
    size_t total = 0;
    for (const char *p = text; (p = memchr(p, '[', len - (size_t)(p - text))); p++)
        if (++total > OCT_LIMIT_BRACKETS) break;
    *first_line = 0;
    if (total <= OCT_LIMIT_BRACKETS || !each_block(text, len, NULL, first_line)) return NULL;
    oct_buf b = OCT_BUF_INIT;
    each_block(text, len, &b, first_line);
    *outlen = b.len;
    return oct_buf_detach(&b);
}

/* ---- headings and table rows --------------------------------------------- */

typedef struct {
    oct_tree *t;
    const char *path;
    oct_diag *diag;
    size_t headings;
    bool warned_count, warned_length, warned_rows;
    oct_buf text;
} blocks;

static void heading_to_paragraph(blocks *g, oct_node *n)
{
    g->headings++;
    bool many = g->headings > OCT_LIMIT_HEADINGS;
    bool too_long = false;
    if (!many) {
        oct_buf_clear(&g->text);
        oct_node_plain_text_to(n, &g->text);
        too_long = g->text.len > OCT_LIMIT_HEADING_BYTES;
    }
    if (!many && !too_long) return;
    if (many && !g->warned_count) {
        g->warned_count = true;
        oct_diag_report(g->diag, OCT_WARNING, g->path, n->span.line, n->span.col, "limit-headings",
                        "more than %d headings in one source: the rest are set as paragraphs",
                        OCT_LIMIT_HEADINGS);
    }
    if (too_long && !g->warned_length) {
        g->warned_length = true;
        oct_diag_report(g->diag, OCT_WARNING, g->path, n->span.line, n->span.col,
                        "limit-heading-length",
                        "heading of %zu bytes (the limit is %d) is set as a paragraph", g->text.len,
                        OCT_LIMIT_HEADING_BYTES);
    }
    oct_node_set_kind(n, OCT_PARAGRAPH); /* its inlines and anchors stay */
}

/* "| a | b |": the cells of a row as plain text. */
static void row_line(blocks *g, const oct_node *row)
{
    oct_buf_puts(&g->text, "|");
    for (const oct_node *cell = row->first; cell; cell = cell->next) {
        oct_buf_puts(&g->text, " ");
        size_t at = g->text.len;
        oct_node_plain_text_to(cell, &g->text);
        for (size_t i = at; i < g->text.len; i++)
            if (g->text.data[i] == '\n') g->text.data[i] = ' ';
        oct_buf_puts(&g->text, " |");
    }
    oct_buf_putc(&g->text, '\n');
}

/* A header row with no text in any cell ("|  |  |" over "|---|---|"):
 * how GitHub READMEs, and the normalizer's two-column tables, write a
 * table that no row heads. It goes, so that no empty band is printed
 * above the rows (it holds nothing a reader could miss). */
static void drop_empty_header(blocks *g, oct_node *table)
{
    oct_node *row = table->first;
    if (!row || row->kind != OCT_TABLE_ROW || !row->u.row.header || !row->next) return;
    for (oct_node *cell = row->first; cell; cell = cell->next)
        if (cell->first) return;
    (void)g;
    oct_node_unlink(row);
}

static void split_table(blocks *g, oct_node *table)
{
    int k = 0;
    oct_node *row = table->first;
    while (row && k < OCT_LIMIT_TABLE_ROWS)
        row = row->next, k++;
    if (!row) return;
    if (!g->warned_rows) {
        g->warned_rows = true;
        oct_diag_report(g->diag, OCT_WARNING, g->path, row->span.line, row->span.col,
                        "limit-table-rows",
                        "table of more than %d rows: the rest are kept as preformatted text",
                        OCT_LIMIT_TABLE_ROWS);
    }
    oct_buf_clear(&g->text);
    oct_span sp = row->span;
    while (row) {
        oct_node *next = row->next;
        row_line(g, row);
        oct_node_unlink(row);
        row = next;
    }
    if (g->text.len) g->text.len--; /* code block text has no final newline */
    oct_node *code = oct_node_new_text(g->t, OCT_CODE_BLOCK, sp, g->text.data, g->text.len);
    if (table->next)
        oct_node_insert_before(table->next, code);
    else
        oct_node_append(table->parent, code);
}

void oct_guard_blocks(oct_tree *t, oct_node *chapter, const char *path, oct_diag *diag)
{
    blocks g = {.t = t, .path = path, .diag = diag, .text = OCT_BUF_INIT};
    oct_iter it;
    oct_iter_init(&it, chapter);
    oct_event ev;
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE) {
        if (ev != OCT_EV_ENTER) continue;
        oct_node *n = (oct_node *)it.cur;
        if (n->kind == OCT_SECTION) {
            heading_to_paragraph(&g, n);
            oct_iter_skip_children(&it);
        } else if (n->kind == OCT_TABLE) {
            drop_empty_header(&g, n);
            split_table(&g, n);
            oct_iter_skip_children(&it);
        } else if (oct_kind_is_inline(n->kind)) {
            oct_iter_skip_children(&it);
        }
    }
    oct_buf_free(&g.text);
}
