/* Running heads and folios: what each page carries above and below its
 * text block, set as items before any page is painted (the fonts can then
 * be cut down beside the painting, since no more text is shaped). Recto
 * heads name the chapter, verso heads the booklet; a page that goes on
 * with a question names it at the inner edge. */
#include "pdf/internal.h"
#include "util/buf.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

double pdf_page_left(const oct_pdf *p, size_t i)
{
    return i % 2 == 0 ? p->L.margin_inner : p->L.margin_outer;
}

static void add_item(pdf_margins *m, pdf_item it, double left, double top)
{
    OCT_GROW(m->v, m->cap, m->n + 1);
    m->v[m->n++] = (pdf_placed){it, left, top};
}

static void roman(int n, char *out, size_t sz)
{
    static const int val[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    static const char *sym[] = {"m",  "cm", "d",  "cd", "c",  "xc", "l",
                                "xl", "x",  "ix", "v",  "iv", "i"};
    size_t len = 0;
    out[0] = '\0';
    for (int k = 0; k < 13 && n > 0; k++) {
        while (n >= val[k] && len + 3 < sz) {
            len += (size_t)snprintf(out + len, sz - len, "%s", sym[k]);
            n -= val[k];
        }
    }
}

/* A one-line text t of width tw, aligned in [x, x + width] at baseline y
 * from the page top. Its glyphs stay in the pool until painted. */
static void set_line(oct_pdf *p, pdf_margins *m, const pdf_text *t, double tw, double x,
                     double width, double y, pdf_align al)
{
    if (m->glyphs_only) return;
    pdf_line ln = {0, t->n, t->n, tw, width, 0, false, false};
    pdf_item it = {0};
    pdf_set_line(p, &it, t, &ln, 0, 0, al);
    add_item(m, it, x, p->L.page_height - y);
}

static pdf_style margin_style(const oct_pdf *p, int var)
{
    return pdf_style_make(PDF_FAM_HEAD, var, p->L.small_size, p->L.muted);
}

/* A one-line text, shortened with an ellipsis to fit `width`; returns the
 * width it took. A folio, new on every page, is set afresh. */
static double set_folio_text(oct_pdf *p, pdf_margins *m, const char *s, double x, double width,
                             double y, pdf_align al)
{
    pdf_style st = margin_style(p, PDF_VAR_R);
    pdf_text t = {0};
    double tw = pdf_text_fit(p, &t, s, &st, NULL, width);
    set_line(p, m, &t, tw, x, width, y, al);
    pdf_text_free(&t);
    return tw;
}

/* The same for a running head: the one fitted for an earlier page with
 * the same text, room and node serves again. */
static double set_text(oct_pdf *p, pdf_margins *m, const char *s, double x, double width, double y,
                       pdf_align al, const oct_node *node)
{
    pdf_margin_memo *memo = NULL;
    for (unsigned k = 0; k < PDF_MARGIN_MEMOS && !memo; k++) {
        pdf_margin_memo *e = &p->margin_memo[k];
        if (e->s && e->width == width && e->node == node && strcmp(e->s, s) == 0) memo = e;
    }
    if (!memo) { /* fitted now, into the slot used longest ago */
        memo = &p->margin_memo[p->margin_memo_next++ % PDF_MARGIN_MEMOS];
        free(memo->s);
        memo->s = oct_xstrdup(s);
        memo->width = width;
        memo->node = node;
        pdf_style st = margin_style(p, PDF_VAR_R);
        memo->tw = pdf_text_fit(p, &memo->t, s, &st, node, width);
    }
    set_line(p, m, &memo->t, memo->tw, x, width, y, al);
    return memo->tw;
}

void pdf_margin_memos_free(oct_pdf *p)
{
    for (unsigned k = 0; k < PDF_MARGIN_MEMOS; k++) {
        free(p->margin_memo[k].s);
        pdf_text_free(&p->margin_memo[k].t);
        p->margin_memo[k] = (pdf_margin_memo){0};
    }
}

/* "12. How are signals… (continued)": the question a page goes on with,
 * its prompt shortened so the phrase's own words always show. */
static void set_continued(oct_pdf *p, pdf_margins *m, const oct_node *q, double x, double width,
                          double y, pdf_align al)
{
    pdf_style st = margin_style(p, PDF_VAR_I);
    const char *ph = pdf_phrase(p, OCT_PH_CONTINUED), *at = strstr(ph, "%s");
    const char *tail = at ? at + 2 : "";
    oct_buf b = OCT_BUF_INIT;
    if (at) oct_buf_put(&b, ph, (size_t)(at - ph));
    char num[40];
    if (*oct_question_name(q, num, sizeof num))
        oct_buf_printf(&b, "%s%s ", num,
                       q->u.question.label ? oct_question_label_dot(q->u.question.label) : ".");
    char *prompt = pdf_plain_text(q);
    oct_buf_puts(&b, prompt);
    free(prompt);
    pdf_text t = {0};
    pdf_text_add(p, &t, tail, strlen(tail), &st, NULL, false);
    double tail_w = pdf_text_width(&t, 0, t.n);
    if (width > tail_w * 2) {
        pdf_text_fit(p, &t, b.data, &st, q, width - tail_w);
        pdf_text_add(p, &t, tail, strlen(tail), &st, NULL, false);
        set_line(p, m, &t, pdf_text_width(&t, 0, t.n), x, width, y, al);
    }
    pdf_text_free(&t);
    oct_buf_free(&b);
}

/* The back matter the booklet adds itself (To research, the answer key,
 * the index) has no chapter node: its recto head names the appendix whose
 * opening page is the last at or before page i. */
static const char *appendix_title(const oct_pdf *p, size_t i)
{
    const char *title = NULL;
    size_t at = 0;
    for (size_t k = 0; k < p->nheads; k++) {
        const pdf_heading *h = &p->heads[k];
        if (h->level != 0 || h->node || !h->key) continue;
        const pdf_anchor *a = pdf_find_anchor(p, h->key);
        if (a && a->page <= i && (!title || a->page >= at)) {
            title = h->title;
            at = a->page;
        }
    }
    return title;
}

static void set_head(oct_pdf *p, pdf_margins *m, size_t i)
{
    const pdf_page *pg = &p->pages[i];
    double left = pdf_page_left(p, i), bw = pdf_body_width(p);
    bool recto = i % 2 == 0;
    if (pg->kind != PDF_PG_BODY || pg->opener || pg->blank) return;
    const oct_node *ch =
        pg->chapter >= 0 && (size_t)pg->chapter < p->nchapters ? p->chapters[pg->chapter] : NULL;
    const char *cht = ch && ch->u.chapter.title ? ch->u.chapter.title : NULL;
    if (!ch && recto) cht = appendix_title(p, i);
    const char *s = recto && cht ? cht : p->tree->meta.title ? p->tree->meta.title : cht;
    double y = p->L.margin_top * 0.48, gap = p->L.small_size * 2;
    if (!(s && *s) && !pg->cont) return;
    /* chapter or title at the outer edge; a question that goes on from the
     * page before at the inner edge, in what room is left */
    double box = pg->cont ? bw * 0.45 : bw, used = -gap;
    if (s && *s)
        used = set_text(p, m, s, recto ? left + bw - box : left, box, y,
                        recto ? PDF_AL_RIGHT : PDF_AL_LEFT, ch);
    if (pg->cont)
        set_continued(p, m, pg->cont, recto ? left : left + used + gap, bw - used - gap, y,
                      recto ? PDF_AL_LEFT : PDF_AL_RIGHT);
    if (m->glyphs_only) return;
    pdf_item rule = {0};
    pdf_op *op = pdf_item_op(&rule, PDF_OP_LINE);
    op->lw = 0.4f;
    op->color = pdf_color_id(p, p->L.rule);
    op->w = bw;
    add_item(m, rule, left, p->L.page_height - y - p->L.small_size * 0.6);
}

static void set_folio(oct_pdf *p, pdf_margins *m, size_t i)
{
    const pdf_page *pg = &p->pages[i];
    double left = pdf_page_left(p, i), bw = pdf_body_width(p);
    bool recto = i % 2 == 0;
    if (pg->kind == PDF_PG_TITLE || pg->blank) return;
    char folio[32];
    if (pg->kind == PDF_PG_BODY)
        snprintf(folio, sizeof folio, "%d", pg->number);
    else
        roman(pg->number, folio, sizeof folio);
    double y = p->L.page_height - p->L.margin_bottom * 0.52;
    set_folio_text(p, m, folio, left, bw, y, recto ? PDF_AL_RIGHT : PDF_AL_LEFT);
}

void pdf_margins_set(oct_pdf *p, size_t i, pdf_margins *m)
{
    set_head(p, m, i);
    m->nhead = m->n;
    set_folio(p, m, i);
}

void pdf_margins_free(pdf_margins *m)
{
    for (size_t k = 0; k < m->n; k++)
        free(m->v[k].it.ops);
    free(m->v);
    *m = (pdf_margins){0};
}
