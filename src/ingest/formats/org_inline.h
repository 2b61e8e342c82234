/* Org's inline markup written as Markdown (org_inline.c): emphasis
 * (*bold* /italic/ _underline_ =verbatim= ~code~ +strike+), links
 * ([[url][words]], [[url]], [[file:x.png]] a picture), footnote
 * references ([fn:1], [fn:name:text], [fn::text]), targets (<<x>>), and
 * in a drill card its clozes ([words], [words||hint]) as Anki's
 * {{c1::words::hint}}. Everything else is text, escaped so that Markdown
 * prints it as written. Internal to src/ingest/formats. */
#ifndef OCT_FORMATS_ORG_INLINE_H
#define OCT_FORMATS_ORG_INLINE_H
#include "util/buf.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    bool cloze;   /* read [words] as a cloze (a drill card's body) */
    int nclozes;  /* clozes written so far in this card */
    int anon;     /* anonymous footnotes numbered so far */
    oct_buf defs; /* inline footnotes' definitions, "[^x]: text\n" each */
} org_inline_ctx;

void org_inline(org_inline_ctx *c, oct_buf *b, const char *s, size_t n, bool at_start);
/* Whether s[0..n) holds a cloze as a drill card writes one. */
bool org_has_cloze(const char *s, size_t n);
/* A link target that names a picture (by its extension). */
bool org_is_picture(const char *s, size_t n);

#endif
