/* The index pages. Before layout, every place the index lists becomes a
 * spot; text marks it (text.c), and where its line is set an anchor is
 * dropped (lineops.c), so after pagination each place has its real page.
 * The index then comes last: "Index", then the terms by initial letter in
 * two columns, each followed by its page numbers, each a link to the
 * spot. Every page is one item, its two columns filled row by row here
 * (the flow has one column), an entry never split between columns, a
 * letter heading never left at the foot of one. */
#include "pdf/internal.h"
#include "study/index.h"
#include "util/xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define INDEX_KEY                                                                                  \
    "\x01"                                                                                         \
    "index"

struct pdf_spot {
    const oct_node *node;
    size_t off, len;
    char key[32];
};

static int cmp_spot(const void *a, const void *b)
{
    const struct pdf_spot *x = a, *y = b;
    if (x->node != y->node) return (uintptr_t)x->node < (uintptr_t)y->node ? -1 : 1;
    return x->off < y->off ? -1 : x->off > y->off;
}

/* First spot of node n, or nspots. */
static size_t first_spot(const oct_pdf *p, const oct_node *n)
{
    size_t lo = 0, hi = p->nspots;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if ((uintptr_t)p->spots[mid].node < (uintptr_t)n)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < p->nspots && p->spots[lo].node == n ? lo : p->nspots;
}

static size_t spot_of(const oct_pdf *p, const oct_index_loc *l)
{
    for (size_t i = first_spot(p, l->node); i < p->nspots && p->spots[i].node == l->node; i++)
        if (p->spots[i].off == l->off) return i + 1;
    return 0;
}

void pdf_index_prepare(oct_pdf *p)
{
    if (!p->index) p->index = p->own_index = oct_index_build(p->tree);
    size_t n, cap = 0, k = 0;
    const oct_index_term *t = oct_index_terms(p->index, &n);
    if (!oct_index_worth_printing(p->index)) n = 0; /* no index: no places to mark */
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < t[i].nlocs; j++) {
            OCT_GROW(p->spots, cap, k + 1);
            const oct_index_loc *l = &t[i].locs[j];
            p->spots[k++] = (struct pdf_spot){l->node, l->off, l->len, {0}};
        }
    if (k) qsort(p->spots, k, sizeof *p->spots, cmp_spot); /* no places: spots is NULL */
    size_t u = 0;
    for (size_t i = 0; i < k; i++)
        if (!u || cmp_spot(&p->spots[u - 1], &p->spots[i]) != 0) p->spots[u++] = p->spots[i];
    for (size_t i = 0; i < u; i++)
        snprintf(p->spots[i].key, sizeof p->spots[i].key, "\x01ix%zu", i + 1);
    p->nspots = u;
}

void pdf_index_free(oct_pdf *p)
{
    oct_index_free(p->own_index);
    free(p->spots);
}

int pdf_index_spot(const oct_pdf *p, const oct_node *n)
{
    size_t i = first_spot(p, n);
    return i < p->nspots && p->spots[i].len == 0 ? (int)i + 1 : 0;
}

const char *pdf_index_key(const oct_pdf *p, int m)
{
    return m > 0 && (size_t)m <= p->nspots ? p->spots[m - 1].key : "";
}

bool pdf_index_text(oct_pdf *p, pdf_text *t, const oct_node *n, size_t from, const pdf_style *st)
{
    size_t i = first_spot(p, n), len = strlen(n->text), at = from;
    if (i == p->nspots) return false;
    for (; i < p->nspots && p->spots[i].node == n; i++) {
        const struct pdf_spot *sp = &p->spots[i];
        if (sp->len == 0 || sp->off < at || sp->off + sp->len > len) continue;
        pdf_text_add(p, t, n->text + at, sp->off - at, st, n, false);
        pdf_style m = *st;
        m.mark = (int)i + 1;
        pdf_text_add(p, t, n->text + sp->off, sp->len, &m, n, false);
        at = sp->off + sp->len;
    }
    pdf_text_add(p, t, n->text + at, len - at, st, n, false);
    return true;
}

/* --- the pages ------------------------------------------------------------ */

typedef struct {
    pdf_text text;
    pdf_line *lines;
    size_t nlines;
    bool heading; /* an initial-letter heading */
    bool cont;    /* heads a column inside a letter: "T (continued)" above it */
    const char *group;
    size_t page, col, row; /* where it is set */
} ix_entry;

typedef struct {
    oct_pdf *p;
    double size, lh, colw, gutter, indent, top;
    size_t rows1, rows; /* rows a column holds on the first page, and after */
    ix_entry *e;
    size_t n, cap;
} ix_layout;

/* The pages term t is on, each once, ascending, with the anchor key that
 * leads there: its spot, else (a place whose line set no anchor) the
 * question or heading it belongs to. Returns the count. */
