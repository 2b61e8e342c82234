/* Pictures: loading, checking and decoding the images a source refers to.
 * Internal to src/ingest (images.c resolves and attaches, images_decode.c
 * decodes, images_svg.c rasterises). */
#ifndef OCT_INGEST_IMAGES_H
#define OCT_INGEST_IMAGES_H
#include <stddef.h>

#include "diag.h"
#include "diag_cap.h"
#include "tree/tree.h"

/* Limits: a picture larger than these is refused as damaged before any
 * pixel memory is allocated. */
#define OCT_IMAGE_MAX_BYTES (32u * 1024u * 1024u)
#define OCT_IMAGE_MAX_SIDE 20000
#define OCT_IMAGE_MAX_PIXELS (32u * 1024u * 1024u)
/* Longest side of the raster made from an SVG. */
#define OCT_SVG_MAX_RASTER 3000

/* What decoding learnt about one file. raster is malloc'd (caller frees). */
typedef struct {
    oct_image_type type;
    int width, height;
    double dpi;
    unsigned char *raster;
    size_t raster_len;
    int raster_width, raster_height;
    int orientation;        /* JPEG: EXIF orientation 1..8 (0: none stated); width
                             * and height are the upright size */
    unsigned char *upright; /* JPEG turned by its orientation, re-encoded
                             * (malloc'd, caller frees); NULL if upright */
    size_t upright_len;
    char why[200];   /* why the file was refused */
    int unsupported; /* a real picture in a format octavo does not take */
} oct_image_info;

/* Identifies data by its magic bytes and decodes it completely (PNG with
 * libpng, JPEG with libjpeg, SVG with librsvg). Returns 0, or -1 with
 * info->why set; never aborts on bad input. */
int oct_image_decode(const unsigned char *data, size_t len, oct_image_info *info);

/* Rasterises an SVG (images_svg.c); same contract as oct_image_decode. */
int oct_image_decode_svg(const unsigned char *data, size_t len, oct_image_info *info);

/* A JFIF pixel density (unit 0: none stated, 1: per inch, 2: per cm). */
typedef struct {
    int unit, x, y;
} oct_jpeg_density;

/* EXIF (images_exif.c). The orientation (1..8) an APP1 segment's payload
 * states ("Exif\0\0" + TIFF, either byte order), or 0 when it states none
 * or is damaged. */
int oct_exif_orientation(const unsigned char *seg, size_t len);
/* Where stored pixel (x, y) of a w x h picture lands when turned upright. */
void oct_exif_place(int orientation, int x, int y, int w, int h, int *ox, int *oy);
/* Turns decoded pixels (w x h, comps 1 or 3) upright and encodes them as
 * a JPEG without Exif into *out (malloc'd). Returns 0, or -1 with why. */
int oct_exif_upright(const unsigned char *pixels, int w, int h, int comps, int orientation,
                     const oct_jpeg_density *dens, unsigned char **out, size_t *out_len, char *why,
                     size_t whysz);

/* Writes rows (w x h, 3 or 4 bytes a pixel) as an 8-bit PNG into a
 * malloc'd buffer. Returns 0, or -1 with why set. */
int oct_image_write_png(const unsigned char *pixels, int w, int h, int channels,
                        unsigned char **out, size_t *out_len, char *why, size_t whysz);

/* The one way a picture's bytes enter the tree, whoever read them (a
 * file beneath the booklet, a notebook's attachment or output through
 * oct_image_memory, a Word or OpenDocument package's part,
 * formats/docpics.c): checked and decoded completely (oct_image_decode,
 * the limits above), stored once in t->images (equal bytes share one
 * entry and one EPUB file, named by their SHA-256). Returns the 1-based
 * index for n's u.link.image, or 0 after a warning at n (into warn, its
 * source's capped warnings) saying why its alt text prints instead, its
 * code in *code when code is not NULL. */
int oct_image_store(oct_tree *t, const oct_node *n, const unsigned char *data, size_t len,
                    oct_diag_capped *warn, const char **code);
/* A warning of code about picture n ("image 'URL' <what>; its alt text is
 * printed instead"), capped: OCT_IMAGE_WARNINGS of a code per source,
 * then one summary (oct_diag_capped_finish). */
enum { OCT_IMAGE_WARNINGS = 10 };
void oct_image_warn(oct_diag_capped *warn, const oct_node *n, const char *code, const char *what);

/* Pictures a source holds itself (a notebook's attachments and outputs,
 * formats/notebook.h): find gives the bytes an "attachment:" URL stands
 * for at a source line (len set), or NULL. */
typedef struct {
    const unsigned char *(*find)(void *ctx, const char *url, int line, size_t *len);
    void *ctx;
} oct_image_memory;

/* The images pass over one chapter (after parsing, before study): resolves
 * every IMAGE beneath `root` (NULL: images are not loaded), or in mem when
 * its URL is "attachment:..." and mem is not NULL, loads and
 * checks each file, stores each distinct picture once in t->images, turns
 * a paragraph holding only a picture into a FIGURE and drops badge rows. */
void oct_ingest_images(oct_tree *t, oct_node *chapter, const char *source_path, const char *root,
                       const oct_image_memory *mem, oct_diag *diag);

#endif
