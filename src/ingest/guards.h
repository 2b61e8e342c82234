/* Limits of limits.h that ingest enforces (internal to ingest). */
#ifndef OCT_INGEST_GUARDS_H
#define OCT_INGEST_GUARDS_H
#include <stddef.h>

#include "diag.h"
#include "oct_limits.h"
#include "tree/tree.h"

/* Decoded text[0..len): 0, or -1 after a [limit-line-length] error naming
 * the first line longer than OCT_LIMIT_LINE_BYTES. */
int oct_guard_lines(const char *path, const char *text, size_t len, oct_diag *diag);

/* Before cmark-gfm: in each block (lines between blank lines) the "[" after
 * the OCT_LIMIT_BRACKETS-th (outside fenced code, code spans and escapes)
 * is escaped as "\[". Returns a malloc'd copy (length *outlen, the first
 * changed line in *first_line) or NULL when no block has that many. */
char *oct_guard_brackets(const char *text, size_t len, size_t *outlen, int *first_line);

/* After parsing one chapter: headings past OCT_LIMIT_HEADINGS or longer
 * than OCT_LIMIT_HEADING_BYTES become paragraphs; rows of a table past
 * OCT_LIMIT_TABLE_ROWS become a code block after it (one line a row, cells
 * between "|"). One warning per limit and chapter. */
void oct_guard_blocks(oct_tree *t, oct_node *chapter, const char *path, oct_diag *diag);

#endif
