#include "config/fontprobe.h"
#include "oct_limits.h"
#include "util/fileio.h"

#include <errno.h>
#include <ft2build.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include FT_FREETYPE_H

/* One table of the file: where it is, already checked to lie inside. */
typedef struct {
    const unsigned char *p;
    size_t len;
} table;

typedef struct {
    const unsigned char *data;
    size_t len;
    char *why;
    size_t whysz;
    table head, hhea, maxp, hmtx, cmap, loca, glyf, name, post, os2, cbdt, sbix;
    bool bitmaps; /* colour bitmaps (CBDT or sbix) and no outlines: an emoji font */
    unsigned nglyphs;
} probe;

static int bad(probe *pr, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int bad(probe *pr, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(pr->why, pr->whysz, fmt, ap);
    va_end(ap);
    return -1;
}

static unsigned u16(const unsigned char *p)
{
    return (unsigned)p[0] << 8 | p[1];
}

static uint32_t u32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The table directory: every record inside the file, the named ones kept. */
static int read_directory(probe *pr)
{
    static const char *const TAGS[] = {"head", "hhea", "maxp", "hmtx", "cmap", "loca",
                                       "glyf", "name", "post", "OS/2", "CBDT", "sbix"};
    table *slots[] = {&pr->head, &pr->hhea, &pr->maxp, &pr->hmtx, &pr->cmap, &pr->loca,
                      &pr->glyf, &pr->name, &pr->post, &pr->os2,  &pr->cbdt, &pr->sbix};
    if (pr->len < 12) return bad(pr, "is shorter than a table directory");
    unsigned n = u16(pr->data + 4);
    if (n == 0 || 12 + (size_t)n * 16 > pr->len) return bad(pr, "has a truncated table directory");
    for (unsigned i = 0; i < n; i++) {
        const unsigned char *r = pr->data + 12 + (size_t)i * 16;
        uint32_t off = u32(r + 8), len = u32(r + 12);
        if ((uint64_t)off + len > pr->len)
            return bad(pr, "has table '%.4s' ending past the end of the file", (const char *)r);
        for (size_t k = 0; k < sizeof TAGS / sizeof *TAGS; k++)
            if (!memcmp(r, TAGS[k], 4)) *slots[k] = (table){pr->data + off, len};
    }
    /* What libharu reads, with the sizes of the fields it reads. */
    static const size_t MIN[] = {54, 36, 6, 4, 4, 2, 0, 6, 32, 0, 0, 0};
    pr->bitmaps = (pr->cbdt.p || pr->sbix.p) && !pr->glyf.p && !pr->loca.p;
    for (size_t k = 0; k < sizeof TAGS / sizeof *TAGS; k++) {
        /* post, OS/2, the bitmap tables; loca and glyf in a bitmap font
         * (FreeType reads its bitmaps; the PDF draws them as images) */
        bool optional = k >= 8 || (pr->bitmaps && (k == 5 || k == 6));
        if (!slots[k]->p && optional) continue;
        if (!slots[k]->p) return bad(pr, "has no '%s' table", TAGS[k]);
        if (slots[k]->len < MIN[k]) return bad(pr, "has a truncated '%s' table", TAGS[k]);
    }
    if (pr->os2.p && pr->os2.len < 78) return bad(pr, "has a truncated 'OS/2' table");
    /* libharu refuses to embed a font whose licence bits (fsType) restrict
     * it or allow bitmaps only; say so here, as a problem of the font. */
    if (pr->os2.p && (u16(pr->os2.p + 8) & 0x0302))
        return bad(pr, "does not allow embedding (OS/2 fsType %#x)", u16(pr->os2.p + 8));
    return 0;
}

static int check_metrics(probe *pr)
{
    if (u32(pr->head.p + 12) != 0x5F0F3CF5) return bad(pr, "has a damaged 'head' table");
    unsigned upem = u16(pr->head.p + 18);
    if (upem < 16 || upem > 16384) return bad(pr, "has %u units per em", upem);
    pr->nglyphs = u16(pr->maxp.p + 4);
    if (pr->nglyphs == 0) return bad(pr, "has no glyphs");
    unsigned hmetrics = u16(pr->hhea.p + 34);
    if (hmetrics == 0 || hmetrics > pr->nglyphs)
        return bad(pr, "has %u horizontal metrics for %u glyphs", hmetrics, pr->nglyphs);
    if ((size_t)hmetrics * 4 + (size_t)(pr->nglyphs - hmetrics) * 2 > pr->hmtx.len)
        return bad(pr, "has a truncated 'hmtx' table");
    return 0;
}

/* loca: offsets that never go back and stay inside glyf. */
static int glyph_range(probe *pr, unsigned gid, size_t *start, size_t *end)
{
    bool longoff = u16(pr->head.p + 50) != 0;
    if (longoff) {
        *start = u32(pr->loca.p + (size_t)gid * 4);
        *end = u32(pr->loca.p + (size_t)gid * 4 + 4);
    } else {
        *start = (size_t)u16(pr->loca.p + (size_t)gid * 2) * 2;
        *end = (size_t)u16(pr->loca.p + (size_t)gid * 2 + 2) * 2;
    }
    if (*start > *end || *end > pr->glyf.len)
        return bad(pr, "has glyph %u outside its 'glyf' table", gid);
    return 0;
}

/* A composite glyph's parts: each a glyph id below the count, every
 * record inside the glyph. */
static int check_composite(probe *pr, unsigned gid, const unsigned char *g, size_t n)
{
    size_t i = 10;
    for (;;) {
        if (i + 4 > n) return bad(pr, "has a truncated composite glyph %u", gid);
        unsigned flags = u16(g + i), part = u16(g + i + 2);
        if (part >= pr->nglyphs) return bad(pr, "has glyph %u made of missing glyph %u", gid, part);
        i += 4 + ((flags & 1) ? 4 : 2);
        i += (flags & 8) ? 2 : (flags & 0x40) ? 4 : (flags & 0x80) ? 8 : 0;
        if (i > n) return bad(pr, "has a truncated composite glyph %u", gid);
        if (!(flags & 0x20)) return 0;
    }
}

static int check_glyphs(probe *pr)
{
    if (pr->bitmaps) return 0;
    bool longoff = u16(pr->head.p + 50) != 0;
    if (((size_t)pr->nglyphs + 1) * (longoff ? 4 : 2) > pr->loca.len)
        return bad(pr, "has a truncated 'loca' table");
    for (unsigned gid = 0; gid < pr->nglyphs; gid++) {
        size_t s, e;
        if (glyph_range(pr, gid, &s, &e) != 0) return -1;
        if (e == s) continue;
        if (e - s < 10) return bad(pr, "has a truncated glyph %u", gid);
        const unsigned char *g = pr->glyf.p + s;
        int contours = (int16_t)u16(g);
        if (contours < 0 && check_composite(pr, gid, g, e - s) != 0) return -1;
        if (contours > 0 && 10 + (size_t)contours * 2 + 2 > e - s)
            return bad(pr, "has a truncated glyph %u", gid);
    }
    return 0;
}

/* A format 4 subtable (what libharu maps Unicode with): its arrays inside,
 * and every glyph id it gives below the glyph count. */
static int check_format4(probe *pr, const unsigned char *s, size_t avail)
{
    if (avail < 14) return bad(pr, "has a truncated 'cmap' subtable");
    size_t len = u16(s + 2);
    unsigned segx2 = u16(s + 6);
    if (len > avail || len < 16 + (size_t)segx2 * 4 || segx2 == 0 || segx2 % 2)
        return bad(pr, "has a damaged 'cmap' subtable");
    unsigned segs = segx2 / 2;
    const unsigned char *ends = s + 14, *starts = ends + segx2 + 2, *deltas = starts + segx2,
                        *ranges = deltas + segx2;
    for (unsigned i = 0; i < segs; i++) {
        unsigned end = u16(ends + 2 * i), start = u16(starts + 2 * i);
        unsigned delta = u16(deltas + 2 * i), ro = u16(ranges + 2 * i);
        if (start > end) return bad(pr, "has a damaged 'cmap' segment");
        for (unsigned c = start; c <= end && c != 0xFFFF; c++) {
            unsigned gid;
            if (!ro) {
                gid = (c + delta) & 0xFFFF;
            } else {
                size_t at = (size_t)(ranges - s) + 2 * i + ro + 2 * (size_t)(c - start);
                if (at + 2 > len) return bad(pr, "has a 'cmap' entry outside its subtable");
                gid = u16(s + at);
                if (gid) gid = (gid + delta) & 0xFFFF;
            }
            if (gid >= pr->nglyphs) return bad(pr, "maps U+%04X to missing glyph %u", c, gid);
        }
    }
    return 0;
}

static int check_cmap(probe *pr)
{
    unsigned n = u16(pr->cmap.p + 2);
    if (4 + (size_t)n * 8 > pr->cmap.len) return bad(pr, "has a truncated 'cmap' table");
    bool unicode = false;
    for (unsigned i = 0; i < n; i++) {
        const unsigned char *r = pr->cmap.p + 4 + (size_t)i * 8;
        uint32_t off = u32(r + 4);
        if (off + (uint64_t)4 > pr->cmap.len) return bad(pr, "has a 'cmap' subtable outside it");
        const unsigned char *s = pr->cmap.p + off;
        if (u16(s) == 4) {
            if (check_format4(pr, s, pr->cmap.len - off) != 0) return -1;
            unicode |= u16(r) == 3 && u16(r + 2) == 1;
        }
        /* a font with no BMP-only map (emoji) has a full (3,10) one */
        unicode |= u16(r) == 3 && u16(r + 2) == 10 && u16(s) == 12;
    }
    if (!unicode) return bad(pr, "has no Unicode (3,1) or (3,10) 'cmap'");
    return 0;
}

static int check_names(probe *pr)
{
    unsigned count = u16(pr->name.p + 2), storage = u16(pr->name.p + 4);
    if (6 + (size_t)count * 12 > pr->name.len || storage > pr->name.len)
        return bad(pr, "has a truncated 'name' table");
    for (unsigned i = 0; i < count; i++) {
        const unsigned char *r = pr->name.p + 6 + (size_t)i * 12;
        if ((size_t)storage + u16(r + 10) + u16(r + 8) > pr->name.len)
            return bad(pr, "has a 'name' record outside its table");
    }
    return 0;
}

/* FreeType opens the face, picks its Unicode cmap and loads a glyph. */
static int check_freetype(probe *pr)
{
    FT_Library ft;
    if (FT_Init_FreeType(&ft) != 0) return bad(pr, "cannot be checked (FreeType failed)");
    FT_Face face;
    int rc = 0;
    if (FT_New_Memory_Face(ft, pr->data, (FT_Long)pr->len, 0, &face) != 0) {
        FT_Done_FreeType(ft);
        return bad(pr, "cannot be read by FreeType");
    }
    /* (a bitmap-only face has no outline units per em for FreeType) */
    if (!FT_IS_SFNT(face) || (face->units_per_EM == 0 && !pr->bitmaps) ||
        FT_Select_Charmap(face, FT_ENCODING_UNICODE) != 0)
        rc = bad(pr, "has no usable Unicode character map");
    /* The glyph the PDF backend measures first must load; loading every
     * glyph would cost a tenth of a second a build (the table checks above
     * already cover what libharu reads of each glyph). */
    FT_UInt gid = rc ? 0 : FT_Get_Char_Index(face, 'a');
    if (!rc && !pr->bitmaps && FT_Load_Glyph(face, gid, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING) != 0)
        rc = bad(pr, "has glyphs that FreeType cannot load");
    FT_Done_Face(face);
    FT_Done_FreeType(ft);
    return rc;
}

int oct_font_probe_mem(const unsigned char *data, size_t len, char *why, size_t whysz)
{
    probe pr = {.data = data, .len = len, .why = why, .whysz = whysz};
    if (why && whysz) why[0] = '\0';
    if (read_directory(&pr) || check_metrics(&pr) || check_glyphs(&pr) || check_cmap(&pr) ||
        check_names(&pr) || check_freetype(&pr))
        return -1;
    return 0;
}

int oct_font_probe(const char *path, char *why, size_t whysz)
{
    size_t len = 0;
    char *data = oct_read_file(path, OCT_LIMIT_FONT_BYTES, &len);
    if (!data) {
        if (errno == EFBIG)
            snprintf(why, whysz, "is larger than the limit of %u bytes", OCT_LIMIT_FONT_BYTES);
        else
            snprintf(why, whysz, "cannot be read: %s", strerror(errno));
        return -1;
    }
    int rc = oct_font_probe_mem((const unsigned char *)data, len, why, whysz);
    free(data);
    return rc;
}
