/* Colour emoji as pictures: the glyph's bitmap in a colour font (Noto
 * Color Emoji's CBDT strike, read with FreeType) becomes one image XObject
 * per glyph, i.e. per distinct emoji sequence (shaping already turned a
 * ZWJ sequence, a flag or a keycap into one glyph), with its alpha as a
 * soft mask. Painting puts it over the glyph's invisible text (paint.c).
 *
 * The strike is 109 pixels per em; it is halved (2 x 2 box filter) before
 * it is stored: about 250 dpi at a 16 pt heading, sharp in print, and a
 * quarter of the bytes. The bitmaps of the glyphs drawn are decoded ahead,
 * on the fonts' worker while the pages are painted (pdf_emoji_prepare);
 * the images are made on this thread at first use. */
#include "pdf/face.h"
#include "pdf/internal.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* A glyph's picture as pixels: straight RGB and alpha planes, and where
 * it sits (em). */
typedef struct {
    unsigned char *rgb, *alpha; /* NULL: none */
    unsigned w, h;
    float box[4];
} planes;

struct pdf_emoji_cache {
    HPDF_Image *img; /* per glyph id, made on first use */
    float (*box)[4];
    unsigned char *tried; /* per glyph id: 1 once looked at */
    planes *ready;        /* per glyph id: decoded ahead (pdf_emoji_prepare) */
    bool sized;           /* the largest strike is selected */
};

/* The largest bitmap strike (emoji fonts have one or a few). */
static bool select_strike(FT_Face face)
{
    if (face->num_fixed_sizes <= 0) return false;
    int best = 0;
    for (int i = 1; i < face->num_fixed_sizes; i++)
        if (face->available_sizes[i].y_ppem > face->available_sizes[best].y_ppem) best = i;
    return FT_Select_Size(face, best) == 0;
}

/* The sums of the source pixels under output pixel (x, y) into sum[4]
 * (B, G, R, A); returns how many there were. */
static unsigned box_sum(const FT_Bitmap *bm, unsigned step, unsigned x, unsigned y, unsigned sum[4])
{
    unsigned n = 0;
    sum[0] = sum[1] = sum[2] = sum[3] = 0;
    if (step == 2 && 2 * x + 1 < bm->width && 2 * y + 1 < bm->rows) { /* nearly every pixel */
        const unsigned char *a = bm->buffer + (size_t)(2 * y) * (size_t)bm->pitch + 8 * (size_t)x;
        const unsigned char *b = a + bm->pitch;
        for (int c = 0; c < 4; c++)
            sum[c] = (unsigned)a[c] + a[c + 4] + b[c] + b[c + 4];
        return 4;
    }
    for (unsigned dy = 0; dy < step; dy++) {
        for (unsigned dx = 0; dx < step; dx++) {
            unsigned sx = x * step + dx, sy = y * step + dy;
            if (sx >= bm->width || sy >= bm->rows) continue;
            const unsigned char *px = bm->buffer + (size_t)sy * (size_t)bm->pitch + sx * 4;
            for (int c = 0; c < 4; c++)
                sum[c] += px[c];
            n++;
        }
    }
    return n;
}

/* Premultiplied BGRA -> straight RGB and alpha, halved when large. */
static void to_planes(const FT_Bitmap *bm, unsigned step, unsigned w, unsigned h,
                      unsigned char *rgb, unsigned char *alpha)
{
    for (unsigned y = 0; y < h; y++) {
        for (unsigned x = 0; x < w; x++) {
            unsigned sum[4];
            unsigned n = box_sum(bm, step, x, y, sum);
            unsigned a = n ? sum[3] / n : 0;
            unsigned char *o = rgb + ((size_t)y * w + x) * 3;
            for (int c = 0; c < 3; c++) { /* BGR, premultiplied by alpha */
                unsigned v = a ? (sum[2 - c] / n * 255 + a / 2) / a : 0;
                o[c] = (unsigned char)(v > 255 ? 255 : v);
            }
            alpha[(size_t)y * w + x] = (unsigned char)a;
        }
    }
}

