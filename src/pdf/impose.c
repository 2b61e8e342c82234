/* Saddle-stitch imposition (layout key `impose:`, README "Saddle-stitch
 * booklets"): the logical pages, laid out and numbered as ever, are painted
 * two-up on landscape sheet sides in folding order.
 *
 * Pages are padded with blank ones to a multiple of 4 per signature. In a
 * signature of m pages (t = m / 4 sheets), sheet s (0: outermost) holds,
 * 0-based from the signature's first page b:
 *   front: left b + m-1-2s, right b + 2s
 *   back:  left b + 2s+1,   right b + m-2-2s
 * so that a stack printed duplex (flipped on the short edge), folded and
 * stapled reads in order. Signatures of k sheets take 4k pages each; the
 * last one only the sheets its pages need, so the booklet has
 * ceil(pages / 4) sheets whatever k is.
 *
 * The two pages meet at the sheet's centre (the fold), centred vertically.
 * Creep: inner sheets of a signature stick out at the fore-edge once
 * folded and lose more of it when trimmed, so the pages of sheet s move
 * s * creep toward the fold. Crop marks stay at the untrimmed page's
 * corners (where the guillotine cuts), outside the page. */
#include "pdf/internal.h"
#include "util/xalloc.h"

#include <stdlib.h>

struct pdf_impose {
    HPDF_Page *sides; /* 2 per sheet: front, back */
    size_t nsheets, nsignatures;
    double (*off)[2]; /* per logical page: where its lower-left corner goes */
};

/* Length of a crop mark and its gap from the page corner, points. */
#define MARK_LEN 7.0
#define MARK_GAP 2.0

static double sheet_w(const oct_pdf *p)
{
    return p->L.impose.sheet_width > 0 ? p->L.impose.sheet_width : 2 * p->L.page_width;
}

static double sheet_h(const oct_pdf *p)
{
    return p->L.impose.sheet_height > 0 ? p->L.impose.sheet_height : p->L.page_height;
}

/* Left edge of the untrimmed page on the left (right = false) or right half. */
static double half_x(const oct_pdf *p, bool right)
{
    return sheet_w(p) / 2 - (right ? 0 : p->L.page_width);
}

/* Places logical page `page` (none when past the end: a blank) on side
 * `side`, left or right half, on sheet s of its signature. */
static void place(oct_pdf *p, size_t page, size_t side, bool right, size_t s)
{
    if (page >= p->npages) return;
    double creep = (double)s * p->L.impose.creep;
    p->hpages[page] = p->imp->sides[side];
    p->imp->off[page][0] = half_x(p, right) + (right ? -creep : creep);
    p->imp->off[page][1] = (sheet_h(p) - p->L.page_height) / 2;
}

/* Short lines outside the page corners; none across the fold. */
static void crop_marks(oct_pdf *p, HPDF_Page pg, bool right)
{
    double x0 = half_x(p, right), x1 = x0 + p->L.page_width;
    double y0 = (sheet_h(p) - p->L.page_height) / 2, y1 = y0 + p->L.page_height;
    HPDF_Page_SetLineWidth(pg, 0.25f);
    HPDF_Page_SetGrayStroke(pg, 0);
    double outer = right ? x1 : x0, dir = right ? 1 : -1;
    for (int k = 0; k < 2; k++) {
        double y = k ? y1 : y0, ydir = k ? 1 : -1;
        if (sheet_w(p) - 2 * p->L.page_width >= 2 * (MARK_GAP + MARK_LEN)) {
            HPDF_Page_MoveTo(pg, (HPDF_REAL)(outer + dir * MARK_GAP), (HPDF_REAL)y);
            HPDF_Page_LineTo(pg, (HPDF_REAL)(outer + dir * (MARK_GAP + MARK_LEN)), (HPDF_REAL)y);
        }
        if (sheet_h(p) - p->L.page_height >= 2 * (MARK_GAP + MARK_LEN)) {
            for (int e = 0; e < 2; e++) { /* both vertical edges; the fold's drawn twice is fine */
                double x = e ? x1 : x0;
                HPDF_Page_MoveTo(pg, (HPDF_REAL)x, (HPDF_REAL)(y + ydir * MARK_GAP));
                HPDF_Page_LineTo(pg, (HPDF_REAL)x, (HPDF_REAL)(y + ydir * (MARK_GAP + MARK_LEN)));
            }
        }
    }
    HPDF_Page_Stroke(pg);
}

/* The signatures' sheets: pages [b, b + 4 * sheets) each. */
static void impose_signature(oct_pdf *p, size_t b, size_t sheets, size_t first_sheet)
{
    size_t m = 4 * sheets;
    for (size_t s = 0; s < sheets; s++) {
        size_t front = 2 * (first_sheet + s), back = front + 1;
        place(p, b + m - 1 - 2 * s, front, false, s);
        place(p, b + 2 * s, front, true, s);
        place(p, b + 2 * s + 1, back, false, s);
        place(p, b + m - 2 - 2 * s, back, true, s);
    }
}

int pdf_impose_pages(oct_pdf *p)
{
    pdf_impose *im = p->imp = oct_xcalloc(1, sizeof *p->imp);
    size_t n = p->npages ? p->npages : 1;
    im->nsheets = (n + 3) / 4;
    size_t k = p->L.impose.signature > 0 ? (size_t)p->L.impose.signature : im->nsheets;
    im->nsignatures = (im->nsheets + k - 1) / k;
    im->sides = oct_xcalloc(2 * im->nsheets, sizeof *im->sides);
    im->off = oct_xcalloc(n, sizeof *im->off);
    for (size_t i = 0; i < 2 * im->nsheets; i++) {
        im->sides[i] = pdf_add_page(p, sheet_w(p), sheet_h(p));
    }
    if (pdf_check(p, "creating sheets") != 0) return -1;
    for (size_t g = 0; g < im->nsignatures; g++) {
        size_t first = g * k, sheets = im->nsheets - first < k ? im->nsheets - first : k;
        impose_signature(p, 4 * first, sheets, first);
    }
    if (p->L.impose.crop_marks)
        for (size_t i = 0; i < 2 * im->nsheets; i++) {
            crop_marks(p, im->sides[i], false);
            crop_marks(p, im->sides[i], true);
        }
    return pdf_check(p, "drawing crop marks");
}

void pdf_page_offset(const oct_pdf *p, size_t i, double *dx, double *dy)
{
    *dx = p->imp && i < p->npages ? p->imp->off[i][0] : 0;
    *dy = p->imp && i < p->npages ? p->imp->off[i][1] : 0;
}

size_t pdf_impose_sheets(const oct_pdf *p, size_t *signatures)
{
    if (signatures) *signatures = p->imp ? p->imp->nsignatures : 0;
    return p->imp ? p->imp->nsheets : 0;
}

void pdf_impose_free(oct_pdf *p)
{
    if (!p->imp) return;
    free(p->imp->sides);
    free(p->imp->off);
    free(p->imp);
    p->imp = NULL;
}
