/* Abbreviations a text defines: "Django REST Framework (DRF)" or
 * "(CBV) class-based views" -- the words next to "(ABBR)" whose initials
 * spell ABBR (small words such as "of" skipped, hyphens split words). The
 * same reading teaches the merging pass (cluster_tokens.c) and the index
 * (index.c) what a booklet abbreviates. */
#ifndef OCT_STUDY_ABBREV_H
#define OCT_STUDY_ABBREV_H
#include <stddef.h>

/* Called once per definition found: abbr[0..alen) and its expansion
 * exp[0..elen), both pointing into the scanned text. */
typedef void (*oct_abbrev_fn)(void *ctx, const char *abbr, size_t alen, const char *exp,
                              size_t elen);

/* Every "(ABBR)" of the NUL-terminated s with its expansion before or
 * after it. */
void oct_abbrev_scan(const char *s, oct_abbrev_fn fn, void *ctx);

struct oct_node;
/* oct_abbrev_scan over every TEXT at or below root that holds a "(". */
void oct_abbrev_scan_tree(const struct oct_node *root, oct_abbrev_fn fn, void *ctx);

#endif
