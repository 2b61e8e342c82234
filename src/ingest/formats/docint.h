/* Inside src/ingest/formats: the unpacked package (package.c), XML helpers
 * (xmlnav.c) and the tree builder the Word and OpenDocument readers share
 * (docbuild.c). */
#ifndef OCT_INGEST_FORMATS_DOCINT_H
#define OCT_INGEST_FORMATS_DOCINT_H
#include <libxml/tree.h>
#include <stdbool.h>

#include "diag_cap.h"
#include "ingest/formats/formats.h"
#include "util/buf.h"
#include "util/strmap.h"
#include "util/unzip.h"

typedef enum { OCT_DOC_DOCX, OCT_DOC_ODT } oct_doc_kind;

/* Parts parsed by oct_doc_open; NULL when the package has none. */
struct oct_doc {
    oct_doc_kind kind;
    oct_unzip *zip; /* kept for the pictures, read when the tree is built */
    xmlDoc *main;   /* word/document.xml, content.xml */
    xmlDoc *styles; /* word/styles.xml, styles.xml */
    xmlDoc *numbering, *rels, *footnotes, *endnotes; /* Word only */
    bool comments;                                   /* word/comments.xml is there */
    char *title;                                     /* dc:title, malloc'd */
    char *lang; /* the language its properties or default style name ("de-DE"), malloc'd */
};

/* ---- package.c ---------------------------------------------------------- */

/* A part of the package read and parsed: NULL when it is absent (and
 * *failed stays 0), or after an error it reported (*failed = 1). Never
 * loads a DTD or resolves an entity, never touches the network. */
xmlDoc *oct_pkg_parse(oct_unzip *zip, const char *path, const char *part, int *failed,
                      oct_diag *diag);

/* ---- xmlnav.c: namespaces matched by a distinctive piece of their URI,
 * so strict and transitional OOXML, and every ODF version, read alike. */
#define NS_W "wordprocessingml"          /* w: */
#define NS_R "officeDocument/2006/relat" /* r: (also the strict form) */
#define NS_TEXT ":opendocument:xmlns:text"
#define NS_TABLE ":opendocument:xmlns:table"
#define NS_STYLE ":opendocument:xmlns:style"
#define NS_DRAW ":opendocument:xmlns:drawing"
#define NS_OFFICE ":opendocument:xmlns:office"
#define NS_FO "xsl-fo-compatible"
#define NS_XLINK "www.w3.org/1999/xlink"

/* n is an element of that namespace and local name. */
bool oct_xml_is(const xmlNode *n, const char *ns, const char *name);
/* The first child element that is ns:name, or NULL. */
xmlNode *oct_xml_child(const xmlNode *n, const char *ns, const char *name);
/* The value of attribute ns:name (ns NULL: any namespace) as a string
 * borrowed from the tree, or NULL. */
const char *oct_xml_attr(const xmlNode *n, const char *ns, const char *name);
/* The attribute of the first child ns:child, e.g. <w:pStyle w:val="x"/>. */
const char *oct_xml_child_attr(const xmlNode *n, const char *ns, const char *child,
                               const char *attr);
/* The element's line in its part (1 when libxml2 kept none). */
int oct_xml_line(const xmlNode *n);
/* All the text below n, appended to out. */
void oct_xml_text_to(const xmlNode *n, oct_buf *out);
/* The first element anywhere below n that is ns:name (depth-first). */
xmlNode *oct_xml_find(const xmlNode *n, const char *ns, const char *name);

/* ---- docbuild.c --------------------------------------------------------- */

enum {
    DB_STRONG = 1,
    DB_EMPH = 2,
    DB_STRIKE = 4,
    DB_SUP = 8,
    DB_SUB = 16,
    DB_CODE = 32,
    DB_NFLAGS = 5 /* the ones that nest (all but DB_CODE) */
};

/* Where a paragraph goes in a list: the level (0 outermost), the list it
 * belongs to (key: same key and level, same list), whether numbered, its
 * number, and whether it continues the item before (a second paragraph). */
