/* One face for a run of one script. Per-character fallback would set a
 * Greek word half in the body face (Charis SIL has the Greek letters IPA
 * uses: β θ χ) and half in the fallback face; a reader sees two designs
 * in one word. So before a run of a script other than Latin is added,
 * its letters are checked against the text's own face: if that face
 * lacks any of them, the whole run (its letters and marks; spaces, digits
 * and punctuation between them stay with the text's face) takes the first
 * face of the chain that has them all. Latin keeps per-character fallback
 * (a missing letter there is rare and one word in a paragraph would
 * otherwise move a whole paragraph). */
#include "pdf/internal.h"
#include "util/utf8.h"

#include <unicode/uscript.h>

static int script_of(unsigned cp)
{
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript((UChar32)cp, &err);
    return U_SUCCESS(err) ? (int)sc : USCRIPT_COMMON;
}

static bool neutral(int sc)
{
    return sc == USCRIPT_COMMON || sc == USCRIPT_INHERITED || sc == USCRIPT_UNKNOWN;
}

/* Whether face `slot` has every letter of script sc in s[a, end). */
static bool covers(oct_pdf *p, int slot, const char *s, size_t a, size_t end, int sc)
{
    size_t len;
    for (size_t i = a; i < end; i += len) {
        unsigned cp = oct_utf8_decode(s + i, end - i, &len);
        int c = script_of(cp);
        if ((c == sc || c == USCRIPT_INHERITED) && pdf_font_width(p->fonts, slot, cp) < 0)
            return false;
    }
    return true;
}

pdf_script_run pdf_script_run_at(oct_pdf *p, const char *s, size_t at, size_t n, int slot)
{
    size_t len;
    unsigned cp = oct_utf8_decode(s + at, n - at, &len);
    pdf_script_run r = {at + len, USCRIPT_COMMON, -1};
    if (cp < 0x370) return r; /* ASCII and Latin: per character */
    int sc = r.script = script_of(cp);
    if (neutral(sc) || sc == USCRIPT_LATIN) return r;
    /* the run: this script, marks and neutrals, up to another script */
    size_t end = at + len, last = end;
    while (end < n) {
        unsigned c = oct_utf8_decode(s + end, n - end, &len);
        int k = script_of(c);
        if (!neutral(k) && k != sc) break;
        end += len;
        if (k == sc || k == USCRIPT_INHERITED) last = end;
    }
    r.end = last;
    if (covers(p, slot, s, at, last, sc)) return r;
    for (int k = 0; k < PDF_NFAM - PDF_FAM_FALLBACK; k++) {
        int f = PDF_SLOT(PDF_FAM_FALLBACK + k, slot % PDF_NVAR);
        if (pdf_font_kind(p->fonts, f) == PDF_FACE_OUTLINE &&
            pdf_font_width(p->fonts, f, cp) >= 0 && covers(p, f, s, at, last, sc)) {
            r.slot = f;
            return r;
        }
    }
    return r; /* no face has them all: each letter finds its own */
}

bool pdf_script_run_has(const pdf_script_run *r, unsigned cp)
{
    if (r->slot < 0) return false;
    int sc = script_of(cp);
    return sc == r->script || sc == USCRIPT_INHERITED;
}
