#include "ingest/markdown_int.h"

#include <stdio.h>
#include <string.h>

/* The HTML side of the Markdown walk (see html.h), and Markdown blocks
 * written between <td> and </td>. A TABLE_CELL holds inlines only (the
 * tree's contract, which both backends rely on), so such blocks are folded
 * into the cell as lines of inline text: a paragraph or heading is a line,
 * a list item a "• " or "3. " line, a code block one CODE span a line, a
 * GFM table a line a row with " | " between its cells. Nothing is lost and
 * the table goes on. */

size_t oct_md_html_owner(const conv *c)
{
    const frame *top = &c->stack[c->nstack - 1];
    return top->hown ? top->hown : c->nstack;
}

void oct_md_html_block(conv *c, oct_node *base, cmark_node *n, oct_span sp)
{
    const char *s = cmark_node_get_literal(n);
    oct_md_flush_text(c);
    oct_html_block(c->html, oct_md_html_owner(c), base, s ? s : "", s ? strlen(s) : 0,
                   cmark_node_get_start_line(n), sp);
}

/* One inline tag: an element when it names one, else literal text. */
void oct_md_html_inline(conv *c, const frame *up, oct_node *base, cmark_node *n, oct_span sp)
{
    const char *s = cmark_node_get_literal(n);
    size_t len = s ? strlen(s) : 0;
    if (!oct_html_is_markup(s ? s : "", len)) {
        oct_md_append_text(c, up->dst, s, len, sp);
        return;
    }
    size_t k;
    c->eat_space = (len >= 4 && memcmp(s, "<!--", 4) == 0) || oct_html_is_frame_tag(s, len, &k);
    if (c->eat_space) return; /* comments and a page's frame tags vanish */
    oct_md_flush_text(c);
    c->html_in_para = true;
    oct_html_inline(c->html, oct_md_html_owner(c), base, s, len, sp);
}

/* A new line in the cell, unless it is empty or has just begun one. The
 * first block of a list item goes on its marker's line. */
static void new_line(conv *c, oct_node *cell, cmark_node *n, oct_span sp)
{
    cmark_node *up = n ? cmark_node_parent(n) : NULL;
    if (up && cmark_node_get_type(up) == CMARK_NODE_ITEM && !cmark_node_previous(n)) return;
    oct_md_flush_text(c);
    oct_node *l = cell->last;
    size_t k = l && l->kind == OCT_TEXT && l->text ? strlen(l->text) : 0;
    if (k && l->text[k - 1] == ' ') { /* no blank at the end of a line */
        while (k && l->text[k - 1] == ' ')
            k--;
        l->text = oct_arena_strndup(c->t->arena, l->text, k);
        if (!k) oct_node_unlink(l), l = cell->last;
    }
    if (l && l->kind != OCT_LINE_BREAK)
        oct_md_append(c, cell, oct_node_new(c->t, OCT_LINE_BREAK, sp));
}

static void fold_code(conv *c, oct_node *cell, cmark_node *n, oct_span sp)
{
    const char *s = cmark_node_get_literal(n);
    size_t len = s ? strlen(s) : 0;
    while (len && s[len - 1] == '\n')
        len--;
    new_line(c, cell, n, sp);
    int flen, off;
    char fch;
    oct_span at = sp; /* each line's own position: the code starts below a fence */
    at.col = 1;
    if (cmark_node_get_fenced(n, &flen, &off, &fch)) at.line++;
    for (size_t i = 0; i < len; at.line++) {
        const char *nl = memchr(s + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - s) : len;
        if (i > 0) oct_md_append(c, cell, oct_node_new(c->t, OCT_LINE_BREAK, at));
        if (e > i) {
            oct_node *code = oct_node_new(c->t, OCT_CODE, at);
            code->text = oct_md_clean_text(c, s + i, e - i, at);
            oct_md_append(c, cell, code);
        }
        i = e + 1;
    }
}

/* The marker of list item n: "• ", or its number in an ordered list (the
 * list's frame `up` counts). */
