/* Total-fit page breaking: where each page of a chapter ends is chosen over
 * the whole chapter at once, as TeX and Knuth–Plass choose the breaks of a
 * paragraph, instead of filling one page after another.
 *
 * A chapter (the items between two page-opening items) is a sequence of
 * strips. A page may end after an item that does not keep with the next;
 * each candidate page costs, in order of weight:
 *   - a page (so a chapter never takes more pages than filling them would);
 *   - a forced cut inside something kept together that is taller than a page;
 *   - the badness of its fill: how far its gaps must stretch to bring its
 *     last line to the foot of the text block (flush bottom: the pages of a
 *     spread end on the same line), or how much stays empty when they
 *     cannot stretch that far (the chapter's last page is free);
 *   - a chapter's last page shorter than a few lines (a line or two left
 *     over): breaking earlier, so that more goes over, is cheaper; better
 *     still, when the gaps of the page before can shrink enough to take
 *     the lines back, the chapter ends there, a page shorter;
 *   - where it breaks: between two questions is free, between two blocks of
 *     one answer costs a little, inside a paragraph, list or table more.
 * The cheapest path is found by dynamic programming over page starts; each
 * start looks ahead at most two page heights, so the pass is linear in the
 * number of items. */
#include "pdf/pagefit.h"
#include "util/xalloc.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>

#define EPS 0.01
#define COST_PAGE 1e6
#define COST_FORCED 1e5
#define COST_SHRINK 60.0      /* a picture made smaller to end the page */
#define SHRINK_WEIGHT 1000.0  /* and by how much (1 - scale) */
#define PEN_INSIDE 30.0       /* between two lines of one block */
#define PEN_BLOCK 8.0         /* between two blocks of one answer */
#define PEN_DROP 10.0         /* a ruled line for writing left out at the foot */
#define COST_SPREAD 3.0       /* a point of difference between the ends of a spread */
#define COST_SQUEEZE 20.0     /* a chapter's last page with its gaps shrunk */
#define SQUEEZE_WEIGHT 200.0  /* and by how much (of the most it may) */
#define SHORT_END_LINES 4.0   /* a chapter's last page shorter than this... */
#define COST_SHORT_LINE 150.0 /* ...costs this for each line it lacks */

double pdf_gap_stretch(const pdf_item *it)
{
    bool gap = (it->flags & PDF_IT_DISCARD) && it->nops == 0;
    return gap || (it->flags & PDF_IT_STRETCH) ? it->h * PDF_GAP_STRETCH : 0;
}

double pdf_gap_shrink(const pdf_item *it)
{
    /* only space between blocks: lines keep their pitch, ruled lines
     * their room to write */
    bool gap = (it->flags & PDF_IT_DISCARD) && it->nops == 0;
    return gap ? it->h * PDF_GAP_SHRINK : 0;
}

typedef struct {
    const oct_pdf *p;
    const pdf_flow *f;
    const pdf_item *it; /* f's items */
    size_t from, to;    /* the chapter: items [from, to) */
    double H;
    double *ph, *ps; /* prefix sums of heights (placed items) and stretch */
    double *pk;      /* and of shrink */
    double squeeze;  /* the most a chapter's last page may shrink, points */
    double lh;       /* a line of body text */
    bool flush;      /* full pages end at the foot (their gaps stretch) */
    bool two_sided;  /* pages have sides: the two of a spread should end level */
} fit;

/* The first item from i on a page starts with (gaps and repeat-only items
 * are not placed there). */
static size_t content_from(const fit *c, size_t i)
{
    return pdf_flow_content_from(c->f, i, c->to);
}

/* A page may end after item j: neither it nor a gap before the next
 * content keeps with what follows. Returns that next content (the next
 * page's start), or (size_t)-1 when no break is allowed after j. */
static size_t break_after(const fit *c, size_t j)
{
    if (!pdf_item_is_content(&c->it[j])) return (size_t)-1;
    size_t n = content_from(c, j + 1);
    if (n >= c->to) return c->to; /* the chapter's end: nothing to keep with */
    for (size_t i = j; i < n; i++)
        if (c->it[i].flags & PDF_IT_KEEP_NEXT) return (size_t)-1;
    return n;
}

