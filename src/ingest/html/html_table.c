#include "ingest/html/html_int.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* HTML tables: <table>, <thead>/<tbody>/<tfoot>, <tr>, <th>/<td> become the
 * tree's TABLE, rows and cells; align= and style="text-align:…" on a cell,
 * its row or a <col> become the TABLE's per-column alignment the way GFM
 * has it: one alignment a column, from the first cell (the header, if it
 * says) or <col> that names one. The tree has no alignment per cell. */

/* Columns past this many keep no alignment (a hostile colspan or span). */
#define MAX_ALIGNED_COLS 1024
/* A colspan wider than this is taken as this wide (a hostile 100000). */
#define MAX_SPAN 64

/* "left", "center"/"middle", "right"; anything else (justify, char) none. */
static oct_align parse_align(const char *v, size_t n)
{
    static const struct {
        const char *word;
        oct_align a;
    } WORDS[] = {{"left", OCT_ALIGN_LEFT},     {"start", OCT_ALIGN_LEFT},
                 {"center", OCT_ALIGN_CENTER}, {"middle", OCT_ALIGN_CENTER},
                 {"right", OCT_ALIGN_RIGHT},   {"end", OCT_ALIGN_RIGHT}};
    while (n && (*v == ' ' || *v == '\t'))
        v++, n--;
    while (n && (v[n - 1] == ' ' || v[n - 1] == '\t' || v[n - 1] == '"' || v[n - 1] == '\''))
        n--;
    for (size_t i = 0; i < sizeof WORDS / sizeof *WORDS; i++)
        if (strlen(WORDS[i].word) == n && strncasecmp(WORDS[i].word, v, n) == 0) return WORDS[i].a;
    return OCT_ALIGN_NONE;
}

static const char *find_nocase(const char *s, const char *word)
{
    for (size_t n = strlen(word); *s; s++)
        if (strncasecmp(s, word, n) == 0) return s;
    return NULL;
}

/* text-align in a style attribute wins over align=, as in a browser. */
static oct_align align_of(const char **attrs)
{
    const char *st = oct_html_attr(attrs, "style");
    for (const char *p = st; p && (p = find_nocase(p, "text-align")); p += 10) {
        if (p > st && (p[-1] == '-' || (p[-1] >= 'a' && p[-1] <= 'z'))) continue;
        const char *v = p + 10 + strspn(p + 10, " \t");
        if (*v != ':') continue;
        v++;
        oct_align a = parse_align(v, strcspn(v, ";!"));
        if (a != OCT_ALIGN_NONE) return a;
    }
    const char *al = oct_html_attr(attrs, "align");
    return al ? parse_align(al, strlen(al)) : OCT_ALIGN_NONE;
}

static h_entry *entry_of(oct_html *h, const oct_node *n)
{
    for (size_t i = h->n; n && i-- > 0;)
        if (h->st[i].node == n) return &h->st[i];
    return NULL;
}

/* Column col of table entry t says a (unless an earlier cell said). */
static void set_align(oct_html *h, h_entry *t, int col, oct_align a)
{
    if (!t || a == OCT_ALIGN_NONE || col < 0 || col >= MAX_ALIGNED_COLS) return;
    if (col >= t->naligns) {
        int n = col + 1 > 2 * t->naligns ? col + 1 : 2 * t->naligns;
        oct_align *g = oct_arena_alloc(h->env.t->arena, (size_t)n * sizeof *g);
        for (int i = 0; i < n; i++)
            g[i] = i < t->naligns ? t->aligns[i] : OCT_ALIGN_NONE;
        t->aligns = g;
        t->naligns = n;
    }
    if (t->aligns[col] == OCT_ALIGN_NONE) t->aligns[col] = a;
}

/* <colgroup align> is the default of its <col>s; <col span=n> n columns. */
static void start_col(oct_html *h, const h_elem *e, const char **attrs, int xd)
{
    oct_node *d = oct_html_dest(h);
    h_entry *t = d->kind == OCT_TABLE ? entry_of(h, d) : NULL;
    oct_align a = align_of(attrs);
    if (strcmp(e->name, "col") == 0 && t) {
        for (size_t i = h->n; a == OCT_ALIGN_NONE && i-- > 0 && h->st[i].node != d;)
            if (h->st[i].role == H_COL) a = h->st[i].align;
        const char *sp = oct_html_attr(attrs, "span");
        int span = sp ? atoi(sp) : 1;
        if (span < 1 || span > MAX_ALIGNED_COLS) span = 1;
        for (int k = 0; k < span; k++)
            set_align(h, t, t->cols + k, a);
        t->cols += span;
    }
    oct_html_push(h, H_COL, e->name, NULL, xd)->align = a;
}

