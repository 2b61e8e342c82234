/* PDF backend (libharu). Reads a finished, read-only tree and a layout;
 * owns nothing of either.
 *
 *   oct_pdf *p = oct_pdf_new(&layout, diag);
 *   if (oct_pdf_render(p, tree) == 0 && oct_pdf_close(p, "out/x.pdf") == 0) ok;
 *   oct_pdf_free(p);
 *
 * close() writes atomically (temp file + rename) and can fail; free() is
 * NULL-safe and always safe. Errors are reported to diag. */
#ifndef OCT_PDF_H
#define OCT_PDF_H
#include "config/layout.h"
#include "diag.h"
#include "tree/tree.h"

#include <stdbool.h>

typedef struct oct_pdf oct_pdf;

oct_pdf *oct_pdf_new(const oct_layout *layout, oct_diag *diag);
int oct_pdf_render(oct_pdf *p, const oct_tree *tree);
/* The back-of-book index (study/index.h) of the tree render will be
 * given, built once by the caller for every backend and kept by it until
 * the PDF is freed. Without it, render builds its own. */
struct oct_index;
void oct_pdf_use_index(oct_pdf *p, const struct oct_index *ix);
/* Loads the hyphenation patterns of lang ahead of oct_pdf_render (which
 * uses them when the tree's language is the same); quiet: render reports
 * a language without patterns. */
void oct_pdf_preload_hyphenation(oct_pdf *p, const char *lang);
/* The loading itself (the patterns parsed: milliseconds), which may go on
 * on the preparing thread while render begins: render then calls `wait`
 * (given with oct_pdf_await_hyphenation) before it first hyphenates or
 * frees them. */
void oct_pdf_load_hyphenation(oct_pdf *p);
void oct_pdf_await_hyphenation(oct_pdf *p, void (*wait)(void *), void *arg);
int oct_pdf_close(oct_pdf *p, const char *path);
/* With on, render and close measure where their time goes (a clock read
 * per shaped run): oct_pdf_times gives the seconds spent shaping text and
 * subsetting fonts, and painting, compressing and saving; the rest of
 * render is layout. */
void oct_pdf_time(oct_pdf *p, bool on);
typedef struct {
    double shape, write;
} oct_pdf_times;
oct_pdf_times oct_pdf_times_of(const oct_pdf *p);
/* Pages laid out by the last successful render (0 before one). */
size_t oct_pdf_page_count(const oct_pdf *p);
/* Sheets of an imposed PDF (layout `impose: saddle`), and its signatures
 * into *signatures (may be NULL); 0 when not imposed. */
size_t oct_pdf_sheet_count(const oct_pdf *p, size_t *signatures);
void oct_pdf_free(oct_pdf *p);

#endif