typedef struct {
    int level;
    const void *key;
    bool ordered, cont;
    int number;
} db_listpos;

#define DB_MAX_LISTS 16

/* A list open, with the item taking its paragraphs. */
typedef struct {
    oct_node *list, *item;
    int level;
    const void *key;
    bool ordered;
} db_list;
#define DB_MAX_FMT 8
#define DB_WARN_KINDS                                                                              \
    10 /* kinds warned about one by one (db_warn_once), and                                        \
        * pictures of one problem (docpics.c) */

/* What is open where the reader is: the container of blocks, the block
 * taking inlines and its formats, the lists, the code block, the table.
 * A footnote read in the middle of a paragraph (odt.c) is read with a
 * fresh one, and the one it interrupted is put back (db_nest_begin,
 * db_nest_end): one struct copy, so nothing open can be forgotten. The
 * rest of db is the source's bookkeeping, which the note adds to. */
typedef struct {
    oct_node *container;
    /* the block taking inlines, and the inline container (it or a link) */
    oct_node *para, *base;
    oct_node *fmt[DB_MAX_FMT]; /* open STRONG, EMPH... on top of base */
    unsigned fmtflag[DB_MAX_FMT];
    int nfmt;
    oct_buf pend; /* text of runs of the same format, not yet a node */
    unsigned pend_flags;
    int pend_line;
    size_t para_bytes;
    db_list lists[DB_MAX_LISTS];
    int nlists;
    oct_node *code; /* the code block open, its text in codetext */
    oct_buf codetext;
    /* tables: cells hold inlines, so a table in a cell is written as lines */
    oct_node *table, *row, *cell;
    int table_depth, row_cells;
    bool cell_empty, joined; /* joined: a separator ends the cell's text */
} db_open;

typedef struct {
    oct_tree *t;
    oct_diag *diag;
    const char *path;
    unsigned file;
    const char *part; /* the XML part being read, for messages */
    oct_node *chapter;
    db_open o;
    size_t total_bytes;
    /* footnotes referred to, in order: their definitions come last */
    oct_node **notes;
    size_t nnotes, capnotes;
    oct_strmap note_keys;             /* a note's key → its index in notes */
    oct_strmap warned;                /* the unknown things warned about */
    oct_strmap pictures;              /* a package's picture parts read (docpics.c) */
    oct_diag_cap more_kinds;          /* kinds past DB_WARN_KINDS: one warning for them all */
    oct_diag_capped picture_warnings; /* the pictures' warnings, by code (docpics.c) */
    int dropped_comments, dropped_deleted;
    bool failed, deep_warned;
} db;

void db_init(db *b, oct_tree *t, oct_node *chapter, const char *path, oct_diag *diag);
/* Closes what is open, appends the footnotes, reports what was dropped.
 * Returns 0, or -1 if a limit failed the source. */
int db_finish(db *b);
void db_release(db *b);

/* Blocks. A paragraph (PARAGRAPH, or SECTION with level 1..6) placed in
 * the list lp says (NULL: outside lists), or in the table cell open. */
void db_begin(db *b, oct_kind kind, int level, const db_listpos *lp, int line);
/* Ends it: an empty one is dropped; code turns it into (a line of) a code
 * block; a picture alone makes a FIGURE. */
void db_end(db *b, bool code);
void db_blockquote_begin(db *b, int line); /* until db_blockquote_end */
void db_blockquote_end(db *b);

/* Inlines, into the paragraph begun. */
void db_text(db *b, unsigned flags, const char *s, size_t len, int line);
void db_break(db *b, int line);
/* Whether the paragraph's text so far is all CODE (a monospace font). */
bool db_all_code(db *b);
/* Any other inline node (after the text before it, outside its format). */
void db_inline(db *b, oct_node *n);
void db_link_begin(db *b, const char *url, int line); /* url NULL: text only */
void db_link_end(db *b);
/* A picture's bytes (name: its part, for messages), alt text may be "":
 * its IMAGE node, or NULL outside a paragraph. */
oct_node *db_picture(db *b, const char *name, const unsigned char *data, size_t len,
                     const char *alt, int line);
