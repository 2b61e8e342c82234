/* A correct ToUnicode CMap for libharu's UTF-8 Type0 fonts.
 *
 * libharu 2.3.0 gives each Type0 font a ToUnicode stream written by
 * CreateCMap() in hpdf_font_cid.c: a copy of the *encoding* CMap, with
 * begincidrange sections (not allowed in a ToUnicode CMap, poppler says
 * "Invalid 'begincidrange' operator") and /CMapType 1. Its UTF-8 encoder
 * makes every character code equal to the Unicode value (BMP only), and
 * the font uses Identity-H, so the correct map is the identity over the
 * codes actually drawn. The stream object is kept (the font dictionary
 * already refers to it); only its content and dictionary are replaced. */
#include "pdf/internal.h"

#include <hpdf_font.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <stdio.h>
#include <stdlib.h>

#include "util/xalloc.h"

#define PER_BLOCK 100

typedef struct {
    unsigned lo, hi;
} cp_range;

static const char HEADER[] = "/CIDInit /ProcSet findresource begin\n"
                             "12 dict begin\n"
                             "begincmap\n"
                             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
                             "/Supplement 0 >> def\n"
                             "/CMapName /Adobe-Identity-UCS def\n"
                             "/CMapType 2 def\n"
                             "1 begincodespacerange\n"
                             "<0000> <FFFF>\n"
                             "endcodespacerange\n";

static const char FOOTER[] = "endcmap\n"
                             "CMapName currentdict /CMap defineresource pop\n"
                             "end\n"
                             "end\n";

static bool is_used(const uint8_t *used, unsigned cp)
{
    return used[cp >> 3] & (1u << (cp & 7));
}

/* Maximal runs of drawn code points; a bfrange may only vary in its last
 * byte, so runs also end at every multiple of 256. */
static size_t collect_ranges(const uint8_t *used, cp_range *out)
{
    size_t n = 0;
    unsigned cp = 0;
    while (cp < 0x10000) {
        if (!is_used(used, cp)) {
            cp++;
            continue;
        }
        unsigned lo = cp;
        while (cp + 1 < 0x10000 && is_used(used, cp + 1) && ((cp + 1) & 0xFF) != 0)
            cp++;
        out[n++] = (cp_range){lo, cp};
        cp++;
    }
    return n;
}

static HPDF_STATUS write_section(HPDF_Stream s, const cp_range *r, size_t n, bool ranges)
{
    HPDF_STATUS ret = HPDF_OK;
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        if ((r[i].hi > r[i].lo) == ranges) count++;
    size_t done = 0;
    char line[64];
    for (size_t i = 0; i < n && ret == HPDF_OK; i++) {
        if ((r[i].hi > r[i].lo) != ranges) continue;
        if (done % PER_BLOCK == 0) {
            size_t left = count - done;
            snprintf(line, sizeof line, "%zu %s\n", left < PER_BLOCK ? left : (size_t)PER_BLOCK,
                     ranges ? "beginbfrange" : "beginbfchar");
            ret = HPDF_Stream_WriteStr(s, line);
        }
        if (ranges)
            snprintf(line, sizeof line, "<%04X> <%04X> <%04X>\n", r[i].lo, r[i].hi, r[i].lo);
        else
            snprintf(line, sizeof line, "<%04X> <%04X>\n", r[i].lo, r[i].lo);
        if (ret == HPDF_OK) ret = HPDF_Stream_WriteStr(s, line);
        done++;
        if (ret == HPDF_OK && (done % PER_BLOCK == 0 || done == count))
            ret = HPDF_Stream_WriteStr(s, ranges ? "endbfrange\n" : "endbfchar\n");
    }
    return ret;
}

static HPDF_STATUS fix_dict(HPDF_Dict cmap)
{
    HPDF_STATUS ret = HPDF_OK;
    HPDF_Dict info = HPDF_Dict_New(cmap->mmgr);
    if (!info) return HPDF_FAILD_TO_ALLOC_MEM;
    ret += HPDF_Dict_Add(info, "Registry", HPDF_String_New(cmap->mmgr, "Adobe", NULL));
    ret += HPDF_Dict_Add(info, "Ordering", HPDF_String_New(cmap->mmgr, "UCS", NULL));
    ret += HPDF_Dict_AddNumber(info, "Supplement", 0);
    ret += HPDF_Dict_Add(cmap, "CIDSystemInfo", info);
    ret += HPDF_Dict_AddName(cmap, "CMapName", "Adobe-Identity-UCS");
    if (HPDF_Dict_GetItem(cmap, "WMode", HPDF_OCLASS_NUMBER))
        ret += HPDF_Dict_RemoveElement(cmap, "WMode");
    return ret;
}

/* libharu also names the descendant CIDFont's character collection
 * "Adobe-Identity-H-0"; Identity-H fonts use the Adobe-Identity-0 one. */
static HPDF_STATUS fix_descendant(HPDF_FontAttr attr)
{
    if (!attr->descendant_font) return HPDF_OK;
    HPDF_Dict info = HPDF_Dict_GetItem(attr->descendant_font, "CIDSystemInfo", HPDF_OCLASS_DICT);
    if (!info) return HPDF_OK;
    return HPDF_Dict_Add(info, "Ordering", HPDF_String_New(info->mmgr, "Identity", NULL));
}

int pdf_tounicode_write(HPDF_Font font, const uint8_t *used)
{
    HPDF_FontAttr attr = (HPDF_FontAttr)font->attr;
    if (!attr || !attr->cmap_stream || !attr->cmap_stream->stream) return -1;
    if (fix_descendant(attr) != HPDF_OK) return -1;
    HPDF_Dict cmap = attr->cmap_stream;
    if (cmap->stream->type != HPDF_STREAM_MEMORY) return -1;

    cp_range *ranges = oct_xmalloc((0x10000 / 2 + 1) * sizeof *ranges);
    size_t n = collect_ranges(used, ranges);

    HPDF_MemStream_FreeData(cmap->stream);
    HPDF_STATUS ret = fix_dict(cmap);
    if (ret == HPDF_OK) ret = HPDF_Stream_WriteStr(cmap->stream, HEADER);
    if (ret == HPDF_OK) ret = write_section(cmap->stream, ranges, n, true);
    if (ret == HPDF_OK) ret = write_section(cmap->stream, ranges, n, false);
    if (ret == HPDF_OK) ret = HPDF_Stream_WriteStr(cmap->stream, FOOTER);
    free(ranges);
    return ret == HPDF_OK ? 0 : -1;
}
