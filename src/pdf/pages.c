/* Pagination: items fill a page top to bottom; a page may end only after
 * an item without KEEP_NEXT (so a heading never sits alone at the bottom
 * and paragraphs keep their orphans and widows). Where each page ends is
 * chosen over the whole chapter first (pagefit.c); placing then follows
 * that plan, and still cuts after the last allowed item should anything
 * not fit. A keep chain longer than a page is cut where it overflows. Gaps are
 * dropped at the top of a page; a table's header rows are placed again at
 * the top of every page its body continues on. A chapter opens on a
 * recto (a blank verso before it if need be), as in a printed book. A picture that would move
 * on although most of it fits shrinks to end the page instead. A chapter's
 * last page the plan squeezes has its gaps set smaller (pdf_gap_shrink). */
#include "pdf/pagefit.h"
#include "util/xalloc.h"

#include <stdlib.h>

#define EPS 0.01

double pdf_body_height(const oct_pdf *p)
{
    return p->L.page_height - p->L.margin_top - p->L.margin_bottom;
}

double pdf_body_width(const oct_pdf *p)
{
    return p->L.page_width - p->L.margin_inner - p->L.margin_outer;
}

typedef struct {
    oct_pdf *p;
    pdf_flow *f;
    pdf_page *page; /* NULL: the next item opens a page */
    double y;
    size_t content;   /* items placed on the page, repeated headers excluded */
    size_t last_ok;   /* places index just after the last item a page may end on */
    size_t last_item; /* that item */
    bool have_ok;
    double squeeze; /* the page's gaps shrink by this much of their most (pdf_squeeze_scale) */
} pager;

static void new_page(pager *g, pdf_page_kind kind)
{
    oct_pdf *p = g->p;
    OCT_GROW(p->pages, p->cappages, p->npages + 1);
    int number = 1;
    for (size_t i = p->npages; i-- > 0;) {
        if ((p->pages[i].kind == PDF_PG_BODY) == (kind == PDF_PG_BODY)) {
            number = p->pages[i].number + 1;
            break;
        }
    }
    g->page = &p->pages[p->npages++];
    *g->page = (pdf_page){g->f, p->nplaces, 0, kind, number, -1, false, false, NULL};
    g->y = 0;
    g->content = 0;
    g->have_ok = false;
    g->squeeze = 0;
}

/* The height item `it` takes on the page. */
static double placed_height(const pager *g, const pdf_item *it)
{
    return it->h - (g->squeeze > 0 ? pdf_gap_shrink(it) * g->squeeze : 0);
}

static void place(pager *g, size_t item)
{
    oct_pdf *p = g->p;
    OCT_GROW(p->places, p->capplaces, p->nplaces + 1);
    p->places[p->nplaces++] = (pdf_place){item, g->y};
    g->page->count++;
    g->y += placed_height(g, &g->f->it[item]);
}

static void repeat_header(pager *g, const pdf_item *it, size_t i)
{
    if (it->nhead == 0 || i < it->head0 + it->nhead) return;
    for (size_t k = 0; k < it->nhead; k++)
        place(g, it->head0 + k);
}

/* Cuts the page after its last allowed break; returns the item to resume at. */
static size_t cut_page(pager *g, size_t i)
{
    if (g->have_ok && g->content > 0) {
        g->page->count -= g->p->nplaces - g->last_ok;
        g->p->nplaces = g->last_ok;
        i = g->last_item + 1;
    }
    g->page = NULL;
    return i;
}

/* A picture that overflows the page (with what is kept with it, its
 * caption) shrinks to the room left when that keeps it readable. */
static void shrink_to_fit(pager *g, size_t i, double H)
{
    pdf_item *it = &g->f->it[i];
    double chain = 0;
    for (size_t j = i; j + 1 < g->f->n && (g->f->it[j].flags & PDF_IT_KEEP_NEXT); j++)
        chain += g->f->it[j + 1].h;
    double room = H - g->y - chain;
    if (g->y + it->h + chain <= H + EPS || room < it->min_h || room >= it->h) return;
    pdf_figure_shrink(it, room / it->h);
}

/* Whether the next page would be a verso of a two-sided booklet. */
static bool on_verso(const oct_pdf *p)
{
    return p->recto_base >= 0 && ((long)p->npages - p->recto_base) % 2 == 1;
}

/* A thematic break just before a planned page break: left out. */
static bool separator_at_foot(const pdf_flow *f, size_t i, const unsigned char *brk)
{
    if (!(f->it[i].flags & PDF_IT_SEPARATOR)) return false;
    size_t j = pdf_flow_content_from(f, i + 1, f->n);
    return j < f->n && (brk[j] & PDF_PLAN_PAGE);
}

void pdf_pad_to_recto(oct_pdf *p, pdf_page_kind kind)
{
    if (!on_verso(p)) return;
    pdf_flow *f = p->npages ? (pdf_flow *)p->pages[p->npages - 1].flow : NULL;
    pager g = {p, f, NULL, 0, 0, 0, 0, false, 0};
    new_page(&g, kind);
    g.page->blank = true;
}

/* Plans the breaks of the chapter starting at item i, whose first page is
 * the last page made; returns where the next chapter starts. */
