/* Writing a zip archive with libzip (the only file that includes zip.h):
 * the EPUB container and the Anki package. */
#ifndef OCT_UTIL_ZIP_H
#define OCT_UTIL_ZIP_H
#include <stddef.h>

typedef struct {
    const char *name; /* path inside the archive */
    const void *data; /* borrowed; must stay valid during the call */
    size_t len;
    int store; /* 1: no compression (the EPUB's mimetype entry) */
    int level; /* deflate level 1..9; 0: libzip's default */
} oct_zip_entry;

/* Writes the entries, in order, to a new archive at path (replacing what is
 * there). Every entry gets the same DOS timestamp, Unix mode 0644 and no
 * extra fields, so equal input gives equal bytes. Returns 0, or -1 with
 * *step ("create", "add an entry to", "write") and *why (libzip's words,
 * a static buffer) set; path may then hold a partial file (the callers
 * write to a temporary name). */
int oct_zip_write(const char *path, const oct_zip_entry *entries, size_t n, unsigned dos_time,
                  unsigned dos_date, const char **step, const char **why);

#endif
