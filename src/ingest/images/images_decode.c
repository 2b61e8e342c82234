/* Decoding pictures completely before any backend sees them: libharu
 * aborts the process on a damaged PNG, so every PNG is read to its end
 * with libpng and written again as a plain 8-bit RGB(A) PNG, and every
 * JPEG is decoded to its last scanline with libjpeg. Both libraries report
 * errors by longjmp out of a callback (libpng's default prints, libjpeg's
 * default exits the process), so each decoder keeps its heap state in a
 * struct reached through a pointer that does not change after setjmp. */
#include "ingest/images/images.h"
#include "util/buf.h"
#include "util/xalloc.h"

#include <png.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h> /* after stdio.h: it needs FILE and size_t */
#include <jerror.h>

static void set_why(oct_image_info *info, const char *msg)
{
    snprintf(info->why, sizeof info->why, "%s", msg);
}

static int side_ok(oct_image_info *info, unsigned long w, unsigned long h)
{
    if (w == 0 || h == 0 || w > OCT_IMAGE_MAX_SIDE || h > OCT_IMAGE_MAX_SIDE ||
        (unsigned long long)w * h > OCT_IMAGE_MAX_PIXELS) {
        snprintf(info->why, sizeof info->why,
                 "%lu x %lu pixels is outside the limits (%d px a side, %u pixels)", w, h,
                 OCT_IMAGE_MAX_SIDE, OCT_IMAGE_MAX_PIXELS);
        return 0;
    }
    return 1;
}

/* ---- PNG ---------------------------------------------------------------- */

typedef struct {
    const unsigned char *data;
    size_t len, pos;
    char msg[160];
    unsigned char *pixels;
    png_bytep *rows;
    oct_buf out;
} png_job;

static void png_err(png_structp png, png_const_charp msg)
{
    png_job *j = png_get_error_ptr(png);
    snprintf(j->msg, sizeof j->msg, "%s", msg ? msg : "libpng error");
    png_longjmp(png, 1);
}

static void png_warn(png_structp png, png_const_charp msg)
{
    (void)png;
    (void)msg; /* ancillary trouble (a bad text chunk) does not spoil the picture */
}

static void png_read_mem(png_structp png, png_bytep out, size_t n)
{
    png_job *j = png_get_io_ptr(png);
    if (n > j->len - j->pos) png_error(png, "the file ends early (truncated)");
    memcpy(out, j->data + j->pos, n);
    j->pos += n;
}

static void png_write_mem(png_structp png, png_bytep in, size_t n)
{
    png_job *j = png_get_io_ptr(png);
    oct_buf_put(&j->out, in, n);
}

static void png_flush_mem(png_structp png)
{
    (void)png;
}

int oct_image_write_png(const unsigned char *pixels, int w, int h, int channels,
                        unsigned char **out, size_t *out_len, char *why, size_t whysz)
{
    png_job *j = oct_xcalloc(1, sizeof *j);
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, j, png_err, png_warn);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    int rc = -1;
    if (!info) goto out;
    j->rows = oct_xmalloc((size_t)h * sizeof *j->rows);
    for (int y = 0; y < h; y++)
        j->rows[y] = (png_bytep)pixels + (size_t)y * (size_t)w * (size_t)channels;
    if (setjmp(png_jmpbuf(png))) goto out;
    png_set_write_fn(png, j, png_write_mem, png_flush_mem);
    png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8,
                 channels == 4 ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    png_write_image(png, j->rows);
    png_write_end(png, NULL);
    *out_len = j->out.len;
    *out = (unsigned char *)oct_buf_detach(&j->out);
    rc = 0;
out:
    if (rc != 0 && why) snprintf(why, whysz, "cannot write PNG: %s", j->msg);
    png_destroy_write_struct(&png, &info);
    free(j->rows);
    oct_buf_free(&j->out);
    free(j);
    return rc;
}

/* Every colour type and depth becomes 8-bit RGB or RGBA: palettes and
 * grey expanded, tRNS made an alpha channel, 16-bit cut to 8. */
static void png_normalize(png_structp png, png_infop info)
{
    png_set_expand(png);
    png_set_strip_16(png);
    png_set_gray_to_rgb(png);
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
}

static void png_dpi(png_structp png, png_infop info, oct_image_info *out)
{
    png_uint_32 xr, yr;
    int unit;
    if (png_get_pHYs(png, info, &xr, &yr, &unit) && unit == PNG_RESOLUTION_METER && xr > 0 &&
        xr == yr) {
        double dpi = xr * 0.0254;
        if (dpi >= 24 && dpi <= 2400) out->dpi = dpi;
    }
}

