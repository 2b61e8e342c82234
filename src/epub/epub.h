/* EPUB 3 backend (libxml2 + libzip). Same contract as the PDF backend:
 * new → render → close (atomic write, can fail) → free (NULL-safe).
 *
 *   oct_epub *e = oct_epub_new(&layout, diag);
 *   if (oct_epub_render(e, tree) == 0 && oct_epub_close(e, "out/x.epub") == 0) ok;
 *   oct_epub_free(e);
 *
 * The book: a title page, the navigation document and an NCX, one XHTML
 * file per CHAPTER (and per PART), one stylesheet; metadata from
 * tree->meta (language "en" and a title-derived urn:uuid when missing).
 * Output depends only on the tree: two renders of the same tree give the
 * same bytes. Links that would not validate (relative paths, unsafe
 * schemes, fragments naming nothing) keep their text without the link and
 * are reported as notes; images are never fetched (their alt text is
 * shown). Problems are reported to diag. */
#ifndef OCT_EPUB_H
#define OCT_EPUB_H
#include "config/layout.h"
#include "diag.h"
#include "tree/tree.h"

typedef struct oct_epub oct_epub;

/* layout may be NULL; only its heading sizes are used (relative to the
 * body size) and nothing of it is kept. Never returns NULL. */
oct_epub *oct_epub_new(const oct_layout *layout, oct_diag *diag);
/* Builds every file of the book in memory from a finished, read-only tree
 * (ids assigned). Returns 0, or -1 after reporting an error. Rendering
 * again replaces the previous result. */
int oct_epub_render(oct_epub *e, const oct_tree *tree);
/* The back-of-book index (study/index.h) of the tree render will be
 * given, built once by the caller for every backend and kept by it until
 * the EPUB is freed. Without it, render builds its own. */
struct oct_index;
void oct_epub_use_index(oct_epub *e, const struct oct_index *ix);
/* Writes the rendered book to path through a temporary file and a rename,
 * so a failure leaves any previous file untouched. Returns 0 or -1. */
int oct_epub_close(oct_epub *e, const char *path);
void oct_epub_free(oct_epub *e);
/* The rendered book's size before compression (0 before rendering): what
 * its rendering needed in memory grows with it. */
size_t oct_epub_book_bytes(const oct_epub *e);

#endif
