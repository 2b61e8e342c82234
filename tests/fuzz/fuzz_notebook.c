/* Fuzz target: Jupyter notebooks (src/ingest/formats/). Bytes are read as
 * an .ipynb: a refusal reports an error and leaves nothing; a notebook
 * read gives Markdown whose every line has a line of the input, and goes
 * on through ingest (decode, normalize, parse, the pictures it holds)
 * into a tree. */
#include "fuzz.h"
#include "ingest/formats/notebook.h"
#include "ingest/ingest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    oct_diag *diag = oct_diag_new(NULL);
    oct_notebook nb;
    const char *bytes = (const char *)data;
    if (oct_notebook_read("fuzz.ipynb", bytes, size, &nb, diag) == 0) {
        int lines = 1;
        for (size_t i = 0; i < size; i++)
            lines += data[i] == '\n';
        size_t n = 0;
        for (size_t i = 0; i < nb.len; i++)
            n += nb.text[i] == '\n';
        if (n != nb.nlines || strlen(nb.text) > nb.len) abort();
        for (size_t i = 0; i < nb.nlines; i++)
            if (nb.line_map[i] < 0 || nb.line_map[i] > lines) abort();
        oct_notebook_release(&nb);
        /* beneath an empty scratch directory: a picture's path finds nothing */
        char path[4096];
        snprintf(path, sizeof path, "%s/fuzz.ipynb", oct_fuzz_scratch());
        oct_tree *t = oct_tree_new();
        oct_ingest_options opts = {.normalize = true, .root = oct_fuzz_scratch()};
        oct_ingest_source(t, path, bytes, size, NULL, &opts, diag);
        oct_tree_free(t);
        oct_fuzz_cleanup();
    } else if (oct_diag_count(diag, OCT_ERROR) == 0)
        abort();
    oct_diag_free(diag);
    return 0;
}