static int decode_png(const unsigned char *data, size_t len, oct_image_info *out)
{
    png_job *j = oct_xcalloc(1, sizeof *j);
    j->data = data;
    j->len = len;
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, j, png_err, png_warn);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    int rc = -1;
    if (!info) {
        set_why(out, "out of memory in libpng");
        goto out;
    }
    if (setjmp(png_jmpbuf(png))) {
        snprintf(out->why, sizeof out->why, "damaged PNG: %.150s", j->msg);
        goto out;
    }
    png_set_read_fn(png, j, png_read_mem);
    png_read_info(png, info);
    png_uint_32 w = png_get_image_width(png, info), h = png_get_image_height(png, info);
    if (!side_ok(out, w, h)) goto out;
    png_dpi(png, info, out);
    png_normalize(png, info);
    int channels = png_get_channels(png, info);
    size_t rowbytes = png_get_rowbytes(png, info);
    if ((channels != 3 && channels != 4) || rowbytes != (size_t)w * (size_t)channels) {
        set_why(out, "unexpected PNG layout after conversion");
        goto out;
    }
    j->pixels = oct_xmalloc(rowbytes * h);
    j->rows = oct_xmalloc(h * sizeof *j->rows);
    for (png_uint_32 y = 0; y < h; y++)
        j->rows[y] = j->pixels + (size_t)y * rowbytes;
    png_read_image(png, j->rows);
    png_read_end(png, NULL); /* the stream must end properly too (IEND, CRCs) */
    out->type = OCT_IMAGE_PNG;
    out->width = out->raster_width = (int)w;
    out->height = out->raster_height = (int)h;
    rc = oct_image_write_png(j->pixels, (int)w, (int)h, channels, &out->raster, &out->raster_len,
                             out->why, sizeof out->why);
out:
    png_destroy_read_struct(&png, &info, NULL);
    free(j->rows);
    free(j->pixels);
    free(j);
    return rc;
}

/* ---- JPEG --------------------------------------------------------------- */

typedef struct {
    struct jpeg_error_mgr pub;
    jmp_buf jump;
    char msg[JMSG_LENGTH_MAX];
    int truncated;
} jpeg_err;

static void jpeg_exit(j_common_ptr c)
{
    jpeg_err *e = (jpeg_err *)c->err;
    c->err->format_message(c, e->msg);
    longjmp(e->jump, 1);
}

/* Warnings are silent; a stream that ends early is damage all the same
 * (libjpeg would pad it with grey). */
static void jpeg_message(j_common_ptr c, int level)
{
    jpeg_err *e = (jpeg_err *)c->err;
    if (level < 0 && c->err->msg_code == JWRN_JPEG_EOF) e->truncated = 1;
}

typedef struct {
    struct jpeg_decompress_struct d;
    jpeg_err err;
    JSAMPLE *row, *pixels;
} jpeg_job;

/* The orientation the first Exif APP1 segment states (0: none). */
static int jpeg_orientation(j_decompress_ptr d)
{
    for (jpeg_saved_marker_ptr m = d->marker_list; m; m = m->next)
        if (m->marker == JPEG_APP0 + 1 && m->data_length >= 6 && !memcmp(m->data, "Exif\0\0", 6))
            return oct_exif_orientation(m->data, m->data_length);
    return 0;
}

static void jpeg_dpi(j_decompress_ptr d, oct_image_info *out)
{
    if (d->saw_JFIF_marker && d->X_density > 0 && d->X_density == d->Y_density) {
        double dpi = d->density_unit == 1   ? d->X_density
                     : d->density_unit == 2 ? d->X_density * 2.54
                                            : 0;
        if (dpi >= 24 && dpi <= 2400) out->dpi = dpi;
    }
}

/* A picture stored turned (EXIF orientation 2..8) keeps every scanline,
 * to be re-encoded upright for the EPUB. */
static int jpeg_turn(jpeg_job *j, oct_image_info *out)
{
    oct_jpeg_density dens = {0, 0, 0};
    if (j->d.saw_JFIF_marker)
        dens = (oct_jpeg_density){j->d.density_unit, j->d.X_density, j->d.Y_density};
    if (oct_exif_upright(j->pixels, (int)j->d.output_width, (int)j->d.output_height,
                         j->d.output_components, out->orientation, &dens, &out->upright,
                         &out->upright_len, out->why, sizeof out->why) != 0)
        return -1;
    if (out->orientation >= 5) { /* a quarter turn: the upright size is swapped */
        int w = out->width;
        out->width = out->height;
        out->height = w;
    }
    return 0;
}

