/* The progress line of a long build on a terminal:
 *
 *   octavo: 37/50 sources read, 412 pages laid out, 12 files written
 *
 * It appears once the run has taken a second, is redrawn in place (\r) at
 * most ten times a second as sources are read, PDFs laid out and files
 * written, and is wiped before any diagnostic and at the end. Off when
 * stderr is not a terminal or with -q; every call then does nothing, as
 * it does on a NULL pointer. */
#ifndef OCT_CLI_PROGRESS_H
#define OCT_CLI_PROGRESS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct oct_progress oct_progress;

/* out: the terminal (stderr); enabled false gives a silent object. */
oct_progress *oct_progress_new(FILE *out, bool enabled);
/* Wipes the line and frees (NULL-safe). */
void oct_progress_free(oct_progress *p);

void oct_progress_expect_sources(oct_progress *p, size_t n);
void oct_progress_source_read(oct_progress *p);
void oct_progress_pages(oct_progress *p, size_t n);
void oct_progress_file_written(oct_progress *p);
/* Wipes the line (it comes back at the next event); takes an
 * oct_progress * as void *, to serve as oct_diag's before-print hook. */
void oct_progress_clear(void *p);

#endif
