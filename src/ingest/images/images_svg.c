/* SVG pictures are rasterised with librsvg, once, at ingest. The handle is
 * made from memory with no base file, and librsvg resolves every external
 * reference (<image href>, <use href="other.svg#x">, xi:include, CSS
 * @import) against that base: without one, only data: URLs load, so an
 * SVG can neither read a file nor reach the network. External XML
 * entities are never loaded by librsvg either.
 *
 * librsvg is opened (dlopen) the first time an SVG comes up, not linked:
 * it brings cairo, pango, gio and the X libraries, and loading and
 * relocating them took about 4 ms of every run, SVG or not. */
#include "ingest/images/images.h"
#include "util/dynlib.h"
#include "util/xalloc.h"

#include <librsvg/rsvg.h>
#include <math.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The functions used, looked up in librsvg and the libraries it loads. */
static struct {
    bool ok;
    gboolean (*size_in_pixels)(RsvgHandle *, gdouble *, gdouble *);
    void (*dimensions)(RsvgHandle *, gboolean *, RsvgLength *, gboolean *, RsvgLength *, gboolean *,
                       RsvgRectangle *);
    gboolean (*render_document)(RsvgHandle *, cairo_t *, const RsvgRectangle *, GError **);
    RsvgHandle *(*new_from_stream_sync)(GInputStream *, GFile *, RsvgHandleFlags, GCancellable *,
                                        GError **);
    void (*set_dpi)(RsvgHandle *, double);
    cairo_surface_t *(*surface_create)(cairo_format_t, int, int);
    cairo_t *(*create)(cairo_surface_t *);
    cairo_status_t (*status)(cairo_t *);
    void (*surface_flush)(cairo_surface_t *);
    unsigned char *(*surface_data)(cairo_surface_t *);
    int (*surface_stride)(cairo_surface_t *);
    void (*destroy)(cairo_t *);
    void (*surface_destroy)(cairo_surface_t *);
    void (*error_free)(GError *);
    GInputStream *(*stream_from_data)(const void *, gssize, GDestroyNotify);
    void (*object_unref)(gpointer);
} rsvg;
static pthread_once_t rsvg_once = PTHREAD_ONCE_INIT;

static void open_rsvg(void)
{
    static const char *const NAMES[] = {
        "rsvg_handle_get_intrinsic_size_in_pixels",
        "rsvg_handle_get_intrinsic_dimensions",
        "rsvg_handle_render_document",
        "rsvg_handle_new_from_stream_sync",
        "rsvg_handle_set_dpi",
        "cairo_image_surface_create",
        "cairo_create",
        "cairo_status",
        "cairo_surface_flush",
        "cairo_image_surface_get_data",
        "cairo_image_surface_get_stride",
        "cairo_destroy",
        "cairo_surface_destroy",
        "g_error_free",
        "g_memory_input_stream_new_from_data",
        "g_object_unref",
    };
    void *const fns[] = {
        &rsvg.size_in_pixels,   &rsvg.dimensions,
        &rsvg.render_document,  &rsvg.new_from_stream_sync,
        &rsvg.set_dpi,          &rsvg.surface_create,
        &rsvg.create,           &rsvg.status,
        &rsvg.surface_flush,    &rsvg.surface_data,
        &rsvg.surface_stride,   &rsvg.destroy,
        &rsvg.surface_destroy,  &rsvg.error_free,
        &rsvg.stream_from_data, &rsvg.object_unref,
    };
    /* the library stays loaded for the rest of the run */
    rsvg.ok = oct_dl_load("librsvg-2.so.2", NAMES, fns, sizeof NAMES / sizeof *NAMES);
}

/* Natural size in CSS px (96 per inch): width/height, else the viewBox,
 * else a default. */
static void natural_size(RsvgHandle *h, double *w, double *ht)
{
    *w = *ht = 0;
    if (rsvg.size_in_pixels(h, w, ht) && *w > 0 && *ht > 0) return;
    gboolean has_w, has_h, has_vb;
    RsvgLength lw, lh;
    RsvgRectangle vb;
    rsvg.dimensions(h, &has_w, &lw, &has_h, &lh, &has_vb, &vb);
    if (has_vb && vb.width > 0 && vb.height > 0) {
        /* width="100%" and a viewBox: the viewBox's units as px */
        *w = vb.width;
        *ht = vb.height;
        return;
    }
    *w = 300;
    *ht = 150; /* the CSS default size of a replaced element */
}

