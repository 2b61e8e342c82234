/* Placeholder until legacy-encoding detection lands: always reads UTF-8. */
#include "ingest/charset.h"

char *oct_charset_to_utf8(const char *path, const char *bytes, size_t len, size_t *out_len,
                          oct_diag *diag)
{
    (void)path;
    (void)bytes;
    (void)len;
    (void)out_len;
    (void)diag;
    return NULL;
}