/* Header rows (a table's, a long code block's "continued" line) placed again
 * above a page that starts at item a. */
static double head_height(const fit *c, size_t a)
{
    const pdf_item *it = &c->it[a];
    if (it->nhead == 0 || a < it->head0 + it->nhead) return 0;
    double h = 0;
    for (size_t k = 0; k < it->nhead; k++)
        h += c->it[it->head0 + k].h;
    return h;
}

/* Height of a page holding items [a, j]. */
static double page_height(const fit *c, size_t a, size_t j)
{
    return head_height(c, a) + c->ph[j + 1 - c->from] - c->ph[a - c->from];
}

/* The cost of breaking between j and the next page's start n. */
static double break_penalty(const fit *c, size_t j, size_t n)
{
    double pen = 0;
    for (size_t i = j + 1; i < n; i++) /* ruled lines that would be left out */
        if (c->it[i].nops > 0 && (c->it[i].flags & PDF_IT_DISCARD)) pen += PEN_DROP;
    if (n >= c->to) return pen;
    if (n == j + 1) return PEN_INSIDE; /* no gap: lines of one block */
    return pen + (c->it[j].question && c->it[j].question == c->it[n].question ? PEN_BLOCK : 0);
}

static double page_stretch(const fit *c, size_t a, size_t j);

static double fill_badness(const fit *c, size_t a, size_t j, double h)
{
    double s = c->H - h;
    if (s <= EPS) return 0;
    double S = page_stretch(c, a, j);
    if (s <= S) return 100 * pdf_cube(s / S);
    double r = (s - S) / c->H;
    return 100 + 5000 * r * r;
}

/* A page [a, j] taller than the block can still end there when a picture
 * in its last kept run shrinks to the room left (as pdf_paginate does).
 * Returns the scale it is drawn at, or 0 when none can. */
static double shrinks_to_fit(const fit *c, size_t a, size_t j, double over)
{
    for (size_t i = j + 1; i-- > a;) {
        if (i < j && break_after(c, i) != (size_t)-1) break;
        const pdf_item *it = &c->it[i];
        if (it->min_h > 0 && it->h - over >= it->min_h && i > a) return (it->h - over) / it->h;
    }
    return 0;
}

/* Best way found to start a page at an item, with the page's side: its
 * cost, where the page before started, and, when that page was a full
 * verso, where its last line ended and could end (for the spread). */
typedef struct {
    double cost;
    size_t prev;         /* node of the page before, (size_t)-1: none */
    double vnat, vreach; /* 0: the page before is no full verso */
    bool squeezed;       /* the page that leads here has its gaps shrunk */
} node;

/* A spread's two full pages end at the height the shorter can reach, each
 * no higher than its own last line: the distance left between them. */
static double spread_mismatch(double vnat, double vreach, double rnat, double rreach)
{
    double t = vreach < rreach ? vreach : rreach;
    double ev = vnat > t ? vnat : t, er = rnat > t ? rnat : t;
    return fabs(ev - er);
}

static double page_stretch(const fit *c, size_t a, size_t j)
{
    return c->flush ? c->ps[j + 1 - c->from] - c->ps[a - c->from] : 0;
}

/* Node of item i (relative to the chapter) with a page side (0 recto, 1 verso). */
#define NODE(i, side) ((i)*2 + (size_t)(side))

/* One candidate page [a, j] from node `at` (side `side`), the next page
 * starting at item nx: its cost, and the node it leads to. */
