/* Flashcard sheets: the instruction sheet (its back blank, so the cards
 * start on a fresh sheet and keep their registration), then per sheet a
 * page of questions and a page of answers with the columns mirrored, and
 * cut marks in the margin outside the grid. */
#include "pdf/cards.h"
#include "util/xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MM(x) ((x)*72.0 / 25.4)
#define MARK_GAP MM(2) /* between the grid and a cut mark */
#define MARK_LEN MM(6)

/* One line of text in [x, x + w] at baseline y (PDF space), shortened
 * with an ellipsis (between grapheme clusters) when it is too long. */
static void one_line(oct_pdf *p, HPDF_Page pg, const char *s, const pdf_style *st, double x,
                     double w, double y, pdf_align al)
{
    pdf_text t = {0};
    double tw = pdf_text_fit(p, &t, s, st, NULL, w);
    pdf_line ln = {0, t.n, t.n, tw, w, 0, false, false};
    pdf_item it = {0};
    pdf_set_line(p, &it, &t, &ln, 0, 0, al);
    pdf_paint_item_at(p, pg, &it, x, y);
    free(it.ops);
    pdf_text_free(&t);
}

/* "Q12", or "Q12 (1/2)", "Q12 (continued, 2/2)": the same on both faces. */
static void card_label(const oct_pdf *p, const pdf_card *c, char *out, size_t n)
{
    char base[48];
    snprintf(base, sizeof base, pdf_phrase(p, OCT_PH_CARD_LABEL), c->number);
    if (c->nparts < 2)
        snprintf(out, n, "%s", base);
    else
        snprintf(out, n, pdf_phrase(p, c->part == 1 ? OCT_PH_CARD_FIRST : OCT_PH_CARD_CONTINUED),
                 base, c->part, c->nparts);
}

static void paint_chunk(oct_pdf *p, HPDF_Page pg, size_t k, double left, double top)
{
    const pdf_page *ch = &p->pages[k];
    for (size_t i = 0; i < ch->count; i++) {
        const pdf_place *pl = &p->places[ch->first + i];
        pdf_paint_item_at(p, pg, &ch->flow->it[pl->item], left, top - pl->y);
    }
}

/* Face of card c with the card's top-left corner at (x, y) from the
 * sheet's top-left; drawing stays inside the card. */
static void paint_face(oct_pdf *p, HPDF_Page pg, const pdf_deck *d, const pdf_card *c, bool back,
                       double x, double y)
{
    const pdf_card_geom *g = &d->g;
    const oct_cards *cs = &d->base.cards;
    double left = x + g->pad, top = g->H - y - g->pad, bottom = g->H - y - g->ch + g->pad;
    HPDF_Page_GSave(pg);
    HPDF_Page_Rectangle(pg, (HPDF_REAL)x, (HPDF_REAL)(g->H - y - g->ch), (HPDF_REAL)g->cw,
                        (HPDF_REAL)g->ch);
    HPDF_Page_Clip(pg);
    HPDF_Page_EndPath(pg);
    char label[128];
    card_label(p, c, label, sizeof label);
    pdf_style ls = pdf_style_make(PDF_FAM_HEAD, PDF_VAR_B, cs->label_size, p->L.accent);
    one_line(p, pg, label, &ls, left, g->bw, top - cs->label_size, PDF_AL_CENTER);
    pdf_item rule = {0};
    pdf_op *op = pdf_item_op(&rule, PDF_OP_LINE);
    op->color = pdf_color_id(p, p->L.rule);
    op->lw = 0.5f;
    op->x = g->bw * 0.3;
    op->w = g->bw * 0.4;
    op->y = cs->label_size * 1.35;
    pdf_paint_item_at(p, pg, &rule, left, top);
    free(rule.ops);
    size_t k = back ? c->back : c->front;
    if (k != PDF_CARD_NONE) {
        double h = pdf_card_chunk_height(p, k);
        double voff = !back && h < g->bh ? (g->bh - h) / 2 : 0; /* questions sit in the middle */
        paint_chunk(p, pg, k, left, top - g->head - voff);
    }
    pdf_style fs = pdf_style_make(PDF_FAM_HEAD, back ? PDF_VAR_I : PDF_VAR_R, cs->label_size * 0.92,
                                  back ? p->L.accent : p->L.muted);
    const char *foot =
        back ? (c->part < c->nparts ? pdf_phrase(p, OCT_PH_CARD_MORE) : NULL) : c->topic;
    if (foot && *foot)
        one_line(p, pg, foot, &fs, left, g->bw, bottom + cs->label_size * 0.35, PDF_AL_CENTER);
    HPDF_Page_GRestore(pg);
}

