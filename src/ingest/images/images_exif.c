/* EXIF orientation. Phones store a photo as the sensor saw it and say in
 * the APP1 "Exif" segment how to turn it (TIFF tag 0x0112, 1..8). The PDF
 * draws the original JPEG through a rotating image matrix (no loss); the
 * EPUB gets a copy re-encoded upright, because e-readers that predate CSS
 * `image-orientation: from-image` show the stored pixels as they are.
 * The Exif segment comes from a file anyone may have damaged, so every
 * read is bounds-checked and anything odd simply means "no orientation". */
#include "ingest/images/images.h"
#include "util/xalloc.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h> /* after stdio.h: it needs FILE and size_t */

#define TAG_ORIENTATION 0x0112
#define TYPE_SHORT 3

static unsigned rd16(const unsigned char *p, int big)
{
    return big ? (unsigned)p[0] << 8 | p[1] : (unsigned)p[1] << 8 | p[0];
}

static unsigned long rd32(const unsigned char *p, int big)
{
    return big ? (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 |
                     p[3]
               : (unsigned long)p[3] << 24 | (unsigned long)p[2] << 16 | (unsigned long)p[1] << 8 |
                     p[0];
}

int oct_exif_orientation(const unsigned char *seg, size_t len)
{
    /* "Exif\0\0", then a TIFF header: byte order, 42, offset of IFD0 */
    if (len < 6 + 8 || memcmp(seg, "Exif\0\0", 6) != 0) return 0;
    const unsigned char *tiff = seg + 6;
    size_t n = len - 6;
    int big;
    if (!memcmp(tiff, "MM", 2))
        big = 1;
    else if (!memcmp(tiff, "II", 2))
        big = 0;
    else
        return 0;
    if (rd16(tiff + 2, big) != 42) return 0;
    unsigned long ifd = rd32(tiff + 4, big);
    if (ifd < 8 || ifd > n - 2) return 0;
    unsigned count = rd16(tiff + ifd, big);
    if (count > (n - ifd - 2) / 12) return 0; /* the entries must lie inside */
    for (unsigned i = 0; i < count; i++) {
        const unsigned char *e = tiff + ifd + 2 + (size_t)i * 12;
        if (rd16(e, big) != TAG_ORIENTATION) continue;
        if (rd16(e + 2, big) != TYPE_SHORT || rd32(e + 4, big) != 1) return 0;
        unsigned v = rd16(e + 8, big); /* a SHORT sits in the first bytes of the value */
        return v >= 1 && v <= 8 ? (int)v : 0;
    }
    return 0;
}

void oct_exif_place(int orientation, int x, int y, int w, int h, int *ox, int *oy)
{
    switch (orientation) {
    case 2:
        *ox = w - 1 - x, *oy = y;
        break;
    case 3:
        *ox = w - 1 - x, *oy = h - 1 - y;
        break;
    case 4:
        *ox = x, *oy = h - 1 - y;
        break;
    case 5:
        *ox = y, *oy = x;
        break;
    case 6:
        *ox = h - 1 - y, *oy = x;
        break;
    case 7:
        *ox = h - 1 - y, *oy = w - 1 - x;
        break;
    case 8:
        *ox = y, *oy = w - 1 - x;
        break;
    default:
        *ox = x, *oy = y;
        break;
    }
}

/* ---- the upright copy ------------------------------------------------------- */

typedef struct {
    struct jpeg_error_mgr pub;
    jmp_buf jump;
    char msg[JMSG_LENGTH_MAX];
} enc_err;

static void enc_exit(j_common_ptr c)
{
    enc_err *e = (enc_err *)c->err;
    c->err->format_message(c, e->msg);
    longjmp(e->jump, 1);
}

typedef struct {
    struct jpeg_compress_struct c;
    enc_err err;
    unsigned char *turned, *out;
    unsigned long out_len;
} enc_job;

/* Quality of the upright copy: high enough that a second compression of
 * a photo shows no new artefacts at reading size. */
#define UPRIGHT_QUALITY 92

int oct_exif_upright(const unsigned char *pixels, int w, int h, int comps, int orientation,
                     const oct_jpeg_density *dens, unsigned char **out, size_t *out_len, char *why,
                     size_t whysz)
{
    int tw = orientation >= 5 ? h : w, th = orientation >= 5 ? w : h;
    enc_job *j = oct_xcalloc(1, sizeof *j);
    int rc = -1;
    j->turned = oct_xmalloc((size_t)w * (size_t)h * (size_t)comps);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            int ox, oy;
            oct_exif_place(orientation, x, y, w, h, &ox, &oy);
            memcpy(j->turned + ((size_t)oy * (size_t)tw + (size_t)ox) * (size_t)comps,
                   pixels + ((size_t)y * (size_t)w + (size_t)x) * (size_t)comps, (size_t)comps);
        }
    j->c.err = jpeg_std_error(&j->err.pub);
    j->err.pub.error_exit = enc_exit;
    if (setjmp(j->err.jump)) {
        snprintf(why, whysz, "cannot write the upright JPEG: %.150s", j->err.msg);
        goto out;
    }
    jpeg_create_compress(&j->c);
    jpeg_mem_dest(&j->c, &j->out, &j->out_len);
    j->c.image_width = (JDIMENSION)tw;
    j->c.image_height = (JDIMENSION)th;
    j->c.input_components = comps;
    j->c.in_color_space = comps == 1 ? JCS_GRAYSCALE : JCS_RGB;
    jpeg_set_defaults(&j->c);
    jpeg_set_quality(&j->c, UPRIGHT_QUALITY, TRUE);
    if (dens && dens->unit) {
        j->c.density_unit = (UINT8)dens->unit;
        j->c.X_density = (UINT16)(orientation >= 5 ? dens->y : dens->x);
        j->c.Y_density = (UINT16)(orientation >= 5 ? dens->x : dens->y);
    }
    jpeg_start_compress(&j->c, TRUE);
    while (j->c.next_scanline < j->c.image_height) {
        JSAMPROW r = j->turned + (size_t)j->c.next_scanline * (size_t)tw * (size_t)comps;
        jpeg_write_scanlines(&j->c, &r, 1);
    }
    jpeg_finish_compress(&j->c);
    *out = oct_xmalloc(j->out_len ? j->out_len : 1);
    memcpy(*out, j->out, j->out_len);
    *out_len = j->out_len;
    rc = 0;
out:
    jpeg_destroy_compress(&j->c);
    free(j->out); /* jpeg_mem_dest's buffer is malloc'd */
    free(j->turned);
    free(j);
    return rc;
}
