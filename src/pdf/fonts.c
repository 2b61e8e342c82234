/* Faces: FreeType answers "has it a glyph" and "how wide", libharu embeds.
 *
 * Widths are computed exactly as libharu 2.3.0 fills the /W array of a
 * CIDFontType2 (hmtx advance * 1000 / unitsPerEm, truncated), so a run of
 * text measured here ends where the viewer ends it. */
#include "pdf/internal.h"
#include "util/deps.h"
#include "util/xalloc.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <stdlib.h>
#include <string.h>

#define W_UNKNOWN INT16_MIN
#define W_MISSING (-1)

typedef struct {
    char *path;
    FT_Face face;
    unsigned upem;
    int16_t *w;    /* per BMP code point; W_UNKNOWN until looked up */
    uint8_t *used; /* bitset of BMP code points drawn */
    HPDF_Font hfont;
    HPDF_FontDef hdef;
    bool hfailed;
} pdf_face;

struct pdf_fonts {
    FT_Library ft;
    pdf_face face[PDF_NSLOTS];
    int nface;
    int slot[PDF_NSLOTS]; /* slot -> face index */
};

static const char *family_path(const oct_font_family *fam, int var)
{
    const char *order[PDF_NVAR][3] = {
        {fam->regular, NULL, NULL},
        {fam->bold, fam->regular, NULL},
        {fam->italic, fam->regular, NULL},
        {fam->bold_italic, fam->bold, fam->regular},
    };
    for (int i = 0; i < 3; i++)
        if (order[var][i] && *order[var][i]) return order[var][i];
    return NULL;
}

static int open_face(pdf_fonts *f, const char *path, oct_diag *d)
{
    for (int i = 0; i < f->nface; i++)
        if (strcmp(f->face[i].path, path) == 0) return i;
    pdf_face *fc = &f->face[f->nface];
    memset(fc, 0, sizeof *fc);
    oct_deps_note(OCT_DEP_INPUT, path);
    if (FT_New_Face(f->ft, path, 0, &fc->face) != 0) {
        oct_diag_report(d, OCT_ERROR, path, 0, 0, "pdf-font", "cannot open font file");
        return -1;
    }
    if (!FT_IS_SFNT(fc->face) || fc->face->units_per_EM == 0 ||
        FT_Select_Charmap(fc->face, FT_ENCODING_UNICODE) != 0) {
        oct_diag_report(d, OCT_ERROR, path, 0, 0, "pdf-font",
                        "not a TrueType font with a Unicode character map");
        FT_Done_Face(fc->face);
        return -1;
    }
    fc->path = oct_xstrdup(path);
    fc->upem = fc->face->units_per_EM;
    return f->nface++;
}

pdf_fonts *pdf_fonts_open(const oct_layout *l, oct_diag *d)
{
    pdf_fonts *f = oct_xcalloc(1, sizeof *f);
    if (FT_Init_FreeType(&f->ft) != 0) {
        oct_diag_report(d, OCT_ERROR, NULL, 0, 0, "pdf-font", "cannot initialise FreeType");
        free(f);
        return NULL;
    }
    const oct_font_family *fams[PDF_NFAM] = {&l->body, &l->heading, &l->mono, &l->fallback};
    const char *names[PDF_NFAM] = {"body", "heading", "mono", "fallback"};
    int bad = 0;
    for (int fam = 0; fam < PDF_NFAM; fam++) {
        for (int var = 0; var < PDF_NVAR; var++) {
            const char *path = family_path(fams[fam], var);
            int idx = -1;
            if (!path) {
                if (var == PDF_VAR_R)
                    oct_diag_report(d, OCT_ERROR, l->path, 0, 0, "pdf-font",
                                    "the layout names no %s font", names[fam]);
            } else {
                idx = open_face(f, path, d);
            }
            if (idx < 0) bad = 1;
            f->slot[PDF_SLOT(fam, var)] = idx;
        }
    }
    if (bad) {
        pdf_fonts_free(f);
        return NULL;
    }
    return f;
}

