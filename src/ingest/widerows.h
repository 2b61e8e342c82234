/* Guard against cmark-gfm's table extension on very wide rows (internal to
 * ingest). */
#ifndef OCT_WIDEROWS_H
#define OCT_WIDEROWS_H
#include <stddef.h>

#include "oct_limits.h"

/* Tables wider than this many columns keep the rest of a row as one cell. */
#define MAX_TABLE_COLUMNS OCT_LIMIT_TABLE_COLUMNS

/* Returns a malloc'd copy of text with the pipes past the limit escaped
 * (outside code and HTML blocks), its length in *outlen and the first
 * changed line in *first_line; or NULL when no line is too wide. */
char *oct_md_escape_wide_rows(const char *text, size_t len, size_t *outlen, int *first_line);

#endif
