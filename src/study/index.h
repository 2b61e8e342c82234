/* The booklet's index, read from a finished (const) tree: inline-code
 * terms (`select_related`), short bold terms, the abbreviations the
 * booklet defines ("Django REST Framework (DRF)") and the manifest's
 * topic keywords where the text uses them. Each term lists the places it
 * occurs (at most OCT_INDEX_MAX_LOCS), in the booklet language's collation
 * order (ICU). Both backends build it the same way; README "Index". */
#ifndef OCT_STUDY_INDEX_H
#define OCT_STUDY_INDEX_H
#include "tree/tree.h"

#include <stdbool.h>
#include <stddef.h>

/* Places listed per term: a term on every page would fill lines. */
#define OCT_INDEX_MAX_LOCS 10

/* One place a term occurs. `node` is the CODE or STRONG node, or the TEXT
 * node holding it at bytes [off, off + len) of node->text (len 0: the whole
 * node). `target` is where a link goes: the nearest QUESTION holding it,
 * else the SECTION heading it follows, else its CHAPTER; it has an id. */
typedef struct {
    const oct_node *node;
    size_t off, len;
    const oct_node *target;
} oct_index_loc;

typedef struct {
    const char *text;      /* as printed ("select_related", "DRF") */
    const char *expansion; /* an abbreviation's words ("Django REST Framework"), or NULL */
    bool code;             /* printed in monospace */
    /* initial-letter heading: the letter upper-cased, accents stripped ("É"
     * under "E"), or "#" for symbols and digits */
    const char *group;
    const oct_index_loc *locs; /* one per target, document order */
    size_t nlocs;
} oct_index_term;

typedef struct oct_index oct_index;

/* Reads the index of t (ids assigned). Never NULL; free with
 * oct_index_free (NULL-safe). Strings live as long as the index. */
oct_index *oct_index_build(const oct_tree *t);
void oct_index_free(oct_index *ix);
/* Whether the index is worth pages of its own: a handful of terms, or a
 * short list of nothing but code names, sends the reader nowhere the
 * contents do not. Both backends leave such an index out. */
#define OCT_INDEX_MIN_TERMS 8
#define OCT_INDEX_MIN_CODE_ONLY 16
bool oct_index_worth_printing(const oct_index *ix);
/* The terms in collation order, and their count. */
const oct_index_term *oct_index_terms(const oct_index *ix, size_t *n);

#endif
