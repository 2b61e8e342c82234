/* Faces: FreeType answers "which glyph" and "how wide"; fontobj.c writes
 * the PDF font objects of what was drawn (see face.h for why not libharu).
 *
 * Widths are hmtx advance * 1000 / unitsPerEm, rounded: the numbers the
 * /W array holds. */
#include "pdf/face.h"
#include "config/fontprobe.h"
#include "oct_limits.h"
#include "pdf/internal.h"
#include "util/fileio.h"
#include "util/worker.h"
#include "util/xalloc.h"

#include FT_ADVANCES_H
#include FT_TRUETYPE_TABLES_H
#include FT_TRUETYPE_TAGS_H
#include <errno.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <stdlib.h>
#include <string.h>

#define W_UNKNOWN INT16_MIN
#define W_MISSING (-1)

enum { SLOT_UNAVAILABLE = -1, SLOT_UNOPENED = -2 };
enum { BOX_GLYPHS = 4096, BOX_HASH = 8192 }; /* distinct boxed characters drawn */

typedef struct {
    oct_work work;
    pdf_face *face;
} subset_job;

struct pdf_fonts {
    FT_Library ft;
    hb_buffer_t *buf; /* shaping scratch, reused */
    oct_diag *diag;
    pdf_face face[PDF_NSLOTS];
    int nface;
    int slot[PDF_NSLOTS];   /* slot -> face index, or SLOT_* */
    char *path[PDF_NSLOTS]; /* chain slots: the file, opened on first use */
    bool color[PDF_NSLOTS]; /* chain slots whose file holds colour bitmaps */
    int nchain;
    oct_worker *early; /* subsetting begun before painting (pdf_fonts_subset_early) */
    subset_job early_jobs[PDF_NSLOTS];
    /* pdf_font_resolve's answers for ASCII, asked for most characters:
     * (slot + 1) << 16 | the advance's 16 bits; 0 until asked. A face's
     * widths and the chain's order do not change once looked up. */
    uint32_t ascii[PDF_NSLOTS][128];
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

static bool has_table(FT_Face face, FT_ULong tag)
{
    FT_ULong len = 0;
    return FT_Load_Sfnt_Table(face, tag, 0, NULL, &len) == 0 && len > 0;
}

/* From the head table: FreeType leaves units_per_EM 0 for a face of
 * bitmaps only (emoji), whose advances are still in font units. */
static unsigned units_per_em(FT_Face face)
{
    const TT_Header *head = FT_Get_Sfnt_Table(face, FT_SFNT_HEAD);
    unsigned u = head ? head->Units_Per_EM : face->units_per_EM;
    return u >= 16 && u <= 16384 ? u : 0;
}

static void close_face(pdf_face *fc)
{
    if (fc->face) FT_Done_Face(fc->face);
    hb_font_destroy(fc->hbfont);
    hb_face_destroy(fc->hbface);
    hb_blob_destroy(fc->subset);
    oct_unmap_file(fc->bytes, fc->nbytes);
    pdf_emoji_free(fc->emoji, fc->nglyphs);
    free(fc->texts);
    free(fc->path);
    for (int b = 0; b < 256; b++)
        free(fc->w[b]);
    free(fc->gw);
    free(fc->drawn);
    free(fc->box_cp);
    free(fc->box_hash);
    memset(fc, 0, sizeof *fc);
}

/* Opens the face at path (once per file). `checked`: the layout already
 * probed the file; chain files are probed here, when first needed. */
static int open_face(pdf_fonts *f, const char *path, bool checked)
{
    for (int i = 0; i < f->nface; i++)
        if (strcmp(f->face[i].path, path) == 0) return i;
    pdf_face *fc = &f->face[f->nface];
    memset(fc, 0, sizeof *fc);
    fc->bytes = oct_map_file(path, OCT_LIMIT_FONT_BYTES, &fc->nbytes);
    if (!fc->bytes) {
        oct_diag_report(f->diag, OCT_ERROR, path, 0, 0, "pdf-font", "cannot read the font file: %s",
                        strerror(errno));
        return -1;
    }
    char why[256];
    const char *problem = NULL;
    if (!checked && oct_font_probe_mem(fc->bytes, fc->nbytes, why, sizeof why) != 0)
        problem = why;
    else if (FT_New_Memory_Face(f->ft, fc->bytes, (FT_Long)fc->nbytes, 0, &fc->face) != 0)
        problem = "cannot be opened";
    else if (!FT_IS_SFNT(fc->face) || units_per_em(fc->face) == 0 ||
             FT_Select_Charmap(fc->face, FT_ENCODING_UNICODE) != 0)
        problem = "is not a TrueType font with a Unicode character map";
    if (problem) {
        oct_diag_report(f->diag, OCT_ERROR, path, 0, 0, "pdf-font", "the font file %s", problem);
        close_face(fc);
        return -1;
    }
    fc->path = oct_xstrdup(path);
    fc->upem = units_per_em(fc->face);
    fc->nglyphs = (unsigned)fc->face->num_glyphs;
    bool bitmaps = FT_HAS_COLOR(fc->face) && !has_table(fc->face, TTAG_glyf);
    fc->kind = bitmaps ? PDF_FACE_COLOR : PDF_FACE_OUTLINE;
    hb_blob_t *blob = hb_blob_create((const char *)fc->bytes, (unsigned)fc->nbytes,
                                     HB_MEMORY_MODE_READONLY, NULL, NULL);
    fc->hbface = hb_face_create(blob, 0);
    hb_blob_destroy(blob); /* the face holds it */
    fc->hbfont = hb_font_create(fc->hbface);
    hb_font_set_scale(fc->hbfont, (int)fc->upem, (int)fc->upem);
    return f->nface++;
}

/* The face of boxes: no file; glyph ids handed out per character. */
static int open_boxes(pdf_fonts *f)
{
    pdf_face *fc = &f->face[f->nface];
    memset(fc, 0, sizeof *fc);
    fc->kind = PDF_FACE_BOX;
    fc->path = oct_xstrdup("(no font has these characters)");
    fc->upem = 1000;
    fc->nglyphs = BOX_GLYPHS;
    return f->nface++;
}

/* Whether the font file at path holds colour bitmaps and no outlines
 * (read from its table directory, without opening it). */
static bool file_has_bitmaps(const char *path)
{
    size_t len = 0;
    unsigned char *d = (unsigned char *)oct_read_head(path, 12 + 16 * 64, &len);
    bool cbdt = false, sbix = false, glyf = false;
    unsigned n = d && len >= 12 ? (unsigned)d[4] << 8 | d[5] : 0;
    for (unsigned i = 0; i < n && 12 + 16 * (size_t)(i + 1) <= len; i++) {
        const unsigned char *r = d + 12 + 16 * (size_t)i;
        cbdt |= !memcmp(r, "CBDT", 4);
        sbix |= !memcmp(r, "sbix", 4);
        glyf |= !memcmp(r, "glyf", 4);
    }
    free(d);
    return (cbdt || sbix) && !glyf;
}

static int open_families(pdf_fonts *f, const oct_layout *l)
{
    const oct_font_family *fams[] = {&l->body, &l->heading, &l->mono};
    const char *names[] = {"body", "heading", "mono"};
    int bad = 0;
    for (int fam = 0; fam < PDF_FAM_FALLBACK; fam++) {
        for (int var = 0; var < PDF_NVAR; var++) {
            const char *path = family_path(fams[fam], var);
            int idx = -1;
            if (!path) {
                if (var == PDF_VAR_R)
                    oct_diag_report(f->diag, OCT_ERROR, l->path, 0, 0, "pdf-font",
                                    "the layout names no %s font", names[fam]);
            } else {
                idx = open_face(f, path, true);
            }
            if (idx < 0) bad = 1;
            f->slot[PDF_SLOT(fam, var)] = idx;
        }
    }
    return bad ? -1 : 0;
}

pdf_fonts *pdf_fonts_open(const oct_layout *l, oct_diag *d)
{
    pdf_fonts *f = oct_xcalloc(1, sizeof *f);
    f->diag = d;
    if (FT_Init_FreeType(&f->ft) != 0) {
        oct_diag_report(d, OCT_ERROR, NULL, 0, 0, "pdf-font", "cannot initialise FreeType");
        free(f);
        return NULL;
    }
    for (int s = 0; s < PDF_NSLOTS; s++)
        f->slot[s] = SLOT_UNAVAILABLE;
    if (open_families(f, l) != 0) {
        pdf_fonts_free(f);
        return NULL;
    }
    f->nchain = l->nfallback < OCT_MAX_FALLBACK ? l->nfallback : OCT_MAX_FALLBACK;
    for (int k = 0; k < f->nchain; k++) {
        bool bitmaps = file_has_bitmaps(l->fallback[k].regular);
        for (int var = 0; var < PDF_NVAR; var++) {
            const char *path = family_path(&l->fallback[k], var);
            int s = PDF_SLOT(PDF_FAM_FALLBACK + k, var);
            if (!path) continue;
            f->path[s] = oct_xstrdup(path);
            f->slot[s] = SLOT_UNOPENED;
            f->color[s] = bitmaps;
        }
    }
    f->slot[PDF_SLOT_BOX] = open_boxes(f);
    return f;
}

/* The face of slot s, opening a chain face on first use; NULL if none.
 * Asked for every character: the open face is found inline. */
static pdf_face *open_slot(pdf_fonts *f, int s);
static inline pdf_face *slot_face(pdf_fonts *f, int s)
{
    if (s < 0 || s >= PDF_NSLOTS) return NULL;
    if (f->slot[s] >= 0) return &f->face[f->slot[s]];
    return open_slot(f, s);
}

static pdf_face *open_slot(pdf_fonts *f, int s)
{
    if (f->slot[s] == SLOT_UNOPENED) {
        int idx = open_face(f, f->path[s], false);
        for (int t = 0; t < PDF_NSLOTS; t++) /* every slot of that file */
            if (f->slot[t] == SLOT_UNOPENED && !strcmp(f->path[t], f->path[s]))
                f->slot[t] = idx < 0 ? SLOT_UNAVAILABLE : idx;
    }
    return f->slot[s] >= 0 ? &f->face[f->slot[s]] : NULL;
}

void pdf_fonts_free(pdf_fonts *f)
{
    if (!f) return;
    oct_worker_free(f->early);
    for (int i = 0; i < f->nface; i++)
        close_face(&f->face[i]);
    for (int s = 0; s < PDF_NSLOTS; s++)
        free(f->path[s]);
    FT_Done_FreeType(f->ft);
    hb_buffer_destroy(f->buf);
    free(f);
}

int pdf_face_advance(pdf_face *fc, unsigned gid)
{
    if (gid >= fc->nglyphs) return W_MISSING;
    if (fc->kind == PDF_FACE_BOX) return PDF_BOX_ADVANCE;
    if (!fc->gw) {
        fc->gw = oct_xmalloc(fc->nglyphs * sizeof *fc->gw);
        for (unsigned g = 0; g < fc->nglyphs; g++)
            fc->gw[g] = W_UNKNOWN;
    }
    if (fc->gw[gid] != W_UNKNOWN) return fc->gw[gid];
    FT_Fixed adv;
    int w = W_MISSING;
    if (fc->kind == PDF_FACE_COLOR) /* HarfBuzz reads hmtx in font units */
        adv = hb_font_get_glyph_h_advance(fc->hbfont, gid);
    else if (FT_Get_Advance(fc->face, gid, FT_LOAD_NO_SCALE, &adv) != 0)
        adv = -1;
    if (adv >= 0) {
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
    int16_t *blk = fc->w[cp >> 8];
    if (!blk) {
        blk = fc->w[cp >> 8] = oct_xmalloc(256 * sizeof *blk);
        for (size_t i = 0; i < 256; i++)
            blk[i] = W_UNKNOWN;
    }
    if (blk[cp & 255] == W_UNKNOWN) blk[cp & 255] = (int16_t)lookup_width(fc, cp);
    return blk[cp & 255];
}

int pdf_font_width(pdf_fonts *f, int slot, unsigned cp)
{
    pdf_face *fc = slot_face(f, slot);
    if (!fc) return W_MISSING;
    if (fc->kind == PDF_FACE_BOX) return PDF_BOX_ADVANCE;
    return face_width(fc, cp);
}

static int resolve_in_chain(pdf_fonts *f, int slot, unsigned cp, int *w)
{
    *w = pdf_font_width(f, slot, cp);
    if (*w >= 0) return slot;
    for (int k = 0; k < f->nchain; k++) {
        int s = PDF_SLOT(PDF_FAM_FALLBACK + k, slot % PDF_NVAR);
        if (f->color[s] || f->slot[s] == SLOT_UNAVAILABLE) continue;
        *w = pdf_font_width(f, s, cp);
        if (*w >= 0) return s;
    }
    *w = PDF_BOX_ADVANCE;
    return PDF_SLOT_BOX;
}

int pdf_font_resolve(pdf_fonts *f, int slot, unsigned cp, int *w)
{
    if (cp >= 128 || slot < 0 || slot >= PDF_NSLOTS) return resolve_in_chain(f, slot, cp, w);
    uint32_t *known = &f->ascii[slot][cp];
    if (!*known) {
        int r = resolve_in_chain(f, slot, cp, w);
        *known = (uint32_t)(r + 1) << 16 | (uint16_t)*w;
    }
    *w = (int16_t)(*known & 0xFFFF);
    return (int)(*known >> 16) - 1;
}

int pdf_font_emoji_slot(pdf_fonts *f, unsigned cp)
{
    for (int k = 0; k < f->nchain; k++) {
        int s = PDF_SLOT(PDF_FAM_FALLBACK + k, PDF_VAR_R);
        if (!f->color[s] || f->slot[s] == SLOT_UNAVAILABLE) continue;
        pdf_face *fc = slot_face(f, s);
        if (fc && fc->kind == PDF_FACE_COLOR && face_width(fc, cp) >= 0) return s;
    }
    return -1;
}

bool pdf_font_synthetic_bold(pdf_fonts *f, int slot)
{
    int var = slot % PDF_NVAR;
    pdf_face *fc =
        slot < PDF_SLOT_BOX && (var == PDF_VAR_B || var == PDF_VAR_BI) ? slot_face(f, slot) : NULL;
    return fc && fc->kind == PDF_FACE_OUTLINE && fc->face &&
           !(fc->face->style_flags & FT_STYLE_FLAG_BOLD) &&
           !(fc->face->family_name && strstr(fc->face->family_name, "Bold"));
}

pdf_face_kind pdf_font_kind(pdf_fonts *f, int slot)
{
    pdf_face *fc = slot_face(f, slot);
    return fc ? (pdf_face_kind)fc->kind : PDF_FACE_OUTLINE;
}

unsigned pdf_font_box_glyph(pdf_fonts *f, unsigned cp)
{
    pdf_face *fc = slot_face(f, PDF_SLOT_BOX);
    if (!fc->box_cp) {
        fc->box_cp = oct_xcalloc(BOX_GLYPHS, sizeof *fc->box_cp);
        fc->box_hash = oct_xcalloc(BOX_HASH, sizeof *fc->box_hash);
    }
    uint32_t h = (cp * 2654435761u) & (BOX_HASH - 1);
    for (; fc->box_hash[h]; h = (h + 1) & (BOX_HASH - 1))
        if (fc->box_cp[fc->box_hash[h]] == cp) return fc->box_hash[h];
    if (fc->nbox + 1 >= BOX_GLYPHS) return 0; /* too many distinct ones: drawn, without text */
    unsigned gid = ++fc->nbox;
    fc->box_cp[gid] = cp;
    fc->box_hash[h] = gid;
    uint32_t c = cp;
    pdf_font_glyph_text(f, PDF_SLOT_BOX, gid, &c, 1);
    return gid;
}

const char *pdf_font_file(pdf_fonts *f, int slot)
{
    pdf_face *fc = slot_face(f, slot);
    return fc ? fc->path : "(no font)";
}

const char *pdf_font_family(pdf_fonts *f, int slot)
{
    pdf_face *fc = slot_face(f, slot);
    const char *name = fc && fc->face ? fc->face->family_name : NULL;
    return name ? name : pdf_font_file(f, slot);
}

HPDF_Image pdf_font_emoji_image(pdf_fonts *f, HPDF_Doc doc, int slot, unsigned gid, double box[4])
{
    pdf_face *fc = slot_face(f, slot);
    if (!fc || fc->kind != PDF_FACE_COLOR) return NULL;
    subset_job *j = &f->early_jobs[fc - f->face];
    if (f->early && j->work.run) oct_worker_wait(f->early, &j->work); /* its bitmaps decoded */
    return pdf_emoji_image(fc, doc, gid, box);
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
    pdf_face *fc = slot_face(f, slot);
    HPDF_Dict font = fc ? pdf_face_dict(fc, doc, f->slot[slot]) : NULL;
    HPDF_Dict fonts = font ? page_fonts(pg) : NULL;
    if (!fonts) return NULL;
    if (!HPDF_Dict_GetItem(fonts, fc->res, HPDF_OCLASS_DICT) &&
        HPDF_Dict_Add(fonts, fc->res, font) != HPDF_OK)
        return NULL;
    return fc->res;
}

hb_font_t *pdf_font_hb(pdf_fonts *f, int slot)
{
    pdf_face *fc = slot_face(f, slot);
    return fc ? fc->hbfont : NULL;
}

unsigned pdf_font_upem(pdf_fonts *f, int slot)
{
    pdf_face *fc = slot_face(f, slot);
    return fc ? fc->upem : 1000;
}

unsigned pdf_font_glyph_for(pdf_fonts *f, int slot, uint32_t cp)
{
    pdf_face *fc = slot_face(f, slot);
    if (!fc || !fc->face) return 0;
    FT_UInt gid = cp <= 0x10FFFF ? FT_Get_Char_Index(fc->face, cp) : 0;
    if (gid == 0 || gid >= fc->nglyphs) return 0;
    pdf_font_glyph_text(f, slot, gid, &cp, 1);
    return gid;
}

int pdf_font_glyph_width(pdf_fonts *f, int slot, unsigned gid)
{
    pdf_face *fc = slot_face(f, slot);
    /* painting asks for every glyph it sets: a width known already is
     * read straight from the face */
    if (fc && fc->gw && gid < fc->nglyphs && fc->gw[gid] >= 0) return fc->gw[gid];
    int w = fc ? pdf_face_advance(fc, gid) : 0;
    return w < 0 ? 0 : w;
}

const int16_t *pdf_font_known_widths(pdf_fonts *f, int slot, unsigned *n)
{
    pdf_face *fc = slot_face(f, slot);
    *n = fc && fc->gw ? fc->nglyphs : 0;
    return *n ? fc->gw : NULL;
}

void pdf_font_glyph_zero(pdf_fonts *f, int slot, unsigned gid)
{
    pdf_face *fc = slot_face(f, slot);
    if (fc && fc->kind == PDF_FACE_OUTLINE && pdf_face_advance(fc, gid) > 0) fc->gw[gid] = 0;
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
    pdf_face *fc = slot_face(f, slot);
    if (!fc || gid == 0 || gid >= fc->nglyphs) return;
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

static void subset_on_worker(oct_work *w)
{
    pdf_face_subset(((subset_job *)w)->face);
}

static void cut_on_worker(oct_work *w)
{
    pdf_face_cut(((subset_job *)w)->face);
}

static void emoji_on_worker(oct_work *w)
{
    pdf_emoji_prepare(((subset_job *)w)->face);
}

void pdf_fonts_subset_early(pdf_fonts *f)
{
    if (f->early) return;
    f->early = oct_worker_new((size_t)-1);
    /* the colour faces' bitmaps first: painting wants them soonest */
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < f->nface; i++) {
            pdf_face *fc = &f->face[i];
            int want = pass == 0 ? PDF_FACE_COLOR : PDF_FACE_OUTLINE;
            if (fc->kind != want || !fc->drawn) continue;
            f->early_jobs[i] =
                (subset_job){.work.run = pass == 0 ? emoji_on_worker : cut_on_worker, .face = fc};
            oct_worker_submit(f->early, &f->early_jobs[i].work);
        }
}

/* The drawn faces' files cut down, every other one on a worker thread:
 * subsetting is most of the fonts' time, and each face is its own. Faces
 * cut before painting (pdf_fonts_subset_early) are waited for first. */
static void subset_faces(pdf_fonts *f)
{
    oct_worker_free(f->early);
    f->early = NULL;
    subset_job jobs[PDF_NSLOTS];
    oct_worker *w = oct_worker_new((size_t)-1);
    int n = 0;
    for (int i = 0; i < f->nface; i++) {
        pdf_face *fc = &f->face[i];
        if (!fc->type0 || fc->kind != PDF_FACE_OUTLINE) continue;
        if (n++ % 2 == 0) {
            jobs[i] = (subset_job){.work.run = subset_on_worker, .face = fc};
            oct_worker_submit(w, &jobs[i].work);
        } else {
            pdf_face_subset(fc);
        }
    }
    oct_worker_free(w); /* waits for its faces */
}

int pdf_fonts_finish(pdf_fonts *f, HPDF_Doc doc)
{
    subset_faces(f);
    pdf_face *blank = slot_face(f, PDF_SLOT(PDF_FAM_BODY, PDF_VAR_R));
    for (int i = 0; i < f->nface; i++) {
        pdf_face *fc = &f->face[i];
        if (!fc->type0) continue;
        int rc = fc->kind == PDF_FACE_OUTLINE ? pdf_face_finish(fc, doc)
                                              : pdf_face_finish_invisible(fc, blank, doc);
        if (rc != 0) return -1;
    }
    return 0;
}
