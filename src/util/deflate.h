/* Deflating a block of bytes whole with libdeflate: the PDF's streams and
 * the EPUB's entries, each in the form its reader expects. */
#ifndef OCT_UTIL_DEFLATE_H
#define OCT_UTIL_DEFLATE_H
#include <stdbool.h>
#include <stddef.h>

/* data[0..len) deflated at `level` (libdeflate's 1..12) into a malloc'd
 * *out of exactly *outlen bytes (kept until written: no spare room). raw:
 * no zlib header (a zip entry); else a zlib stream (a PDF's /FlateDecode).
 * Safe on any thread. Returns 0, or -1 with nothing allocated. */
int oct_deflate(const void *data, size_t len, int level, bool raw, void **out, size_t *outlen);

#endif
