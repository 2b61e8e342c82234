/* Total-fit page breaking (pagefit.c), for pagination (pages.c). */
#ifndef OCT_PDF_PAGEFIT_H
#define OCT_PDF_PAGEFIT_H
#include "pdf/internal.h"

/* A gap (or a ruled line to write on) may stretch by this fraction of its
 * height to bring a page's last line to the foot of the text block. */
#define PDF_GAP_STRETCH 0.6
double pdf_gap_stretch(const pdf_item *it);
/* A chapter's last page that would hold a line or two is pulled back onto
 * the page before, its gaps (not its lines) shrunk by at most this
 * fraction of their height, the page by at most PDF_SQUEEZE_LINES lines
 * of body text: a typographer's tight page, not a page with two lines. */
#define PDF_GAP_SHRINK 0.35
#define PDF_SQUEEZE_LINES 2.0
double pdf_gap_shrink(const pdf_item *it);

/* What the plan says of an item (flags of brk[i]). */
enum {
    PDF_PLAN_PAGE = 1,    /* it opens a page */
    PDF_PLAN_SQUEEZE = 2, /* the page it opens ends the chapter, its gaps shrunk to fit */
};
/* Chooses the page breaks of items [from, to) of f (one chapter) over the
 * whole run, into brk (PDF_PLAN_*; the first page gets no PDF_PLAN_PAGE).
 * side: of the first page, 0 recto, 1 verso, -1 one-sided (no spreads to
 * balance). */
void pdf_plan_breaks(const oct_pdf *p, const pdf_flow *f, size_t from, size_t to, int side,
                     unsigned char *brk);
/* How far the gaps of a page holding items [a, to) (a chapter's end)
 * shrink so that it fits the text block: 0 not at all, 1 by the whole of
 * PDF_GAP_SHRINK. */
double pdf_squeeze_scale(const oct_pdf *p, const pdf_flow *f, size_t a, size_t to);
/* How low a page's last line can come by stretching its gaps (at most the
 * foot of the text block), and stretching them to bring it to `target`. */
double pdf_page_reach(const oct_pdf *p, const pdf_page *pg);
void pdf_page_stretch_to(oct_pdf *p, const pdf_page *pg, double target);

#endif