static void add_page(const fit *c, node *best, size_t at, int side, size_t a, size_t j, size_t nx,
                     double h, double extra, bool squeezed)
{
    const node *from = &best[at];
    double S = page_stretch(c, a, j), reach = h + S < c->H ? h + S : c->H;
    bool full = nx < c->to;
    double cost = from->cost + COST_PAGE + extra;
    if (full && c->two_sided && side == 0 && from->vreach > 0)
        cost += COST_SPREAD * spread_mismatch(from->vnat, from->vreach, h, reach);
    if (!full && h < SHORT_END_LINES * c->lh) /* a line or two left over */
        cost += COST_SHORT_LINE * (SHORT_END_LINES - h / c->lh);
    node *to = &best[NODE(nx - c->from, 1 - side)];
    if (cost < to->cost) {
        bool verso = full && side == 1 && c->two_sided;
        *to = (node){cost, at, verso ? h : 0, verso ? reach : 0, squeezed};
    }
}

/* How much a page [a, j] may shrink: its gaps, at most c->squeeze. */
static double page_shrink(const fit *c, size_t a, size_t j)
{
    double k = c->pk[j + 1 - c->from] - c->pk[a + 1 - c->from]; /* not a's: it opens the page */
    return k < c->squeeze ? k : c->squeeze;
}

/* The pages from start a: every allowed end within reach; a forced cut
 * when nothing kept together fits. */
static void pages_from(const fit *c, node *best, size_t a, int side)
{
    size_t at = NODE(a - c->from, side), last_fit = a;
    bool any = false;
    /* the chapter's end is near enough that a squeezed page may reach it */
    bool end_near = page_height(c, a, c->to - 1) <= c->H + c->squeeze + EPS;
    for (size_t j = a; j < c->to; j++) {
        if (c->it[j].flags & PDF_IT_REPEAT_ONLY) continue;
        double h = page_height(c, a, j);
        if (h > 2 * c->H) break;
        if (h <= c->H + EPS) last_fit = j;
        size_t n = break_after(c, j);
        if (n == (size_t)-1) continue;
        double extra = break_penalty(c, j, n), scale, over = h - c->H;
        bool squeezed = false;
        if (h <= c->H + EPS) {
            if (n < c->to) extra += fill_badness(c, a, j, h);
        } else if ((scale = shrinks_to_fit(c, a, j, h - c->H)) > 0) {
            /* the smaller, the dearer: worth it to fill a page's hole, not
             * to save a line */
            extra += COST_SHRINK + SHRINK_WEIGHT * (1 - scale);
            h = c->H;
        } else if (n == c->to && over <= page_shrink(c, a, j) + EPS) {
            extra += COST_SQUEEZE + SQUEEZE_WEIGHT * over / c->squeeze;
            h = c->H;
            squeezed = true;
        } else if (end_near) {
            continue; /* the chapter's end may still fit, squeezed */
        } else {
            break; /* nothing further fits either */
        }
        add_page(c, best, at, side, a, j, n, h, extra, squeezed);
        any = true;
    }
    if (!any) /* a kept run taller than the page: cut where it overflows */
        add_page(c, best, at, side, a, last_fit, content_from(c, last_fit + 1), c->H, COST_FORCED,
                 false);
}

