/* Quiz mode: each question stands alone with one line that sends the
 * reader to its answer ("Answer on p. 47", a link), and the answer key
 * at the back gives every answered question's number and prompt (a link
 * back to the question) followed by its answers, in booklet order. A
 * question no wording answers keeps its "No answer" remark and ruled
 * lines in place and is listed under "To research" instead. */
#include "pdf/answerkey.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
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

/* A line under a question: its items in flow f, the column it is set in,
 * the link it carries. */
typedef struct {
    pdf_flow *f;
    size_t item, n;
    const oct_node *q;
    pdf_ctx in;
    int link;
} keyref;

struct pdf_keyrefs {
    keyref *v;
    size_t n, cap;
};

/* The number the line is first set with: three digits, as wide as most. */
#define STAND_IN 888

/* "→ Answer on p. 47", one link (page 0: "→ Answer in the key"). */
static void link_text(oct_pdf *p, pdf_text *t, const pdf_ctx *in, const oct_node *q, int link,
                      int page)
{
    double small = in->size * p->L.small_size / p->L.body_size;
    pdf_style st = pdf_style_make(PDF_FAM_BODY, PDF_VAR_I, small, p->L.accent);
    st.flags |= PDF_ST_LINK;
    st.link = link;
    oct_buf b = OCT_BUF_INIT;
    if (page > 0)
        oct_buf_printf(&b, pdf_phrase(p, OCT_PH_ANSWER_ON_PAGE), page);
    else
        oct_buf_puts(&b, pdf_phrase(p, OCT_PH_ANSWER_IN_KEY));
    pdf_text_add(p, t, "\xE2\x86\x92 ", 4, &st, NULL, false); /* → */
    pdf_text_add(p, t, b.data, b.len, &st, q, false);
    oct_buf_free(&b);
}

void pdf_layout_answer_link(oct_pdf *p, const pdf_ctx *in, const oct_node *q)
{
    if (!oct_question_has_answer(q)) return; /* the study layout's "No answer" lines stay */
    char key[96];
    int link = pdf_link_internal(p, entry_key(p, q, key, sizeof key));
    pdf_text t = {0};
    link_text(p, &t, in, q, link, STAND_IN);
    size_t first = p->cur->n;
    double small = in->size * p->L.small_size / p->L.body_size;
    size_t n = pdf_layout_text(p, in, &t, pdf_lh(p, small), PDF_AL_LEFT, false, false);
    pdf_text_free(&t);
    if (!p->keyrefs) p->keyrefs = oct_xcalloc(1, sizeof *p->keyrefs);
    struct pdf_keyrefs *r = p->keyrefs;
    OCT_GROW(r->v, r->cap, r->n + 1);
    r->v[r->n++] = (keyref){p->cur, first, n, q, *in, link};
}

/* Leaves an item only its anchors: its text is set again. */
static void clear_text(pdf_item *it)
{
    uint32_t k = 0;
    for (uint32_t o = 0; o < it->nops; o++)
        if (it->ops[o].kind == PDF_OP_DEST) it->ops[k++] = it->ops[o];
    it->nops = k;
}

static void resolve(oct_pdf *p, const keyref *r)
{
    char key[96];
    const pdf_anchor *a = pdf_find_anchor(p, entry_key(p, r->q, key, sizeof key));
    pdf_text t = {0};
    link_text(p, &t, &r->in, r->q, r->link, a ? p->pages[a->page].number : 0);
    pdf_text_breaks(p, &t);
    pdf_measure m = {.first = r->in.w, .rest = r->in.w, .mode = PDF_BREAK_TOTAL_FIT};
    pdf_line *lines;
    size_t n = pdf_break_lines(&t, &m, &lines);
    if (n > r->n) { /* never with a stand-in as wide: one line rather than more */
        free(lines);
        m.first = m.rest = 1e9;
        n = pdf_break_lines(&t, &m, &lines);
    }
    for (size_t k = 0; k < r->n; k++) {
        pdf_item *it = &r->f->it[r->item + k];
        clear_text(it);
        if (k < n) pdf_set_line(p, it, &t, &lines[k], r->in.x, it->base, PDF_AL_LEFT);
    }
    free(lines);
    pdf_text_free(&t);
}

void pdf_answer_links_resolve(oct_pdf *p)
{
    for (size_t i = 0; p->keyrefs && i < p->keyrefs->n; i++)
        resolve(p, &p->keyrefs->v[i]);
}

void pdf_answer_links_free(oct_pdf *p)
{
    if (!p->keyrefs) return;
    free(p->keyrefs->v);
    free(p->keyrefs);
    p->keyrefs = NULL;
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
