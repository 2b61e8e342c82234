#include "util/deflate.h"

#include <stdlib.h>
#include <zlib.h>

int oct_deflate(const void *data, size_t len, int level, bool raw, void **out, size_t *outlen)
{
    z_stream z = {0};
    int bits = raw ? -MAX_WBITS : MAX_WBITS, mem = raw ? MAX_MEM_LEVEL : 8;
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