/* cairo's ARGB32 (premultiplied, native-endian words) → straight RGBA bytes. */
static void unpremultiply(const unsigned char *src, int stride, int w, int h, unsigned char *dst)
{
    for (int y = 0; y < h; y++) {
        const uint32_t *row = (const uint32_t *)(const void *)(src + (size_t)y * stride);
        for (int x = 0; x < w; x++) {
            uint32_t p = row[x];
            unsigned a = p >> 24, r = (p >> 16) & 255, g = (p >> 8) & 255, b = p & 255;
            unsigned char *o = dst + ((size_t)y * w + x) * 4;
            if (a == 0) {
                o[0] = o[1] = o[2] = o[3] = 0;
                continue;
            }
            o[0] = (unsigned char)((r * 255 + a / 2) / a);
            o[1] = (unsigned char)((g * 255 + a / 2) / a);
            o[2] = (unsigned char)((b * 255 + a / 2) / a);
            o[3] = (unsigned char)a;
        }
    }
}

static int render(RsvgHandle *h, int rw, int rh, oct_image_info *info)
{
    int rc = -1;
    cairo_surface_t *s = rsvg.surface_create(CAIRO_FORMAT_ARGB32, rw, rh);
    cairo_t *cr = rsvg.create(s);
    GError *err = NULL;
    RsvgRectangle vp = {0, 0, rw, rh};
    if (rsvg.status(cr) != CAIRO_STATUS_SUCCESS) {
        snprintf(info->why, sizeof info->why, "cannot make a %d x %d raster", rw, rh);
    } else if (!rsvg.render_document(h, cr, &vp, &err)) {
        snprintf(info->why, sizeof info->why, "damaged SVG: %s",
                 err && err->message ? err->message : "librsvg cannot draw it");
    } else {
        rsvg.surface_flush(s);
        unsigned char *rgba = oct_xmalloc((size_t)rw * (size_t)rh * 4);
        unpremultiply(rsvg.surface_data(s), rsvg.surface_stride(s), rw, rh, rgba);
        rc = oct_image_write_png(rgba, rw, rh, 4, &info->raster, &info->raster_len, info->why,
                                 sizeof info->why);
        free(rgba);
    }
    if (err) rsvg.error_free(err);
    rsvg.destroy(cr);
    rsvg.surface_destroy(s);
    return rc;
}

static bool declares_entities(const unsigned char *data, size_t len)
{
    for (const unsigned char *p = data; (p = memchr(p, '<', len - (size_t)(p - data))); p++)
        if (len - (size_t)(p - data) >= 8 && memcmp(p, "<!ENTITY", 8) == 0) return true;
    return false;
}

int oct_image_decode_svg(const unsigned char *data, size_t len, oct_image_info *info)
{
    /* Entity declarations are how an SVG expands itself (a "billion
     * laughs") or reaches for other files; pictures in notes never need
     * them, and librsvg leaks what libxml2 parses of them. */
    if (declares_entities(data, len)) {
        snprintf(info->why, sizeof info->why, "SVG declares entities (<!ENTITY>); not read");
        return -1;
    }
    pthread_once(&rsvg_once, open_rsvg);
    if (!rsvg.ok) {
        snprintf(info->why, sizeof info->why,
                 "SVG not read: librsvg (librsvg-2.so.2) cannot be loaded");
        return -1;
    }
    GError *err = NULL;
    GInputStream *in = rsvg.stream_from_data(data, (gssize)len, NULL);
    RsvgHandle *h = rsvg.new_from_stream_sync(in, NULL, RSVG_HANDLE_FLAGS_NONE, NULL, &err);
    rsvg.object_unref(in);
    if (!h) {
        snprintf(info->why, sizeof info->why, "damaged SVG: %s",
                 err && err->message ? err->message : "librsvg cannot read it");
        if (err) rsvg.error_free(err);
        return -1;
    }
    rsvg.set_dpi(h, 96);
    double w, ht;
    natural_size(h, &w, &ht);
    int rc = -1;
    if (!(w >= 1 && ht >= 1 && w <= OCT_IMAGE_MAX_SIDE && ht <= OCT_IMAGE_MAX_SIDE)) {
        snprintf(info->why, sizeof info->why, "SVG size %.0f x %.0f px is outside the limits", w,
                 ht);
        goto out;
    }
    /* twice the natural size (sharp in print at the 96 px/in scale), but
     * no side beyond OCT_SVG_MAX_RASTER */
    double scale = 2.0, longest = w > ht ? w : ht;
    if (longest * scale > OCT_SVG_MAX_RASTER) scale = OCT_SVG_MAX_RASTER / longest;
    int rw = (int)lround(w * scale), rh = (int)lround(ht * scale);
    if (rw < 1) rw = 1;
    if (rh < 1) rh = 1;
    info->type = OCT_IMAGE_SVG;
    info->width = (int)lround(w);
    info->height = (int)lround(ht);
    if (info->width < 1) info->width = 1;
    if (info->height < 1) info->height = 1;
    info->raster_width = rw;
    info->raster_height = rh;
    rc = render(h, rw, rh, info);
out:
    rsvg.object_unref(h);
    return rc;
}
