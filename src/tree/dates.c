#include "tree/dates.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <string.h>
#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/ustring.h>

char *oct_date_long(const char *iso, const char *lang)
{
    if (!iso) return NULL;
    int y, m, d;
    char rest;
    int n = sscanf(iso, "%4d-%2d-%2d%c", &y, &m, &d, &rest);
    if ((n != 3 && n != 4) || (n == 4 && rest != 'T') || m < 1 || m > 12 || d < 1 || d > 31)
        return oct_xstrdup(iso);
    char loc[64];
    snprintf(loc, sizeof loc, "%s", lang && *lang ? lang : "en");
    for (char *c = loc; *c; c++)
        if (*c == '-') *c = '_';
    static const UChar UTC[] = {'U', 'T', 'C', 0};
    UErrorCode st = U_ZERO_ERROR;
    UCalendar *cal = ucal_open(UTC, -1, loc, UCAL_GREGORIAN, &st);
    if (U_SUCCESS(st)) {
        ucal_clear(cal);
        ucal_setDateTime(cal, y, m - 1, d, 12, 0, 0, &st);
    }
    UDate when = U_SUCCESS(st) ? ucal_getMillis(cal, &st) : 0;
    UDateFormat *f =
        U_SUCCESS(st) ? udat_open(UDAT_NONE, UDAT_LONG, loc, UTC, -1, NULL, 0, &st) : NULL;
    UChar out[128];
    int32_t len = U_SUCCESS(st) ? udat_format(f, when, out, 128, NULL, &st) : 0;
    char utf8[512];
    int32_t blen = 0;
    if (U_SUCCESS(st) && len < 128) u_strToUTF8(utf8, sizeof utf8, &blen, out, len, &st);
    if (f) udat_close(f);
    if (cal) ucal_close(cal);
    if (U_FAILURE(st) || blen <= 0 || blen >= (int32_t)sizeof utf8) return oct_xstrdup(iso);
    utf8[blen] = 0;
    return oct_xstrdup(utf8);
}
