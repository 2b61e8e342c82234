/* The PDF and EPUB backends of one booklet, run side by side (the EPUB on
 * a second thread) on the finished, read-only tree. Diagnostics, the
 * progress line and the files read come out as a sequential build (PDF,
 * then EPUB) gives them; see backends.c. */
#ifndef OCT_CLI_BACKENDS_H
#define OCT_CLI_BACKENDS_H
#include "cli/cli.h"
#include "cli/prep.h"

#include <stdbool.h>

typedef struct {
    bool pdf, epub;       /* which backends run */
    const char *pdf_path; /* where each writes (staged); NULL: laid out only */
    const char *epub_path;
    bool epub_after_failed_pdf;  /* check: the EPUB's messages count even then */
    size_t *sheets, *signatures; /* out when not NULL: the imposed PDF's (0: not imposed) */
} oct_backend_run;

enum { OCT_FAILED_PDF = 1, OCT_FAILED_EPUB = 2 };

/* The stack of a thread octavo starts (a backend, a booklet of --jobs):
 * deep trees recurse in ingest and the writers, and the main thread's
 * limit (8 MB by default) is what the tests were run with. */
enum { OCT_CLI_THREAD_STACK = 32u << 20 };

/* Runs the backends r asks for on the layout and PDF that prep made ready
 * (the PDF is taken and freed); returns the OCT_FAILED_* bits of those
 * that failed. Their times go to o->timings. */
unsigned oct_cli_backends(const oct_tree *t, oct_prep *prep, const oct_backend_run *r,
                          const oct_build_opts *o, oct_diag *diag);

#endif
