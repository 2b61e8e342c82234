/* Internals shared by html.c (the libxml2 side) and html_map.c (the tree
 * side) of the HTML mapper. */
#ifndef OCT_HTML_INT_H
#define OCT_HTML_INT_H
#include <libxml/HTMLparser.h>

#include "ingest/html/html.h"
#include "util/buf.h"

/* What an element becomes. */
typedef enum {
    H_UNKNOWN,  /* no HTML element: its tag stays literal text */
    H_ROOT,     /* html, head, body: nothing */
    H_VOID,     /* wbr, source: nothing, no warning */
    H_DROP,     /* dropped with its content and a warning */
    H_TBLOCK,   /* transparent block: div, center, … */
    H_TINLINE,  /* transparent inline: span, font, small, u, … */
    H_DETAILS,  /* DETAILS */
    H_SUMMARY,  /* SUMMARY */
    H_HEADING,  /* SECTION */
    H_P,        /* PARAGRAPH */
    H_BR,       /* LINE_BREAK */
    H_HR,       /* THEMATIC_BREAK */
    H_QUOTE,    /* BLOCKQUOTE */
    H_PRE,      /* CODE_BLOCK */
    H_LIST,     /* ul, ol */
    H_LI,       /* ITEM */
    H_TABLE,    /* TABLE */
    H_TSECTION, /* thead, tbody, tfoot */
    H_TR,       /* TABLE_ROW */
    H_CELL,     /* td, th */
    H_COL,      /* col, colgroup: a column's alignment */
    H_INLINE,   /* b, i, code, sup, s, …: the inline kind of the table */
    H_LINK,     /* a: LINK when it has an href */
    H_IMG,      /* IMAGE */
    H_IMPLICIT, /* no element: a paragraph, list, row or cell text needed */
} h_role;

typedef struct {
    const char *name;
    h_role role;
    oct_kind kind; /* H_INLINE */
    int level;     /* H_HEADING */
} h_elem;

/* Looks up an element by lower-case name; NULL for unknown names. */
const h_elem *oct_html_elem(const char *name, size_t len);

typedef struct {
    h_role role;
    const char *name;  /* element name (static or arena), for literals/warnings */
    oct_node *node;    /* where content goes; NULL: transparent */
    size_t owner;      /* cmark frame depth */
    int xdepth;        /* libxml2 depth at its start; -1 for implicit entries */
    bool thead;        /* H_TSECTION "thead" */
    bool all_th;       /* H_TR: every cell so far a <th> */
    unsigned feed;     /* the HTML block it started in (oct_html.feeds) */
    oct_align align;   /* H_TR, colgroup: the default of their cells */
    oct_align *aligns; /* a table's column alignments so far (arena) */
    int naligns, cols; /* their count; <col> columns seen */
    /* The entry at or below this one, of the same owner, that has a node
     * or drops its content (SIZE_MAX: none): where its content goes,
     * found without walking thousands of transparent entries. */
    size_t reach;
} h_entry;

#define H_MAX_DROPS 24
#define H_MAX_LINES 6

typedef struct {
    const char *name;
    int lines[H_MAX_LINES];
    int nlines, count;
} h_drop;

struct oct_html {
    oct_html_env env;
    htmlParserCtxtPtr ctxt;
    h_entry *st;
    size_t n, cap;
    int xdepth;  /* libxml2's depth (start events minus end events) */
    int dropped; /* entries of dropped elements open */
    int real;    /* entries that made a node (nesting limit) */
    /* the fragment being fed */
    size_t owner;
    oct_node *base;
    int raw_line, lx_base;
    oct_span sp;
    bool inline_frag, known;
    unsigned feeds; /* HTML blocks fed so far */
    /* pending text */
    oct_buf text;
    oct_node *text_parent;
    oct_span text_span;
    oct_buf pre; /* text of the open <pre> */
    int in_pre;
    oct_buf scratch;
    h_drop drops[H_MAX_DROPS];
    size_t ndrops;
    bool warned_chars, warned_depth;
    bool in_title, title_seen; /* inside the first <title> (env.title), past it */
    bool finishing;            /* the parse is ending: events map to nothing */
    bool resync;               /* end tags fed to libxml2 after a forced close: no content */
    oct_node *sink;            /* detached: where content of a dropped element goes */
};

/* html.c */
/* Span of the event libxml2 is at now. */
oct_span oct_html_here(const oct_html *h);
/* Copy of s[0..n) with control characters removed, in the tree's arena. */
char *oct_html_clean(oct_html *h, const char *s, size_t n, oct_span sp);
/* The source text of the start tag libxml2 is parsing ("<Token a=1>"). */
void oct_html_raw_tag(const oct_html *h, oct_buf *out);
/* True when the input just consumed ends with "</name>": an end tag the
 * source wrote, not one libxml2 implied. */
bool oct_html_explicit_end(const oct_html *h, const char *name);

/* html_map.c: SAX events, and the entry stack. */
void oct_html_start(oct_html *h, const char *name, const char **attrs);
void oct_html_end(oct_html *h, const char *name);
void oct_html_chars(oct_html *h, const char *s, size_t n);
/* Text as written (an unfinished tag): not collapsed, not decoded. */
void oct_html_literal(oct_html *h, const char *s, size_t n);
/* Creates the pending TEXT node. */
void oct_html_flush(oct_html *h);
/* A dropped element (<script>, <iframe>…) opened in the HTML block just
 * fed ends with it: it cannot swallow the blocks that follow. */
void oct_html_end_block_drops(oct_html *h);
/* Closes entry i and all entries above it. */
void oct_html_close_from(oct_html *h, size_t i);

/* html_map.c: helpers for html_table.c and html_hooks.c. */
oct_node *oct_html_dest(const oct_html *h);
h_entry *oct_html_push(oct_html *h, h_role role, const char *name, oct_node *node, int xdepth);
oct_node *oct_html_add(oct_html *h, oct_node *parent, oct_kind kind);
oct_node *oct_html_implicit(oct_html *h, oct_node *parent, oct_kind kind);
oct_node *oct_html_block_parent(oct_html *h);
oct_node *oct_html_inline_parent(oct_html *h);
bool oct_html_too_deep(oct_html *h);
bool oct_html_holds_blocks(oct_kind k);
bool oct_html_holds_inlines(oct_kind k);
void oct_html_put_text(oct_html *h, oct_node *p, const char *s, size_t n);
const char *oct_html_attr(const char **attrs, const char *name);

/* html_table.c: <table>, <tr>, <td>, <col> and their alignment. */
void oct_html_start_table(oct_html *h, const h_elem *e, const char **attrs, int xd);
/* The table of entry e closes: rows padded, column alignments set. */
void oct_html_finish_table(oct_html *h, const h_entry *e);

#endif
