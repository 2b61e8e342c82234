/* Reading a zip in memory (unzip.h). libzip checks each member's CRC-32
 * when it has read all of it; the cap is checked against the declared
 * size first and against what comes out while reading, as a member may
 * declare less than it holds. */
#include "util/unzip.h"

#include "util/dynlib.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#define LIBZIP_SONAME "libzip.so.4"

#define UNZIP_FUNCTIONS(X, a)                                                                      \
    X(a, error_init)                                                                               \
    X(a, error_fini)                                                                               \
    X(a, error_strerror)                                                                           \
    X(a, source_buffer_create)                                                                     \
    X(a, source_free)                                                                              \
    X(a, open_from_source)                                                                         \
    X(a, discard)                                                                                  \
    X(a, name_locate)                                                                              \
    X(a, stat_index)                                                                               \
    X(a, fopen_index)                                                                              \
    X(a, fread)                                                                                    \
    X(a, fclose)                                                                                   \
    X(a, file_strerror)                                                                            \
    X(a, strerror)
OCT_DL_LIBRARY(UNZIP_FUNCTIONS, zip_, U, LIBZIP_SONAME)

struct oct_unzip {
    zip_t *za;
    void *copy;
    size_t total, used; /* what all reads may unpack, and have (0: no cap) */
    unsigned ratio;     /* unpacked / packed past `grace` bytes (0: any) */
    size_t grace;
};

oct_unzip *oct_unzip_open(const void *data, size_t len, char *why, size_t whysz)
{
    if (!U_open()) {
        snprintf(why, whysz, "libzip (%s) cannot be loaded", LIBZIP_SONAME);
        return NULL;
    }
    oct_unzip *z = oct_xcalloc(1, sizeof *z);
    z->copy = oct_xmalloc(len ? len : 1);
    memcpy(z->copy, data, len);
    zip_error_t ze;
    U.error_init(&ze);
    zip_source_t *src = U.source_buffer_create(z->copy, len, 0, &ze);
    /* ZIP_CHECKCONS: the central directory must agree with the local
     * headers (a damaged or spliced archive is refused, not half read) */
    z->za = src ? U.open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze) : NULL;
    if (!z->za) {
        snprintf(why, whysz, "%s", U.error_strerror(&ze));
        if (src) U.source_free(src);
        U.error_fini(&ze);
        free(z->copy);
        free(z);
        return NULL;
    }
    U.error_fini(&ze);
    return z;
}

void oct_unzip_close(oct_unzip *z)
{
    if (!z) return;
    U.discard(z->za); /* read only: nothing to write back; frees the source */
    free(z->copy);
    free(z);
}

int oct_unzip_has(const oct_unzip *z, const char *name)
{
    return U.name_locate(z->za, name, 0) >= 0;
}

void oct_unzip_set_limits(oct_unzip *z, size_t total, unsigned ratio, size_t grace)
{
    z->total = total;
    z->ratio = ratio;
    z->grace = grace;
}

/* Why n bytes unpacked from `packed` are too many, or NULL: the member's
 * own cap, what the archive has left, or the ratio of a zip bomb. */
static const char *over(const oct_unzip *z, unsigned long long n, unsigned long long packed,
                        size_t max, char *why, size_t whysz)
{
    if (n > max)
        snprintf(why, whysz, "it unpacks to more than the limit of %zu bytes", max);
    else if (z->total && n > z->total - z->used)
        snprintf(why, whysz,
                 "the package unpacks to more than the limit of %zu bytes for all its parts",
                 z->total);
    else if (z->ratio && n > z->grace && n / (packed ? packed : 1) >= z->ratio)
        snprintf(why, whysz,
                 "it unpacks to %llu bytes from %llu, past the limit of %u times its packed size "
                 "(a zip bomb)",
                 n, packed, z->ratio);
    else
        return NULL;
    return why;
}

/* Reads all of f (at most max + 1 bytes, stopping as soon as `over` says
 * so) into *out; 0 or -1 with why. */
static int read_all(const oct_unzip *z, zip_file_t *f, const zip_stat_t *st, size_t max, char **out,
                    size_t *len, char *why, size_t whysz)
{
    unsigned long long packed = (st->valid & ZIP_STAT_COMP_SIZE) ? st->comp_size : 0;
    size_t cap = (st->valid & ZIP_STAT_SIZE) ? (size_t)st->size + 1 : 4096, n = 0;
    char *buf = oct_xmalloc(cap + 1);
    for (;;) {
        if (n == cap) {
            if (cap > max) break;
            cap = cap * 2 > max + 1 ? max + 1 : cap * 2;
            buf = oct_xrealloc(buf, cap + 1);
        }
        zip_int64_t got = U.fread(f, buf + n, cap - n);
        if (got < 0) {
            snprintf(why, whysz, "%s", U.file_strerror(f));
            break;
        }
        if (got == 0) {
            buf[n] = '\0';
            *out = buf;
            *len = n;
            return 0;
        }
        n += (size_t)got;
        if (over(z, n, packed, max, why, whysz)) break;
    }
    *len = n; /* what was spent */
    free(buf);
    return -1;
}

int oct_unzip_read(oct_unzip *z, const char *name, size_t max, char **out, size_t *len, char *why,
                   size_t whysz)
{
    *out = NULL;
    *len = 0;
    zip_int64_t idx = U.name_locate(z->za, name, 0);
    if (idx < 0) return 1;
    zip_stat_t st;
    if (U.stat_index(z->za, (zip_uint64_t)idx, 0, &st) != 0) {
        snprintf(why, whysz, "%s", U.strerror(z->za));
        return -1;
    }
    unsigned long long packed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
    if ((st.valid & ZIP_STAT_SIZE) && st.size > max) {
        snprintf(why, whysz, "it unpacks to %llu bytes, more than the limit of %zu",
                 (unsigned long long)st.size, max);
        return -1;
    }
    if ((st.valid & ZIP_STAT_SIZE) && over(z, st.size, packed, max, why, whysz)) return -1;
    zip_file_t *f = U.fopen_index(z->za, (zip_uint64_t)idx, 0);
    if (!f) {
        snprintf(why, whysz, "%s", U.strerror(z->za));
        return -1;
    }
    size_t n = 0;
    int rc = read_all(z, f, &st, max, out, &n, why, whysz);
    U.fclose(f);
    z->used += n; /* what it unpacked, refused or not */
    if (rc == 0) *len = n;
    return rc;
}
