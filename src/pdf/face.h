/* One font file as the PDF backend uses it: fonts.c opens it and answers
 * "which glyph" and "how wide"; fontobj.c turns the glyphs drawn with it
 * into the PDF's font objects. Internal to src/pdf.
 *
 * octavo writes its own font objects instead of letting libharu load the
 * TrueType file: libharu 2.3.0 reaches glyphs only through the BMP part of
 * the cmap, searches that cmap linearly for all 65,536 code points of every
 * font it loads, and embeds nearly the whole file. Here a content stream
 * names glyph ids directly (Identity-H, CID = glyph id), the file is cut
 * down to the drawn glyphs by HarfBuzz's subsetter, and the ToUnicode map
 * is written from the characters each glyph stood for. */
#ifndef OCT_PDF_FACE_H
#define OCT_PDF_FACE_H

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>
#include <hpdf.h>
#include <stddef.h>
#include <stdint.h>

typedef struct pdf_emoji_cache pdf_emoji_cache;

typedef struct {
    char *path;
    int kind;             /* pdf_face_kind */
    unsigned char *bytes; /* the file, read once (FreeType and HarfBuzz share it) */
    size_t nbytes;
    FT_Face face;
    unsigned upem, nglyphs;
    hb_face_t *hbface; /* the same file for shaping and subsetting */
    hb_blob_t *subset; /* the font file cut down to the glyphs drawn (pdf_face_subset) */
    hb_font_t *hbfont; /* scaled to units per em */
    /* per BMP code point: advance in 1/1000 em, or unknown/missing; in
     * blocks of 256 made on first use (a face is asked about a few) */
    int16_t *w[256];
    int16_t *gw; /* per glyph id: its /W advance, or unknown (painting asks per glyph) */
    /* Per glyph id, the text it stands for: 0 not used; 1 + a code point;
     * PDF_TEXT_SEQ | k, the sequence at texts[k] (length, then code
     * points: a ligature); PDF_TEXT_NONE: used for no text of its own (a
     * mark its cluster's first glyph speaks for). */
    uint32_t *drawn;
    uint32_t *texts;
    size_t ntexts, captexts;
    /* PDF_FACE_BOX: the code point of each box glyph (1-based ids, in
     * order of first use) and a hash from code point to id. */
    uint32_t *box_cp, *box_hash;
    unsigned nbox;          /* box glyph ids handed out (the next is nbox + 1) */
    pdf_emoji_cache *emoji; /* PDF_FACE_COLOR: the images made (emoji.c) */
    HPDF_Dict type0;        /* the font dictionary pages name; NULL until first drawn */
    char res[8];            /* its name in a page's /Font resources */
} pdf_face;

#define PDF_TEXT_SEQ 0x80000000u
#define PDF_TEXT_NONE 0xFFFFFFFFu

/* Advance of glyph `gid` in 1/1000 em, rounded (the /W value). */
int pdf_face_advance(pdf_face *fc, unsigned gid);
/* The font dictionary of fc for `doc`, created empty on first use (its
 * content is written by pdf_face_finish once every page is drawn). */
HPDF_Dict pdf_face_dict(pdf_face *fc, HPDF_Doc doc, int index);
/* Cuts fc's font file down to the glyphs drawn, into fc->subset (NULL when
 * HarfBuzz cannot: the whole file is used). Touches nothing but fc, so
 * faces are subset side by side on two threads (fonts.c). */
void pdf_face_subset(pdf_face *fc);
/* The same for a face with glyphs drawn, before any page uses it (a face
 * no page turns out to use is cut for nothing; its file is dropped). */
void pdf_face_cut(pdf_face *fc);
/* Fills fc's font objects from the glyphs drawn: the subset font file, the
 * widths, the ToUnicode map and the descriptor. Returns 0 or -1. */
int pdf_face_finish(pdf_face *fc, HPDF_Doc doc);
/* The same for a face whose glyphs are drawn as pictures or boxes over
 * invisible text: its font program is `blank` (a face whose .notdef every
 * glyph id is mapped to), so the text layer still extracts. */
int pdf_face_finish_invisible(pdf_face *fc, pdf_face *blank, HPDF_Doc doc);
/* Images of a colour face's glyphs (emoji.c). */
HPDF_Image pdf_emoji_image(pdf_face *fc, HPDF_Doc doc, unsigned gid, double box[4]);
/* Decodes the bitmaps of fc's drawn glyphs (a colour face), for
 * pdf_emoji_image to use; touches nothing but fc (a worker runs it). */
void pdf_emoji_prepare(pdf_face *fc);
void pdf_emoji_free(pdf_emoji_cache *c, unsigned nglyphs); /* NULL-safe */

#endif
