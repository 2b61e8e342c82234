#include "util/zip.h"

#include "util/deflate.h"
#include "util/dynlib.h"
#include "util/fileio.h"
#include "util/xalloc.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>
#include <libdeflate.h>

#define LIBZIP_SONAME "libzip.so.4" /* since libzip 1.0; Debian 12 ships 1.7 */

/* libzip, opened at first use (util/dynlib.h): it brings libcrypto, whose
 * loading cost every run a millisecond, and only the writing of an archive
 * needs it (on the EPUB's thread, beside the PDF). */
#define ZIP_FUNCTIONS(X, a)                                                                        \
    X(a, stat_init)                                                                                \
    X(a, error_to_data)                                                                            \
    X(a, error_fini)                                                                               \
    X(a, source_make_command_bitmap)                                                               \
    X(a, error_set)                                                                                \
    X(a, source_buffer)                                                                            \
    X(a, error_init)                                                                               \
    X(a, source_function)                                                                          \
    X(a, file_add)                                                                                 \
    X(a, source_free)                                                                              \
    X(a, set_file_compression)                                                                     \
    X(a, file_set_dostime)                                                                         \
    X(a, file_set_external_attributes)                                                             \
    X(a, file_extra_fields_count)                                                                  \
    X(a, file_extra_field_delete)                                                                  \
    X(a, open_from_source)                                                                         \
    X(a, source_buffer_create)                                                                     \
    X(a, source_keep)                                                                              \
    X(a, source_open)                                                                              \
    X(a, source_read)                                                                              \
    X(a, source_stat)                                                                              \
    X(a, source_close)                                                                             \
    X(a, error_strerror)                                                                           \
    X(a, strerror)                                                                                 \
    X(a, discard)                                                                                  \
    X(a, close)
OCT_DL_LIBRARY(ZIP_FUNCTIONS, zip_, Z, LIBZIP_SONAME)

/* epubcheck wants `mimetype` first, stored, without extra fields; libzip
 * adds none by default, but any it might add are deleted anyway (they
 * could carry build times and make two builds differ). */

int oct_zip_deflate(const void *data, size_t len, int level, void **out, size_t *outlen,
                    unsigned long *crc)
{
    if (oct_deflate(data, len, level, true, out, outlen) != 0) return -1;
    *crc = libdeflate_crc32(0, data, len);
    return 0;
}

/* A source of deflated bytes that libzip copies as they are: its stat
 * gives the method, both sizes and the CRC, so nothing is recompressed. */
typedef struct {
    const oct_zip_entry *e;
    size_t at;
    zip_error_t err;
} raw_source;

static zip_int64_t raw_read(void *ud, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
    raw_source *r = ud;
    switch (cmd) {
    case ZIP_SOURCE_OPEN:
        r->at = 0;
        return 0;
    case ZIP_SOURCE_READ: {
        size_t n = r->e->len - r->at < len ? r->e->len - r->at : (size_t)len;
        memcpy(data, (const char *)r->e->data + r->at, n);
        r->at += n;
        return (zip_int64_t)n;
    }
    case ZIP_SOURCE_CLOSE:
        return 0;
    case ZIP_SOURCE_STAT: {
        zip_stat_t *st = data;
        Z.stat_init(st);
        st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC;
        st->size = r->e->size;
        st->comp_size = r->e->len;
        st->comp_method = ZIP_CM_DEFLATE;
        st->crc = (zip_uint32_t)r->e->crc;
        return sizeof *st;
    }
    case ZIP_SOURCE_ERROR:
        return Z.error_to_data(&r->err, data, len);
    case ZIP_SOURCE_FREE:
        Z.error_fini(&r->err);
        free(r);
        return 0;
    case ZIP_SOURCE_SUPPORTS:
        return Z.source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                            ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default:
        Z.error_set(&r->err, ZIP_ER_OPNOTSUPP, 0);
        return -1;
    }
}

static zip_source_t *source_of(zip_t *za, const oct_zip_entry *e)
{
    if (!e->deflated) return Z.source_buffer(za, e->data, e->len, 0);
    raw_source *r = oct_xcalloc(1, sizeof *r);
    r->e = e;
    Z.error_init(&r->err);
    zip_source_t *src = Z.source_function(za, raw_read, r);
    if (!src) {
        Z.error_fini(&r->err);
        free(r);
    }
    return src;
}

