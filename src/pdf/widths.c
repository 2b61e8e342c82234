/* libharu 2.3.0 gives each CIDFont a /W array with the width of every
 * character the font maps (tens of thousands of numbers, some 30 KB a font,
 * in a dictionary PDF 1.3 cannot compress). Only drawn characters need an
 * entry: the rest fall back to /DW and are never shown. So the array is
 * rebuilt for the code points actually drawn, as runs `c [w1 w2 …]`. */
#include "pdf/internal.h"

#include <hpdf_font.h>

static bool is_used(const uint8_t *used, unsigned cp)
{
    return used[cp >> 3] & (1u << (cp & 7));
}

int pdf_widths_write(HPDF_Font font, const uint8_t *used, const int16_t *w)
{
    HPDF_FontAttr attr = (HPDF_FontAttr)font->attr;
    if (!attr || !attr->descendant_font) return -1;
    HPDF_Dict cid = attr->descendant_font;
    HPDF_Array arr = HPDF_Array_New(cid->mmgr);
    if (!arr) return -1;
    HPDF_STATUS ret = HPDF_OK;
    for (unsigned cp = 0; cp < 0x10000 && ret == HPDF_OK;) {
        if (!is_used(used, cp) || w[cp] < 0) {
            cp++;
            continue;
        }
        HPDF_Array run = HPDF_Array_New(cid->mmgr);
        if (!run) return -1;
        ret += HPDF_Array_AddNumber(arr, (HPDF_INT32)cp);
        ret += HPDF_Array_Add(arr, run);
        for (; cp < 0x10000 && is_used(used, cp) && w[cp] >= 0; cp++)
            ret += HPDF_Array_AddNumber(run, w[cp]);
    }
    if (ret == HPDF_OK) ret = HPDF_Dict_Add(cid, "W", arr);
    return ret == HPDF_OK ? 0 : -1;
}