static void fold_item(conv *c, frame *up, oct_node *cell, cmark_node *n, oct_span sp)
{
    char mark[32] = "\xe2\x80\xa2 ";
    cmark_node *list = cmark_node_parent(n);
    if (list && cmark_node_get_list_type(list) == CMARK_ORDERED_LIST) {
        if (up->next_number == 0 && up->last_written == 0)
            up->next_number = cmark_node_get_list_start(list);
        snprintf(mark, sizeof mark, "%d. ", up->next_number);
        if (up->next_number < 999999999) up->next_number++;
        up->last_written = 1;
    }
    new_line(c, cell, n, sp);
    oct_node *t = oct_node_new(c->t, OCT_TEXT, sp);
    t->text = oct_md_clean_text(c, mark, strlen(mark), sp);
    oct_md_append(c, cell, t);
}

/* Block n enters the table cell `cell`: folded (see above). The frame it
 * pushes may move the stack, so `up` is not used after that push. */
static void fold(conv *c, frame *up, oct_node *cell, cmark_node *n, oct_span sp, size_t owner)
{
    cmark_node_type type = cmark_node_get_type(n);
    const char *ts = cmark_node_get_type_string(n);
    if (type == CMARK_NODE_CODE_BLOCK) {
        fold_code(c, cell, n, sp);
        return;
    }
    if (type == CMARK_NODE_THEMATIC_BREAK) {
        new_line(c, cell, n, sp);
        return;
    }
    if (type == CMARK_NODE_ITEM)
        fold_item(c, up, cell, n, sp);
    else if (strcmp(ts, "table_cell") == 0 && cmark_node_previous(n))
        oct_md_append_text(c, cell, " | ", 3, sp);
    else if (strcmp(ts, "table_cell") != 0)
        new_line(c, cell, n, sp);
    frame f = *up;
    f.dst = cell;
    f.src = n;
    f.flattened = true;
    f.hown = owner;
    f.block = sp;
    f.first_raw = cmark_node_get_start_line(n);
    f.last_raw = cmark_node_get_end_line(n);
    if (f.last_raw < f.first_raw) f.last_raw = f.first_raw;
    f.next_number = 0; /* a folded list counts its items */
    f.last_written = 0;
    oct_md_push(c, &f);
}

/* A block folds into a cell only when an end tag that closes the cell
 * comes at or after its line: a <td> never closed does not take the rest
 * of the notes (the block closes the table instead). */
static int cell_end(conv *c)
{
    if (c->cell_end_known) return c->cell_end_raw;
    c->cell_end_known = true;
    int line = 1;
    for (size_t i = 0; i < c->len; i++) {
        if (c->text[i] == '\n') line++;
        if (c->text[i] != '<' || i + 4 > c->len || c->text[i + 1] != '/' ||
            (c->text[i + 2] | 0x20) != 't')
            continue;
        char k = (char)(c->text[i + 3] | 0x20);
        if (k == 'd' || k == 'h' || k == 'a') c->cell_end_raw = line + c->offset;
    }
    return c->cell_end_raw;
}

bool oct_md_html_prologue(conv *c, frame *up, cmark_node *n, oct_span sp, oct_node **base)
{
    cmark_node_type type = cmark_node_get_type(n);
    bool is_block = (type & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK;
    size_t owner = oct_md_html_owner(c);
    bool may_fold = is_block && type != CMARK_NODE_HTML_BLOCK && oct_html_open(c->html) &&
                    cmark_node_get_start_line(n) <= cell_end(c);
    if (is_block && type != CMARK_NODE_HTML_BLOCK && oct_html_open(c->html)) {
        oct_md_flush_text(c);
        oct_html_settle(c->html, owner, may_fold);
    }
    *base = up->dst;
    /* an HTML tag finds its own place; other inlines need an inline one,
     * and so does a tag octavo does not know, which is kept as its text
     * (after "</tr>" the place of a tag is the table, where text may not go) */
    const char *lit = type == CMARK_NODE_HTML_INLINE ? cmark_node_get_literal(n) : NULL;
    bool tag = lit && oct_html_is_markup(lit, strlen(lit));
    up->dst = is_block || tag ? oct_html_target(c->html, owner, *base)
                              : oct_html_inline_target(c->html, owner, *base);
    if (!may_fold || up->dst->kind != OCT_TABLE_CELL) return false;
    oct_node *cell = up->dst;
    up->dst = *base;
    fold(c, up, cell, n, sp, owner);
    return true;
}
