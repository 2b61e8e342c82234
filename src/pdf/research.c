/* "To research": a last chapter-like section listing every question
 * cluster that no wording answers, once (its first wording), each entry
 * linked to the question with its number and source chapter, so the
 * gaps in the notes make a work list. No unanswered cluster, no page. */
#include "pdf/internal.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <string.h>

#define RESEARCH_KEY                                                                               \
    "\x01"                                                                                         \
    "research"

static void add_heading(oct_pdf *p)
{
    if (p->nheads == p->capheads) {
        p->capheads = p->capheads ? p->capheads * 2 : 32;
        p->heads = oct_xrealloc(p->heads, p->capheads * sizeof *p->heads);
    }
    pdf_heading *h = &p->heads[p->nheads++];
    memset(h, 0, sizeof *h);
    h->level = 0;
    h->title = oct_xstrdup(pdf_phrase(p, OCT_PH_TO_RESEARCH));
    h->key = oct_xstrdup(RESEARCH_KEY);
}

static void layout_title(oct_pdf *p, const pdf_ctx *c)
{
    pdf_item *strut = pdf_flow_push(p->cur, pdf_body_height(p) * 0.06,
                                    PDF_IT_NEW_PAGE | PDF_IT_OPENER | PDF_IT_KEEP_NEXT);
    pdf_item_dest(p, strut, RESEARCH_KEY, 0);
    add_heading(p);
    pdf_style st = pdf_style_make(PDF_FAM_HEAD, PDF_VAR_B, p->L.h1_size, p->L.heading_color);
    pdf_text t = {0};
    const char *title = pdf_phrase(p, OCT_PH_TO_RESEARCH);
    pdf_text_add(p, &t, title, strlen(title), &st, NULL, false);
    pdf_layout_text(p, c, &t, p->L.h1_size * 1.18, PDF_AL_LEFT, false, true);
    pdf_text_free(&t);
    pdf_flow_space(p->cur, pdf_lh(p, p->L.body_size));
    pdf_flow_keep_last(p->cur);
}

static void layout_entry(oct_pdf *p, const pdf_ctx *c, const oct_node *q)
{
    char buf[64], num[40];
    pdf_style st = pdf_style_make(PDF_FAM_BODY, PDF_VAR_R, c->size, p->L.text);
    st.flags |= PDF_ST_LINK;
    st.link = pdf_link_internal(p, pdf_node_key(p, q, buf, sizeof buf));
    pdf_style bold = st;
    bold.var = PDF_VAR_B;
    bold.color = p->L.accent;
    pdf_question_name(q, num, sizeof num);
    pdf_text t = {0};
    if (*num) {
        pdf_text_add(p, &t, num, strlen(num), &bold, q, false);
        pdf_text_add(p, &t, ". ", 2, &bold, q, false);
    }
    pdf_text_inlines(p, &t, q, &st);
    const oct_node *ch = oct_node_chapter(q);
    if (ch && ch->u.chapter.title && *ch->u.chapter.title) {
        pdf_style m = pdf_style_make(PDF_FAM_BODY, PDF_VAR_I,
                                     c->size * p->L.small_size / p->L.body_size, p->L.muted);
        m.flags |= PDF_ST_LINK;
        m.link = st.link;
        pdf_text_add(p, &t, " (", 2, &m, q, false);
        pdf_text_add(p, &t, ch->u.chapter.title, strlen(ch->u.chapter.title), &m, q, false);
        pdf_text_add(p, &t, ")", 1, &m, q, false);
    }
    pdf_layout_text(p, c, &t, pdf_lh(p, c->size), PDF_AL_LEFT, false, false);
    pdf_text_free(&t);
    pdf_flow_space(p->cur, p->L.paragraph_gap * 0.6);
}

void pdf_layout_research(oct_pdf *p)
{
    if (p->bank.ntodo == 0) return;
    pdf_ctx c = {0, pdf_body_width(p), p->L.body_size, 0, 0, false};
    p->cur->chapter = -1;
    layout_title(p, &c);
    for (size_t i = 0; i < p->bank.ntodo; i++)
        layout_entry(p, &c, oct_bank_first(&p->bank, p->bank.todo[i]));
}