static void mark(HPDF_Page pg, double x0, double y0, double x1, double y1)
{
    HPDF_Page_MoveTo(pg, (HPDF_REAL)x0, (HPDF_REAL)y0);
    HPDF_Page_LineTo(pg, (HPDF_REAL)x1, (HPDF_REAL)y1);
}

/* Cut marks in the margin, in line with every card edge, never on a card. */
static void cut_marks(oct_pdf *p, HPDF_Page pg, const pdf_card_geom *g)
{
    double gw = g->cols * g->cw + (g->cols - 1) * g->gutter;
    double gh = g->rows * g->ch + (g->rows - 1) * g->gutter;
    double lenx = g->gy - MARK_GAP - MM(1), leny = g->gx - MARK_GAP - MM(1);
    if (lenx > MARK_LEN) lenx = MARK_LEN;
    if (leny > MARK_LEN) leny = MARK_LEN;
    HPDF_Page_SetLineWidth(pg, 0.4f);
    HPDF_Page_SetRGBStroke(pg, (HPDF_REAL)p->L.text.r, (HPDF_REAL)p->L.text.g,
                           (HPDF_REAL)p->L.text.b);
    double top = g->H - g->gy, bot = g->H - g->gy - gh;
    for (int c = 0; c < g->cols && lenx >= MM(2); c++) {
        for (int e = 0; e < 2; e++) {
            double x = g->gx + c * (g->cw + g->gutter) + e * g->cw;
            mark(pg, x, top + MARK_GAP, x, top + MARK_GAP + lenx);
            mark(pg, x, bot - MARK_GAP, x, bot - MARK_GAP - lenx);
        }
    }
    for (int r = 0; r < g->rows && leny >= MM(2); r++) {
        for (int e = 0; e < 2; e++) {
            double y = top - r * (g->ch + g->gutter) - e * g->ch;
            mark(pg, g->gx - MARK_GAP, y, g->gx - MARK_GAP - leny, y);
            mark(pg, g->gx + gw + MARK_GAP, y, g->gx + gw + MARK_GAP + leny, y);
        }
    }
    HPDF_Page_Stroke(pg);
}

static HPDF_Page add_page(oct_pdf *p, const pdf_card_geom *g)
{
    return pdf_add_page(p, g->W, g->H);
}

/* One sheet: its cards' fronts, then the page behind with columns mirrored.
 * Cards whose questions run from the right are read from the right: the
 * first stands top right on the front (so top left behind it). */
static void paint_sheet(oct_pdf *p, const pdf_deck *d, size_t from, size_t count)
{
    const pdf_card_geom *g = &d->g;
    bool rtl = count > 0 && pdf_node_rtl(d->cards[from].q);
    for (int side = 0; side < 2; side++) {
        HPDF_Page pg = add_page(p, g);
        for (size_t k = 0; k < count; k++) {
            int col = (int)(k % (size_t)g->cols), row = (int)(k / (size_t)g->cols);
            if ((side == 1) != rtl) col = g->cols - 1 - col; /* long-edge flip */
            double x = g->gx + col * (g->cw + g->gutter), y = g->gy + row * (g->ch + g->gutter);
            paint_face(p, pg, d, &d->cards[from + k], side == 1, x, y);
        }
        if (d->base.cards.cut_marks) cut_marks(p, pg, g);
    }
}

/* " (A4)" for a sheet of a known paper size, portrait or landscape. */
static const char *paper_name(double w, double h)
{
    static const struct {
        const char *name;
        double w, h;
    } P[] = {{" (A4)", MM(210), MM(297)},
             {" (A5)", MM(148), MM(210)},
             {" (A3)", MM(297), MM(420)},
             {" (Letter)", 612, 792},
             {" (Legal)", 612, 1008}};
    for (size_t i = 0; i < sizeof P / sizeof *P; i++)
        if ((fabs(w - P[i].w) < 1 && fabs(h - P[i].h) < 1) ||
            (fabs(h - P[i].w) < 1 && fabs(w - P[i].h) < 1))
            return P[i].name;
    return "";
}

