/* Faces: FreeType answers "which glyph" and "how wide"; fontobj.c writes
 * the PDF font objects of what was drawn (see face.h for why not libharu).
 *
 * Widths are hmtx advance * 1000 / unitsPerEm, rounded: the numbers the
 * /W array holds. */
#include "pdf/face.h"
#include "oct_limits.h"
#include "pdf/internal.h"
#include "util/fileio.h"
#include "util/xalloc.h"

#include FT_ADVANCES_H
#include <errno.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <stdlib.h>
#include <string.h>

#define W_UNKNOWN INT16_MIN
#define W_MISSING (-1)

struct pdf_fonts {
    FT_Library ft;
    hb_buffer_t *buf; /* shaping scratch, reused */
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
    fc->bytes = (unsigned char *)oct_read_file(path, OCT_LIMIT_FONT_BYTES, &fc->nbytes);
    if (!fc->bytes) {
        oct_diag_report(d, OCT_ERROR, path, 0, 0, "pdf-font", "cannot read the font file: %s",
                        strerror(errno));
        return -1;
    }
    if (FT_New_Memory_Face(f->ft, fc->bytes, (FT_Long)fc->nbytes, 0, &fc->face) != 0) {
        oct_diag_report(d, OCT_ERROR, path, 0, 0, "pdf-font", "cannot open font file");
        free(fc->bytes);
        return -1;
    }
    if (!FT_IS_SFNT(fc->face) || fc->face->units_per_EM == 0 ||
        FT_Select_Charmap(fc->face, FT_ENCODING_UNICODE) != 0) {
        oct_diag_report(d, OCT_ERROR, path, 0, 0, "pdf-font",
                        "not a TrueType font with a Unicode character map");
        FT_Done_Face(fc->face);
        free(fc->bytes);
        return -1;
    }
    fc->path = oct_xstrdup(path);
    fc->upem = fc->face->units_per_EM;
    fc->nglyphs = (unsigned)fc->face->num_glyphs;
    hb_blob_t *blob = hb_blob_create((const char *)fc->bytes, (unsigned)fc->nbytes,
                                     HB_MEMORY_MODE_READONLY, NULL, NULL);
    fc->hbface = hb_face_create(blob, 0);
    hb_blob_destroy(blob); /* the face holds it */
    fc->hbfont = hb_font_create(fc->hbface);
    hb_font_set_scale(fc->hbfont, (int)fc->upem, (int)fc->upem);
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
        hb_font_destroy(f->face[i].hbfont);
        hb_face_destroy(f->face[i].hbface);
        free(f->face[i].texts);
        free(f->face[i].bytes);
        free(f->face[i].path);
        free(f->face[i].w);
        free(f->face[i].gw);
        free(f->face[i].drawn);
    }
    FT_Done_FreeType(f->ft);
    hb_buffer_destroy(f->buf);
    free(f);
}

int pdf_face_advance(pdf_face *fc, unsigned gid)
{
    if (gid >= fc->nglyphs) return W_MISSING;
    if (!fc->gw) {
        fc->gw = oct_xmalloc(fc->nglyphs * sizeof *fc->gw);
        for (unsigned g = 0; g < fc->nglyphs; g++)
            fc->gw[g] = W_UNKNOWN;
    }
    if (fc->gw[gid] != W_UNKNOWN) return fc->gw[gid];
    FT_Fixed adv;
    int w = W_MISSING;
    if (FT_Get_Advance(fc->face, gid, FT_LOAD_NO_SCALE, &adv) == 0 && adv >= 0) {
        /* rounded as shape.c rounds shaped advances: an unkerned glyph then
         * needs no adjustment in the content stream */
        unsigned long r = ((unsigned long)adv * 1000u + fc->upem / 2) / fc->upem;
        w = r > INT16_MAX ? INT16_MAX : (int)r;
    }
    fc->gw[gid] = (int16_t)w;
    return w;
}

static int lookup_width(pdf_face *fc, unsigned cp)
{
    FT_UInt gid = FT_Get_Char_Index(fc->face, cp);
    return gid == 0 ? W_MISSING : pdf_face_advance(fc, gid);
}

/* BMP widths are cached (they are asked for every character set); the
 * rest are rare enough to look up each time. */
