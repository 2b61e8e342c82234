/* Pictures in the PDF. Ingest has decoded and checked every picture; PNGs
 * and SVGs arrive as a plain 8-bit RGB(A) PNG that octavo wrote itself,
 * JPEGs as their checked bytes, so libharu's loaders only ever see files
 * they handle. Each picture is loaded once per document and drawn as a
 * block: scaled down (never up) to fit the column and the body height,
 * centred, its caption (the title) below in small italics. The alt text is
 * laid over the picture as invisible text, so it can be searched, copied
 * and read aloud, and no word of the source vanishes from the text. */
#include "pdf/internal.h"
#include "util/xalloc.h"

#include <png.h>
#include <stdlib.h>
#include <string.h>

static const oct_image *image_of(const oct_pdf *p, const oct_node *img)
{
    int k = img && img->kind == OCT_IMAGE ? img->u.link.image : 0;
    if (k <= 0 || (size_t)k > p->tree->nimages) return NULL;
    return &p->tree->images[k - 1];
}

bool pdf_image_available(const oct_pdf *p, const oct_node *img)
{
    return image_of(p, img) != NULL;
}

/* Natural size in points: 96 px an inch unless the file says otherwise
 * (an SVG's size is in CSS px, always 96 an inch). */
static void natural_size(const oct_image *im, double *w, double *h)
{
    double dpi = im->type != OCT_IMAGE_SVG && im->dpi > 0 ? im->dpi : 96.0;
    *w = im->width * 72.0 / dpi;
    *h = im->height * 72.0 / dpi;
}

/* The alt text as invisible lines over the picture, top down, in a size
 * that keeps them inside it (down to 2 pt), so extracted text follows
 * the reading order. */
static void add_alt_text(oct_pdf *p, pdf_item *it, const oct_node *img, double x, double y0,
                         double w, double h)
{
    size_t from = it->nops;
    oct_buf b = OCT_BUF_INIT;
    oct_node_plain_text_to(img, &b);
    double size = p->L.small_size;
    for (int round = 0; b.len > 0; round++) {
        pdf_style st = pdf_style_make(PDF_FAM_BODY, PDF_VAR_R, size, p->L.text);
        pdf_text t = {0};
        pdf_text_add(p, &t, b.data, b.len, &st, round ? NULL : img, false);
        pdf_text_breaks(p, &t);
        pdf_measure m = {.first = w, .rest = w, .mode = PDF_BREAK_GREEDY};
        pdf_line *lines;
        size_t n = pdf_break_lines(&t, &m, &lines);
        double lh = pdf_lh(p, size);
        if ((double)n * lh <= h || size <= 2.0 || round == 6) {
            for (size_t k = 0; k < n; k++)
                pdf_set_line(p, it, &t, &lines[k], x, y0 + pdf_baseline(lh, size) + lh * (double)k,
                             PDF_AL_LEFT);
            b.len = 0; /* done */
        } else {
            size = size * 0.7 < 2.0 ? 2.0 : size * 0.7;
        }
        free(lines);
        pdf_text_free(&t);
    }
    oct_buf_free(&b);
    /* only the glyphs stay, made invisible: no tint, no link areas */
    size_t keep = from;
    for (size_t k = from; k < it->nops; k++) {
        if (it->ops[k].kind == PDF_OP_TEXT) {
            it->ops[keep] = it->ops[k];
            it->ops[keep++].kind = PDF_OP_ALT;
        }
    }
    it->nops = keep;
}

void pdf_figure_shrink(pdf_item *it, double s)
{
    const pdf_op *pic = NULL;
    for (size_t k = 0; k < it->nops && !pic; k++)
        if (it->ops[k].kind == PDF_OP_IMAGE) pic = &it->ops[k];
    if (!pic || s <= 0 || s >= 1) return;
    double x0 = pic->x, nx0 = pic->x + pic->w * (1 - s) / 2; /* the centre stays */
    for (size_t k = 0; k < it->nops; k++) {
        pdf_op *op = &it->ops[k];
        op->x = nx0 + (op->x - x0) * s;
        op->y *= s;
        if (op->kind != PDF_OP_TEXT && op->kind != PDF_OP_ALT && op->kind != PDF_OP_DEST) {
            op->w *= s; /* text ops hold pool offsets there */
            op->h *= s;
        }
        op->size = (float)(op->size * s); /* alt text shrinks with the picture */
    }
    it->h *= s;
    it->min_h = 0;
}

