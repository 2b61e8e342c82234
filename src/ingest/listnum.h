/* The number an ordered list item was written with. cmark numbers items
 * from the list's start, but notes often restart or skip numbers inside
 * what CommonMark reads as one list ("1.–26." questions, later "1." answers):
 * the written number is what the reader knows the item by. */
#ifndef OCT_LISTNUM_H
#define OCT_LISTNUM_H
#include <stddef.h>

/* A forward cursor over the lines of a text, so looking up items in order
 * stays linear. Zero-initialise. */
typedef struct {
    size_t line; /* 1-based line that `off` starts, 0 before first use */
    size_t off;
} oct_line_cursor;

/* Parses the ordered-list marker ("14." or "14)") at 1-based `line` and
 * byte column `col` of text. Returns the number, or -1 when there is none. */
int oct_listnum_written(const char *text, size_t len, oct_line_cursor *cur, int line, int col);

#endif