/* A footnote reference; returns the FOOTNOTE_DEF to fill later (its
 * blocks are read at the end: db_note_begin / db_note_end), or NULL when
 * the same note was referred to already. key: the source's id. */
oct_node *db_note_ref(db *b, const char *key, int line);
void db_note_begin(db *b, oct_node *def);
void db_note_end(db *b);
/* A note's blocks read where its reference is, in the middle of a
 * paragraph: what is open is kept in *saved and the blocks go to def;
 * db_nest_end closes what the note opened and puts *saved back. */
void db_nest_begin(db *b, oct_node *def, db_open *saved);
void db_nest_end(db *b, db_open *saved);

/* Tables. span: the columns a cell covers (gridSpan, spanned). */
void db_table_begin(db *b, int line);
void db_row_begin(db *b, bool header, int line);
void db_cell_begin(db *b, int span, int line);
void db_cell_end(db *b);
void db_row_end(db *b);
void db_table_end(db *b);

/* A tab a run holds: a tab in a paragraph's text (so tab-aligned
 * paragraphs make a table at the end, db_tab_tables), a space in a
 * heading. */
void db_tab(db *b, unsigned flags, int line);
/* doctabs.c: runs of three or more paragraphs of container (and of the
 * block quotes, lists and notes in it) aligned by tabs become tables, by
 * the rule the plain-text path uses for tab-separated lines. */
void db_tab_tables(oct_tree *t, oct_node *container);

/* Number n as a numbered heading or list shows it in style '1' (1, 2),
 * '0' (01, 02), 'a'/'A' (a..z, aa..zz), 'i'/'I' (roman numerals). */
void db_number_text(int n, char style, oct_buf *out);

/* The level of a heading style by its name, "heading 3", "Überschrift 3",
 * "Titre 3" (a dozen languages; any case) → 3 (6 past 6), else 0. */
int db_heading_name(const char *name);

/* A warning given once per `what` (an element's name) for this source:
 * something whose text is kept without its form [document-unknown]. Only
 * the first DB_WARN_KINDS kinds get one each; the rest share one at the
 * end (db_finish) that counts them and names the first. */
void db_warn_once(db *b, const char *what, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* The same with another code (the kinds are counted together). */
void db_warn_code(db *b, const char *code, const char *what, int line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* w:sym: the character `hex` ("F0AE") of `font` through
 * db_symbol_char, or U+FFFD and a [document-symbol] warning. */
void db_symbol(db *b, unsigned flags, const char *font, const char *hex, int line);
/* docsym.c: the Unicode character a symbol font's code stands for
 * (Symbol's F0AE → U+2192, Wingdings' F0FC → U+2713), 0 when octavo
 * knows none; a text font's F0xx is its Latin-1 byte, other codes are
 * themselves. */
unsigned db_symbol_char(const char *font, unsigned code);
/* Whether font is one of pictures or signs whose bytes are no letters
 * (Symbol, Wingdings, Webdings, MT Extra…). */
bool db_symbol_font(const char *font);
/* Text typed in a symbol font (a run whose font is Symbol: "a b g p"),
 * each character as the font shows it (α β γ π, through db_symbol_char),
 * one it cannot map kept as typed with one [document-symbol] warning for
 * the font. */
void db_symbol_text(db *b, unsigned flags, const char *font, const char *s, size_t len, int line);
/* An element the reader does not map (`name` as the warning names it):
 * its text kept as plain text in the paragraph open, or a paragraph of
 * its own, with one warning per kind ("<what> <name> is read as plain
 * text"), or left out with the warning when it has none. */
void db_keep_text(db *b, const xmlNode *n, const char *name, const char *what);

/* ---- the two readers ---------------------------------------------------- */
int oct_docx_build(db *b, oct_doc *doc);
int oct_odt_build(db *b, oct_doc *doc);
/* A picture's part read from the package into the tree (or a warning). */
void oct_doc_picture(db *b, oct_doc *doc, const char *part, const char *alt, int line);

#endif