/* Glyph gid's bitmap as planes (false: it has none). */
static bool decode(pdf_face *fc, unsigned gid, planes *out)
{
    FT_Face face = fc->face;
    if (FT_Load_Glyph(face, gid, FT_LOAD_COLOR) != 0) return false;
    const FT_Bitmap *bm = &face->glyph->bitmap;
    if (bm->pixel_mode != FT_PIXEL_MODE_BGRA || bm->width == 0 || bm->rows == 0 || bm->pitch <= 0)
        return false;
    double ppem = face->size->metrics.y_ppem;
    if (ppem <= 0) return false;
    unsigned step = bm->width >= 64 && bm->rows >= 64 ? 2 : 1;
    out->w = (bm->width + step - 1) / step;
    out->h = (bm->rows + step - 1) / step;
    out->rgb = oct_xmalloc((size_t)out->w * out->h * 3);
    out->alpha = oct_xmalloc((size_t)out->w * out->h);
    to_planes(bm, step, out->w, out->h, out->rgb, out->alpha);
    out->box[0] = (float)(face->glyph->bitmap_left / ppem);
    out->box[1] = (float)((face->glyph->bitmap_top - (int)bm->rows) / ppem);
    out->box[2] = (float)(bm->width / ppem);
    out->box[3] = (float)(bm->rows / ppem);
    return true;
}

static void drop_planes(planes *pl)
{
    free(pl->rgb);
    free(pl->alpha);
    *pl = (planes){0};
}

static HPDF_Image make_image(pdf_face *fc, HPDF_Doc doc, unsigned gid, float box[4])
{
    pdf_emoji_cache *c = fc->emoji;
    planes pl = {0};
    if (c->ready && c->ready[gid].rgb) {
        pl = c->ready[gid];
        c->ready[gid] = (planes){0};
    } else if (!decode(fc, gid, &pl)) {
        return NULL;
    }
    HPDF_Image img = HPDF_LoadRawImageFromMem(doc, pl.rgb, pl.w, pl.h, HPDF_CS_DEVICE_RGB, 8);
    HPDF_Image mask =
        img ? HPDF_LoadRawImageFromMem(doc, pl.alpha, pl.w, pl.h, HPDF_CS_DEVICE_GRAY, 8) : NULL;
    memcpy(box, pl.box, sizeof pl.box);
    drop_planes(&pl);
    if (!mask || HPDF_Image_AddSMask(img, mask) != HPDF_OK) return NULL;
    return img;
}

/* fc's cache, made on first use; NULL when the face has no strike. */
static pdf_emoji_cache *cache_of(pdf_face *fc)
{
    pdf_emoji_cache *c = fc->emoji;
    if (!c) {
        c = fc->emoji = oct_xcalloc(1, sizeof *c);
        c->img = oct_xcalloc(fc->nglyphs, sizeof *c->img);
        c->box = oct_xcalloc(fc->nglyphs, sizeof *c->box);
        c->tried = oct_xcalloc(fc->nglyphs, 1);
        c->sized = select_strike(fc->face);
    }
    return c->sized ? c : NULL;
}

void pdf_emoji_prepare(pdf_face *fc)
{
    if (!fc->face || !fc->drawn) return;
    pdf_emoji_cache *c = cache_of(fc);
    if (!c) return;
    if (!c->ready) c->ready = oct_xcalloc(fc->nglyphs, sizeof *c->ready);
    for (unsigned g = 1; g < fc->nglyphs; g++)
        if (fc->drawn[g] && !c->ready[g].rgb) decode(fc, g, &c->ready[g]);
}

HPDF_Image pdf_emoji_image(pdf_face *fc, HPDF_Doc doc, unsigned gid, double box[4])
{
    if (!fc->face || gid >= fc->nglyphs) return NULL;
    pdf_emoji_cache *c = cache_of(fc);
    if (!c) return NULL;
    if (!c->tried[gid]) {
        c->tried[gid] = 1;
        c->img[gid] = make_image(fc, doc, gid, c->box[gid]);
    }
    for (int k = 0; k < 4; k++)
        box[k] = c->box[gid][k];
    return c->img[gid];
}

void pdf_emoji_free(pdf_emoji_cache *c, unsigned nglyphs)
{
    if (!c) return;
    for (unsigned g = 0; c->ready && g < nglyphs; g++)
        drop_planes(&c->ready[g]);
    free(c->ready);
    free(c->img);
    free(c->box);
    free(c->tried);
    free(c);
}
