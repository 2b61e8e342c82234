/* The "Most asked" page: after the contents, the question clusters asked
 * in the most sources, each under its clearest wording with the folio of
 * that question and a link to it (study/bank.h chooses and orders them). */
#include "pdf/internal.h"
#include "study/bank.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Enough for a page or two: a reader looking for what comes up most does
 * not want the whole bank again. */
#define MOST_ASKED_MAX 30

void pdf_layout_most_asked(oct_pdf *p, pdf_flow *f)
{
    oct_asked *a;
    size_t n = oct_bank_most_asked(&p->bank, MOST_ASKED_MAX, &a);
    if (n == 0) return;
    pdf_flow *saved = p->cur;
    pdf_ctx c = pdf_front_open(p, f, PDF_MOST_ASKED_KEY, pdf_phrase(p, OCT_PH_MOST_ASKED));
    const pdf_ctx page = c; /* the whole column, which right-to-left entries mirror */
    double size = c.size;
    /* numbers ("178.") right-aligned in a column of their own, so every
     * prompt starts at the same place */
    pdf_style ls = pdf_style_make(PDF_FAM_BODY, PDF_VAR_R, p->L.body_size, p->L.muted);
    pdf_text *labels = oct_xcalloc(n, sizeof *labels);
    double numw = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len = a[i].label_len > 0 ? a[i].label_len - 1 : 0; /* without its space */
        /* right to left, the period stands between number and prompt: ".12" */
        bool flip = len > 1 && a[i].prompt[len - 1] == '.' && pdf_text_rtl(a[i].prompt + len);
        if (flip) pdf_text_add(p, &labels[i], ".", 1, &ls, a[i].q, false);
        pdf_text_add(p, &labels[i], a[i].prompt, len - flip, &ls, a[i].q, false);
        double w = pdf_text_width(&labels[i], 0, labels[i].n);
        if (w > numw) numw = w;
    }
    if (numw > 0) {
        c.x += numw + size * 0.5;
        c.w -= numw + size * 0.5;
    }
    pdf_ctx note = c;
    note.x += size * 1.5;
    note.w -= size * 1.5;
    for (size_t i = 0; i < n; i++) {
        char buf[64], line[64];
        const char *key = pdf_node_key(p, a[i].q, buf, sizeof buf);
        if (i > 0) pdf_flow_space(f, p->L.paragraph_gap * 0.8);
        size_t first = f->n;
        /* laid out for left-to-right text, mirrored for a prompt that runs
         * from the right: its number on the right, its note indented there */
        const char *prompt = a[i].prompt + a[i].label_len;
        bool rtl = pdf_text_rtl(prompt);
        pdf_ctx ec = c, nc = note;
        ec.x = pdf_flip(&page, rtl, c.x, c.w);
        nc.x = pdf_flip(&page, rtl, note.x, note.w);
        pdf_front_entry(p, &ec, prompt, key, a[i].q, false, 0);
        double lw = pdf_text_width(&labels[i], 0, labels[i].n), right = c.x - size * 0.5;
        if (labels[i].n)
            pdf_attach_label(p, first, &labels[i], pdf_flip(&page, rtl, right - lw, lw) + lw);
        pdf_flow_keep_last(f);
        snprintf(line, sizeof line, pdf_phrase(p, OCT_PH_ASKED_IN_N), a[i].asked_in);
        pdf_front_line(p, &nc, line, PDF_FAM_BODY, PDF_VAR_I, size * 0.8, p->L.muted, 1.3);
        pdf_text_free(&labels[i]);
    }
    free(labels);
    oct_asked_free(a, n);
    p->cur = saved;
}
