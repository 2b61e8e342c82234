/* Links a reader should never follow (internal to ingest). */
#ifndef OCT_INGEST_LINKSCHEME_H
#define OCT_INGEST_LINKSCHEME_H
#include <stdbool.h>

#include "diag.h"
#include "tree/tree.h"

/* True when url names a scheme other than http, https and mailto
 * ("javascript:", "data:", "vbscript:", "file:", "ftp:", ...), read the
 * way browsers read it: leading spaces and controls skipped, tabs and
 * newlines inside ignored, any case. Relative paths and "#fragments"
 * have no scheme and are not unsafe. */
bool oct_link_unsafe(const char *url);

/* Every LINK of the chapter with an unsafe URL becomes its text (the link
 * node goes, its children stay in its place), with one [link-unsafe]
 * warning per chapter at the first, counting the others. */
void oct_ingest_unsafe_links(oct_tree *t, oct_node *chapter, const char *path, oct_diag *diag);

#endif