/* Lays a paragraph into flow f at width w. */
static void para(oct_pdf *p, pdf_flow *f, const char *s, const pdf_style *st, double w, double gap)
{
    p->cur = f;
    pdf_ctx c = {0, w, st->size, 1, 0, false};
    pdf_text t = {0};
    pdf_text_add(p, &t, s, strlen(s), st, NULL, false);
    pdf_layout_text(p, &c, &t, pdf_lh(p, st->size), PDF_AL_LEFT, false, false);
    pdf_text_free(&t);
    pdf_flow_push(f, gap, 0);
    p->cur = NULL;
}

/* The first sheet: how to print and cut; its back says it is blank. */
static void paint_instructions(oct_pdf *p, const pdf_deck *d, size_t nsheets)
{
    const pdf_card_geom *g = &d->g;
    double margin = g->gx > MM(20) ? g->gx : MM(20), w = g->W - 2 * margin;
    double size = d->base.body_size * 1.15;
    pdf_flow f = {0};
    oct_buf b = OCT_BUF_INIT;
    pdf_style h =
        pdf_style_make(PDF_FAM_HEAD, PDF_VAR_B, d->base.h2_size * 1.2, p->L.heading_color);
    pdf_style m = pdf_style_make(PDF_FAM_HEAD, PDF_VAR_R, size, p->L.muted);
    pdf_style st = pdf_style_make(PDF_FAM_BODY, PDF_VAR_R, size, p->L.text);
    para(p, &f, pdf_phrase(p, OCT_PH_CARDS_TITLE), &h, w, size * 0.6);
    if (p->tree->meta.title) para(p, &f, p->tree->meta.title, &m, w, size * 1.6);
    oct_buf_printf(&b, "%.0f \xC3\x97 %.0f mm%s", g->W * 25.4 / 72, g->H * 25.4 / 72,
                   paper_name(g->W, g->H));
    char *paper_s = oct_buf_detach(&b);
    oct_phrase_id steps[] = {OCT_PH_CARDS_DUPLEX, OCT_PH_CARDS_PAPER, OCT_PH_CARDS_ORDER,
                             OCT_PH_CARDS_CUT, OCT_PH_CARDS_CHECK};
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
        oct_buf_printf(&b, "%zu.  ", i + 1);
        /* one sheet is said in words: "on 1 sheets" reads wrong */
        const char *fmt = pdf_phrase(
            p, steps[i] == OCT_PH_CARDS_ORDER && nsheets == 1 ? OCT_PH_CARDS_ORDER_ONE : steps[i]);
        if (steps[i] == OCT_PH_CARDS_PAPER)
            oct_buf_printf(&b, fmt, paper_s);
        else if (steps[i] == OCT_PH_CARDS_ORDER && nsheets != 1)
            oct_buf_printf(&b, fmt, d->n, nsheets);
        else
            oct_buf_puts(&b, fmt);
        para(p, &f, b.data, &st, w, size * 0.8);
        b.len = 0;
    }
    free(paper_s);
    oct_buf_free(&b);
    HPDF_Page pg = add_page(p, g);
    double y = g->H - margin;
    for (size_t i = 0; i < f.n; i++) {
        pdf_paint_item_at(p, pg, &f.it[i], margin, y);
        y -= f.it[i].h;
    }
    pdf_flow_free(&f);
    pg = add_page(p, g);
    pdf_style bl = pdf_style_make(PDF_FAM_HEAD, PDF_VAR_I, size * 0.9, p->L.muted);
    one_line(p, pg, pdf_phrase(p, OCT_PH_CARDS_BLANK), &bl, margin, w, g->H / 2, PDF_AL_CENTER);
}

int pdf_cards_paint(oct_pdf *p, const pdf_deck *d)
{
    size_t per = (size_t)(d->g.cols * d->g.rows), nsheets = (d->n + per - 1) / per;
    paint_instructions(p, d, nsheets);
    if (pdf_check(p, "painting the instruction sheet") != 0) return -1;
    for (size_t s = 0; s < nsheets; s++) {
        size_t from = s * per, count = d->n - from < per ? d->n - from : per;
        paint_sheet(p, d, from, count);
        if (pdf_check(p, "painting a sheet of cards") != 0 || p->failed) return -1;
    }
    return 0;
}
