/* Tab-aligned paragraphs of a Word or OpenDocument text ("Term<TAB>
 * Definition", an answer key "1<TAB>B") become a table by the rule the
 * plain-text path applies to tab-separated lines (normalize_table.c:
 * three or more rows that split alike, the first a header unless the rows
 * say otherwise): each paragraph is one line of an nl_doc, the
 * normalizer's detection claims the rows, and each row's cells are cut
 * out of the paragraph's inlines with their formats (a bold term stays
 * bold). A tab elsewhere stays a tab, as in a .txt. */
#include "ingest/formats/docint.h"
#include "ingest/normalize/normalize_internal.h"

#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

#define MAX_INLINE_DEPTH 16 /* formats and a link: the builder opens at most 9 */

/* An inline with no inline children: its text's range in the line. */
typedef struct {
    oct_node *node;
    size_t at, len;
} leaf;

typedef struct {
    oct_buf text; /* the paragraph's text, one line */
    leaf *leaves;
    size_t nleaves, capleaves;
    bool ok; /* no line break, not too deep */
} line_text;

static bool is_leaf(const oct_node *n)
{
    return n->kind == OCT_TEXT || n->kind == OCT_CODE || !n->first;
}

static void flatten(line_text *lt, oct_node *n, int depth)
{
    for (oct_node *c = n->first; c; c = c->next) {
        if (oct_node_is_break(c) || depth >= MAX_INLINE_DEPTH) {
            lt->ok = false;
            return;
        }
        if (!is_leaf(c)) {
            flatten(lt, c, depth + 1);
            continue;
        }
        OCT_GROW(lt->leaves, lt->capleaves, lt->nleaves + 1);
        leaf *l = &lt->leaves[lt->nleaves++];
        l->node = c;
        l->at = lt->text.len;
        if (c->kind == OCT_TEXT || c->kind == OCT_CODE)
            oct_buf_puts(&lt->text, c->text ? c->text : "");
        else
            oct_buf_putc(&lt->text, '*'); /* a picture, a note mark: one mark of the cell */
        l->len = lt->text.len - l->at;
    }
}

static bool inlines_have_tab(const oct_node *n)
{
    for (const oct_node *c = n->first; c; c = c->next) {
        if ((c->kind == OCT_TEXT || c->kind == OCT_CODE) && c->text && strchr(c->text, '\t'))
            return true;
        if (!is_leaf(c) && inlines_have_tab(c)) return true;
    }
    return false;
}

static bool has_tab(const oct_node *p)
{
    return p->kind == OCT_PARAGRAPH && inlines_have_tab(p);
}

/* The copies of a leaf's ancestors (below the paragraph) inside a cell,
 * so runs of one link or one format stay one node in the cell. */
typedef struct {
    const oct_node *orig[MAX_INLINE_DEPTH];
    oct_node *copy[MAX_INLINE_DEPTH];
    int n;
} chain;

static oct_node *parent_in_cell(oct_tree *t, oct_node *cell, chain *ch, const oct_node *leaf_node,
                                const oct_node *para)
{
    const oct_node *up[MAX_INLINE_DEPTH];
    int n = 0;
    for (const oct_node *a = leaf_node->parent; a && a != para && n < MAX_INLINE_DEPTH;
         a = a->parent)
        up[n++] = a;
    int keep = 0; /* outermost first: up[n - 1] */
    while (keep < ch->n && keep < n && ch->orig[keep] == up[n - 1 - keep])
        keep++;
    ch->n = keep;
    for (int k = keep; k < n; k++) {
        const oct_node *o = up[n - 1 - k];
        oct_node *c = oct_node_new(t, o->kind, o->span);
        c->u = o->u;
        oct_node_append(k ? ch->copy[k - 1] : cell, c);
        ch->orig[k] = o;
        ch->copy[k] = c;
        ch->n = k + 1;
    }
    return ch->n ? ch->copy[ch->n - 1] : cell;
}

