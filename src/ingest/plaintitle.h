/* The title line of a plain-text note (internal to ingest).
 *
 * Notes typed or pasted into a .txt file often open with a title on a line
 * of its own ("Cell Biology Review", blank line, then the notes). Markdown
 * marks it with '#'; plain text cannot, so it printed as the body's first
 * paragraph while the chapter took its title from the file name. */
#ifndef OCT_INGEST_PLAINTITLE_H
#define OCT_INGEST_PLAINTITLE_H
#include "ingest/normalize/normalize.h"

#include <stdbool.h>

/* When the normalized text's first line reads as a title, it becomes a
 * level-1 heading ("# " written before it; lines keep their numbers), which
 * names the chapter unless the manifest gives it a title (then it stays a
 * heading of the chapter). A title: the first line of the text, unindented,
 * with a blank line and more text after it; up to 100 bytes and 12 words;
 * opening with a letter; not ending like a sentence, a question or a label
 * (. ? ! : ; ,) nor holding two sentences; no colon, tab, URL or code
 * characters; not opening with a question word or a Q/A label (a
 * question's text stays a question). An exam paper (n->exam) prints its
 * rubric straight under its title ("Klausur Physik" over "Bearbeitungszeit:
 * 45 Minuten"): there the blank line may be missing, and a line that is a
 * question's label, ends in marks, or is a section, a total or a mark
 * scheme's caption is no title.
 * Returns whether the line was made a heading. */
bool oct_plain_title(oct_normalized *n);

#endif
