/* Pictures inside a package (word/media/, Pictures/): read from the zip
 * and handed to oct_image_store, the way a file's and a notebook's
 * pictures are stored (images.h): checked, decoded, each distinct picture
 * once. One that cannot be used keeps its alt text; the warnings of
 * one kind are capped as a file's are (images.h). */
#include "ingest/formats/docint.h"

#include "ingest/images/images.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* The IMAGE node of a picture, its alt text inside. */
static oct_node *image_node(db *b, const char *name, const char *alt, int line)
{
    oct_node *img = oct_node_new(b->t, OCT_IMAGE, (oct_span){b->file, line, 1});
    img->u.link.url = oct_arena_strdup(b->t->arena, name);
    if (alt && *alt)
        oct_node_append(img, oct_node_new_text(b->t, OCT_TEXT, img->span, alt, strlen(alt)));
    return img;
}

/* The picture's IMAGE; *code: why it cannot be used, when it cannot. */
static oct_node *picture(db *b, const char *name, const unsigned char *data, size_t len,
                         const char *alt, int line, const char **code)
{
    if (!b->o.para) return NULL;
    oct_node *img = image_node(b, name, alt, line);
    if (data) img->u.link.image = oct_image_store(b->t, img, data, len, &b->picture_warnings, code);
    db_inline(b, img);
    return img;
}

oct_node *db_picture(db *b, const char *name, const unsigned char *data, size_t len,
                     const char *alt, int line)
{
    return picture(b, name, data, len, alt, line, NULL);
}

/* Why a part already read cannot be used: the code of its first warning.
 * The map of parts read holds an index in t->images as index + 2, or the
 * position of its code here. */
static const char *const FAILED_CODES[] = {"image-damaged", "image-unsupported"};

/* A picture part read before, shown again. */
static void again(db *b, const char *part, const char *alt, int line, size_t known)
{
    oct_node *img = image_node(b, part, alt, line);
    if (known >= 2)
        img->u.link.image = (int)(known - 2);
    else
        oct_diag_capped_report(&b->picture_warnings, line, 1, FAILED_CODES[known], part,
                               "image '%s' cannot be used (its first use says why); %s is "
                               "printed instead",
                               part, img->first ? "its alt text" : "\"[image]\"");
    db_inline(b, img);
}

/* A part shown again is not read again: a package that shows one large
 * picture a thousand times unpacks it once. */
void oct_doc_picture(db *b, oct_doc *doc, const char *part, const char *alt, int line)
{
    if (!b->o.para) return;
    size_t known;
    if (oct_strmap_get(&b->pictures, part, strlen(part), &known)) {
        again(b, part, alt, line, known);
        return;
    }
    char why[240], *data = NULL;
    size_t len = 0;
    int rc = oct_unzip_read(doc->zip, part, OCT_IMAGE_MAX_BYTES, &data, &len, why, sizeof why);
    if (rc != 0)
        oct_diag_capped_report(
            &b->picture_warnings, line, 1, rc == 1 ? "image-missing" : "image-damaged", part,
            "image '%s' %s%s; %s is printed instead", part,
            rc == 1 ? "is not in the package" : "cannot be read: ", rc == 1 ? "" : why,
            alt && *alt ? "its alt text" : "\"[image]\"");
    const char *code = FAILED_CODES[0];
    oct_node *img = picture(b, part, (const unsigned char *)data, len, alt, line, &code);
    free(data);
    if (rc == 1) return; /* a missing part costs nothing to look up again */
    size_t value =
        img->u.link.image > 0 ? (size_t)img->u.link.image + 2 : !strcmp(code, FAILED_CODES[1]);
    oct_strmap_put(&b->pictures, part, strlen(part), value);
}
