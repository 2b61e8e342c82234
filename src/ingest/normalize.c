/* Placeholder until the normalizer lands: identity with a 1:1 line map. */
#include "ingest/normalize.h"
#include "util/xalloc.h"

#include <stdlib.h>

int oct_normalize(const char *path, const char *text, size_t len,
                  const oct_normalize_options *opts, oct_normalized *out, oct_diag *diag)
{
    (void)path;
    (void)opts;
    (void)diag;
    out->text = oct_xstrndup(text, len);
    out->len = len;
    size_t lines = 1;
    for (size_t i = 0; i < len; i++)
        if (text[i] == '\n' && i + 1 < len) lines++;
    out->nlines = lines;
    out->line_map = oct_xmalloc(lines * sizeof(int));
    for (size_t i = 0; i < lines; i++) out->line_map[i] = (int)i + 1;
    return 0;
}

void oct_normalized_release(oct_normalized *n)
{
    free(n->text);
    free(n->line_map);
    n->text = NULL;
    n->line_map = NULL;
}
