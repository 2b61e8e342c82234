/* Obsidian's inline syntax (wikilinks.c): "[[Target|shown]]" links print
 * as their words, "![[picture.png]]" embeds become pictures, "==text=="
 * highlights print bold. Internal to src/ingest. */
#ifndef OCT_INGEST_WIKILINKS_H
#define OCT_INGEST_WIKILINKS_H
#include "tree/tree.h"

/* Rewrites the text nodes of chapter (not those of a link or a picture's
 * words); run before the pictures are loaded. */
void oct_ingest_wikilinks(oct_tree *t, oct_node *chapter);

#endif
