#include "epub/docs.h"
#include "util/xalloc.h"

/* Which of the tree's pictures the book shows: those an IMAGE node still
 * points at (a picture whose only node was folded away gets no file, so
 * the manifest never lists an unused item). */
unsigned char *oct_epub_images_used(const oct_tree *t, size_t *count)
{
    *count = 0;
    if (!t->nimages) return NULL;
    unsigned char *used = oct_xcalloc(t->nimages, 1);
    oct_iter it;
    oct_iter_init(&it, t->root);
    oct_event ev;
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE) {
        const oct_node *n = it.cur;
        if (ev != OCT_EV_ENTER || n->kind != OCT_IMAGE) continue;
        int k = n->u.link.image;
        if (k > 0 && (size_t)k <= t->nimages && !used[k - 1]) {
            used[k - 1] = 1;
            (*count)++;
        }
    }
    return used;
}

const unsigned char *oct_epub_image_bytes(const oct_image *im, size_t *len)
{
    if (im->type == OCT_IMAGE_SVG) {
        *len = im->raster_len;
        return im->raster;
    }
    if (im->upright) { /* a turned photo: readers need not know EXIF */
        *len = im->upright_len;
        return im->upright;
    }
    *len = im->len;
    return im->data;
}
