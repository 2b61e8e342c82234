/* Fuzz target: a whole build. One source (the input; first byte: .md or
 * .txt, study or quiz mode) is ingested, studied, given ids and written as
 * PDF and EPUB with the a4 layout. The backends write files only (libharu
 * saves to a path, the EPUB is zipped to a path, both atomically), so the
 * outputs go to a scratch directory (on /dev/shm when there is one) and
 * are replaced by the next input. Each run must end with both files
 * written or an error reported — never a crash. */
#include "config/layout.h"
#include "epub/epub.h"
#include "fuzz.h"
#include "ingest/ingest.h"
#include "pdf/pdf.h"
#include "study/study.h"
#include "tree/tree.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef OCTAVO_DATA_DIR
#define OCTAVO_DATA_DIR "."
#endif

static oct_layout layout;
static int layout_state; /* 0: not loaded, 1: loaded, -1: failed */

static const oct_layout *get_layout(void)
{
    if (!layout_state) {
        oct_diag *d = oct_diag_new(stderr);
        layout_state = oct_layout_load("a4", OCTAVO_DATA_DIR "/layouts", OCTAVO_DATA_DIR "/fonts",
                                       &layout, d) == 0
                           ? 1
                           : -1;
        oct_diag_free(d);
        if (layout_state < 0) abort(); /* the shipped layout must load */
    }
    return &layout;
}

static void render(const oct_tree *t, oct_diag *diag)
{
    char path[1024];
    const char *dir = oct_fuzz_scratch();
    size_t errors = oct_diag_count(diag, OCT_ERROR);
    oct_pdf *p = oct_pdf_new(get_layout(), diag);
    snprintf(path, sizeof path, "%s/fuzz.pdf", dir);
    int prc = p && oct_pdf_render(p, t) == 0 && oct_pdf_close(p, path) == 0 ? 0 : -1;
    oct_pdf_free(p);
    oct_epub *e = oct_epub_new(get_layout(), diag);
    snprintf(path, sizeof path, "%s/fuzz.epub", dir);
    int erc = e && oct_epub_render(e, t) == 0 && oct_epub_close(e, path) == 0 ? 0 : -1;
    oct_epub_free(e);
    /* A failed backend must have said why. */
    if ((prc || erc) && oct_diag_count(diag, OCT_ERROR) == errors) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned flags = size ? data[0] : 0;
    oct_diag *diag = oct_diag_new(NULL);
    oct_tree *t = oct_tree_new();
    t->meta.title = "Fuzz";
    t->meta.lang = "en";
    t->meta.group_by = "source";
    t->meta.mode = (flags & 2) ? "quiz" : "study";
    oct_ingest_options opts = {.normalize = true};
    oct_node *ch = oct_ingest_source(t, (flags & 1) ? "notes.txt" : "notes.md",
                                     size ? (const char *)data + 1 : "", size ? size - 1 : 0, NULL,
                                     &opts, diag);
    if (ch) {
        oct_study_options so = {.merge = true, .arrange = (flags & 4) != 0};
        if (oct_study_run_with(t, diag, &so) == 0) {
            oct_tree_fold_title_headings(t);
            oct_tree_assign_ids(t);
            render(t, diag);
        }
    }
    oct_tree_free(t);
    oct_diag_free(diag);
    oct_fuzz_cleanup();
    return 0;
}
