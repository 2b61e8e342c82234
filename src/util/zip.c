#include "util/zip.h"

#include "util/deflate.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>
#include <zlib.h>

/* epubcheck wants `mimetype` first, stored, without extra fields; libzip
 * adds none by default, but any it might add are deleted anyway (they
 * could carry build times and make two builds differ). */

int oct_zip_deflate(const void *data, size_t len, int level, void **out, size_t *outlen,
                    unsigned long *crc)
{
    if (oct_deflate(data, len, level, true, out, outlen) != 0) return -1;
    *crc = crc32(crc32(0L, Z_NULL, 0), data, (uInt)len);
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
        zip_stat_init(st);
        st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC;
        st->size = r->e->size;
        st->comp_size = r->e->len;
        st->comp_method = ZIP_CM_DEFLATE;
        st->crc = (zip_uint32_t)r->e->crc;
        return sizeof *st;
    }
    case ZIP_SOURCE_ERROR:
        return zip_error_to_data(&r->err, data, len);
    case ZIP_SOURCE_FREE:
        zip_error_fini(&r->err);
        free(r);
        return 0;
    case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                              ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE,
                                              -1);
    default:
        zip_error_set(&r->err, ZIP_ER_OPNOTSUPP, 0);
        return -1;
    }
}

static zip_source_t *source_of(zip_t *za, const oct_zip_entry *e)
{
    if (!e->deflated) return zip_source_buffer(za, e->data, e->len, 0);
    raw_source *r = oct_xcalloc(1, sizeof *r);
    r->e = e;
    zip_error_init(&r->err);
    zip_source_t *src = zip_source_function(za, raw_read, r);
    if (!src) {
        zip_error_fini(&r->err);
        free(r);
    }
    return src;
}

static int add_entry(zip_t *za, const oct_zip_entry *e, unsigned dos_time, unsigned dos_date)
{
    zip_source_t *src = source_of(za, e);
    if (!src) return -1;
    zip_int64_t idx = zip_file_add(za, e->name, src, ZIP_FL_ENC_GUESS);
    if (idx < 0) {
        zip_source_free(src);
        return -1;
    }
    zip_uint64_t i = (zip_uint64_t)idx;
    if (e->store || e->level) {
        if (zip_set_file_compression(za, i, e->store ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                                     e->store ? 0 : (zip_uint32_t)e->level) != 0)
            return -1;
    }
    if (zip_file_set_dostime(za, i, (zip_uint16_t)dos_time, (zip_uint16_t)dos_date, 0) != 0)
        return -1;
    if (zip_file_set_external_attributes(za, i, 0, ZIP_OPSYS_UNIX, 0100644u << 16) != 0) return -1;
    if (zip_file_extra_fields_count(za, i, ZIP_FL_CENTRAL | ZIP_FL_LOCAL) > 0 &&
        zip_file_extra_field_delete(za, i, ZIP_EXTRA_FIELD_ALL, ZIP_FL_CENTRAL | ZIP_FL_LOCAL) != 0)
        return -1;
    return 0;
}

int oct_zip_write(const char *path, const oct_zip_entry *entries, size_t n, unsigned dos_time,
                  unsigned dos_date, const char **step, const char **why)
{
    static char msg[256];
    *why = msg;
    int err = 0;
    zip_t *za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
    if (!za) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, err);
        snprintf(msg, sizeof msg, "%s", zip_error_strerror(&ze));
        zip_error_fini(&ze);
        *step = "create";
        return -1;
    }
    for (size_t k = 0; k < n; k++) {
        if (add_entry(za, &entries[k], dos_time, dos_date) != 0) {
            snprintf(msg, sizeof msg, "%s", zip_strerror(za));
            *step = "add an entry to";
            zip_discard(za);
            return -1;
        }
    }
    if (zip_close(za) != 0) {
        snprintf(msg, sizeof msg, "%s", zip_strerror(za));
        *step = "write";
        zip_discard(za);
        return -1;
    }
    return 0;
}
