/* What the Word reader looks up beside word/document.xml (docx_parts.c):
 * styles resolved through their basedOn chains, list numbering, and the
 * relationships (links, pictures). */
#ifndef OCT_INGEST_FORMATS_DOCX_PARTS_H
#define OCT_INGEST_FORMATS_DOCX_PARTS_H
#include "ingest/formats/docint.h"

/* A paragraph or character style, resolved. */
typedef struct {
    const char *id;
    int heading;          /* 1..6 (its name, id or outline level), 0 not one */
    bool title, subtitle; /* Title (a level-1 heading) and Subtitle */
    bool code, quote;     /* "Code", "HTML Preformatted"…; "Quote", "Zitat"… */
    unsigned flags;       /* DB_STRONG… of its run properties */
    const char *num_id;   /* the list its paragraphs are in ("List Number"), or NULL */
    int ilvl;
    bool has_ilvl;    /* its numPr names the level (else the numbering's w:pStyle does) */
    const char *font; /* its run properties' font (w:rFonts w:ascii), or NULL */
} dx_style;

typedef struct dx_parts dx_parts;

dx_parts *dx_parts_new(const oct_doc *doc);
void dx_parts_free(dx_parts *p);

/* The style of that id, or NULL. */
const dx_style *dx_style_get(const dx_parts *p, const char *id);

/* The run properties rPr applied over flags (w:b, w:i, w:strike,
 * w:dstrike, w:u, w:vertAlign, a monospace w:rFonts, w:rStyle). */
unsigned dx_run_flags(const dx_parts *p, const xmlNode *rPr, unsigned flags);

/* The symbol font a run is set in (its w:rFonts, else its character
 * style's: "Symbol", "Wingdings"), or NULL when it is set in a text font. */
const char *dx_run_symbol_font(const dx_parts *p, const xmlNode *rPr);

/* Level ilvl of list numId: whether numbered, and the number of its next
 * paragraph (counted per list as Word does). False when numId names no
 * list (or "0": numbering taken off). */
bool dx_list_next(dx_parts *p, const char *num_id, int ilvl, bool *ordered, int *number,
                  const void **key);

/* The level of list num_id whose w:pStyle is style_id (a numbered
 * heading style's), or `fallback` when none is. */
int dx_list_style_level(const dx_parts *p, const char *num_id, const char *style_id, int fallback);

/* The label Word shows for the paragraph dx_list_next has just counted at
 * level ilvl of num_id ("2.1", "IV.", "Chapter 3"): the level's lvlText
 * with each %N the count of level N in that level's format, and the
 * separator its w:suff asks (a space for a tab or a space, none for
 * nothing), into out; nothing for a bullet or a level of no format. */
void dx_list_label(const dx_parts *p, const char *num_id, int ilvl, oct_buf *out);

/* The target of relationship rId (borrowed), and whether it is outside
 * the package (a web address); NULL when there is none. */
const char *dx_rel(const dx_parts *p, const char *rid, bool *external);

#endif
