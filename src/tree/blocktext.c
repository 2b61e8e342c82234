#include "tree/tree.h"

#include <stdio.h>
#include <string.h>

/* Plain text of blocks, for exports that carry an answer as text (the
 * question bank's JSON): what a reader of a text file needs to follow
 * it. Paragraphs and headings are one line each (oct_node_plain_text_to,
 * the walk titles use), blocks are parted by a blank line, list items
 * carry their marker ("- ", "3. ", "[x] ") with their other lines
 * indented under it, code keeps its lines as written, a table is a row
 * a line with " | " between cells, a quotation's lines begin with "> ".
 * Nested blocks are rendered into a scratch buffer and then indented, so
 * the depth costs one copy per level; the tree's depth is capped at
 * ingest (oct_limits.h), and this walk stops at MAX_DEPTH anyway. */

enum { MAX_DEPTH = 64 };

static void put_blocks(const oct_node *first, oct_buf *out, int depth);

/* Appends text[0..n) with `lead` before its first line and `indent`
 * before each other line; an empty line gets the indent without its
 * trailing blanks (">" inside a quotation, nothing inside a list). */
static void put_indented(oct_buf *out, const char *text, size_t n, const char *lead,
                         const char *indent)
{
    bool first = true;
    for (size_t i = 0; i < n;) {
        const char *nl = memchr(text + i, '\n', n - i);
        size_t end = nl ? (size_t)(nl - text) : n;
        if (first) {
            oct_buf_puts(out, lead);
        } else if (end > i) {
            oct_buf_puts(out, indent);
        } else {
            size_t k = strlen(indent);
            while (k > 0 && indent[k - 1] == ' ')
                k--;
            oct_buf_put(out, indent, k);
        }
        oct_buf_put(out, text + i, end - i);
        first = false;
        if (!nl) break;
        oct_buf_putc(out, '\n');
        i = end + 1;
    }
    if (first) oct_buf_puts(out, lead); /* an empty item still shows its marker */
}

static void put_list(const oct_node *list, oct_buf *out, int depth)
{
    bool numbered = list->u.list.ordered && oct_list_has_numbers(list);
    long expected = list->u.list.start;
    oct_buf body = OCT_BUF_INIT;
    bool any = false;
    for (const oct_node *it = list->first; it; it = it->next) {
        if (it->kind != OCT_ITEM) continue;
        long v = list->u.list.ordered ? oct_list_item_value(numbered, it, &expected) : -1;
        char lead[48];
        int k = 0;
        if (list->u.list.ordered)
            k = snprintf(lead, sizeof lead, "%ld%c ", v >= 0 ? v : expected - 1,
                         list->u.list.delim ? list->u.list.delim : '.');
        else
            k = snprintf(lead, sizeof lead, "- ");
        if (it->u.item.task != OCT_TASK_NONE && k > 0 && (size_t)k < sizeof lead - 4)
            snprintf(lead + k, sizeof lead - (size_t)k, "[%c] ",
                     it->u.item.task == OCT_TASK_DONE ? 'x' : ' ');
        char indent[48];
        size_t w = strlen(lead);
        memset(indent, ' ', w);
        indent[w] = '\0';
        oct_buf_clear(&body);
        put_blocks(it->first, &body, depth + 1);
        if (any) oct_buf_puts(out, list->u.list.tight ? "\n" : "\n\n");
        put_indented(out, body.data ? body.data : "", body.len, lead, indent);
        any = true;
    }
    oct_buf_free(&body);
}

static void put_table(const oct_node *table, oct_buf *out)
{
    bool first_row = true;
    for (const oct_node *row = table->first; row; row = row->next) {
        if (row->kind != OCT_TABLE_ROW) continue;
        if (!first_row) oct_buf_putc(out, '\n');
        first_row = false;
        for (const oct_node *cell = row->first; cell; cell = cell->next) {
            if (cell != row->first) oct_buf_puts(out, " | ");
            oct_node_plain_text_to(cell, out);
        }
    }
}

/* One block; false when it printed nothing (no blank line after it). */
static bool put_block(const oct_node *n, oct_buf *out, int depth)
{
    size_t before = out->len;
    switch (n->kind) {
    case OCT_CODE_BLOCK: {
        size_t len;
        const char *s = oct_code_block_text(n, &len);
        oct_buf_put(out, s, len);
        break;
    }
    case OCT_LIST:
        put_list(n, out, depth);
        break;
    case OCT_TABLE:
        put_table(n, out);
        break;
    case OCT_THEMATIC_BREAK:
        oct_buf_puts(out, "---");
        break;
    case OCT_BLOCKQUOTE:
    case OCT_ANSWER:
    case OCT_ITEM:
    case OCT_FOOTNOTE_DEF:
    case OCT_DETAILS: {
        oct_buf inner = OCT_BUF_INIT;
        put_blocks(n->first, &inner, depth + 1);
        if (n->kind == OCT_BLOCKQUOTE)
            put_indented(out, inner.data ? inner.data : "", inner.len, "> ", "> ");
        else
            oct_buf_put(out, inner.data ? inner.data : "", inner.len);
        oct_buf_free(&inner);
        break;
    }
    case OCT_QUESTION: /* a question inside an answer: its prompt, then its answer */
        oct_node_plain_text_to(n, out);
        for (const oct_node *c = n->first; c; c = c->next)
            if (c->kind == OCT_ANSWER && c->first) {
                oct_buf_puts(out, "\n\n");
                put_blocks(c->first, out, depth + 1);
            }
        break;
    default:
        if (oct_kind_is_inline(n->kind) || n->kind == OCT_WORDING) break;
        oct_node_plain_text_to(n, out); /* paragraph, heading, figure, summary */
        break;
    }
    return out->len > before;
}

static void put_blocks(const oct_node *first, oct_buf *out, int depth)
{
    if (depth > MAX_DEPTH) return;
    bool any = false;
    for (const oct_node *n = first; n; n = n->next) {
        size_t mark = out->len;
        if (any) oct_buf_puts(out, "\n\n");
        if (put_block(n, out, depth))
            any = true;
        else
            out->len = mark; /* nothing came of it: no separator either */
    }
    if (out->data) out->data[out->len] = '\0';
}

void oct_node_block_text_to(const oct_node *n, oct_buf *out)
{
    if (!n) return;
    if (n->kind == OCT_QUESTION) { /* its answers (an arranged one may have several) */
        for (const oct_node *c = n->first; c; c = c->next) {
            if (c->kind != OCT_ANSWER || !c->first) continue;
            size_t mark = out->len;
            if (mark) oct_buf_puts(out, "\n\n");
            put_blocks(c->first, out, 0);
            if (out->len == mark + (mark ? 2 : 0)) out->len = mark;
            if (out->data) out->data[out->len] = '\0';
        }
        return;
    }
    put_block(n, out, 0);
}
