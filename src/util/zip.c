#include "util/zip.h"

#include <stdio.h>
#include <zip.h>

/* epubcheck wants `mimetype` first, stored, without extra fields; libzip
 * adds none by default, but any it might add are deleted anyway (they
 * could carry build times and make two builds differ). */

static int add_entry(zip_t *za, const oct_zip_entry *e, unsigned dos_time, unsigned dos_date)
{
    zip_source_t *src = zip_source_buffer(za, e->data, e->len, 0);
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
