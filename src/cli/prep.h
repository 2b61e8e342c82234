/* A booklet's layout and its PDF's fonts, made ready on a second thread
 * while the sources are read and studied (see prep.c). */
#ifndef OCT_CLI_PREP_H
#define OCT_CLI_PREP_H
#include "cli/cli.h"
#include "config/layout.h"
#include "pdf/pdf.h"

#include <stdbool.h>

typedef struct oct_prep oct_prep;

/* Starts loading layout_name (oct_layout_load, from the data directory)
 * and, when want_pdf, oct_pdf_new on it; messages are kept under diag's
 * style and -W policy until oct_cli_prep_finish. */
oct_prep *oct_cli_prep_start(const char *layout_name, bool want_pdf, const oct_diag *diag);
/* The same, with --impose ("saddle", "none"; NULL: the layout's) set on
 * the layout before the PDF is made, and the hyphenation patterns of
 * `lang` (the booklet's language; NULL: none) loaded beside it. */
oct_prep *oct_cli_prep_start_imposed(const char *layout_name, bool want_pdf, const char *impose,
                                     const char *lang, const oct_diag *diag);

/* Waits for it, then passes its messages and the files it read on to diag
 * and the command's recorder; its time goes to the load phase. 0, or -1
 * when the layout failed to load. */
int oct_cli_prep_finish(oct_prep *p, const oct_build_opts *o, oct_diag *diag);

/* The layout loaded (after a successful finish). */
const oct_layout *oct_cli_prep_layout(const oct_prep *p);

/* Takes the PDF made ready (NULL when oct_pdf_new failed or none was
 * wanted: its messages say why) and the buffer it reports to, which stays
 * p's (flush it with oct_diag_flush before oct_cli_prep_free). */
oct_pdf *oct_cli_prep_take_pdf(oct_prep *p, oct_diag **diag);

/* Waits for it if need be and frees it all, the layout included;
 * messages never flushed are dropped (NULL-safe). */
void oct_cli_prep_free(oct_prep *p);

#endif
