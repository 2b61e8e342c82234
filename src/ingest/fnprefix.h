/* Footnote definitions cmark-gfm would drop (internal to ingest): cmark
 * deletes definitions nothing refers to, so markdown.c feeds a one-line
 * paragraph "[^label]" for each label that looks defined before the text
 * (moved out of markdown.c unchanged). */
#ifndef OCT_FNPREFIX_H
#define OCT_FNPREFIX_H
#include <stddef.h>

/* Length of the label of "[^label]:" at s[0..n), or 0 if there is none. */
size_t oct_md_def_label_at(const char *s, size_t n);
/* Returns the malloc'd prefix (length *plen, *lines lines) or NULL if no
 * line looks like a footnote definition. */
char *oct_md_footnote_prefix(const char *text, size_t len, size_t *plen, int *lines);

#endif
