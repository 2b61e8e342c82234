#include "util/deflate.h"

#include <stdlib.h>
#include <zlib.h>

/* The window and hash fitted to the input: zlib sets up and clears its
 * tables for every stream (a 32 KB window, a 64-128 KB hash), which cost
 * more than deflating a page's few kilobytes did (156 streams of the
 * Django booklet: 24 M instructions of set-up, 88 M in all). A window
 * that holds the whole input finds every match the full one would; the
 * hash keeps about one slot per window position, as zlib's defaults do. */
static void fit_tables(size_t len, bool raw, int *bits, int *mem)
{
    int b = 9; /* zlib's smallest window */
    while (b < MAX_WBITS && ((size_t)1 << b) < len + 262 /* zlib's look-ahead */)
        b++;
    int m = b - 7; /* hash bits = mem + 7 */
    if (b == MAX_WBITS) m = raw ? MAX_MEM_LEVEL : 8;
    *bits = raw ? -b : b;
    *mem = m < 1 ? 1 : m;
}

int oct_deflate(const void *data, size_t len, int level, bool raw, void **out, size_t *outlen)
{
    z_stream z = {0};
    int bits, mem;
    fit_tables(len, raw, &bits, &mem);
    if (deflateInit2(&z, level, Z_DEFLATED, bits, mem, Z_DEFAULT_STRATEGY) != Z_OK) return -1;
    uLong cap = deflateBound(&z, (uLong)len);
    unsigned char *buf = malloc(cap ? cap : 1);
    if (!buf) {
        deflateEnd(&z);
        return -1;
    }
    z.next_in = (Bytef *)data;
    z.avail_in = (uInt)len;
    z.next_out = buf;
    z.avail_out = (uInt)cap;
    int rc = deflate(&z, Z_FINISH);
    size_t n = z.total_out;
    deflateEnd(&z);
    if (rc != Z_STREAM_END) {
        free(buf);
        return -1;
    }
    /* deflateBound is the input's size and more: kept, it would be wasted */
    unsigned char *fit = realloc(buf, n ? n : 1);
    *out = fit ? fit : buf;
    *outlen = n;
    return 0;
}
