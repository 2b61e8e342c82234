/* Quiz mode: each question stands alone with one line that sends the
 * reader to its answer ("Answer in the key", a link), and the answer key
 * at the back gives every answered question's number and prompt (a link
 * back to the question) followed by its answers, in booklet order. A
 * question no wording answers keeps its "No answer" remark and ruled
 * lines in place and is listed under "To research" instead. */
#include "pdf/internal.h"

#include <stdio.h>
#include <string.h>

#define KEY_KEY                                                                                    \
    "\x01"                                                                                         \
    "answer-key"

/* The destination of q's entry in the key. */
static const char *entry_key(oct_pdf *p, const oct_node *q, char *buf, size_t n)
{
    char k[64];
    snprintf(buf, n, "\x01key:%s", pdf_node_key(p, q, k, sizeof k));
    return buf;
}

void pdf_layout_answer_link(oct_pdf *p, const pdf_ctx *in, const oct_node *q)
{
    if (!oct_question_has_answer(q)) return; /* the study layout's "No answer" lines stay */
    char key[96];
    double small = in->size * p->L.small_size / p->L.body_size;
    pdf_style st = pdf_style_make(PDF_FAM_BODY, PDF_VAR_I, small, p->L.accent);
    st.flags |= PDF_ST_LINK;
    st.link = pdf_link_internal(p, entry_key(p, q, key, sizeof key));
    const char *text = pdf_phrase(p, OCT_PH_ANSWER_IN_KEY);
    pdf_text t = {0};
    pdf_text_add(p, &t, "\xE2\x86\x92 ", 4, &st, NULL, false); /* → */
    pdf_text_add(p, &t, text, strlen(text), &st, q, false);
    pdf_layout_text(p, in, &t, pdf_lh(p, small), PDF_AL_LEFT, false, false);
    pdf_text_free(&t);
}

static void layout_entry(oct_pdf *p, const pdf_ctx *c, const oct_node *q)
{
    char key[96], back[64], num[40];
    pdf_flow_space(p->cur, p->L.paragraph_gap * 1.2);
    size_t first = p->cur->n;
    pdf_style st = pdf_style_make(PDF_FAM_BODY, PDF_VAR_B, c->size, p->L.text);
    st.flags |= PDF_ST_LINK;
    st.link = pdf_link_internal(p, pdf_node_key(p, q, back, sizeof back));
    pdf_style num_st = st;
    num_st.color = p->L.accent;
    oct_question_name(q, num, sizeof num);
    pdf_text t = {0};
    if (*num) {
        pdf_text_add(p, &t, num, strlen(num), &num_st, q, false);
        const char *dot = oct_question_label_dot(num);
        pdf_text_add(p, &t, dot, strlen(dot), &num_st, q, false);
        pdf_text_add(p, &t, " ", 1, &num_st, q, false);
    }
    pdf_text_inlines(p, &t, q, &st);
    pdf_layout_text(p, c, &t, pdf_lh(p, c->size), PDF_AL_LEFT, false, true);
    pdf_text_free(&t);
    if (first < p->cur->n)
        pdf_item_dest(p, &p->cur->it[first], entry_key(p, q, key, sizeof key), 0);
    pdf_flow_space(p->cur, p->L.paragraph_gap * 0.5);
    pdf_flow_keep_last(p->cur);
    pdf_ctx in = *c;
    in.x += c->size * 1.2;
    in.w -= c->size * 1.2;
    in.depth++;
    pdf_layout_answers(p, &in, q);
}

void pdf_layout_answer_key(oct_pdf *p)
{
    if (!oct_tree_in_mode(p->tree, "quiz")) return;
    bool any = false;
    for (size_t i = 0; i < p->bank.nq && !any; i++)
        any = oct_question_has_answer(p->bank.q[i]);
    if (!any) return;
    pdf_ctx c = {0, pdf_body_width(p), p->L.body_size, 0, 0, false};
    p->cur->chapter = -1;
    pdf_appendix_open(p, &c, KEY_KEY, pdf_phrase(p, OCT_PH_ANSWER_KEY));
    /* each entry's items name its question: a page the entry goes on to
     * says so in its running head, and a break between entries is
     * preferred to one inside an entry */
    const oct_node *outer = p->cur->question;
    for (size_t i = 0; i < p->bank.nq; i++) {
        if (!oct_question_has_answer(p->bank.q[i])) continue;
        p->cur->question = p->bank.q[i];
        layout_entry(p, &c, p->bank.q[i]);
    }
    p->cur->question = outer;
}
