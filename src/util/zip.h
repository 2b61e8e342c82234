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
    /* 1: data is deflated already (oct_zip_deflate), size bytes before,
     * with that CRC-32; written as it is */
    int deflated;
    size_t size;
    unsigned long crc;
} oct_zip_entry;

/* Deflates data[0..len) at `level` (1..9) as libzip would for an entry,
 * into a malloc'd *out of *outlen bytes, with *crc its CRC-32: an entry
 * made of them (deflated = 1) is written byte for byte as if libzip had
 * deflated it, so a writer can keep its entries small until the archive
 * is written. Returns 0, or -1 (nothing allocated). */
int oct_zip_deflate(const void *data, size_t len, int level, void **out, size_t *outlen,
                    unsigned long *crc);

/* Writes the entries, in order, to a new archive at path (replacing what is
 * there). Every entry gets the same DOS timestamp, Unix mode 0644 and no
 * extra fields, so equal input gives equal bytes. Returns 0, or -1 with
 * *step ("create", "add an entry to", "write") and *why (libzip's words,
 * a static buffer) set; path may then hold a partial file (the callers
 * write to a temporary name). */
int oct_zip_write(const char *path, const oct_zip_entry *entries, size_t n, unsigned dos_time,
                  unsigned dos_date, const char **step, const char **why);

#endif
