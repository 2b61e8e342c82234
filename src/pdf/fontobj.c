/* The PDF objects of one face (see face.h): a Type0 font with Identity-H
 * encoding over a CIDFontType2 whose CIDs are the glyph ids of the font
 * file (CIDToGIDMap /Identity), so a content stream draws any glyph, in or
 * above the BMP. What is embedded is HarfBuzz's subset of the file holding
 * only the drawn glyphs (glyph ids kept, hints dropped: a printed page
 * needs neither the others nor hinting); /W lists the drawn glyphs only;
 * ToUnicode maps each drawn glyph back to its character, so copying and
 * searching give the source text. */
#include "pdf/face.h"
#include "util/buf.h"
#include "util/xalloc.h"

#include FT_TRUETYPE_TABLES_H
#include <hb-subset.h>
#include <hb.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { CMAP_BLOCK = 100 }; /* entries per bfchar section (the CMap limit) */

HPDF_Dict pdf_face_dict(pdf_face *fc, HPDF_Doc doc, int index)
{
    if (fc->type0) return fc->type0;
    HPDF_Dict d = HPDF_Dict_New(doc->mmgr);
    if (!d || HPDF_Xref_Add(doc->xref, d) != HPDF_OK) return NULL;
    snprintf(fc->res, sizeof fc->res, "F%d", index);
    fc->type0 = d;
    return d;
}

/* The font file cut down to the drawn glyphs (and .notdef), glyph ids
 * unchanged; NULL if HarfBuzz cannot subset it (the whole file is used). */
/* The PDF draws glyphs already shaped: the layout tables would only make
 * each font bigger, and keeping GSUB makes the subsetter close the glyph
 * set over every substitution (half its time on the Django booklet's
 * faces, and glyphs no page draws). */
static const hb_tag_t LAYOUT_TABLES[] = {
    HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
    HB_TAG('B', 'A', 'S', 'E'), HB_TAG('J', 'S', 'T', 'F'), HB_TAG('M', 'A', 'T', 'H'),
};

/* The font program of face with the glyphs in `in` (which it takes), no
 * character map entries, no hinting, no layout tables; NULL on failure. */
static hb_blob_t *cut(hb_face_t *face, hb_subset_input_t *in, hb_subset_flags_t flags)
{
    hb_set_clear(hb_subset_input_unicode_set(in));
    hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (size_t i = 0; i < sizeof LAYOUT_TABLES / sizeof *LAYOUT_TABLES; i++)
        hb_set_add(drop, LAYOUT_TABLES[i]);
    hb_subset_input_set_flags(in, flags | HB_SUBSET_FLAGS_NO_HINTING);
    hb_face_t *sub = hb_subset_or_fail(face, in);
    hb_blob_t *out = NULL;
    if (sub) {
        out = hb_face_reference_blob(sub);
        hb_face_destroy(sub);
    }
    hb_subset_input_destroy(in);
    if (out && hb_blob_get_length(out) == 0) {
        hb_blob_destroy(out);
        out = NULL;
    }
    return out;
}

static hb_blob_t *subset_file(const pdf_face *fc)
{
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    if (!in) return NULL;
    hb_set_t *glyphs = hb_subset_input_glyph_set(in);
    hb_set_add(glyphs, 0);
    for (unsigned g = 1; g < fc->nglyphs; g++)
        if (fc->drawn[g]) hb_set_add(glyphs, g);
    return cut(fc->hbface, in, HB_SUBSET_FLAGS_RETAIN_GIDS);
}

/* "ABCDEF+PostScriptName": the subset tag is a hash of the glyphs drawn,
 * so the same text gives the same name (and the same bytes). */
static void font_name(const pdf_face *fc, char *out, size_t n)
{
    uint32_t h = 2166136261u;
    for (unsigned g = 0; g < fc->nglyphs; g++)
        if (fc->drawn[g]) h = (h ^ g) * 16777619u;
    char tag[7];
    for (int i = 0; i < 6; i++, h /= 26)
        tag[i] = (char)('A' + h % 26);
    tag[6] = '\0';
    const char *ps = fc->face ? FT_Get_Postscript_Name(fc->face) : "OctavoMissingCharacters";
    char clean[64];
    size_t k = 0;
    for (; ps && *ps && k + 1 < sizeof clean; ps++)
        if ((*ps >= 'A' && *ps <= 'Z') || (*ps >= 'a' && *ps <= 'z') ||
            (*ps >= '0' && *ps <= '9') || *ps == '-')
            clean[k++] = *ps;
    clean[k] = '\0';
    snprintf(out, n, "%s+%s", tag, k ? clean : "Font");
}

