/* Fuzz target: decode + repair + normalize. Raw bytes go through the first
 * ingest stage (charset detection, UTF-8 clean-up, mojibake repair) and the
 * plain-text normalizer; the text that comes out must be valid UTF-8 without
 * NUL, and the normalizer's line map must point into the input. */
#include "fuzz.h"
#include "ingest/ingest.h"
#include "ingest/normalize/normalize.h"

#include <stdlib.h>
#include <string.h>

static void check_utf8(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        size_t k = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (!k || c == 0 || i + k > n) abort();
        for (size_t j = 1; j < k; j++)
            if (((unsigned char)s[i + j] & 0xC0) != 0x80) abort();
        i += k;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    oct_diag *diag = oct_diag_new(NULL);
    size_t len = 0;
    /* A name ending in .txt: the plain-text rules apply where they differ. */
    char *text = oct_ingest_decode("fuzz.txt", (const char *)data, size, &len, diag);
    if (text) {
        check_utf8(text, len);
        if (strlen(text) != len) abort();
        oct_normalize_options opts = {.keep_filler = size && (data[0] & 1),
                                      .plain = size && (data[0] & 2)};
        oct_normalized norm = {0};
        if (oct_normalize("fuzz.txt", text, len, &opts, &norm, diag) == 0) {
            check_utf8(norm.text, norm.len);
            for (size_t i = 0; i < norm.nlines; i++)
                if (norm.line_map[i] < 1) abort();
            oct_normalized_release(&norm);
        }
        free(text);
    }
    oct_diag_free(diag);
    return 0;
}