static size_t term_pages(oct_pdf *p, const oct_index_term *t, int *num, const char **key,
                         char (*buf)[64])
{
    size_t k = 0;
    for (size_t i = 0; i < t->nlocs; i++) {
        const char *kk = pdf_index_key(p, (int)spot_of(p, &t->locs[i]));
        const pdf_anchor *a = *kk ? pdf_find_anchor(p, kk) : NULL;
        if (!a) {
            kk = pdf_node_key(p, t->locs[i].target, buf[k], sizeof buf[k]);
            a = pdf_find_anchor(p, kk);
        }
        if (!a || p->pages[a->page].kind != PDF_PG_BODY) continue;
        num[k] = p->pages[a->page].number;
        key[k] = kk;
        size_t j = k++;
        for (; j > 0 && num[j - 1] > num[j]; j--) { /* keep (number, key) pairs sorted */
            int tn = num[j];
            const char *tk = key[j];
            num[j] = num[j - 1], key[j] = key[j - 1];
            num[j - 1] = tn, key[j - 1] = tk;
        }
    }
    size_t u = 0;
    for (size_t i = 0; i < k; i++)
        if (!u || num[u - 1] != num[i]) num[u] = num[i], key[u++] = key[i];
    return u;
}

static ix_entry *push_entry(ix_layout *L)
{
    OCT_GROW(L->e, L->cap, L->n + 1);
    ix_entry *e = &L->e[L->n++];
    memset(e, 0, sizeof *e);
    return e;
}

static void break_entry(ix_layout *L, ix_entry *e)
{
    pdf_text_breaks(L->p, &e->text);
    pdf_measure m = {.first = L->colw, .rest = L->colw - L->indent, .mode = PDF_BREAK_TOTAL_FIT};
    e->nlines = pdf_break_lines(&e->text, &m, &e->lines);
}

static void add_heading_entry(ix_layout *L, const char *group)
{
    oct_pdf *p = L->p;
    ix_entry *e = push_entry(L);
    e->heading = true;
    pdf_style st = pdf_style_make(PDF_FAM_HEAD, PDF_VAR_B, L->size * 1.1, p->L.accent);
    pdf_text_add(p, &e->text, group, strlen(group), &st, NULL, false);
    break_entry(L, e);
}

/* "term (expansion), 3, 12, 40": each page number a link. */
static bool add_term_entry(ix_layout *L, const oct_index_term *t)
{
    oct_pdf *p = L->p;
    int num[OCT_INDEX_MAX_LOCS];
    const char *key[OCT_INDEX_MAX_LOCS];
    char buf[OCT_INDEX_MAX_LOCS][64];
    size_t np = term_pages(p, t, num, key, buf);
    if (np == 0) return false;
    ix_entry *e = push_entry(L);
    e->group = t->group;
    pdf_style st = pdf_style_make(PDF_FAM_BODY, PDF_VAR_R, L->size, p->L.text);
    pdf_style term = st;
    if (t->code) term.fam = PDF_FAM_MONO, term.size = (float)(L->size * 0.9);
    pdf_text_add(p, &e->text, t->text, strlen(t->text), &term, NULL, false);
    if (t->expansion) {
        pdf_style ex = pdf_style_make(PDF_FAM_BODY, PDF_VAR_I, L->size, p->L.muted);
        pdf_text_add(p, &e->text, " (", 2, &ex, NULL, false);
        pdf_text_add(p, &e->text, t->expansion, strlen(t->expansion), &ex, NULL, false);
        pdf_text_add(p, &e->text, ")", 1, &ex, NULL, false);
    }
    for (size_t i = 0; i < np; i++) {
        char s[24];
        int len = snprintf(s, sizeof s, "%d", num[i]);
        pdf_text_add(p, &e->text, ", ", 2, &st, NULL, false);
        pdf_style ln = st;
        ln.link = pdf_link_internal(p, key[i]);
        ln.flags |= PDF_ST_LINK;
        pdf_text_add(p, &e->text, s, (size_t)len, &ln, NULL, false);
    }
    break_entry(L, e);
    return true;
}

/* Assigns each entry its page, column and row. Returns the page count. */
static size_t place_entries(ix_layout *L)
{
    size_t page = 0, col = 0, row = 0;
    for (size_t i = 0; i < L->n; i++) {
        ix_entry *e = &L->e[i];
        size_t rows = page == 0 ? L->rows1 : L->rows;
        size_t gap = e->heading && row > 0 ? 1 : 0;
        size_t need = gap + e->nlines + (e->heading && i + 1 < L->n ? L->e[i + 1].nlines : 0);
        if (row > 0 && row + need > rows) {
            row = gap = 0;
            if (++col == 2) col = 0, page++;
            e->cont = !e->heading;
            row = e->cont ? 1 : 0;
        }
        row += gap;
        e->page = page, e->col = col, e->row = row;
        row += e->nlines;
    }
    return L->n ? page + 1 : 0;
}

