/* What the booklet's own back matter (To research, the answer key) opens
 * with: a new page, its title as a level-1 heading with a destination,
 * and an entry in the contents and the outline. */
#include "pdf/internal.h"
#include "util/xalloc.h"

#include <string.h>

void pdf_appendix_heading(oct_pdf *p, const char *key, const char *title)
{
    OCT_GROW(p->heads, p->capheads, p->nheads + 1);
    pdf_heading *h = &p->heads[p->nheads++];
    memset(h, 0, sizeof *h);
    h->level = 0;
    h->title = oct_xstrdup(title);
    h->key = oct_xstrdup(key);
}

void pdf_appendix_open(oct_pdf *p, const pdf_ctx *c, const char *key, const char *title)
{
    pdf_item *strut = pdf_flow_push(p->cur, pdf_body_height(p) * 0.06,
                                    PDF_IT_NEW_PAGE | PDF_IT_OPENER | PDF_IT_KEEP_NEXT);
    pdf_item_dest(p, strut, key, 0);
    pdf_appendix_heading(p, key, title);
    pdf_style st = pdf_style_make(PDF_FAM_HEAD, PDF_VAR_B, p->L.h1_size, p->L.heading_color);
    pdf_text t = {0};
    pdf_text_add(p, &t, title, strlen(title), &st, NULL, false);
    pdf_layout_text(p, c, &t, p->L.h1_size * 1.18, PDF_AL_LEFT, false, true);
    pdf_text_free(&t);
    pdf_flow_space(p->cur, pdf_lh(p, p->L.body_size));
    pdf_flow_keep_last(p->cur);
}
