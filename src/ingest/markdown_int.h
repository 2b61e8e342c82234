/* The Markdown walk's state, shared by markdown.c (cmark -> tree) and
 * markdown_html.c (its HTML side: html.h, and Markdown blocks folded into
 * an HTML table cell). Internal to ingest. */
#ifndef OCT_MARKDOWN_INT_H
#define OCT_MARKDOWN_INT_H
#include "ingest/html/html.h"
#include "ingest/listnum.h"
#include "ingest/markdown.h"
#include "util/buf.h"

#include <cmark-gfm.h>
#include <stdbool.h>

/* One open cmark container during the walk. */
typedef struct {
    cmark_node *src;
    oct_node *dst; /* where children go: the new node, or an ancestor if flattened */
    int depth;     /* depth of dst below the chapter */
    bool flattened;
    oct_span block;          /* innermost block: the position of inlines without one */
    int first_raw, last_raw; /* its cmark lines, to reject bogus inline positions */
    int next_number;         /* LIST: the number of its next ITEM */
    int last_written;        /* LIST: the number its previous ITEM was written with */
    size_t hown;             /* folded into a table cell: the HTML owner (0: its depth) */
} frame;

/* A footnote definition as cmark left it (defs sit at the document's end in
 * cmark's reference order; a reference's literal is that 1-based position). */
typedef struct {
    cmark_node *node;
    const char *label;
    int col; /* of its "[^", 0 if not found */
    oct_node *def;
    int index; /* our number, 0 until referenced */
} footnote;

typedef struct {
    oct_tree *t;
    const oct_markdown_source *src;
    oct_diag *diag;
    const char *text;
    size_t len;
    int offset; /* lines of the synthetic prefix fed before the text */
    frame *stack;
    size_t nstack, capstack;
    footnote *fns;
    size_t nfns, next_def;
    int next_index;
    int line_hint;     /* cmark line of the current inline (see span_of) */
    oct_node *pending; /* TEXT still collecting adjacent text into `merged` */
    oct_buf merged, scratch;
    bool warned_nesting, warned_chars;
    bool warned_table;     /* for the current table */
    oct_line_cursor items; /* for reading written item numbers */
    oct_html *html;        /* the chapter's HTML (see html.h) */
    bool html_in_para;     /* an inline tag was fed in the open paragraph */
    bool eat_space;        /* a comment vanished after a blank: skip the next one */
    bool cell_end_known;   /* cell_end_raw is computed (markdown_html.c) */
    int cell_end_raw;      /* cmark line of the last </td>, </th> or </table>; 0: none */
} conv;

/* markdown.c */
char *oct_md_clean_text(conv *c, const char *s, size_t n, oct_span sp);
void oct_md_flush_text(conv *c);
void oct_md_append(conv *c, oct_node *parent, oct_node *child);
void oct_md_append_text(conv *c, oct_node *parent, const char *s, size_t n, oct_span sp);
void oct_md_push(conv *c, const frame *f);

/* markdown_html.c */
/* The HTML owner of the frame on top: its depth, or the frame a folded
 * frame shares it with. */
size_t oct_md_html_owner(const conv *c);
void oct_md_html_block(conv *c, oct_node *base, cmark_node *n, oct_span sp);
void oct_md_html_inline(conv *c, const frame *up, oct_node *base, cmark_node *n, oct_span sp);
/* Before node n enters frame up: open HTML elements that cannot hold a
 * Markdown block close, and up->dst becomes the innermost element still
 * open (the frame's own node is returned in *base). A block between <td>
 * and </td> is folded into the cell: then true (n is handled). */
bool oct_md_html_prologue(conv *c, frame *up, cmark_node *n, oct_span sp, oct_node **base);

#endif
