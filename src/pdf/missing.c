/* Characters the PDF cannot draw: code points no face of the layout's
 * chain has (printed as a box over the character as invisible text, so
 * copying still gives it) and control characters (left out). The user
 * hears about each character once, at its first source line: a page of Korean without a Hangul font
 * is one warning per syllable used, not one per occurrence. The EPUB keeps them all. */
#include "pdf/internal.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <unicode/uchar.h>

enum { MAX_KEPT = 4096, HASH = 8192, MAX_REPORTED = 60 };

typedef struct {
    unsigned file, cp;
    int line, col, why;
} miss;

struct pdf_missing {
    miss *m;
    size_t n, cap, more; /* more: distinct characters beyond MAX_KEPT */
    uint32_t hash[HASH]; /* 1 + index into m, by code point */
};

void pdf_missing_add(oct_pdf *p, const oct_node *n, int why, unsigned cp)
{
    if (!p->missing) p->missing = oct_xcalloc(1, sizeof *p->missing);
    struct pdf_missing *s = p->missing;
    uint32_t h = (cp * 2654435761u) & (HASH - 1);
    for (; s->hash[h]; h = (h + 1) & (HASH - 1))
        if (s->m[s->hash[h] - 1].cp == cp) return;
    if (s->n >= MAX_KEPT) {
        s->more++;
        return;
    }
    OCT_GROW(s->m, s->cap, s->n + 1);
    s->m[s->n++] = (miss){n ? n->span.file : 0, cp, n ? n->span.line : 0, n ? n->span.col : 0, why};
    s->hash[h] = (uint32_t)s->n;
}

/* "U+AC00 HANGUL SYLLABLE GA", or a description when it has no name. */
static void describe(unsigned cp, char *out, size_t n)
{
    char name[128];
    UErrorCode st = U_ZERO_ERROR;
    int32_t len = u_charName((UChar32)cp, U_UNICODE_CHAR_NAME, name, sizeof name, &st);
    if (U_FAILURE(st) || len <= 0) {
        int8_t type = u_charType((UChar32)cp);
        snprintf(name, sizeof name, "%s",
                 type == U_PRIVATE_USE_CHAR ? "(private use)"
                 : type == U_UNASSIGNED     ? "(unassigned)"
                 : type == U_CONTROL_CHAR   ? "(control)"
                 : type == U_SURROGATE      ? "(surrogate)"
                                            : "(no name)");
    }
    snprintf(out, n, "U+%04X %s", cp, name);
}

void pdf_missing_report(oct_pdf *p)
{
    struct pdf_missing *s = p->missing;
    if (!s) return;
    size_t shown = s->n < MAX_REPORTED ? s->n : MAX_REPORTED;
    for (size_t i = 0; i < s->n; i++) {
        const miss *e = &s->m[i];
        if (i >= shown) break;
        char what[160];
        describe(e->cp, what, sizeof what);
        const char *path = p->tree && e->file < p->tree->nfiles ? p->tree->files[e->file] : NULL;
        if (e->why == PDF_MISS_CONTROL)
            oct_diag_report(p->diag, OCT_WARNING, path, e->line, e->col, "pdf-missing-glyph",
                            "%s left out of the PDF (a control character; the EPUB keeps it)",
                            what);
        else
            oct_diag_report(p->diag, OCT_WARNING, path, e->line, e->col, "pdf-missing-glyph",
                            "%s is in no font of the layout's chain: printed as a box", what);
    }
    if (s->n > shown || s->more)
        oct_diag_report(p->diag, OCT_WARNING, NULL, 0, 0, "pdf-missing-glyph",
                        "%zu more characters printed as boxes or left out", s->n - shown + s->more);
}

void pdf_missing_free(struct pdf_missing *m)
{
    if (!m) return;
    free(m->m);
    free(m);
}
