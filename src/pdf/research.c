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

/* The chapter's name after a question, tied by no-break spaces when short
 * ("(Models & ORM)" never ends one line and starts the next). */
static void add_chapter_tag(oct_pdf *p, pdf_text *t, const char *title, const pdf_style *m,
                            const oct_node *q)
{
    bool tie = strlen(title) <= 40;
    pdf_text_add(p, t, " (", 2, m, q, false);
    for (const char *s = title; *s;) {
        size_t run = strcspn(s, " ");
        pdf_text_add(p, t, s, run, m, q, false);
        s += run;
        if (*s == ' ') {
            if (tie)
                pdf_text_add(p, t, "\xC2\xA0", 2, m, q, false);
            else
                pdf_text_add(p, t, " ", 1, m, q, false);
            s++;
        }
    }
    pdf_text_add(p, t, ")", 1, m, q, false);
}

/* One entry: its number hanging in a column of its own (x_num: where the
 * numbers end), the prompt and its chapter, all one link. Laid out for
 * left-to-right text in c, mirrored across `page` for a prompt that runs
 * from the right: its number on the right, ".12", the period between
 * number and prompt, as a right-to-left list has it (lists.c). */
static void layout_entry(oct_pdf *p, const pdf_ctx *page, const pdf_ctx *c, const oct_node *q,
                         double x_num)
{
    bool rtl = pdf_node_rtl(q);
    pdf_ctx in = *c;
    in.x = pdf_flip(page, rtl, c->x, c->w);
    char buf[64], name[40], num[44];
    pdf_style st = pdf_style_make(PDF_FAM_BODY, PDF_VAR_R, c->size, p->L.text);
    st.flags |= PDF_ST_LINK;
    st.link = pdf_link_internal(p, pdf_node_key(p, q, buf, sizeof buf));
    pdf_style bold = st;
    bold.var = PDF_VAR_B;
    bold.color = p->L.accent;
    pdf_text t = {0}, label = {0};
    oct_question_name(q, name, sizeof name);
    /* no column for the numbers (labels too wide: "Ejercicio 12(b)(iii)"):
     * each entry starts with its own, which cannot run off the page */
    bool run_in = x_num <= page->x;
    if (*name) {
        snprintf(num, sizeof num, rtl ? ".%s" : run_in ? "%s. " : "%s.", name);
        pdf_text_add(p, run_in ? &t : &label, num, strlen(num), &bold, q, false);
    }
    pdf_text_inlines(p, &t, q, &st);
    const oct_node *ch = oct_node_chapter(q);
    if (ch && ch->u.chapter.title && *ch->u.chapter.title) {
        pdf_style m = pdf_style_make(PDF_FAM_BODY, PDF_VAR_I,
                                     c->size * p->L.small_size / p->L.body_size, p->L.muted);
        m.flags |= PDF_ST_LINK;
        m.link = st.link;
        add_chapter_tag(p, &t, ch->u.chapter.title, &m, q);
    }
    size_t first = p->cur->n;
    pdf_layout_text(p, &in, &t, pdf_lh(p, c->size), PDF_AL_LEFT, false, false);
    double lw = pdf_text_width(&label, 0, label.n);
    if (label.n) pdf_attach_label(p, first, &label, pdf_flip(page, rtl, x_num - lw, lw) + lw);
    pdf_text_free(&t);
    pdf_text_free(&label);
    pdf_flow_space(p->cur, p->L.paragraph_gap * 0.6);
}

/* Width of the widest entry number ("235."), in the bold of the list. */
static double number_width(oct_pdf *p, double size)
{
    pdf_style bold = pdf_style_make(PDF_FAM_BODY, PDF_VAR_B, size, p->L.accent);
    double w = 0;
    for (size_t i = 0; i < p->bank.ntodo; i++) {
        char num[44];
        oct_question_name(oct_bank_first(&p->bank, p->bank.todo[i]), num, sizeof num - 1);
        if (!*num) continue;
        strcat(num, ".");
        pdf_text t = {0};
        pdf_text_add(p, &t, num, strlen(num), &bold, NULL, false);
        double tw = pdf_text_width(&t, 0, t.n);
        if (tw > w) w = tw;
        pdf_text_free(&t);
    }
    return w;
}

void pdf_layout_research(oct_pdf *p)
{
    if (p->bank.ntodo == 0) return;
    pdf_ctx c = {0, pdf_body_width(p), p->L.body_size, 0, 0, false};
    p->cur->chapter = -1;
    pdf_appendix_open(p, &c, RESEARCH_KEY, pdf_phrase(p, OCT_PH_TO_RESEARCH));
    const pdf_ctx page = c;
    double numw = number_width(p, c.size), x_num = c.x;
    if (numw > 0 && numw < c.w * 0.2) { /* wrapped lines align with the prompt */
        x_num = c.x + numw;
        c.x += numw + c.size * 0.4;
        c.w -= numw + c.size * 0.4;
    }
    for (size_t i = 0; i < p->bank.ntodo; i++)
        layout_entry(p, &page, &c, oct_bank_first(&p->bank, p->bank.todo[i]), x_num);
}
