/* Flashcards mode: the deck of cards (one per question cluster), each face
 * fitted to its card, then the sheets. See cards.h for the plan. */
#include "pdf/cards.h"
#include "util/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SIZE_STEP 0.5 /* points: how much smaller each try sets a face */
#define MIN_TEXT_W 56.0
#define MIN_TEXT_H 28.0

/* The card grid from the layout: a size given, or the page inside its
 * margins shared out; centred on the sheet either way. */
static int geometry(oct_pdf *p, pdf_deck *d)
{
    const oct_layout *l = &d->base;
    const oct_cards *c = &l->cards;
    pdf_card_geom *g = &d->g;
    g->W = l->page_width;
    g->H = l->page_height;
    g->cols = (int)c->columns;
    g->rows = (int)c->rows;
    g->gutter = c->gutter;
    g->pad = c->padding;
    double aw = g->W - l->margin_inner - l->margin_outer - (g->cols - 1) * g->gutter;
    double ah = g->H - l->margin_top - l->margin_bottom - (g->rows - 1) * g->gutter;
    g->cw = c->width > 0 ? c->width : aw / g->cols;
    g->ch = c->height > 0 ? c->height : ah / g->rows;
    double gridw = g->cols * g->cw + (g->cols - 1) * g->gutter;
    double gridh = g->rows * g->ch + (g->rows - 1) * g->gutter;
    g->gx = (g->W - gridw) / 2;
    g->gy = (g->H - gridh) / 2;
    g->head = c->label_size * 1.7;
    g->foot = c->label_size * 1.6;
    g->bw = g->cw - 2 * g->pad;
    g->bh = g->ch - 2 * g->pad - g->head - g->foot;
    if (g->gx < 0 || g->gy < 0) {
        oct_diag_report(p->diag, OCT_ERROR, l->path, 0, 0, "pdf-layout",
                        "%d x %d cards of %.0f x %.0f mm do not fit on a %.0f x %.0f mm page",
                        g->cols, g->rows, g->cw * 25.4 / 72, g->ch * 25.4 / 72, g->W * 25.4 / 72,
                        g->H * 25.4 / 72);
        return -1;
    }
    if (g->bw < MIN_TEXT_W || g->bh < MIN_TEXT_H) {
        oct_diag_report(p->diag, OCT_ERROR, l->path, 0, 0, "pdf-layout",
                        "cards of %.0f x %.0f mm leave no room for text (padding %.1f mm, "
                        "label %gpt)",
                        g->cw * 25.4 / 72, g->ch * 25.4 / 72, g->pad * 25.4 / 72, c->label_size);
        return -1;
    }
    return 0;
}

/* The layout's type sizes scaled so that running text is `size`; the
 * "page" is a face's text box, so pictures and pagination fit the card. */
static void scale_layout(oct_pdf *p, const pdf_deck *d, double size)
{
    const oct_layout *b = &d->base;
    double k = size / b->body_size;
    p->L.body_size = size;
    p->L.code_size = b->code_size * k;
    p->L.small_size = b->small_size * k;
    p->L.paragraph_gap = b->paragraph_gap * k;
    p->L.h1_size = b->h1_size * k;
    p->L.h2_size = b->h2_size * k;
    p->L.h3_size = b->h3_size * k;
    p->L.h4_size = b->h4_size * k;
    p->L.page_width = d->g.bw;
    p->L.page_height = d->g.bh;
    p->L.margin_top = p->L.margin_bottom = p->L.margin_inner = p->L.margin_outer = 0;
    p->figure_max_h = d->g.bh * 0.6;
    p->ragged = true; /* a card's column is narrow: even spaces read better */
}

typedef struct {
    bool back;
    const oct_node *q; /* front: the prompt */
    size_t cluster;    /* back: the cluster */
} face;

/* Lays face f out at `size` into pages of its own and keeps it (its flow
 * joins the deck's; its pages are appended to p->pages from *first);
 * returns how many pages (chunks) it needs. */
static size_t try_face(oct_pdf *p, pdf_deck *d, const face *f, double size, size_t *first)
{
    size_t np = p->npages;
    pdf_flow *flow = oct_xcalloc(1, sizeof *flow);
    flow->chapter = -1;
    p->cur = flow;
    scale_layout(p, d, size);
    if (f->back)
        pdf_card_back(p, f->cluster, size, d->g.bw);
    else
        pdf_card_front(p, f->q, size, d->g.bw);
    if (flow->n == 0) pdf_flow_push(flow, 1, 0);
    pdf_paginate(p, flow, PDF_PG_BODY);
    *first = np;
    p->cur = NULL;
    OCT_GROW(d->flows, d->capflows, d->nflows + 1);
    d->flows[d->nflows++] = flow;
    return p->npages - np;
}