static void start_row(oct_html *h, const h_elem *e, const char **attrs, oct_node *d, int xd)
{
    if (d->kind == OCT_TABLE_ROW) {
        oct_html_push(h, H_TBLOCK, e->name, NULL, xd);
        return;
    }
    bool thead = false;
    for (size_t i = h->n; i-- > 0;) {
        if (h->st[i].role == H_TSECTION) thead = h->st[i].thead;
        if (h->st[i].role == H_TSECTION || h->st[i].node == d) break;
    }
    h_entry *r = oct_html_push(h, H_TR, e->name, oct_html_add(h, d, OCT_TABLE_ROW), xd);
    r->all_th = true;
    r->thead = thead;
    r->align = align_of(attrs);
}

static void start_cell(oct_html *h, const h_elem *e, const char **attrs, oct_node *d, int xd)
{
    if (d->kind == OCT_TABLE) d = oct_html_implicit(h, d, OCT_TABLE_ROW);
    h_entry *r = entry_of(h, d);
    if (r && strcmp(e->name, "th") != 0) r->all_th = false;
    int col = 0;
    for (const oct_node *c = d->first; c; c = c->next)
        col++;
    oct_align a = align_of(attrs);
    if (a == OCT_ALIGN_NONE && r) a = r->align;
    set_align(h, entry_of(h, d->parent), col, a);
    oct_node *cell = oct_html_add(h, d, OCT_TABLE_CELL);
    oct_html_push(h, H_CELL, e->name, cell, xd);
    /* The tree's cells span one column each: a cell of colspan="n" keeps
     * the columns after it empty, so the row's later values stay under
     * their own headings ("310" under p99, not under ops/s). */
    const char *cs = cell ? oct_html_attr(attrs, "colspan") : NULL;
    int span = cs ? atoi(cs) : 1;
    if (span > MAX_SPAN) span = MAX_SPAN;
    for (int k = 1; k < span; k++)
        oct_node_append(d, oct_node_new(h->env.t, OCT_TABLE_CELL, cell->span));
}

void oct_html_start_table(oct_html *h, const h_elem *e, const char **attrs, int xd)
{
    if (e->role == H_TABLE) {
        oct_node *p = oct_html_block_parent(h);
        oct_html_push(h, H_TABLE, e->name,
                      p && !oct_html_too_deep(h) ? oct_html_add(h, p, OCT_TABLE) : NULL, xd);
        return;
    }
    if (e->role == H_TSECTION) {
        oct_html_push(h, H_TSECTION, e->name, NULL, xd)->thead = strcmp(e->name, "thead") == 0;
        return;
    }
    if (e->role == H_COL) {
        start_col(h, e, attrs, xd);
        return;
    }
    oct_node *d = oct_html_dest(h);
    if (d->kind != OCT_TABLE && d->kind != OCT_TABLE_ROW) {
        oct_node *p = oct_html_holds_inlines(d->kind) ? NULL : oct_html_block_parent(h);
        if (!p || oct_html_too_deep(h)) {
            /* a row or cell where inlines go: its text, spaced */
            oct_node *q = oct_html_inline_parent(h);
            if (q && q->first) oct_html_put_text(h, q, " ", 1);
            oct_html_push(h, H_TBLOCK, e->name, NULL, xd);
            return;
        }
        d = oct_html_implicit(h, p, OCT_TABLE);
    }
    if (e->role == H_TR)
        start_row(h, e, attrs, d, xd);
    else
        start_cell(h, e, attrs, d, xd);
}

void oct_html_finish_table(oct_html *h, const h_entry *e)
{
    oct_node *tb = e->node;
    int ncols = 0;
    for (oct_node *r = tb->first; r; r = r->next) {
        int k = 0;
        for (oct_node *c = r->first; c; c = c->next)
            k++;
        if (k > ncols) ncols = k;
    }
    if (ncols == 0) {
        oct_node_unlink(tb);
        return;
    }
    for (oct_node *r = tb->first; r; r = r->next) {
        int k = 0;
        for (oct_node *c = r->first; c; c = c->next)
            k++;
        for (; k < ncols; k++)
            oct_node_append(r, oct_node_new(h->env.t, OCT_TABLE_CELL, r->span));
    }
    tb->u.table.ncols = ncols;
    tb->u.table.aligns = oct_arena_alloc(h->env.t->arena, (size_t)ncols * sizeof(oct_align));
    for (int i = 0; i < ncols; i++)
        tb->u.table.aligns[i] = i < e->naligns ? e->aligns[i] : OCT_ALIGN_NONE;
}
