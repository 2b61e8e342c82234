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

static void layout_entry(oct_pdf *p, const pdf_ctx *c, const oct_node *q)
{
    char buf[64], num[40];
    pdf_style st = pdf_style_make(PDF_FAM_BODY, PDF_VAR_R, c->size, p->L.text);
    st.flags |= PDF_ST_LINK;
    st.link = pdf_link_internal(p, pdf_node_key(p, q, buf, sizeof buf));
    pdf_style bold = st;
    bold.var = PDF_VAR_B;
    bold.color = p->L.accent;
    oct_question_name(q, num, sizeof num);
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
    pdf_appendix_open(p, &c, RESEARCH_KEY, pdf_phrase(p, OCT_PH_TO_RESEARCH));
    for (size_t i = 0; i < p->bank.ntodo; i++)
        layout_entry(p, &c, oct_bank_first(&p->bank, p->bank.todo[i]));
}