/* Undoes the last try_face: its pages, places and flow. */
static void drop_face(oct_pdf *p, pdf_deck *d, size_t np, size_t nplaces)
{
    p->npages = np;
    p->nplaces = nplaces;
    pdf_flow *flow = d->flows[--d->nflows];
    pdf_flow_free(flow);
    free(flow);
}

/* The largest size from `start` down to `floor` (in steps) at which the
 * face needs the fewest chunks it can have at the floor; it is kept (each
 * size is laid out once: a size that does not do is undone).
 * *shrunk: set below start. */
static size_t fit_face(oct_pdf *p, pdf_deck *d, const face *f, double start, double lo,
                       size_t *first, bool *shrunk)
{
    size_t steps = start > lo ? (size_t)floor((start - lo) / SIZE_STEP + 1e-6) : 0;
    size_t np = p->npages, nplaces = p->nplaces, best = 1;
    if (steps > 0) { /* what the floor gives, to beat */
        best = try_face(p, d, f, lo, first);
        drop_face(p, d, np, nplaces);
        if (best == 0) best = 1;
    }
    for (size_t k = 0; k < steps; k++) {
        size_t n = try_face(p, d, f, start - (double)k * SIZE_STEP, first);
        if (n <= best) {
            *shrunk = k > 0;
            return n;
        }
        drop_face(p, d, np, nplaces);
    }
    *shrunk = steps > 0;
    return try_face(p, d, f, lo, first);
}

static pdf_card *new_card(pdf_deck *d)
{
    OCT_GROW(d->cards, d->cap, d->n + 1);
    pdf_card *c = &d->cards[d->n++];
    memset(c, 0, sizeof *c);
    return c;
}

/* Card(s) of cluster c: as many as its longer face needs; a continuation
 * card repeats a one-chunk question. */
static void deal_cluster(oct_pdf *p, pdf_deck *d, size_t c)
{
    const oct_layout *l = &d->base;
    const oct_node *q = p->bank.q[oct_bank_pick(&p->bank, c)];
    face fr = {false, q, c}, bk = {true, q, c};
    size_t f0, b0;
    bool fs, bs;
    size_t nf = fit_face(p, d, &fr, l->cards.prompt_size, l->cards.floor_size, &f0, &fs);
    size_t nb = fit_face(p, d, &bk, l->cards.answer_size, l->cards.floor_size, &b0, &bs);
    size_t parts = nf > nb ? nf : nb;
    d->nshrunk += bs;
    d->ncontinued += nb > 1;
    for (size_t k = 0; k < parts; k++) {
        pdf_card *card = new_card(d);
        card->q = q;
        card->topic = q->u.question.topic;
        card->number = (int)c + 1;
        card->part = (int)k + 1;
        card->nparts = (int)parts;
        card->front = k < nf ? f0 + k : nf == 1 ? f0 : PDF_CARD_NONE;
        card->back = k < nb ? b0 + k : PDF_CARD_NONE;
    }
}

double pdf_card_chunk_height(const oct_pdf *p, size_t k)
{
    const pdf_page *pg = &p->pages[k];
    if (pg->count == 0) return 0;
    const pdf_place *last = &p->places[pg->first + pg->count - 1];
    return last->y + pg->flow->it[last->item].h;
}

static void report_stats(const pdf_deck *d)
{
    const char *env = getenv("OCTAVO_CARD_STATS");
    if (!env || !*env) return;
    size_t per = (size_t)(d->g.cols * d->g.rows);
    fprintf(stderr,
            "octavo: cards: %zu clusters, %zu cards, %zu sheets, %zu answers set smaller, "
            "%zu answers continued\n",
            d->nclusters, d->n, (d->n + per - 1) / per, d->nshrunk, d->ncontinued);
}

int pdf_cards_render(oct_pdf *p)
{
    pdf_deck d;
    memset(&d, 0, sizeof d);
    d.base = p->L;
    int rc = geometry(p, &d);
    d.nclusters = p->bank.nclusters;
    for (size_t c = 0; rc == 0 && c < p->bank.nclusters; c++)
        deal_cluster(p, &d, c);
    if (rc == 0 && d.n == 0)
        oct_diag_report(p->diag, OCT_WARNING, NULL, 0, 0, "no-cards",
                        "no questions found: the flashcard PDF holds only its instruction sheet");
    p->L = d.base;
    p->figure_max_h = 0;
    p->ragged = false;
    if (rc == 0) rc = pdf_cards_paint(p, &d);
    if (rc == 0) report_stats(&d);
    for (size_t i = 0; i < d.nflows; i++) {
        pdf_flow_free(d.flows[i]);
        free(d.flows[i]);
    }
    free(d.flows);
    free(d.cards);
    return rc;
}