static int decode_jpeg(const unsigned char *data, size_t len, oct_image_info *out)
{
    jpeg_job *j = oct_xcalloc(1, sizeof *j);
    int rc = -1;
    j->d.err = jpeg_std_error(&j->err.pub);
    j->err.pub.error_exit = jpeg_exit;
    j->err.pub.emit_message = jpeg_message;
    if (setjmp(j->err.jump)) {
        snprintf(out->why, sizeof out->why, "damaged JPEG: %.150s", j->err.msg);
        goto out;
    }
    jpeg_create_decompress(&j->d);
    jpeg_mem_src(&j->d, data, (unsigned long)len);
    jpeg_save_markers(&j->d, JPEG_APP0 + 1, 0xFFFF);
    jpeg_read_header(&j->d, TRUE);
    if (!side_ok(out, j->d.image_width, j->d.image_height)) goto out;
    /* PDF viewers take 8-bit grey and YCbCr/RGB DCT streams everywhere. */
    if (j->d.data_precision != 8 ||
        (j->d.jpeg_color_space != JCS_GRAYSCALE && j->d.jpeg_color_space != JCS_YCbCr &&
         j->d.jpeg_color_space != JCS_RGB) ||
        j->d.arith_code) {
        set_why(out, "a CMYK, 12-bit or arithmetic-coded JPEG (only 8-bit grey or colour)");
        out->unsupported = 1;
        goto out;
    }
    jpeg_dpi(&j->d, out);
    out->orientation = jpeg_orientation(&j->d);
    bool turned = out->orientation >= 2;
    jpeg_start_decompress(&j->d);
    size_t stride = (size_t)j->d.output_width * (size_t)j->d.output_components;
    if (turned)
        j->pixels = oct_xmalloc(stride * j->d.output_height);
    else
        j->row = oct_xmalloc(stride);
    while (j->d.output_scanline < j->d.output_height) {
        JSAMPROW r = turned ? j->pixels + stride * j->d.output_scanline : j->row;
        jpeg_read_scanlines(&j->d, &r, 1);
        if (j->err.truncated) break;
    }
    if (!j->err.truncated) jpeg_finish_decompress(&j->d);
    if (j->err.truncated) {
        set_why(out, "damaged JPEG: the stream ends early (truncated)");
        goto out;
    }
    out->type = OCT_IMAGE_JPEG;
    out->width = (int)j->d.image_width;
    out->height = (int)j->d.image_height;
    rc = turned ? jpeg_turn(j, out) : 0;
out:
    jpeg_destroy_decompress(&j->d);
    free(j->row);
    free(j->pixels);
    free(j);
    return rc;
}

/* ---- identification ----------------------------------------------------- */

/* An XML document whose root element is <svg> (after an optional BOM, XML
 * declaration, comments and doctype), judged from its first 4 KiB. */
static int looks_like_svg(const unsigned char *data, size_t len)
{
    size_t n = len < 4096 ? len : 4096;
    char *head = oct_xstrndup((const char *)data, n);
    const char *s = head;
    if (!strncmp(s, "\xEF\xBB\xBF", 3)) s += 3;
    int found = 0;
    for (;;) {
        s += strspn(s, " \t\r\n");
        const char *close = !strncmp(s, "<?", 2) ? "?>" : !strncmp(s, "<!--", 4) ? "-->" : NULL;
        if (!close && !strncmp(s, "<!", 2)) { /* a doctype, perhaps with an internal subset */
            const char *br = strchr(s, '['), *gt = strchr(s, '>');
            close = br && gt && br < gt ? "]>" : ">";
        }
        if (close) {
            const char *end = strstr(s, close);
            if (!end) break;
            s = end + strlen(close);
            continue;
        }
        found = !strncmp(s, "<svg", 4) && (s[4] == ' ' || s[4] == '>' || s[4] == '\t' ||
                                           s[4] == '\n' || s[4] == '\r' || s[4] == '/');
        break;
    }
    free(head);
    return found;
}

static const char *other_format(const unsigned char *d, size_t len)
{
    if (len >= 6 && (!memcmp(d, "GIF87a", 6) || !memcmp(d, "GIF89a", 6))) return "GIF";
    if (len >= 12 && !memcmp(d, "RIFF", 4) && !memcmp(d + 8, "WEBP", 4)) return "WebP";
    if (len >= 2 && !memcmp(d, "BM", 2)) return "BMP";
    if (len >= 12 && !memcmp(d + 4, "ftypavif", 8)) return "AVIF";
    if (len >= 4 && (!memcmp(d, "II*\0", 4) || !memcmp(d, "MM\0*", 4))) return "TIFF";
    return NULL;
}

static int decode_any(const unsigned char *data, size_t len, oct_image_info *info)
{
    if (len >= 8 && !memcmp(data, "\x89PNG\r\n\x1a\n", 8)) return decode_png(data, len, info);
    if (len >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        return decode_jpeg(data, len, info);
    if (looks_like_svg(data, len)) return oct_image_decode_svg(data, len, info);
    const char *other = other_format(data, len);
    if (other) {
        snprintf(info->why, sizeof info->why, "a %s file (only PNG, JPEG and SVG are taken)",
                 other);
        info->unsupported = 1;
    } else {
        set_why(info, "not a PNG, JPEG or SVG file");
    }
    return -1;
}

int oct_image_decode(const unsigned char *data, size_t len, oct_image_info *info)
{
    memset(info, 0, sizeof *info);
    int rc = decode_any(data, len, info);
    /* library messages may hold newlines; a diagnostic is one line */
    for (char *c = info->why; *c; c++)
        if ((unsigned char)*c < 0x20) *c = ' ';
    return rc;
}