void pdf_fonts_free(pdf_fonts *f)
{
    if (!f) return;
    for (int i = 0; i < f->nface; i++) {
        FT_Done_Face(f->face[i].face);
        free(f->face[i].path);
        free(f->face[i].w);
        free(f->face[i].used);
    }
    FT_Done_FreeType(f->ft);
    free(f);
}

static int face_width(pdf_face *fc, unsigned cp)
{
    if (cp > 0xFFFF) return W_MISSING;
    if (!fc->w) {
        fc->w = oct_xmalloc(0x10000 * sizeof *fc->w);
        for (size_t i = 0; i < 0x10000; i++)
            fc->w[i] = W_UNKNOWN;
    }
    if (fc->w[cp] != W_UNKNOWN) return fc->w[cp];
    int w = W_MISSING;
    FT_UInt gid = FT_Get_Char_Index(fc->face, cp);
    FT_Fixed adv;
    if (gid != 0 && FT_Get_Advance(fc->face, gid, FT_LOAD_NO_SCALE, &adv) == 0 && adv >= 0) {
        /* libharu: (HPDF_UINT16)((HPDF_UINT)advance_width * 1000 / units_per_em) */
        w = (int)(uint16_t)((unsigned)adv * 1000u / fc->upem);
        if (w > INT16_MAX) w = INT16_MAX;
    }
    fc->w[cp] = (int16_t)w;
    return w;
}

int pdf_font_width(pdf_fonts *f, int slot, unsigned cp)
{
    if (slot < 0 || slot >= PDF_NSLOTS) return W_MISSING;
    return face_width(&f->face[f->slot[slot]], cp);
}

const char *pdf_font_file(pdf_fonts *f, int slot)
{
    return f->face[f->slot[slot]].path;
}

const char *pdf_font_family(pdf_fonts *f, int slot)
{
    const char *name = f->face[f->slot[slot]].face->family_name;
    return name ? name : f->face[f->slot[slot]].path;
}

HPDF_Font pdf_font_hpdf(pdf_fonts *f, HPDF_Doc doc, int slot)
{
    pdf_face *fc = &f->face[f->slot[slot]];
    if (fc->hfont || fc->hfailed) return fc->hfont;
    const char *name = HPDF_LoadTTFontFromFile(doc, fc->path, HPDF_TRUE);
    fc->hfailed = !name; /* tried once: the error is reported once */
    if (!name) return NULL;
    fc->hfont = HPDF_GetFont(doc, name, "UTF-8");
    if (fc->hfont) fc->hdef = ((HPDF_FontAttr)fc->hfont->attr)->fontdef;
    return fc->hfont;
}

void pdf_font_mark(pdf_fonts *f, int slot, unsigned cp)
{
    pdf_face *fc = &f->face[f->slot[slot]];
    if (cp > 0xFFFF) return;
    if (!fc->used) fc->used = oct_xcalloc(0x10000 / 8, 1);
    fc->used[cp >> 3] |= (uint8_t)(1u << (cp & 7));
}

/* Hands the drawn code points of each loaded face to the CMap writer. The
 * glyph ids libharu will use are checked against FreeType's on the way:
 * a disagreement would draw the wrong glyphs, so it is an error. */
int pdf_tounicode_write(HPDF_Font font, const uint8_t *used);

int pdf_fonts_fix_tounicode(pdf_fonts *f)
{
    for (int i = 0; i < f->nface; i++) {
        pdf_face *fc = &f->face[i];
        if (!fc->hfont || !fc->used) continue;
        for (unsigned cp = 0; cp < 0x10000; cp++) {
            if (!(fc->used[cp >> 3] & (1u << (cp & 7)))) continue;
            if (fc->hdef && HPDF_TTFontDef_GetGlyphid(fc->hdef, (HPDF_UINT16)cp) !=
                                FT_Get_Char_Index(fc->face, cp))
                return -1;
            face_width(fc, cp); /* every drawn width known for the /W array */
        }
        if (pdf_tounicode_write(fc->hfont, fc->used) != 0) return -1;
        if (pdf_widths_write(fc->hfont, fc->used, fc->w) != 0) return -1;
    }
    return 0;
}