void pdf_plan_breaks(const oct_pdf *p, const pdf_flow *f, size_t from, size_t to, int side,
                     unsigned char *brk)
{
    from = from < to ? from : to;
    size_t n = to - from;
    if (n < 2) return;
    fit c = {.p = p,
             .f = f,
             .it = f->it,
             .from = from,
             .to = to,
             .H = pdf_body_height(p),
             .flush = p->L.breaks.flush_bottom && f == &p->body,
             .two_sided = side >= 0,
             .lh = pdf_lh(p, p->L.body_size)};
    c.squeeze = PDF_SQUEEZE_LINES * c.lh;
    c.ph = oct_xmalloc((n + 1) * sizeof *c.ph);
    c.ps = oct_xmalloc((n + 1) * sizeof *c.ps);
    c.pk = oct_xmalloc((n + 1) * sizeof *c.pk);
    c.ph[0] = c.ps[0] = c.pk[0] = 0;
    for (size_t i = 0; i < n; i++) {
        const pdf_item *it = &f->it[from + i];
        c.ph[i + 1] = c.ph[i] + ((it->flags & PDF_IT_REPEAT_ONLY) ? 0 : it->h);
        c.ps[i + 1] = c.ps[i] + pdf_gap_stretch(it);
        c.pk[i + 1] = c.pk[i] + pdf_gap_shrink(it);
    }
    node *best = oct_xmalloc(NODE(n + 1, 0) * sizeof *best);
    for (size_t i = 0; i < NODE(n + 1, 0); i++)
        best[i] = (node){DBL_MAX, (size_t)-1, 0, 0, false};
    size_t first = content_from(&c, from);
    side = side > 0 ? 1 : 0;
    if (first < to) {
        best[NODE(first - from, side)].cost = 0;
        for (size_t a = first; a < to; a++)
            for (int s = 0; s < 2; s++)
                if (best[NODE(a - from, s)].cost < DBL_MAX) pages_from(&c, best, a, s);
        /* mark each page start but the first, walking back from the end */
        size_t k = best[NODE(n, 0)].cost <= best[NODE(n, 1)].cost ? NODE(n, 0) : NODE(n, 1);
        for (; best[k].prev != (size_t)-1; k = best[k].prev) {
            size_t start = from + best[k].prev / 2;
            if (start != first) brk[start] |= PDF_PLAN_PAGE;
            if (best[k].squeezed) brk[start] |= PDF_PLAN_SQUEEZE;
        }
    }
    free(best);
    free(c.ph);
    free(c.ps);
    free(c.pk);
}

double pdf_squeeze_scale(const oct_pdf *p, const pdf_flow *f, size_t a, size_t to)
{
    const pdf_item *first = &f->it[a];
    double h = 0, k = 0;
    if (first->nhead > 0 && a >= first->head0 + first->nhead) /* a table's head, again */
        for (size_t i = 0; i < first->nhead; i++)
            h += f->it[first->head0 + i].h;
    while (to > a && !pdf_item_is_content(&f->it[to - 1])) /* gaps after the end */
        to--;
    for (size_t i = a; i < to; i++) {
        if (f->it[i].flags & PDF_IT_REPEAT_ONLY) continue;
        h += f->it[i].h;
        if (i > a) k += pdf_gap_shrink(&f->it[i]);
    }
    double over = h - pdf_body_height(p);
    return over <= 0 || k <= 0 ? 0 : over < k ? over / k : 1;
}

/* The end of a page's last content (from the body top), and how far its
 * gaps can stretch; *end 0 for a page with no content. Returns the number
 * of places up to that content. */
static size_t page_extent(const oct_pdf *p, const pdf_page *pg, double *end, double *stretch)
{
    const pdf_flow *f = pg->flow;
    size_t n = pg->count;
    while (n > 0) { /* trailing gaps; ruled lines left at the foot are drawn */
        const pdf_item *it = &f->it[p->places[pg->first + n - 1].item];
        if (!(it->flags & PDF_IT_DISCARD) || it->nops > 0) break;
        n--;
    }
    *end = *stretch = 0;
    if (n == 0) return 0;
    const pdf_place *last = &p->places[pg->first + n - 1];
    *end = last->y + f->it[last->item].h;
    for (size_t k = 1; k < n; k++)
        *stretch += pdf_gap_stretch(&f->it[p->places[pg->first + k].item]);
    return n;
}

double pdf_page_reach(const oct_pdf *p, const pdf_page *pg)
{
    double end, S;
    page_extent(p, pg, &end, &S);
    double H = pdf_body_height(p);
    return end + S < H ? end + S : H;
}

void pdf_page_stretch_to(oct_pdf *p, const pdf_page *pg, double target)
{
    double end, S;
    size_t n = page_extent(p, pg, &end, &S);
    double s = target - end;
    if (n == 0 || s <= EPS || S <= 0) return;
    double r = s < S ? s / S : 1, shift = 0;
    const pdf_flow *f = pg->flow;
    for (size_t k = 1; k < pg->count; k++) {
        pdf_place *pl = &p->places[pg->first + k];
        pl->y += shift;
        if (k < n) shift += pdf_gap_stretch(&f->it[pl->item]) * r;
    }
}
