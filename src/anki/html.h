/* A field's HTML for Anki: a small, safe writer over a const tree. Every
 * TEXT is escaped (& < > " and ' as entities), so a field never carries
 * markup from a source; no field holds a raw tab, newline or double quote
 * (tabs become &#9;, line ends <br/>, attributes are single-quoted), so a
 * field fits one cell of a tab-separated line; the output is well-formed
 * XML (void elements self-closed). */
#ifndef OCT_ANKI_HTML_H
#define OCT_ANKI_HTML_H

#include "tree/tree.h"
#include "util/buf.h"

/* The inline children of n (a QUESTION's prompt: its blocks, WORDINGs
 * and ANSWERs left out). */
void oct_anki_html_inlines(const oct_node *n, oct_buf *out);
/* The block children of n (an ANSWER's content). */
void oct_anki_html_blocks(const oct_node *n, oct_buf *out);
/* s escaped as text: entities, tabs as &#9;, line ends as <br/> when
 * `lines`, else as one space. */
void oct_anki_html_text(const char *s, int lines, oct_buf *out);

#endif