static long em(const pdf_face *fc, long units)
{
    return units * 1000 / (long)fc->upem;
}

/* The descriptor of font program data[0..len), with the metrics of fc
 * (of its face f). */
static HPDF_Dict descriptor(const pdf_face *fc, FT_Face f, HPDF_Doc doc, const char *name,
                            const char *data, unsigned len)
{
    HPDF_MMgr mm = doc->mmgr;
    HPDF_Dict file = HPDF_DictStream_New(mm, doc->xref);
    HPDF_Dict fd = HPDF_Dict_New(mm);
    if (!file || !fd || HPDF_Xref_Add(doc->xref, fd) != HPDF_OK) return NULL;
    file->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    HPDF_STATUS ret = HPDF_Stream_Write(file->stream, (const HPDF_BYTE *)data, len);
    ret += HPDF_Dict_AddNumber(file, "Length1", (HPDF_INT32)len);

    const TT_OS2 *os2 = FT_Get_Sfnt_Table(f, FT_SFNT_OS2);
    const TT_Postscript *post = FT_Get_Sfnt_Table(f, FT_SFNT_POST);
    bool italic = (f->style_flags & FT_STYLE_FLAG_ITALIC) != 0;
    bool bold = (f->style_flags & FT_STYLE_FLAG_BOLD) != 0;
    /* Nonsymbolic (32) with the standard Latin set; 1: fixed pitch; 64: italic. */
    int flags = 32 | (FT_IS_FIXED_WIDTH(f) ? 1 : 0) | (italic ? 64 : 0);
    ret += HPDF_Dict_AddName(fd, "Type", "FontDescriptor");
    ret += HPDF_Dict_AddName(fd, "FontName", name);
    ret += HPDF_Dict_AddNumber(fd, "Flags", flags);
    HPDF_Array bbox = HPDF_Array_New(mm);
    ret += HPDF_Dict_Add(fd, "FontBBox", bbox);
    ret += HPDF_Array_AddNumber(bbox, (HPDF_INT32)em(fc, f->bbox.xMin));
    ret += HPDF_Array_AddNumber(bbox, (HPDF_INT32)em(fc, f->bbox.yMin));
    ret += HPDF_Array_AddNumber(bbox, (HPDF_INT32)em(fc, f->bbox.xMax));
    ret += HPDF_Array_AddNumber(bbox, (HPDF_INT32)em(fc, f->bbox.yMax));
    ret += HPDF_Dict_AddNumber(fd, "ItalicAngle", post ? (HPDF_INT32)(post->italicAngle >> 16) : 0);
    ret += HPDF_Dict_AddNumber(fd, "Ascent", (HPDF_INT32)em(fc, f->ascender));
    ret += HPDF_Dict_AddNumber(fd, "Descent", (HPDF_INT32)em(fc, f->descender));
    long cap = os2 && os2->version >= 2 && os2->sCapHeight > 0 ? os2->sCapHeight : f->ascender;
    ret += HPDF_Dict_AddNumber(fd, "CapHeight", (HPDF_INT32)em(fc, cap));
    ret += HPDF_Dict_AddNumber(fd, "StemV", bold ? 140 : 80);
    ret += HPDF_Dict_Add(fd, "FontFile2", file);
    return ret == HPDF_OK ? fd : NULL;
}

