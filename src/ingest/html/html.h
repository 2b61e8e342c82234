/* GitHub-style HTML inside Markdown → tree nodes (internal to ingest).
 *
 * Design: one libxml2 HTML push parser per chapter (SAX; RECOVER, NONET,
 * NOERROR, NOWARNING) is fed every HTML fragment of the chapter in source
 * order: each HTML block whole and each inline tag (a page's frame tags
 * left out, see oct_html_is_frame_tag). libxml2's element
 * stack therefore spans cmark's separate HTML blocks: a <details> opened in
 * one block closes in a later one. The mapper (html_map.c) keeps a stack of
 * the open elements (tables in html_table.c, the walk's hooks in
 * html_hooks.c), each owned by the cmark frame (walk depth) it opened
 * in. The Markdown walk asks oct_html_target() where the content of a frame
 * goes: the innermost open container (say a DETAILS), so the Markdown
 * blocks between "<details>" and "</details>" become its children. */
#ifndef OCT_HTML_H
#define OCT_HTML_H
#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "tree/tree.h"
#include "util/buf.h"

typedef struct oct_html oct_html;

/* The text of a saved page's first <title> (entities decoded, blanks as
 * written) and its line; empty when it has none. */
typedef struct {
    oct_buf text;
    int line;
} oct_html_title;

typedef struct {
    oct_tree *t;
    oct_diag *diag;
    const char *path; /* for messages */
    unsigned file;    /* span.file of every node */
    /* cmark line -> original source line */
    int (*map_line)(const void *ctx, int raw);
    const void *line_ctx;
    /* NULL, or where the first <title>'s text goes: that <title> is then
     * not reported as dropped (the caller names the chapter with it, or
     * says why not) */
    oct_html_title *title;
} oct_html_env;

oct_html *oct_html_new(const oct_html_env *env);
/* Ends the parse (open elements close), reports one [html-dropped] warning
 * per dropped element kind naming its lines, and frees h. NULL-safe. */
void oct_html_finish(oct_html *h);

/* Where content of cmark frame `owner` goes now: the node of the innermost
 * HTML element open in it, or `base` (the frame's own node). */
oct_node *oct_html_target(const oct_html *h, size_t owner, oct_node *base);
/* Where inline content of frame `owner` goes: as oct_html_target, but an
 * HTML table, row or list there opens the implicit cell, item or paragraph
 * that text needs (Markdown text after "</td></tr><tr>" in a cell). */
oct_node *oct_html_inline_target(oct_html *h, size_t owner, oct_node *base);
/* A Markdown block is about to open in frame `owner`: elements open there
 * that cannot hold blocks (a <p>, a <summary>, a <b>, a table row) close;
 * with `into_cell` (a paragraph or heading) an open table cell stays, for
 * its inlines. */
void oct_html_settle(oct_html *h, size_t owner, bool into_cell);
/* Unlinks the breaks an HTML element that made nothing left at the start
 * or end of paragraph p, and p itself if that empties it. */
void oct_html_trim_paragraph(oct_node *p);
/* True while an element that a frame can close is open. */
bool oct_html_open(const oct_html *h);
/* Frame `owner` ends: every element still open in it closes. */
void oct_html_leave(oct_html *h, size_t owner);
/* One HTML block: s[0..n) starting on cmark line raw_line at sp. */
void oct_html_block(oct_html *h, size_t owner, oct_node *base, const char *s, size_t n,
                    int raw_line, oct_span sp);
/* True when inline fragment s[0..n) is a comment or a tag of a known
 * HTML element. */
bool oct_html_is_markup(const char *s, size_t n);
/* True when s[0..n) starts with <!DOCTYPE>, <html>, <head>, <body> or one
 * of their end tags (a pasted page's frame: never fed, it would end the
 * parse); *len is the tag's length. */
bool oct_html_is_frame_tag(const char *s, size_t n, size_t *len);
/* One inline HTML fragment (a single tag or comment, as cmark gives it).
 * Returns false when it is no known HTML element ("<token>", "List<T>"):
 * the caller keeps it as text. */
bool oct_html_inline(oct_html *h, size_t owner, oct_node *base, const char *s, size_t n,
                     oct_span sp);

/* html_title.c: a page's <title> text s[0..n) as a chapter title, in t's
 * arena: blanks collapsed, and a site's name after the last " – ", " — ",
 * " | ", " · " or " - " left out when it is short beside the rest
 * ("Photosynthesis explained – Green Lab Notes"); *site gets that name
 * (arena) or NULL. NULL when nothing is left. */
const char *oct_html_page_title(oct_tree *t, const char *s, size_t n, const char **site);

#endif
