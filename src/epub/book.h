/* Internal to src/epub: the plan of one EPUB, computed once from the tree
 * before any file is written. It decides which XHTML file each part of the
 * tree goes to, the anchor id of every node that can be linked to, where
 * footnote definitions are, and the normalized metadata. Everything the
 * plan points to lives in its arena or in the tree. */
#ifndef OCT_EPUB_BOOK_H
#define OCT_EPUB_BOOK_H
#include <stddef.h>

#include "diag.h"
#include "epub/map.h"
#include "study/bank.h"
#include "tree/tree.h"
#include "util/arena.h"

typedef enum {
    OCT_EPUB_UNIT_CHAPTER,  /* a CHAPTER node */
    OCT_EPUB_UNIT_PART,     /* a PART node: its non-chapter children */
    OCT_EPUB_UNIT_LOOSE,    /* blocks sitting directly under DOCUMENT */
    OCT_EPUB_UNIT_RESEARCH, /* the "To research" appendix (research.c) */
    OCT_EPUB_UNIT_INDEX     /* the index (index.c) */
} oct_epub_unit_kind;

/* One XHTML content document in the spine. A long chapter (or appendix)
 * is split into several (split.c): pieces 0, 1, ... of one group, each a
 * unit of its own holding a run of the group's top-level nodes (or
 * appendix entries), named "ch-foo.xhtml", "ch-foo-2.xhtml", ... */
typedef struct {
    oct_epub_unit_kind kind;
    const oct_node *node;      /* CHAPTER, PART, or the first node of a LOOSE run */
    const oct_node *last;      /* LOOSE: last node of the run; else == node */
    const oct_node *from, *to; /* the top-level nodes this document holds */
    size_t lo, hi;             /* RESEARCH, INDEX: entries [lo, hi) */
    size_t group;              /* index of the group's first piece */
    unsigned piece;            /* 0 for the first document of the group */
    const oct_node **notes;    /* footnotes written at its end (arena) */
    size_t nnotes;
    const oct_node *title_node; /* PART: the SECTION used as its title, or NULL */
    const char *file;           /* file name inside OEBPS/, e.g. "ch-basics.xhtml" */
    const char *item_id;        /* manifest item id */
    const char *title;          /* plain text, never empty */
    const char *anchor;         /* id of the unit's <section> */
    int depth;                  /* 0 at top level, 1 for a chapter inside a PART */
} oct_epub_unit;

/* Metadata after validation; every field the OPF needs is set. */
typedef struct {
    const char *title, *subtitle, *author, *lang, *identifier, *description;
    const char *date;     /* W3CDTF or NULL */
    const char *modified; /* CCYY-MM-DDThh:mm:ssZ */
    const char **keywords;
    size_t nkeywords;
    unsigned dos_time, dos_date; /* timestamp for every ZIP entry */
} oct_epub_meta;

typedef struct {
    const oct_tree *tree;
    oct_diag *diag;
    oct_arena *arena;
    oct_epub_meta meta;
    oct_epub_unit *units; /* malloc'd */
    size_t nunits, units_cap;
    oct_epub_map anchor_of; /* node → anchor string (pointer keys) */
    /* THE id → document map: anchor string → unit index + 1, for every
     * id any document links to (tree anchors, footnotes where they are
     * written, "research-k", index groups). Every href is made from it. */
    oct_epub_map unit_of;
    oct_epub_map note_defs; /* "group/index" → FOOTNOTE_DEF node */
    oct_epub_map seen;      /* ids and file names taken */
    size_t doc_budget;      /* bytes a content document should stay under */
    size_t nav_budget;      /* bytes for nav.xhtml while questions are listed */
    /* what links inside the booklet name (tree/anchors.h) */
    struct oct_anchor_table *places;
    oct_bank bank;                 /* question clusters: answered member, unanswered ones */
    const struct oct_index *index; /* the back-of-book index (study/index.h) */
    struct oct_index *own_index;   /* when the book built it (none was given) */
} oct_epub_book;

/* Plans the book for tree. Returns 0, or -1 after reporting to diag.
 * Release with oct_epub_book_release() in either case. */
int oct_epub_book_plan(oct_epub_book *b, const oct_tree *tree, const struct oct_index *index,
                       oct_diag *diag);
void oct_epub_book_release(oct_epub_book *b);

/* The anchor id of n (CHAPTER, PART, SECTION, QUESTION, ANSWER,
 * FOOTNOTE_DEF), or NULL for nodes that have none. Unique in the book. */
const char *oct_epub_anchor(const oct_epub_book *b, const oct_node *n);
/* "file.xhtml#anchor" of a node that has an anchor, from the id map (the
 * document holding it now), or NULL (arena). */
const char *oct_epub_href(const oct_epub_book *b, const oct_node *n);
/* The same, allocated in arena a (strings that go before the book does). */
const char *oct_epub_href_in(const oct_epub_book *b, oct_arena *a, const oct_node *n);
/* "file.xhtml#anchor" for an id of the map, or NULL (arena); just
 * "#anchor" when the id is in document `from` (pass (size_t)-1 for none). */
const char *oct_epub_href_id(const oct_epub_book *b, const char *anchor, size_t from);
/* The footnote definition numbered `index` in unit u's group, or NULL. */
const oct_node *oct_epub_note_def(const oct_epub_book *b, size_t u, int index);

/* (Re)builds unit_of and note_defs from the units (book.c). */
void oct_epub_book_map(oct_epub_book *b);
/* Adds units [first, nunits) to them: units appended after a map. */
void oct_epub_book_map_from(oct_epub_book *b, size_t first);
/* Splits documents over b->doc_budget into pieces, adds the appendix
 * units, files footnotes with the pieces that reference them and remaps
 * (split.c). Returns 0, or -1 after reporting to diag. */
int oct_epub_split(oct_epub_book *b);

/* The top-level tree nodes whose content the unit's file holds: siblings
 * *first..*last (NULL for the appendices), of which oct_epub_unit_holds() tells which belong (a
 * PART's chapters have files of their own). */
void oct_epub_unit_span(const oct_epub_unit *u, const oct_node **first, const oct_node **last);
int oct_epub_unit_holds(const oct_epub_unit *u, const oct_node *top);

/* Validates and completes tree metadata (meta.c): language tag, identifier
 * (derived from the title when absent), dates, ZIP timestamp. Problems are
 * warnings; the result is always usable. */
void oct_epub_meta_init(oct_epub_meta *out, const oct_meta *in, oct_arena *a, oct_diag *diag);

/* Plain text of n's inline content (text.c), whitespace runs collapsed to
 * one space and trimmed, footnote references and answers left out.
 * Returns an arena string, possibly empty. */
const char *oct_epub_plain(oct_arena *a, const oct_node *n);
/* s shortened to at most max_chars characters at a word boundary (or,
 * failing that, between grapheme clusters), with an ellipsis when cut.
 * Arena string. */
const char *oct_epub_shorten(oct_arena *a, const char *s, size_t max_chars);
/* s with whitespace runs collapsed and trimmed; NULL stays NULL. */
const char *oct_epub_squash(oct_arena *a, const char *s);

#endif