static int add_entry(zip_t *za, const oct_zip_entry *e, unsigned dos_time, unsigned dos_date)
{
    zip_source_t *src = source_of(za, e);
    if (!src) return -1;
    zip_int64_t idx = Z.file_add(za, e->name, src, ZIP_FL_ENC_GUESS);
    if (idx < 0) {
        Z.source_free(src);
        return -1;
    }
    zip_uint64_t i = (zip_uint64_t)idx;
    if (e->store || e->level) {
        if (Z.set_file_compression(za, i, e->store ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                                   e->store ? 0 : (zip_uint32_t)e->level) != 0)
            return -1;
    }
    if (Z.file_set_dostime(za, i, (zip_uint16_t)dos_time, (zip_uint16_t)dos_date, 0) != 0)
        return -1;
    if (Z.file_set_external_attributes(za, i, 0, ZIP_OPSYS_UNIX, 0100644u << 16) != 0) return -1;
    if (Z.file_extra_fields_count(za, i, ZIP_FL_CENTRAL | ZIP_FL_LOCAL) > 0 &&
        Z.file_extra_field_delete(za, i, ZIP_EXTRA_FIELD_ALL, ZIP_FL_CENTRAL | ZIP_FL_LOCAL) != 0)
        return -1;
    return 0;
}

/* The archive libzip built in mem, written to path. */
static int save_archive(zip_source_t *mem, const char *path, char *msg, size_t cap)
{
    zip_stat_t st;
    int rc = -1;
    if (Z.source_stat(mem, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) || Z.source_open(mem) != 0) {
        snprintf(msg, cap, "the archive built in memory cannot be read back");
        return -1;
    }
    size_t n = (size_t)st.size;
    char *data = oct_xmalloc(n ? n : 1);
    if (Z.source_read(mem, data, st.size) != (zip_int64_t)st.size)
        snprintf(msg, cap, "the archive built in memory cannot be read back");
    else if (oct_write_file(path, data, n) != 0)
        snprintf(msg, cap, "%s", strerror(errno));
    else
        rc = 0;
    Z.source_close(mem);
    free(data);
    return rc;
}

int oct_zip_write(const char *path, const oct_zip_entry *entries, size_t n, unsigned dos_time,
                  unsigned dos_date, const char **step, const char **why)
{
    static char msg[256];
    *why = msg;
    *step = "write";
    if (!Z_open()) {
        snprintf(msg, sizeof msg, "libzip (%s) cannot be loaded", LIBZIP_SONAME);
        *step = "create";
        return -1;
    }
    /* Built in memory, then written: a file archive would be written to a
     * temporary file of a random name, and libzip's random names start
     * OpenSSL (milliseconds of every EPUB). The caller's path is a
     * temporary file already. */
    zip_error_t ze;
    Z.error_init(&ze);
    zip_source_t *mem = Z.source_buffer_create(NULL, 0, 0, &ze);
    zip_t *za = mem ? Z.open_from_source(mem, ZIP_TRUNCATE, &ze) : NULL;
    if (!za) {
        snprintf(msg, sizeof msg, "%s", Z.error_strerror(&ze));
        Z.error_fini(&ze);
        if (mem) Z.source_free(mem);
        *step = "create";
        return -1;
    }
    Z.error_fini(&ze);
    Z.source_keep(mem); /* still ours after zip_close */
    int rc = 0;
    for (size_t k = 0; k < n && rc == 0; k++) {
        if (add_entry(za, &entries[k], dos_time, dos_date) != 0) {
            snprintf(msg, sizeof msg, "%s", Z.strerror(za));
            *step = "add an entry to";
            Z.discard(za);
            rc = -1;
        }
    }
    if (rc == 0 && Z.close(za) != 0) {
        snprintf(msg, sizeof msg, "%s", Z.strerror(za));
        Z.discard(za);
        rc = -1;
    }
    if (rc == 0) rc = save_archive(mem, path, msg, sizeof msg);
    Z.source_free(mem);
    return rc;
}
