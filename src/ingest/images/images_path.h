/* Image URLs → files beneath the booklet directory (images_path.c).
 * Internal to src/ingest. */
#ifndef OCT_INGEST_IMAGES_PATH_H
#define OCT_INGEST_IMAGES_PATH_H
#include <stdbool.h>
#include <stddef.h>

typedef enum {
    OCT_URL_EMPTY,
    OCT_URL_LOCAL,    /* a relative path */
    OCT_URL_ABSOLUTE, /* "/x", "C:\x", "file:…" */
    OCT_URL_REMOTE    /* "http:", "https:", "//host", "data:", any other scheme */
} oct_url_kind;

oct_url_kind oct_image_url_kind(const char *url);

typedef struct {
    char *real;       /* malloc'd real path on success */
    const char *code; /* diagnostic code on failure */
    char why[600];    /* what went wrong, to follow "image 'URL' " */
} oct_image_path;

/* Resolves a relative URL against srcdir; both srcdir and root are real
 * absolute paths without a trailing slash. Returns 0 with r->real, or -1
 * with r->code and r->why. */
int oct_image_resolve(const char *url, const char *srcdir, const char *root, oct_image_path *r);

/* Reads the regular file at real (no links followed, at most max bytes).
 * Returns malloc'd bytes, or NULL with r->code and r->why. */
unsigned char *oct_image_read(const char *real, size_t max, size_t *len, oct_image_path *r);

/* path equals root or lies beneath it (both absolute, normalised). */
bool oct_path_beneath(const char *path, const char *root);

#endif