/* The part [a, b) of the line's inlines, into cell. */
static void fill_cell(oct_tree *t, oct_node *cell, const line_text *lt, const oct_node *para,
                      size_t a, size_t b)
{
    chain ch = {.n = 0};
    for (size_t i = 0; i < lt->nleaves; i++) {
        const leaf *l = &lt->leaves[i];
        size_t from = l->at > a ? l->at : a, to = l->at + l->len < b ? l->at + l->len : b;
        if (from >= to) continue;
        oct_node *parent = parent_in_cell(t, cell, &ch, l->node, para);
        if (l->node->kind == OCT_TEXT || l->node->kind == OCT_CODE) {
            oct_node_append(parent, oct_node_new_text(t, l->node->kind, l->node->span,
                                                      l->node->text + (from - l->at), to - from));
        } else {
            oct_node_unlink(l->node);
            oct_node_append(parent, l->node);
        }
    }
}

static oct_node *new_table(oct_tree *t, const nl_region *r, oct_span at)
{
    oct_node *tbl = oct_node_new(t, OCT_TABLE, at);
    tbl->u.table.ncols = r->ncols;
    tbl->u.table.aligns = oct_arena_alloc(t->arena, (size_t)r->ncols * sizeof(oct_align));
    for (int k = 0; k < r->ncols; k++)
        tbl->u.table.aligns[k] = OCT_ALIGN_NONE;
    return tbl;
}

/* The region's paragraphs paras[r->start..r->end] replaced by a table. */
static void make_table(oct_tree *t, oct_node **paras, line_text *lts, const nl_doc *d,
                       const nl_region *r)
{
    oct_node *tbl = new_table(t, r, paras[r->start]->span);
    oct_node_insert_before(paras[r->start], tbl);
    bool header = !r->headless;
    for (size_t i = r->start; i <= r->end; i++) {
        size_t a[NL_MAX_COLS], b[NL_MAX_COLS];
        if (nl_table_cells(r, &d->lines[i], a, b)) {
            oct_node *row = oct_node_new(t, OCT_TABLE_ROW, paras[i]->span);
            row->u.row.header = header;
            header = false;
            oct_node_append(tbl, row);
            for (int j = 0; j < r->ncols; j++) {
                oct_node *cell = oct_node_new(t, OCT_TABLE_CELL, paras[i]->span);
                oct_node_append(row, cell);
                fill_cell(t, cell, &lts[i], paras[i], a[j], b[j]);
            }
        }
        oct_node_unlink(paras[i]);
    }
}

/* A run of n paragraphs with tabs, each one line: tables where the
 * plain-text rule finds them. */
static void run_tables(oct_tree *t, oct_node **paras, size_t n)
{
    line_text *lts = oct_xcalloc(n, sizeof *lts);
    nl_line *lines = oct_xcalloc(n, sizeof *lines);
    for (size_t i = 0; i < n; i++) {
        lts[i].text = (oct_buf)OCT_BUF_INIT;
        lts[i].ok = true;
        flatten(&lts[i], paras[i], 0);
        lines[i].s = lts[i].text.data ? lts[i].text.data : "";
        lines[i].len = lts[i].text.len;
        lines[i].src = paras[i]->span.line;
        /* a paragraph of several lines is no row: it stops the run */
        if (!lts[i].ok || !lines[i].len) lines[i].flags = NL_HTML;
    }
    nl_doc d = {.lines = lines, .n = n, .plain = true};
    nl_detect_tables(&d);
    for (size_t k = 0; k < d.nregions; k++)
        if (d.regions[k].kind == NL_R_TABLE) make_table(t, paras, lts, &d, &d.regions[k]);
    for (size_t i = 0; i < n; i++) {
        oct_buf_free(&lts[i].text);
        free(lts[i].leaves);
    }
    free(lts);
    free(lines);
    free(d.regions);
}

void db_tab_tables(oct_tree *t, oct_node *container)
{
    oct_node **run = NULL;
    size_t n = 0, cap = 0;
    for (oct_node *c = container->first, *next; c; c = next) {
        next = c->next;
        if (has_tab(c)) {
            OCT_GROW(run, cap, n + 1);
            run[n++] = c;
            if (next) continue;
        }
        if (n >= 3) run_tables(t, run, n);
        n = 0;
        if (c->kind == OCT_BLOCKQUOTE || c->kind == OCT_LIST || c->kind == OCT_ITEM ||
            c->kind == OCT_FOOTNOTE_DEF)
            db_tab_tables(t, c);
    }
    free(run);
}
