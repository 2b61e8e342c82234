/* Links inside the booklet: the places a link may name and how a link's
 * url finds them.
 *
 * A place is an anchor on a node (oct_node.anchors): GitHub's anchor of a
 * heading as its author wrote it, or one set by hand (<a name>, <a id>,
 * id=). A link names a place with "#anchor" (same file first, then the
 * whole book), "other.md#anchor", "./other.md" (the chapter made from that
 * source file), "Other note#anchor" (a note's name, as a wikilink names it:
 * the one source of that name in any folder, or of those folders from the
 * vault's root, without its extension, in any case) or a node's own id.
 * Both backends resolve links here, so
 * the PDF and the EPUB agree on every target. */
#ifndef OCT_TREE_ANCHORS_H
#define OCT_TREE_ANCHORS_H
#include "tree/tree.h"
#include "util/buf.h"

/* Appends GitHub's heading anchor of text to out: lower-cased, every
 * character but letters, marks, decimal and letter numbers, '_' (connector
 * punctuation), '-' and ' ' removed, each space a hyphen. No de-duplication
 * (see oct_anchor_slugger). */
void oct_anchor_slug(const char *text, oct_buf *out);

/* GitHub's de-duplication over one file, in document order: the second
 * "faq" is "faq-1", the third "faq-2" (github-slugger's counting, hashed,
 * so a file of many equal headings stays linear). */
typedef struct {
    struct oct_slug_seen *slots;
    size_t n, cap;
} oct_anchor_slugger;
/* The unique anchor of text in arena a; the slugger keeps its own copies. */
const char *oct_anchor_slugger_next(oct_anchor_slugger *s, oct_arena *a, const char *text);
void oct_anchor_slugger_free(oct_anchor_slugger *s);

/* Adds anchor a (copied into the tree's arena) to n, once; a node keeps
 * at most OCT_MAX_ANCHORS (a source repeating <a name> ten thousand times
 * costs nothing). */
#define OCT_MAX_ANCHORS 32
void oct_node_add_anchor(oct_tree *t, oct_node *n, const char *a);
/* Moves every anchor of from to to (from keeps none). */
void oct_node_move_anchors(oct_tree *t, oct_node *from, oct_node *to);

/* A lookup table over a finished, const tree. */
typedef struct oct_anchor_table oct_anchor_table;
oct_anchor_table *oct_anchor_table_build(const oct_tree *t);
void oct_anchor_table_free(oct_anchor_table *a); /* NULL-safe */

/* The node that url names when written in source file `from` (a span.file
 * index), or NULL when it names no place in the book. Fragments are
 * percent-decoded and tried as written, then lower-cased; a node's id
 * counts too. The result carries the anchor; backends link to it or to its
 * nearest ancestor that they give an id. */
const oct_node *oct_anchor_resolve(const oct_anchor_table *a, const char *url, unsigned from);

/* Whether url is a link inside the booklet's files (a fragment or a
 * relative path, no scheme): such a link that resolves to nothing prints
 * as text. */
bool oct_anchor_is_local(const char *url);

#endif
