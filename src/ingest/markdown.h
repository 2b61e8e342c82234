/* CommonMark + GFM text → octavo tree (internal to ingest). The only
 * interface to cmark-gfm: one fresh parser per call, so an unclosed code
 * fence or HTML block in one source cannot swallow the next one. */
#ifndef OCT_MARKDOWN_H
#define OCT_MARKDOWN_H
#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "ingest/html/html.h"
#include "tree/tree.h"

typedef struct {
    const char *path;           /* for messages */
    unsigned file;              /* span.file given to every node */
    const int *line_map;        /* line_map[i] = original line of text line i+1; NULL: identity */
    size_t nlines;              /* entries in line_map */
    bool hard_breaks;           /* plain text: a newline that ends a line on purpose is a break */
    oct_html_title *html_title; /* NULL, or where a saved page's <title> goes (html.h) */
} oct_markdown_source;

/* Parses text[0..len) (valid UTF-8, LF line ends) with the table,
 * strikethrough, autolink and tasklist extensions and footnotes, and appends
 * the resulting blocks to `chapter`. Every node gets span {file, original
 * line, column}; inlines that cmark leaves without a position take their
 * block's. HTML elements become nodes (see html.h); a tag that names no
 * HTML element stays literal TEXT. Code block text loses its final newline.
 * Footnote definitions go to the end of the chapter, numbered 1.. in order of
 * first reference; a definition never referenced is kept (numbered last) with
 * an [unused-footnote] warning. Containers nested deeper than OCT_MAX_NESTING
 * are flattened into their parent ([limit-nesting], once per call).
 * Adjacent TEXT nodes are merged. Returns 0, or -1 after reporting an error. */
int oct_markdown_parse(oct_tree *t, oct_node *chapter, const oct_markdown_source *src,
                       const char *text, size_t len, oct_diag *diag);

#endif
