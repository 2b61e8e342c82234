/* Newlines in plain-text notes (internal to ingest). */
#ifndef OCT_NEWLINES_H
#define OCT_NEWLINES_H
#include <stdbool.h>

#include <cmark-gfm.h>

/* For a soft break of a plain-text source: true when the writer ended the
 * line on purpose (a sentence, a label, an item, the next line starting
 * with a capital, digit or symbol), false when it merely wraps a sentence
 * ("…the data,\nthe rules for…"), which reads best joined. */
bool oct_newline_is_hard(cmark_node *softbreak);

#endif
