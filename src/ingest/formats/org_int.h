/* State shared by the Org reader's files (org.c: blocks, lists, tables;
 * org_heading.c: headings and flashcards). Internal. */
#ifndef OCT_FORMATS_ORG_INT_H
#define OCT_FORMATS_ORG_INT_H
#include "ingest/formats/include_near.h"
#include "ingest/formats/mdwrite.h"
#include "ingest/formats/org_inline.h"

enum { ORG_MAX_LIST = 64, ORG_MAX_DEPTH = 32 };

typedef struct {
    int indent;  /* the marker's column in the Org text */
    int content; /* the item's content column in the Markdown written */
} org_item;

typedef struct {
    md_writer w;
    oct_incl file; /* the file being read, and the ones including it (#+INCLUDE) */
    const nl_raw_line *v;
    size_t n;
    org_inline_ctx inl;
    oct_buf todo; /* " TODO DONE ... " and the keywords #+TODO adds */
    md_lines meta, comments;
    oct_buf tagnames; /* "drill, verbs" */
    md_lines taglines;
    char *title, *lang;
    bool deck;
    org_item items[ORG_MAX_LIST];
    int nitems;
    /* the flashcard being read: its heading's level (0: none), the line
     * after its subtree, and the label the next line of text takes */
    int card_level;
    size_t card_end;
    const char *label;   /* "Q: ", "A: " or NULL */
    int depth;           /* blocks open around the line being read */
    bool too_deep;       /* the depth warning was given */
    size_t no_end_until; /* no drawer opening above this line closes (org_drawer_end) */
    /* Org's export selection (org_export.c): for a heading line whose
     * subtree the exporters leave out, the line after that subtree; 0
     * elsewhere. NULL when nothing is left out. */
    size_t *drop_to;
    unsigned char *drop_why; /* why, for the note (org_export.c) */
} org_ctx;

/* Line i opens a heading: its level (stars), else 0. */
int org_heading_level(const nl_raw_line *l);
/* Whether heading line l (level lvl) carries tag (":tag:" at its end). */
bool org_heading_tagged(const nl_raw_line *l, int lvl, const char *tag, size_t n);
/* Whether heading line l opens with COMMENT (after a TODO keyword and a
 * priority, as Org allows). */
bool org_heading_commented(org_ctx *c, const nl_raw_line *l, int lvl);
/* Fills c->drop_to: COMMENT subtrees, subtrees tagged with an exclude
 * tag (#+EXCLUDE_TAGS, else noexport) and, when some heading carries a
 * #+SELECT_TAGS tag, the subtrees that neither carry one nor hold one. */
void org_export_scan(org_ctx *c);
/* Heading line i opens a subtree the export leaves out: a note naming
 * it and its lines [org-excluded]; returns the line after it, else i. */
size_t org_export_skip(org_ctx *c, size_t i);
/* Writes heading line i (and reads the card it may open). */
void org_heading(org_ctx *c, size_t i, const char *prefix);
/* A drawer ":NAME:" opening at line i and closed by ":END:" before the
 * next heading: the index of its ":END:", else 0. */
size_t org_drawer_end(org_ctx *c, size_t i);
/* The table whose first line is i: written as a GFM table at Markdown
 * column ind (org_table.c); returns the line after it. */
size_t org_table(org_ctx *c, size_t i, const char *prefix, int ind);
/* Reads path's text as Org into out, as oct_org_read does, as the file
 * self (org.c). */
void org_read_file(const char *path, const char *text, size_t len, oct_normalized *out, char **lang,
                   oct_diag *diag, const oct_incl *self);
/* "#+INCLUDE: value" at line i (org_include.c): the file's Org read in
 * its place, or its text as code with "src LANG"/"example"; false after
 * a warning [org-include] when it is not read (the line then prints). */
bool org_include(org_ctx *c, size_t i, const char *prefix, const char *v, size_t vn);
/* Writes text line s[0..n) as a paragraph line at indentation ind. */
void org_text_line(org_ctx *c, const char *prefix, int ind, const char *s, size_t n, int src);

#endif
