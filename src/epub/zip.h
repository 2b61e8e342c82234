/* Writing the EPUB container with libzip (the only file that includes
 * zip.h). */
#ifndef OCT_EPUB_ZIP_H
#define OCT_EPUB_ZIP_H
#include <stddef.h>

#include "diag.h"

typedef struct {
    const char *name; /* path inside the archive */
    const char *data; /* borrowed; must stay valid during the call */
    size_t len;
    int store; /* 1: no compression (the mimetype entry) */
} oct_epub_zip_entry;

/* Writes the entries, in order, to a new archive at path (replacing what is
 * there). Every entry gets the same DOS timestamp, Unix mode 0644 and no
 * extra fields, so equal input gives equal bytes. Returns 0, or -1 after
 * reporting to diag (path may then hold a partial file: the caller writes
 * to a temporary name). */
int oct_epub_zip_write(const char *path, const oct_epub_zip_entry *entries, size_t n,
                       unsigned dos_time, unsigned dos_date, oct_diag *diag);

#endif
