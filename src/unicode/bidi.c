/* See bidi.h. ICU works on UTF-16: the line is converted with a map from
 * code units back to characters, and a character seen in two code units
 * (a surrogate pair) is placed once. */
#include "unicode/bidi.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>

static UChar32 clean(uint32_t cp)
{
    return cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) ? 0xFFFD : (UChar32)cp;
}

int oct_bidi_strong(uint32_t cp)
{
    if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z' ? 0 : -1; /* ASCII fast */
    UCharDirection d = u_charDirection(clean(cp));
    return d == U_LEFT_TO_RIGHT ? 0 : d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC ? 1 : -1;
}

bool oct_bidi_needed(const uint32_t *cps, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (cps[i] < 0x590) continue; /* nothing below Hebrew is right-to-left */
        switch (u_charDirection(clean(cps[i]))) {
        case U_RIGHT_TO_LEFT:
        case U_RIGHT_TO_LEFT_ARABIC:
        case U_RIGHT_TO_LEFT_EMBEDDING:
        case U_RIGHT_TO_LEFT_OVERRIDE:
        case U_LEFT_TO_RIGHT_EMBEDDING:
        case U_LEFT_TO_RIGHT_OVERRIDE:
        case U_RIGHT_TO_LEFT_ISOLATE:
        case U_LEFT_TO_RIGHT_ISOLATE:
        case U_FIRST_STRONG_ISOLATE:
            return true;
        default:
            break;
        }
    }
    return false;
}

static void logical_order(size_t n, size_t *order, bool *rtl_char)
{
    for (size_t i = 0; i < n; i++) {
        order[i] = i;
        if (rtl_char) rtl_char[i] = false;
    }
}

int oct_bidi_visual(const uint32_t *cps, size_t n, bool rtl, size_t *order, bool *rtl_char)
{
    logical_order(n, order, rtl_char);
    if (n == 0) return 0;
    if (n > (size_t)INT32_MAX / 2) return -1;
    UChar *u = oct_xmalloc(2 * n * sizeof *u);
    size_t *of = oct_xmalloc(2 * n * sizeof *of); /* code unit -> character */
    int32_t len = 0;
    for (size_t i = 0; i < n; i++) {
        UBool bad = false;
        int32_t at = len;
        U16_APPEND(u, len, (int32_t)(2 * n), clean(cps[i]), bad);
        for (int32_t k = at; k < len; k++)
            of[k] = i;
        (void)bad;
    }
    UErrorCode err = U_ZERO_ERROR;
    UBiDi *bidi = ubidi_openSized(len, 0, &err);
    if (U_SUCCESS(err)) ubidi_setPara(bidi, u, len, rtl ? UBIDI_RTL : UBIDI_LTR, NULL, &err);
    int32_t *map = U_SUCCESS(err) ? oct_xmalloc((size_t)len * sizeof *map) : NULL;
    if (map) ubidi_getVisualMap(bidi, map, &err);
    int rc = U_SUCCESS(err) ? 0 : -1;
    if (rc == 0) {
        size_t v = 0, last = (size_t)-1;
        for (int32_t k = 0; k < len; k++) {
            size_t c = of[map[k]];
            if (c == last) continue; /* the other half of a surrogate pair */
            last = c;
            order[v++] = c;
            if (rtl_char) rtl_char[c] = (ubidi_getLevelAt(bidi, map[k]) & 1) != 0;
        }
        if (v != n) { /* a pair split apart: keep the logical order */
            logical_order(n, order, rtl_char);
            rc = -1;
        }
    }
    free(map);
    if (bidi) ubidi_close(bidi);
    free(of);
    free(u);
    return rc;
}

uint32_t oct_bidi_mirror(uint32_t cp)
{
    return cp > 0x10FFFF ? cp : (uint32_t)u_charMirror((UChar32)cp);
}
