/* EPUB 3 backend (libxml2 + libzip). Same contract as the PDF backend:
 * new → render → close (atomic write, can fail) → free (NULL-safe). */
#ifndef OCT_EPUB_H
#define OCT_EPUB_H
#include "config/layout.h"
#include "diag.h"
#include "tree/tree.h"

typedef struct oct_epub oct_epub;

oct_epub *oct_epub_new(const oct_layout *layout, oct_diag *diag);
int oct_epub_render(oct_epub *e, const oct_tree *tree);
int oct_epub_close(oct_epub *e, const char *path);
void oct_epub_free(oct_epub *e);

#endif
