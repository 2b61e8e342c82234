/* Pictures inside a package (word/media/, Pictures/): read from the zip
 * and stored in the tree from memory, as images.c stores a file's (its
 * pass resolves paths on disk, which these have none of): decoded and
 * checked by oct_image_decode, each distinct picture once, named by its
 * SHA-256 for the EPUB. One that cannot be used keeps its alt text. */
#include "ingest/formats/docint.h"

#include "ingest/images.h"
#include "util/xalloc.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

static void *arena_copy(oct_arena *a, const void *p, size_t n)
{
    void *c = oct_arena_alloc(a, n ? n : 1);
    if (n) memcpy(c, p, n);
    return c;
}

/* 1-based index of the picture stored for these bytes (a new entry when
 * none has them yet). */
static int store(oct_tree *t, const unsigned char *data, size_t len, const oct_image_info *info)
{
    gchar *hash = g_compute_checksum_for_data(G_CHECKSUM_SHA256, data, len);
    for (size_t i = 0; i < t->nimages; i++) {
        const oct_image *im = &t->images[i];
        if (im->len == len && !strncmp(im->name + 4, hash, 20) && !memcmp(im->data, data, len)) {
            g_free(hash);
            return (int)i + 1;
        }
    }
    OCT_GROW(t->images, t->capimages, t->nimages + 1);
    oct_image *im = &t->images[t->nimages];
    memset(im, 0, sizeof *im);
    im->type = info->type;
    im->data = arena_copy(t->arena, data, len);
    im->len = len;
    im->width = info->width;
    im->height = info->height;
    im->dpi = info->dpi;
    if (info->raster) {
        im->raster = arena_copy(t->arena, info->raster, info->raster_len);
        im->raster_len = info->raster_len;
        im->raster_width = info->raster_width;
        im->raster_height = info->raster_height;
    }
    im->orientation = info->orientation;
    if (info->upright) {
        im->upright = arena_copy(t->arena, info->upright, info->upright_len);
        im->upright_len = info->upright_len;
    }
    bool jpeg = info->type == OCT_IMAGE_JPEG;
    im->name = oct_arena_printf(t->arena, "img/%.20s.%s", hash, jpeg ? "jpg" : "png");
    im->media_type = jpeg ? "image/jpeg" : "image/png";
    g_free(hash);
    return (int)++t->nimages;
}

/* The IMAGE node of a picture, its alt text inside. */
static oct_node *image_node(db *b, const char *name, const char *alt, int line)
{
    oct_node *img = oct_node_new(b->t, OCT_IMAGE, (oct_span){b->file, line, 1});
    img->u.link.url = oct_arena_strdup(b->t->arena, name);
    if (alt && *alt)
        oct_node_append(img, oct_node_new_text(b->t, OCT_TEXT, img->span, alt, strlen(alt)));
    return img;
}

oct_node *db_picture(db *b, const char *name, const unsigned char *data, size_t len,
                     const char *alt, int line)
{
    if (!b->para) return NULL;
    oct_node *img = image_node(b, name, alt, line);
    if (data) {
        oct_image_info info;
        if (oct_image_decode(data, len, &info) == 0)
            img->u.link.image = store(b->t, data, len, &info);
        else
            oct_diag_report(b->diag, OCT_WARNING, b->path, line, 1,
                            info.unsupported ? "image-unsupported" : "image-damaged",
                            "picture '%s' cannot be used: %s; %s is printed instead", name,
                            info.why, img->first ? "its alt text" : "\"[image]\"");
        free(info.raster);
        free(info.upright);
    }
    db_inline(b, img);
    return img;
}

/* A part shown again is not read again: a package that shows one large
 * picture a thousand times unpacks it once. */
void oct_doc_picture(db *b, oct_doc *doc, const char *part, const char *alt, int line)
{
    if (!b->para) return;
    size_t known;
    if (oct_strmap_get(&b->pictures, part, strlen(part), &known)) {
        oct_node *img = image_node(b, part, alt, line);
        img->u.link.image = (int)known;
        if (!known)
            oct_diag_report(b->diag, OCT_WARNING, b->path, line, 1, "image-damaged",
                            "picture '%s' cannot be used (its first use says why); %s is printed "
                            "instead",
                            part, img->first ? "its alt text" : "\"[image]\"");
        db_inline(b, img);
        return;
    }
    char why[240], *data = NULL;
    size_t len = 0;
    int rc = oct_unzip_read(doc->zip, part, OCT_IMAGE_MAX_BYTES, &data, &len, why, sizeof why);
    if (rc != 0)
        oct_diag_report(b->diag, OCT_WARNING, b->path, line, 1,
                        rc == 1 ? "image-missing" : "image-damaged",
                        "picture '%s' %s%s; %s is printed instead", part,
                        rc == 1 ? "is not in the package" : "cannot be read: ", rc == 1 ? "" : why,
                        alt && *alt ? "its alt text" : "\"[image]\"");
    oct_node *img = db_picture(b, part, (const unsigned char *)data, len, alt, line);
    free(data);
    oct_strmap_put(&b->pictures, part, strlen(part), (size_t)img->u.link.image);
}