static int face_width(pdf_face *fc, unsigned cp)
{
    if (cp > 0xFFFF) return cp > 0x10FFFF ? W_MISSING : lookup_width(fc, cp);
    if (!fc->w) {
        fc->w = oct_xmalloc(0x10000 * sizeof *fc->w);
        for (size_t i = 0; i < 0x10000; i++)
            fc->w[i] = W_UNKNOWN;
    }
    if (fc->w[cp] == W_UNKNOWN) fc->w[cp] = (int16_t)lookup_width(fc, cp);
    return fc->w[cp];
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

/* The page's /Font resource dictionary, made on first use. */
static HPDF_Dict page_fonts(HPDF_Page pg)
{
    HPDF_PageAttr attr = (HPDF_PageAttr)pg->attr;
    if (attr->fonts) return attr->fonts;
    HPDF_Dict res = HPDF_Page_GetInheritableItem(pg, "Resources", HPDF_OCLASS_DICT);
    if (!res) return NULL;
    HPDF_Dict fonts = HPDF_Dict_New(pg->mmgr);
    if (!fonts || HPDF_Dict_Add(res, "Font", fonts) != HPDF_OK) return NULL;
    attr->fonts = fonts;
    return fonts;
}

const char *pdf_font_use(pdf_fonts *f, HPDF_Doc doc, HPDF_Page pg, int slot)
{
    int idx = f->slot[slot];
    pdf_face *fc = &f->face[idx];
    HPDF_Dict font = pdf_face_dict(fc, doc, idx);
    HPDF_Dict fonts = font ? page_fonts(pg) : NULL;
    if (!fonts) return NULL;
    if (!HPDF_Dict_GetItem(fonts, fc->res, HPDF_OCLASS_DICT) &&
        HPDF_Dict_Add(fonts, fc->res, font) != HPDF_OK)
        return NULL;
    return fc->res;
}

hb_font_t *pdf_font_hb(pdf_fonts *f, int slot)
{
    return f->face[f->slot[slot]].hbfont;
}

unsigned pdf_font_upem(pdf_fonts *f, int slot)
{
    return f->face[f->slot[slot]].upem;
}

unsigned pdf_font_glyph_for(pdf_fonts *f, int slot, uint32_t cp)
{
    pdf_face *fc = &f->face[f->slot[slot]];
    FT_UInt gid = cp <= 0x10FFFF ? FT_Get_Char_Index(fc->face, cp) : 0;
    if (gid == 0 || gid >= fc->nglyphs) return 0;
    pdf_font_glyph_text(f, slot, gid, &cp, 1);
    return gid;
}

int pdf_font_glyph_width(pdf_fonts *f, int slot, unsigned gid)
{
    int w = pdf_face_advance(&f->face[f->slot[slot]], gid);
    return w < 0 ? 0 : w;
}

hb_buffer_t *pdf_font_buffer(pdf_fonts *f)
{
    if (!f->buf) f->buf = hb_buffer_create();
    return f->buf;
}

/* A glyph drawn for several texts keeps one for ToUnicode: a ligature's
 * sequence once it has one, else the lowest code point (a space before a
 * no-break space, a hyphen-minus before a hyphen: what a search types). */
void pdf_font_glyph_text(pdf_fonts *f, int slot, unsigned gid, const uint32_t *cps, size_t n)
{
    pdf_face *fc = &f->face[f->slot[slot]];
    if (gid == 0 || gid >= fc->nglyphs) return;
    if (!fc->drawn) fc->drawn = oct_xcalloc(fc->nglyphs, sizeof *fc->drawn);
    uint32_t old = fc->drawn[gid];
    if (old == PDF_TEXT_NONE) old = 0;
    if (n == 0) {
        if (!old) fc->drawn[gid] = PDF_TEXT_NONE;
        return;
    }
    if (n == 1) {
        if (!old || (!(old & PDF_TEXT_SEQ) && cps[0] + 1 < old)) fc->drawn[gid] = cps[0] + 1;
        return;
    }
    if (old) return;
    OCT_GROW(fc->texts, fc->captexts, fc->ntexts + n + 1);
    fc->drawn[gid] = PDF_TEXT_SEQ | (uint32_t)fc->ntexts;
    fc->texts[fc->ntexts++] = (uint32_t)n;
    for (size_t i = 0; i < n; i++)
        fc->texts[fc->ntexts++] = cps[i];
}

int pdf_fonts_finish(pdf_fonts *f, HPDF_Doc doc)
{
    for (int i = 0; i < f->nface; i++)
        if (f->face[i].type0 && pdf_face_finish(&f->face[i], doc) != 0) return -1;
    return 0;
}
