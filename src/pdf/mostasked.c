/* The "Most asked" page: after the contents, the question clusters asked
 * in the most sources, each under its clearest wording with the folio of
 * that question and a link to it (study/bank.h chooses and orders them). */
#include "pdf/internal.h"
#include "study/bank.h"

#include <stdio.h>

/* Enough for a page or two: a reader looking for what comes up most does
 * not want the whole bank again. */
#define MOST_ASKED_MAX 30

void pdf_layout_most_asked(oct_pdf *p, pdf_flow *f)
{
    oct_asked *a;
    size_t n = oct_bank_most_asked(&p->bank, MOST_ASKED_MAX, &a);
    if (n == 0) return;
    pdf_flow *saved = p->cur;
    p->cur = f;
    f->chapter = -1;
    double size = p->L.body_size;
    pdf_ctx c = {0, pdf_body_width(p), size, 0, 0, false};
    pdf_item *strut = pdf_flow_push(f, pdf_body_height(p) * 0.06,
                                    PDF_IT_NEW_PAGE | PDF_IT_OPENER | PDF_IT_KEEP_NEXT);
    pdf_item_dest(p, strut, PDF_MOST_ASKED_KEY, 0);
    pdf_front_line(p, &c, pdf_phrase(p, OCT_PH_MOST_ASKED), PDF_FAM_HEAD, PDF_VAR_B, p->L.h1_size,
                   p->L.heading_color, 1.18);
    pdf_flow_space(f, p->L.h1_size * 1.2);
    pdf_flow_keep_last(f);
    pdf_ctx note = c;
    note.x += size * 1.5;
    note.w -= size * 1.5;
    for (size_t i = 0; i < n; i++) {
        char buf[64], line[64];
        const char *key = pdf_node_key(p, a[i].q, buf, sizeof buf);
        if (i > 0) pdf_flow_space(f, p->L.paragraph_gap * 0.8);
        pdf_front_entry(p, &c, a[i].prompt, key, a[i].q, false, 0);
        pdf_flow_keep_last(f);
        snprintf(line, sizeof line, pdf_phrase(p, OCT_PH_ASKED_IN_N), a[i].asked_in);
        pdf_front_line(p, &note, line, PDF_FAM_BODY, PDF_VAR_I, size * 0.8, p->L.muted, 1.3);
    }
    oct_asked_free(a, n);
    p->cur = saved;
}
