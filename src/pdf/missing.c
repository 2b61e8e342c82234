/* Characters the PDF cannot draw (code points no font of the layout
 * covers, such as emoji; control characters). They are left out — never drawn as tofu — and the
 * user hears about it once per source file, with every character and line,
 * instead of once per occurrence. The EPUB keeps them. */
#include "pdf/internal.h"
#include "util/buf.h"
#include "util/xalloc.h"

#include <stdlib.h>

enum { MAX_KEPT = 4096, MAX_LISTED = 40 };

struct pdf_missing {
    unsigned file, cp;
    int line, col, why;
};

void pdf_missing_add(oct_pdf *p, const oct_node *n, int why, unsigned cp)
{
    unsigned file = n ? n->span.file : 0;
    int line = n ? n->span.line : 0, col = n ? n->span.col : 0;
    /* Recent entries first: repeats come from the same text set again. */
    for (size_t i = p->nmissing; i > 0; i--) {
        const struct pdf_missing *m = &p->missing[i - 1];
        if (m->cp == cp && m->line == line && m->file == file) return;
    }
    if (p->nmissing >= MAX_KEPT) {
        p->nmissing_more++;
        return;
    }
    if (p->nmissing == p->capmissing) {
        p->capmissing = p->capmissing ? p->capmissing * 2 : 32;
        p->missing = oct_xrealloc(p->missing, p->capmissing * sizeof *p->missing);
    }
    p->missing[p->nmissing++] = (struct pdf_missing){file, cp, line, col, why};
}

static const char *reason(unsigned whys)
{
    if (whys == 1u << PDF_MISS_NOGLYPH) return "no glyph in the vendored fonts";
    if (whys == 1u << PDF_MISS_CONTROL) return "control characters";
    return "no glyph the PDF fonts can draw";
}

static void report_file(oct_pdf *p, unsigned file, bool *done)
{
    oct_buf list = OCT_BUF_INIT;
    const struct pdf_missing *first = NULL;
    size_t count = 0;
    unsigned whys = 0;
    for (size_t i = 0; i < p->nmissing; i++) {
        const struct pdf_missing *m = &p->missing[i];
        if (m->file != file) continue;
        done[i] = true;
        if (!first) first = m;
        whys |= 1u << m->why;
        if (count++ < MAX_LISTED)
            oct_buf_printf(&list, "%sU+%04X (line %d)", count > 1 ? ", " : "", m->cp, m->line);
    }
    if (count > MAX_LISTED) oct_buf_printf(&list, " and %zu more", count - MAX_LISTED);
    const char *path = p->tree && file < p->tree->nfiles ? p->tree->files[file] : NULL;
    oct_diag_report(p->diag, OCT_WARNING, path, first->line, first->col, "pdf-missing-glyph",
                    "%zu character%s left out of the PDF (%s; the EPUB keeps them): %s", count,
                    count == 1 ? "" : "s", reason(whys), list.data);
    oct_buf_free(&list);
}

void pdf_missing_report(oct_pdf *p)
{
    bool *done = oct_xcalloc(p->nmissing, sizeof *done);
    for (size_t i = 0; i < p->nmissing; i++)
        if (!done[i]) report_file(p, p->missing[i].file, done);
    if (p->nmissing_more)
        oct_diag_report(p->diag, OCT_WARNING, NULL, 0, 0, "pdf-missing-glyph",
                        "%zu more characters left out of the PDF", p->nmissing_more);
    free(done);
}