static void set_entry(ix_layout *L, pdf_item *it, const ix_entry *e)
{
    double x0 = (double)e->col * (L->colw + L->gutter), top = e->page == 0 ? L->top : 0;
    double sz = e->text.nst ? e->text.st[0].size : L->size;
    if (e->cont && e->group && e->row > 0) {
        pdf_style st = pdf_style_make(PDF_FAM_HEAD, PDF_VAR_B, L->size, L->p->L.muted);
        pdf_text t = {0};
        char label[96];
        int n = snprintf(label, sizeof label, pdf_phrase(L->p, OCT_PH_CONTINUED), e->group);
        size_t len = n < 0 ? 0 : (size_t)n < sizeof label ? (size_t)n : sizeof label - 1;
        pdf_text_add(L->p, &t, label, len, &st, NULL, false);
        pdf_line ln = {0, t.n, t.n, pdf_text_width(&t, 0, t.n), L->colw, 0, false, false};
        double y = top + (double)(e->row - 1) * L->lh + pdf_baseline(L->lh, L->size);
        pdf_set_line(L->p, it, &t, &ln, x0, y, PDF_AL_LEFT);
        pdf_text_free(&t);
    }
    for (size_t k = 0; k < e->nlines; k++) {
        double y = top + (double)(e->row + k) * L->lh + pdf_baseline(L->lh, sz);
        pdf_set_line(L->p, it, &e->text, &e->lines[k], x0 + (k ? L->indent : 0), y, PDF_AL_LEFT);
    }
}

static void set_pages(ix_layout *L, pdf_flow *f, size_t npages)
{
    oct_pdf *p = L->p;
    size_t i = 0;
    for (size_t pg = 0; pg < npages; pg++) {
        double h = (pg == 0 ? L->top + (double)L->rows1 * L->lh : (double)L->rows * L->lh);
        pdf_item *it = pdf_flow_push(f, h, PDF_IT_NEW_PAGE | (pg == 0 ? PDF_IT_OPENER : 0));
        if (pg == 0) {
            pdf_item_dest(p, it, INDEX_KEY, 0);
            pdf_style st =
                pdf_style_make(PDF_FAM_HEAD, PDF_VAR_B, p->L.h1_size, p->L.heading_color);
            pdf_text t = {0};
            pdf_text_add(p, &t, pdf_phrase(p, OCT_PH_INDEX), strlen(pdf_phrase(p, OCT_PH_INDEX)),
                         &st, NULL, false);
            pdf_line ln = {0, t.n,   t.n,  pdf_text_width(&t, 0, t.n), pdf_body_width(p),
                           0, false, false};
            double lh = p->L.h1_size * 1.18;
            pdf_set_line(p, it, &t, &ln, 0,
                         pdf_body_height(p) * 0.06 + pdf_baseline(lh, p->L.h1_size), PDF_AL_LEFT);
            pdf_text_free(&t);
        }
        for (; i < L->n && L->e[i].page == pg; i++)
            set_entry(L, it, &L->e[i]);
    }
}

void pdf_layout_index(oct_pdf *p, pdf_flow *f)
{
    size_t n;
    const oct_index_term *t = oct_index_terms(p->index, &n);
    if (!oct_index_worth_printing(p->index)) return;
    ix_layout L = {p, p->L.body_size * 0.88, 0, 0, 0, 0, 0, 0, 0, NULL, 0, 0};
    double W = pdf_body_width(p), H = pdf_body_height(p);
    L.lh = pdf_lh(p, L.size);
    L.gutter = L.size * 2;
    L.colw = (W - L.gutter) / 2;
    L.indent = L.size * 1.2;
    L.top = H * 0.06 + p->L.h1_size * 1.18 + pdf_lh(p, p->L.body_size);
    L.rows1 = L.top < H ? (size_t)((H - L.top) / L.lh) : 0;
    L.rows = (size_t)(H / L.lh);
    const char *group = NULL;
    for (size_t i = 0; i < n; i++) {
        size_t at = L.n;
        if (!group || strcmp(group, t[i].group) != 0) add_heading_entry(&L, t[i].group);
        if (add_term_entry(&L, &t[i])) {
            group = t[i].group;
        } else if (L.n > at) { /* a heading over nothing */
            pdf_text_free(&L.e[at].text);
            free(L.e[at].lines);
            L.n = at;
        }
    }
    if (L.n > 0 && L.rows1 > 2 && L.rows > 2) {
        f->chapter = -1;
        pdf_appendix_heading(p, INDEX_KEY, pdf_phrase(p, OCT_PH_INDEX));
        set_pages(&L, f, place_entries(&L));
    }
    for (size_t i = 0; i < L.n; i++) {
        pdf_text_free(&L.e[i].text);
        free(L.e[i].lines);
    }
    free(L.e);
}