static size_t plan_chapter(const oct_pdf *p, const pdf_flow *f, size_t i, unsigned char *brk)
{
    size_t end = i + 1;
    while (end < f->n && !(f->it[end].flags & PDF_IT_NEW_PAGE))
        end++;
    int side = p->recto_base < 0 ? -1 : (int)(((long)p->npages - 1 - p->recto_base) % 2);
    pdf_plan_breaks(p, f, i, end, side, brk);
    return end;
}

/* The question a page's first item goes on with, if its prompt was set on
 * an earlier page: the running head names it. */
static const oct_node *continued_question(const pdf_flow *f, size_t i)
{
    const oct_node *q = f->it[i].question;
    while (q && i-- > 0)
        if (pdf_item_is_content(&f->it[i])) return f->it[i].question == q ? q : NULL;
    return NULL;
}

/* Whether page i is full: followed by a page of the same chapter. */
static bool page_is_full(const oct_pdf *p, const pdf_flow *f, size_t i)
{
    const pdf_page *pg = &p->pages[i];
    if (pg->blank || pg->count == 0) return false;
    size_t next = i + 1;
    while (next < p->npages && p->pages[next].blank)
        next++;
    if (next >= p->npages || p->pages[next].count == 0) return false;
    return !(f->it[p->places[p->pages[next].first].item].flags & PDF_IT_NEW_PAGE);
}

/* Full pages of the body end level (layout `breaks: flush-bottom`): each
 * as low as its gaps allow, at most the foot of the text block; and when
 * both pages of a spread are full, both at the height the shorter reaches,
 * so facing pages end on the same line. */
static void flush_pages(oct_pdf *p, const pdf_flow *f, size_t first)
{
    if (f != &p->body || !p->L.breaks.flush_bottom || p->npages <= first) return;
    size_t n = p->npages - first;
    double *reach = oct_xcalloc(n, sizeof *reach); /* 0: not a full page */
    /* a page that cannot come within a line of the foot keeps its natural
     * spacing: gaps grown by half would only show that it is short */
    double near = pdf_body_height(p) - pdf_lh(p, p->L.body_size);
    for (size_t k = 0; k < n; k++) {
        if (!page_is_full(p, f, first + k)) continue;
        double r = pdf_page_reach(p, &p->pages[first + k]);
        reach[k] = r >= near ? r : 0;
    }
    for (size_t k = 0; k < n; k++) {
        if (reach[k] == 0) continue;
        size_t facing = k % 2 == 0 ? k - 1 : k + 1; /* the body opens on a recto */
        double target = reach[k];
        if (facing < n && reach[facing] > 0 && reach[facing] < target) target = reach[facing];
        pdf_page_stretch_to(p, &p->pages[first + k], target);
    }
    free(reach);
}

void pdf_paginate(oct_pdf *p, pdf_flow *f, pdf_page_kind kind)
{
    pager g = {p, f, NULL, 0, 0, 0, 0, false, 0};
    double H = pdf_body_height(p);
    unsigned char *brk = oct_xcalloc(f->n + 1, 1);
    size_t i = 0, first_page = p->npages, chapter_end = 0;
    while (i < f->n) {
        const pdf_item *it = &f->it[i];
        /* a "continued" line is placed by repeat_header; what is dropped at a
         * page's head opens none (a chapter after ruled lines left out at a
         * foot still finds the page it would have) */
        if ((it->flags & PDF_IT_REPEAT_ONLY) || (!g.page && (it->flags & PDF_IT_DISCARD))) {
            i++;
            continue;
        }
        if (!g.page || ((it->flags & PDF_IT_NEW_PAGE) && g.content > 0) ||
            ((brk[i] & PDF_PLAN_PAGE) && g.content > 0)) {
            if ((it->flags & PDF_IT_OPENER) && p->L.breaks.recto_chapters && on_verso(p)) {
                /* a blank verso first */
                new_page(&g, kind);
                g.page->blank = true;
            }
            new_page(&g, kind);
        }
        if (i >= chapter_end) chapter_end = plan_chapter(p, f, i, brk);
        if (g.content > 0 && separator_at_foot(f, i, brk)) {
            i++;
            continue;
        }
        if (g.content == 0 && (it->flags & PDF_IT_DISCARD)) {
            i++;
            continue;
        }
        if (g.content == 0) {
            repeat_header(&g, it, i);
            g.page->chapter = it->chapter;
            g.page->cont = continued_question(f, i);
            if (brk[i] & PDF_PLAN_SQUEEZE) g.squeeze = pdf_squeeze_scale(p, f, i, chapter_end);
        }
        if (it->min_h > 0 && g.content > 0) shrink_to_fit(&g, i, H);
        if (g.y + placed_height(&g, it) > H + EPS && g.content > 0) {
            i = cut_page(&g, i);
            continue;
        }
        place(&g, i);
        g.content++;
        if (it->flags & PDF_IT_OPENER) g.page->opener = true;
        if (!(it->flags & PDF_IT_KEEP_NEXT)) {
            g.have_ok = true;
            g.last_ok = p->nplaces;
            g.last_item = i;
        }
        i++;
    }
    free(brk);
    flush_pages(p, f, first_page);
}