/* /W as runs of consecutive drawn glyphs: `g [w1 w2 …]`. */
static HPDF_Array widths(pdf_face *fc, HPDF_MMgr mm)
{
    HPDF_Array arr = HPDF_Array_New(mm);
    if (!arr) return NULL;
    HPDF_STATUS ret = HPDF_OK;
    for (unsigned g = 0; g < fc->nglyphs && ret == HPDF_OK;) {
        if (!fc->drawn[g]) {
            g++;
            continue;
        }
        HPDF_Array run = HPDF_Array_New(mm);
        if (!run) return NULL;
        ret += HPDF_Array_AddNumber(arr, (HPDF_INT32)g);
        ret += HPDF_Array_Add(arr, run);
        for (; g < fc->nglyphs && fc->drawn[g]; g++) {
            int w = pdf_face_advance(fc, g); /* as pdf_font_glyph_width */
            ret += HPDF_Array_AddNumber(run, w < 0 ? 0 : w);
        }
    }
    return ret == HPDF_OK ? arr : NULL;
}

static HPDF_Dict tounicode(const pdf_face *fc, HPDF_Doc doc)
{
    HPDF_Dict cmap = HPDF_DictStream_New(doc->mmgr, doc->xref);
    if (!cmap) return NULL;
    cmap->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    oct_buf b = OCT_BUF_INIT;
    oct_buf_printf(&b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                       "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                       "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                       "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    size_t total = 0, done = 0;
    for (unsigned g = 0; g < fc->nglyphs; g++)
        total += fc->drawn[g] != 0 && fc->drawn[g] != PDF_TEXT_NONE;
    for (unsigned g = 0; g < fc->nglyphs; g++) {
        if (!fc->drawn[g] || fc->drawn[g] == PDF_TEXT_NONE) continue;
        if (done % CMAP_BLOCK == 0) {
            size_t left = total - done;
            oct_buf_printf(&b, "%zu beginbfchar\n", left < CMAP_BLOCK ? left : CMAP_BLOCK);
        }
        oct_buf_printf(&b, "<%04X> <", g);
        uint32_t d = fc->drawn[g];
        if (d & PDF_TEXT_SEQ) {
            const uint32_t *seq = fc->texts + (d & ~PDF_TEXT_SEQ);
            for (uint32_t k = 1; k <= seq[0]; k++)
                oct_buf_put_utf16_hex(&b, seq[k]);
        } else {
            oct_buf_put_utf16_hex(&b, d - 1);
        }
        oct_buf_printf(&b, ">\n");
        if (++done % CMAP_BLOCK == 0 || done == total) oct_buf_printf(&b, "endbfchar\n");
    }
    oct_buf_printf(&b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    HPDF_STATUS ret = HPDF_Stream_Write(cmap->stream, (const HPDF_BYTE *)b.data, b.len);
    oct_buf_free(&b);
    return ret == HPDF_OK ? cmap : NULL;
}

/* `map`: the CIDToGIDMap stream, or NULL for /Identity (CID = glyph id). */
static HPDF_Dict cid_font(pdf_face *fc, HPDF_Doc doc, const char *name, HPDF_Dict fd, HPDF_Dict map)
{
    HPDF_MMgr mm = doc->mmgr;
    HPDF_Dict cid = HPDF_Dict_New(mm);
    HPDF_Dict info = HPDF_Dict_New(mm);
    HPDF_Array w = widths(fc, mm);
    if (!cid || !info || !w || HPDF_Xref_Add(doc->xref, cid) != HPDF_OK) return NULL;
    HPDF_STATUS ret = HPDF_Dict_AddName(cid, "Type", "Font");
    ret += HPDF_Dict_AddName(cid, "Subtype", "CIDFontType2");
    ret += HPDF_Dict_AddName(cid, "BaseFont", name);
    ret += HPDF_Dict_Add(info, "Registry", HPDF_String_New(mm, "Adobe", NULL));
    ret += HPDF_Dict_Add(info, "Ordering", HPDF_String_New(mm, "Identity", NULL));
    ret += HPDF_Dict_AddNumber(info, "Supplement", 0);
    ret += HPDF_Dict_Add(cid, "CIDSystemInfo", info);
    ret += HPDF_Dict_Add(cid, "FontDescriptor", fd);
    ret += HPDF_Dict_AddNumber(cid, "DW", 0);
    ret += HPDF_Dict_Add(cid, "W", w);
    if (map)
        ret += HPDF_Dict_Add(cid, "CIDToGIDMap", map);
    else
        ret += HPDF_Dict_AddName(cid, "CIDToGIDMap", "Identity");
    return ret == HPDF_OK ? cid : NULL;
}

/* The Type0 dictionary over `cid`, with its ToUnicode map. */
static int type0(pdf_face *fc, HPDF_Doc doc, const char *name, HPDF_Dict cid)
{
    HPDF_Dict map = cid ? tounicode(fc, doc) : NULL;
    HPDF_Array desc = map ? HPDF_Array_New(doc->mmgr) : NULL;
    if (!desc) return -1;
    HPDF_Dict t0 = fc->type0;
    HPDF_STATUS ret = HPDF_Dict_AddName(t0, "Type", "Font");
    ret += HPDF_Dict_AddName(t0, "Subtype", "Type0");
    ret += HPDF_Dict_AddName(t0, "BaseFont", name);
    ret += HPDF_Dict_AddName(t0, "Encoding", "Identity-H");
    ret += HPDF_Array_Add(desc, cid);
    ret += HPDF_Dict_Add(t0, "DescendantFonts", desc);
    ret += HPDF_Dict_Add(t0, "ToUnicode", map);
    return ret == HPDF_OK ? 0 : -1;
}

static void ensure_drawn(pdf_face *fc)
{
    if (!fc->drawn) fc->drawn = oct_xcalloc(fc->nglyphs ? fc->nglyphs : 1, sizeof *fc->drawn);
}

void pdf_face_cut(pdf_face *fc)
{
    if (!fc->subset && fc->drawn) fc->subset = subset_file(fc);
}

void pdf_face_subset(pdf_face *fc)
{
    if (!fc->type0) return;
    ensure_drawn(fc);
    pdf_face_cut(fc);
}

int pdf_face_finish(pdf_face *fc, HPDF_Doc doc)
{
    if (!fc->type0) return 0;
    ensure_drawn(fc);
    char name[96];
    font_name(fc, name, sizeof name);
    pdf_face_subset(fc);
    unsigned len = (unsigned)fc->nbytes;
    const char *data = fc->subset ? hb_blob_get_data(fc->subset, &len) : (const char *)fc->bytes;
    HPDF_Dict fd = descriptor(fc, fc->face, doc, name, data, len);
    hb_blob_destroy(fc->subset); /* the stream holds a copy */
    fc->subset = NULL;
    HPDF_Dict cid = fd ? cid_font(fc, doc, name, fd, NULL) : NULL;
    return type0(fc, doc, name, cid);
}

/* blank's .notdef alone, as a font program (the glyph every CID of an
 * invisible face is drawn with, in text rendering mode 3). */
static hb_blob_t *notdef_only(const pdf_face *blank)
{
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    if (!in) return NULL;
    hb_set_add(hb_subset_input_glyph_set(in), 0);
    return cut(blank->hbface, in, HB_SUBSET_FLAGS_DEFAULT);
}

int pdf_face_finish_invisible(pdf_face *fc, pdf_face *blank, HPDF_Doc doc)
{
    if (!fc->type0) return 0;
    ensure_drawn(fc);
    char name[96];
    font_name(fc, name, sizeof name);
    hb_blob_t *prog = notdef_only(blank);
    if (!prog) return -1;
    unsigned len = 0;
    const char *data = hb_blob_get_data(prog, &len);
    HPDF_Dict fd =
        descriptor(fc->face ? fc : blank, fc->face ? fc->face : blank->face, doc, name, data, len);
    hb_blob_destroy(prog);
    /* every CID drawn is glyph 0 of the program: two zero bytes per CID */
    unsigned last = 0;
    for (unsigned g = 0; g < fc->nglyphs; g++)
        if (fc->drawn[g]) last = g;
    HPDF_Dict map = fd ? HPDF_DictStream_New(doc->mmgr, doc->xref) : NULL;
    if (!map) return -1;
    map->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    unsigned char *zeros = oct_xcalloc(2 * ((size_t)last + 1), 1);
    HPDF_STATUS ret = HPDF_Stream_Write(map->stream, zeros, 2 * (last + 1));
    free(zeros);
    HPDF_Dict cid = ret == HPDF_OK ? cid_font(fc, doc, name, fd, map) : NULL;
    return type0(fc, doc, name, cid);
}