void pdf_image_natural(const oct_pdf *p, const oct_node *img, double *w, double *h)
{
    const oct_image *im = image_of(p, img);
    *w = *h = 0;
    if (im) natural_size(im, w, h);
}

void pdf_image_op(oct_pdf *p, pdf_item *it, const oct_node *img, double x, double y, double w,
                  double h)
{
    pdf_op *op = pdf_item_op(it, PDF_OP_IMAGE);
    op->x = x;
    op->y = y;
    op->w = w;
    op->h = h;
    op->link = img->u.link.image;
    add_alt_text(p, it, img, x, y, w, h);
}

static double caption_height(oct_pdf *p, const pdf_ctx *c, const char *title, pdf_text *t)
{
    if (!title || !*title) return 0;
    pdf_style st = pdf_style_make(PDF_FAM_BODY, PDF_VAR_I, p->L.small_size, p->L.text);
    pdf_text_add(p, t, title, strlen(title), &st, NULL, false);
    pdf_text_breaks(p, t);
    pdf_measure m = {.first = c->w, .rest = c->w, .balance = true, .mode = PDF_BREAK_TOTAL_FIT};
    pdf_line *lines;
    size_t n = pdf_break_lines(t, &m, &lines);
    free(lines);
    return (double)n * pdf_lh(p, p->L.small_size) + p->L.small_size * 0.5;
}

void pdf_layout_figure(oct_pdf *p, const pdf_ctx *c, const oct_node *img)
{
    const oct_image *im = image_of(p, img);
    if (!im) return;
    pdf_text cap = {0};
    double caph = caption_height(p, c, img->u.link.title, &cap);
    double w, h;
    natural_size(im, &w, &h);
    /* never enlarged; shrunk to the column and to a page with its caption */
    double maxh = pdf_body_height(p) - caph - p->L.paragraph_gap;
    if (p->figure_max_h > 0 && maxh > p->figure_max_h) maxh = p->figure_max_h; /* a card */
    double scale = 1.0;
    if (w > c->w) scale = c->w / w;
    if (h * scale > maxh && maxh > 0) scale = maxh / h;
    w *= scale;
    h *= scale;
    if (w < 0.5) w = 0.5;
    if (h < 0.5) h = 0.5;
    double gap = pdf_lh(p, c->size) * 0.4;
    pdf_flow_space(p->cur, gap);
    unsigned flags = cap.n ? PDF_IT_KEEP_NEXT : 0;
    pdf_item *it = pdf_flow_push(p->cur, h, flags);
    pdf_image_op(p, it, img, c->x + (c->w - w) / 2, 0, w, h);
    double min_h = h * PDF_FIG_MIN_SCALE;
    if (min_h < PDF_FIG_MIN_HEIGHT) min_h = PDF_FIG_MIN_HEIGHT;
    if (min_h < h) it->min_h = min_h;
    if (cap.n) {
        pdf_flow_space(p->cur, p->L.small_size * 0.5);
        pdf_flow_keep_last(p->cur);
        pdf_layout_text(p, c, &cap, pdf_lh(p, p->L.small_size), PDF_AL_CENTER, false, false);
    }
    pdf_flow_space(p->cur, gap);
    pdf_text_free(&cap);
}

void pdf_layout_inline_figures(oct_pdf *p, const pdf_ctx *c, const oct_node *para)
{
    oct_iter it;
    oct_iter_init(&it, para);
    oct_event ev;
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE) {
        const oct_node *n = it.cur;
        if (ev != OCT_EV_ENTER || n == para) continue;
        if (n->kind == OCT_ANSWER || n->kind == OCT_WORDING || n->kind == OCT_FOOTNOTE_REF) {
            oct_iter_skip_children(&it);
        } else if (n->kind == OCT_IMAGE && image_of(p, n)) {
            pdf_layout_figure(p, c, n);
            oct_iter_skip_children(&it);
        }
    }
}

/* A raster as libharu raw images (compressed with Flate like every
 * stream): grey when every pixel is grey, an alpha channel as a soft mask
 * only when some pixel is not opaque. libharu's own PNG reader is never
 * used (it cannot recover from a libpng error, and it writes soft masks
 * uncompressed). */
