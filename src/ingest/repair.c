/* Placeholder until the mojibake repair lands: copies the text unchanged. */
#include "ingest/repair.h"
#include "util/xalloc.h"

char *oct_repair_mojibake(const char *path, const char *text, size_t len, size_t *out_len,
                          size_t *repairs, oct_diag *diag)
{
    (void)path;
    (void)diag;
    *repairs = 0;
    *out_len = len;
    return oct_xstrndup(text, len);
}
