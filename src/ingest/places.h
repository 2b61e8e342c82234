/* Places a link can name, set at ingest (see tree/anchors.h), and the
 * "back to top" links a printed booklet has no use for. Internal to
 * src/ingest. */
#ifndef OCT_INGEST_PLACES_H
#define OCT_INGEST_PLACES_H
#include "diag.h"
#include "tree/tree.h"

/* Gives every heading of chapter GitHub's anchor of its text as written,
 * and hands the anchors of an empty paragraph (an "<a name>" alone
 * between blocks) to the block after it. */
void oct_ingest_places(oct_tree *t, oct_node *chapter);

/* Drops links such as "⬆ Back to Top" that point at the top or the table
 * of contents, with one note [nav-link-dropped] naming their lines. */
void oct_ingest_drop_nav_links(oct_tree *t, oct_node *chapter, const char *path, oct_diag *diag);

#endif
