/* Pagination: items fill a page top to bottom; a page may end only after
 * an item without KEEP_NEXT. When the next item does not fit, the page is
 * cut after the last such item and the rest moves on (so a heading never
 * sits alone at the bottom and paragraphs keep two lines at either end).
 * A keep chain longer than a page is cut where it overflows. Gaps are
 * dropped at the top of a page; a table's header rows are placed again at
 * the top of every page its body continues on. A chapter opens on a
 * recto (a blank verso before it if need be), as in a printed book. A picture that would move
 * on although most of it fits shrinks to end the page instead. */
#include "pdf/internal.h"
#include "util/xalloc.h"

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
} pager;

static void new_page(pager *g, pdf_page_kind kind)
{
    oct_pdf *p = g->p;
    if (p->npages == p->cappages) {
        p->cappages = p->cappages ? p->cappages * 2 : 16;
        p->pages = oct_xrealloc(p->pages, p->cappages * sizeof *p->pages);
    }
    int number = 1;
    for (size_t i = p->npages; i-- > 0;) {
        if ((p->pages[i].kind == PDF_PG_BODY) == (kind == PDF_PG_BODY)) {
            number = p->pages[i].number + 1;
            break;
        }
    }
    g->page = &p->pages[p->npages++];
    *g->page = (pdf_page){g->f, p->nplaces, 0, kind, number, -1, false, false};
    g->y = 0;
    g->content = 0;
    g->have_ok = false;
}

static void place(pager *g, size_t item)
{
    oct_pdf *p = g->p;
    if (p->nplaces == p->capplaces) {
        p->capplaces = p->capplaces ? p->capplaces * 2 : 256;
        p->places = oct_xrealloc(p->places, p->capplaces * sizeof *p->places);
    }
    p->places[p->nplaces++] = (pdf_place){item, g->y};
    g->page->count++;
    g->y += g->f->it[item].h;
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

void pdf_pad_to_recto(oct_pdf *p, pdf_page_kind kind)
{
    if (!on_verso(p)) return;
    pdf_flow *f = p->npages ? (pdf_flow *)p->pages[p->npages - 1].flow : NULL;
    pager g = {p, f, NULL, 0, 0, 0, 0, false};
    new_page(&g, kind);
    g.page->blank = true;
}

void pdf_paginate(oct_pdf *p, pdf_flow *f, pdf_page_kind kind)
{
    pager g = {p, f, NULL, 0, 0, 0, 0, false};
    double H = pdf_body_height(p);
    size_t i = 0;
    while (i < f->n) {
        const pdf_item *it = &f->it[i];
        if (it->flags & PDF_IT_REPEAT_ONLY) { /* a "continued" line: see repeat_header */
            i++;
            continue;
        }
        if (!g.page || ((it->flags & PDF_IT_NEW_PAGE) && g.content > 0)) {
            if ((it->flags & PDF_IT_OPENER) && on_verso(p)) { /* a blank verso first */
                new_page(&g, kind);
                g.page->blank = true;
            }
            new_page(&g, kind);
        }
        if (g.content == 0 && (it->flags & PDF_IT_DISCARD)) {
            i++;
            continue;
        }
        if (g.content == 0) {
            repeat_header(&g, it, i);
            g.page->chapter = it->chapter;
        }
        if (it->min_h > 0 && g.content > 0) shrink_to_fit(&g, i, H);
        if (g.y + it->h > H + EPS && g.content > 0) {
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
}
