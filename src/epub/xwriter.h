/* A thin layer over libxml2's xmlTextWriter (the only file that includes
 * libxml2): every document of the EPUB is written through it, so markup is
 * never assembled from strings and every text and attribute value is
 * escaped and cleaned of characters XML forbids.
 *
 * Calls never fail individually; the first libxml2 error is remembered and
 * reported by oct_epub_xw_finish(). */
#ifndef OCT_EPUB_XWRITER_H
#define OCT_EPUB_XWRITER_H
#include <stddef.h>

#include "diag.h"

typedef struct oct_epub_xw oct_epub_xw;

/* A new in-memory document with its XML declaration written. Never NULL. */
oct_epub_xw *oct_epub_xw_new(void);
/* A writer that writes nothing and only counts: oct_epub_xw_drain gives
 * the bytes a writer from oct_epub_xw_new would have written by then
 * (libxml2 never runs), and finish an empty document. For measuring and
 * rehearsing documents: rendering through libxml2 was most of their cost. */
oct_epub_xw *oct_epub_xw_counter(void);
void oct_epub_xw_free(oct_epub_xw *x); /* NULL-safe */

void oct_epub_xw_start(oct_epub_xw *x, const char *name);
/* Adds an attribute to the element just started; NULL values are skipped. */
void oct_epub_xw_attr(oct_epub_xw *x, const char *name, const char *value);
void oct_epub_xw_attr_int(oct_epub_xw *x, const char *name, long value);
/* Closes the innermost element with an explicit end tag (<p></p>). */
void oct_epub_xw_end(oct_epub_xw *x);
/* Closes the innermost element as an empty tag (<br/>): for void elements. */
void oct_epub_xw_end_empty(oct_epub_xw *x);
/* Character data: the UTF-8 is cleaned (characters not allowed in XML,
 * C1 controls and noncharacters become U+FFFD, CR is dropped) and escaped. */
void oct_epub_xw_text(oct_epub_xw *x, const char *s);
void oct_epub_xw_textn(oct_epub_xw *x, const char *s, size_t n);
/* A line break between block elements, to keep the output readable. */
void oct_epub_xw_nl(oct_epub_xw *x);
/* start + text + end. */
void oct_epub_xw_element(oct_epub_xw *x, const char *name, const char *text);

/* For measuring: the bytes written since the last call (or since the
 * start), which are then dropped; the open elements stay open. A
 * document measured this way is not finished. */
size_t oct_epub_xw_drain(oct_epub_xw *x);

/* The XHTML 5 skeleton used by every content document: doctype, <html>
 * with the XHTML and OPS namespaces and both lang attributes, <head> with
 * the title and the stylesheet link, then an open <body>. */
void oct_epub_xw_xhtml_begin(oct_epub_xw *x, const char *lang, const char *title,
                             const char *css_href);
/* Closes every element still open and the document. On success stores a
 * malloc'd copy of the bytes (caller frees) and returns 0; returns -1 if
 * any libxml2 call failed. */
int oct_epub_xw_finish(oct_epub_xw *x, char **data, size_t *len);
/* finish, then free x; a failure is reported to diag as "could not write
 * <what>" [epub-xml]. Returns finish's status. */
int oct_epub_xw_close(oct_epub_xw *x, oct_diag *diag, const char *what, char **data, size_t *len);

#endif