static HPDF_Image load_raster(oct_pdf *p, const oct_image *im)
{
    png_image pi;
    memset(&pi, 0, sizeof pi);
    pi.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&pi, im->raster, im->raster_len)) return NULL;
    pi.format = PNG_FORMAT_RGBA;
    size_t npx = (size_t)pi.width * pi.height;
    unsigned char *rgba = oct_xmalloc(npx * 4);
    if (!png_image_finish_read(&pi, NULL, rgba, 0, NULL)) {
        free(rgba);
        return NULL;
    }
    bool grey = true, opaque = true;
    for (size_t i = 0; i < npx; i++) {
        const unsigned char *q = rgba + i * 4;
        grey &= q[0] == q[1] && q[1] == q[2];
        opaque &= q[3] == 255;
    }
    unsigned char *color = oct_xmalloc(npx * 3), *alpha = oct_xmalloc(npx);
    for (size_t i = 0; i < npx; i++) {
        const unsigned char *q = rgba + i * 4;
        if (grey)
            color[i] = q[0];
        else
            memcpy(color + i * 3, q, 3);
        alpha[i] = q[3];
    }
    free(rgba);
    HPDF_Image h = HPDF_LoadRawImageFromMem(p->doc, color, pi.width, pi.height,
                                            grey ? HPDF_CS_DEVICE_GRAY : HPDF_CS_DEVICE_RGB, 8);
    if (h && !opaque) {
        HPDF_Image mask =
            HPDF_LoadRawImageFromMem(p->doc, alpha, pi.width, pi.height, HPDF_CS_DEVICE_GRAY, 8);
        if (mask) HPDF_Image_AddSMask(h, mask);
    }
    free(color);
    free(alpha);
    return h;
}

/* The libharu image of tree picture k (1-based), loaded on first use. */
static HPDF_Image load(oct_pdf *p, int k)
{
    if (k <= 0 || (size_t)k > p->tree->nimages) return NULL;
    if (!p->himages) p->himages = oct_xcalloc(p->tree->nimages, sizeof *p->himages);
    if (p->himages[k - 1]) return p->himages[k - 1];
    const oct_image *im = &p->tree->images[k - 1];
    HPDF_Image h = NULL;
    if (im->type == OCT_IMAGE_JPEG)
        h = HPDF_LoadJpegImageFromMem(p->doc, im->data, (HPDF_UINT)im->len);
    else if (im->raster)
        h = load_raster(p, im);
    if (pdf_check(p, "loading a picture") != 0) return NULL;
    p->himages[k - 1] = h;
    return h;
}

/* The image matrix that draws a JPEG stored turned (EXIF orientation
 * 2..8) upright in the box (x, y) .. (x + w, y + h), y the bottom edge:
 * the unit square of the stored picture is mirrored or turned onto it. */
static void orient_matrix(int o, double x, double y, double w, double h, double m[6])
{
    static const double unit[9][6] = {
        {1, 0, 0, 1, 0, 0},   {1, 0, 0, 1, 0, 0},  {-1, 0, 0, 1, 1, 0},
        {-1, 0, 0, -1, 1, 1}, {1, 0, 0, -1, 0, 1}, {0, -1, -1, 0, 1, 1},
        {0, -1, 1, 0, 0, 1},  {0, 1, 1, 0, 0, 0},  {0, 1, -1, 0, 1, 0},
    };
    const double *u = unit[o >= 1 && o <= 8 ? o : 1];
    /* columns of u act on the box: x-ish terms scale by w, y-ish by h */
    m[0] = u[0] * w;
    m[1] = u[1] * h;
    m[2] = u[2] * w;
    m[3] = u[3] * h;
    m[4] = x + u[4] * w;
    m[5] = y + u[5] * h;
}

void pdf_paint_image(oct_pdf *p, HPDF_Page pg, oct_buf *out, const pdf_op *op, double x, double top)
{
    HPDF_Image h = load(p, op->link);
    if (!h) return;
    const oct_image *im = &p->tree->images[op->link - 1];
    double m[6] = {op->w, 0, 0, op->h, x, top - op->h};
    if (im->type == OCT_IMAGE_JPEG && im->orientation >= 2)
        orient_matrix(im->orientation, x, top - op->h, op->w, op->h, m);
    pdf_content_xobject(out, pg, h, m);
}
