#include "epub/book.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Reading systems and epubcheck are strict about a few metadata values
 * (language tags, W3CDTF dates, the dcterms:modified format, UUID URNs).
 * Bad values are replaced by safe ones with a warning rather than
 * producing an EPUB that fails validation. */

#define DEFAULT_MODIFIED "2000-01-01T00:00:00Z"

/* Reads exactly n digits at s; -1 if any is not a digit. */
static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i])) return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static int days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return days[m - 1];
}

typedef struct {
    int y, mo, d, h, mi, s;
} stamp;

/* "YYYY", "YYYY-MM" or "YYYY-MM-DD"; returns the number of bytes read, 0
 * if s does not start with a valid date. */
static size_t parse_date(const char *s, stamp *t)
{
    *t = (stamp){digits(s, 4), 1, 1, 0, 0, 0};
    if (t->y < 0) return 0;
    if (s[4] != '-') return 4;
    t->mo = digits(s + 5, 2);
    if (t->mo < 1 || t->mo > 12) return 0;
    if (s[7] != '-') return 7;
    t->d = digits(s + 8, 2);
    if (t->d < 1 || t->d > days_in_month(t->y, t->mo)) return 0;
    return 10;
}

/* "Thh:mm:ss" at s; returns bytes read or 0. */
static size_t parse_time(const char *s, stamp *t)
{
    /* Each check stops at the first mismatch, so nothing past the NUL is read. */
    if (s[0] != 'T' || (t->h = digits(s + 1, 2)) < 0 || s[3] != ':') return 0;
    if ((t->mi = digits(s + 4, 2)) < 0 || s[6] != ':' || (t->s = digits(s + 7, 2)) < 0) return 0;
    return t->h <= 23 && t->mi <= 59 && t->s <= 59 ? 9 : 0;
}

/* W3CDTF as dc:date expects: a date, optionally with hh:mm[:ss[.s+]] and a
 * zone (Z or ±hh:mm). */
static int is_w3cdtf(const char *s)
{
    stamp t;
    size_t n = parse_date(s, &t);
    if (!n) return 0;
    if (!s[n]) return 1;
    if (n != 10 || s[n] != 'T') return 0;
    s += n + 1;
    int h = digits(s, 2);
    if (h < 0 || h > 23 || s[2] != ':') return 0;
    int mi = digits(s + 3, 2);
    if (mi < 0 || mi > 59) return 0;
    s += 5;
    if (*s == ':') {
        int sec = digits(s + 1, 2);
        if (sec < 0 || sec > 59) return 0;
        s += 3;
        if (*s == '.') {
            if (!isdigit((unsigned char)s[1])) return 0;
            for (s++; isdigit((unsigned char)*s); s++) {
            }
        }
    }
    if (*s == 'Z') return s[1] == '\0';
    if (*s != '+' && *s != '-') return 0;
    int zh = digits(s + 1, 2);
    if (zh < 0 || zh > 23 || s[3] != ':') return 0;
    int zm = digits(s + 4, 2);
    return zm >= 0 && zm <= 59 && s[6] == '\0';
}

/* dcterms:modified must be exactly CCYY-MM-DDThh:mm:ssZ. A bare date, or
 * a UTC time without the Z, is completed; anything else is rejected. */
static const char *modified_value(oct_arena *a, const char *s, stamp *t)
{
    size_t n = parse_date(s, t);
    if (n != 10) return NULL;
    if (!s[n]) return oct_arena_printf(a, "%sT00:00:00Z", s);
    size_t m = parse_time(s + n, t);
    if (!m) return NULL;
    if (!strcmp(s + n + m, "Z")) return oct_arena_strdup(a, s);
    if (!s[n + m]) return oct_arena_printf(a, "%sZ", s);
    return NULL;
}

/* BCP 47 well-formedness (syntax only): alphanumeric subtags of 1..8
 * characters joined by '-', the first 2..8 letters (or the 'x'/'i'
 * singletons). Underscores, a common slip ("en_US"), become hyphens. */
static const char *lang_value(oct_arena *a, const char *in)
{
    char *s = oct_arena_strdup(a, in);
    size_t len = strlen(s), sub = 0, first = 1, first_letters = 1;
    if (!len) return NULL;
    for (size_t i = 0; i <= len; i++) {
        char c = s[i];
        if (c == '_') c = s[i] = '-';
        if (c == '-' || c == '\0') {
            if (sub == 0 || sub > 8) return NULL;
            if (first && !first_letters) return NULL;
            if (first && sub == 1 && s[0] != 'x' && s[0] != 'X' && s[0] != 'i' && s[0] != 'I')
                return NULL;
            first = 0, sub = 0;
            continue;
        }
        if (!isalnum((unsigned char)c) || (unsigned char)c >= 0x80) return NULL;
        if (first && !isalpha((unsigned char)c)) first_letters = 0;
        sub++;
    }
    return s;
}

static int is_uuid(const char *s)
{
    static const char shape[] = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";
    for (size_t i = 0; i < sizeof shape - 1; i++) {
        if (shape[i] == '-' ? s[i] != '-' : !isxdigit((unsigned char)s[i])) return 0;
    }
    return s[sizeof shape - 1] == '\0';
}

static uint64_t fnv1a(const char *s, uint64_t h)
{
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

/* A name-based UUID (RFC 9562 version 8: custom hash) from the title, so
 * the same booklet keeps the same identifier from build to build. */
static const char *derived_identifier(oct_arena *a, const char *title)
{
    uint64_t hi = fnv1a(title, 1469598103934665603ull);
    uint64_t lo = fnv1a(title, hi ^ 0x9e3779b97f4a7c15ull);
    hi = (hi & ~0xf000ull) | 0x8000ull;                        /* version 8 */
    lo = (lo & 0x3fffffffffffffffull) | 0x8000000000000000ull; /* RFC variant */
    return oct_arena_printf(a, "urn:uuid:%08x-%04x-%04x-%04x-%012llx", (unsigned)(hi >> 32),
                            (unsigned)(hi >> 16) & 0xffff, (unsigned)hi & 0xffff,
                            (unsigned)(lo >> 48), (unsigned long long)(lo & 0xffffffffffffull));
}

static const char *identifier_value(oct_arena *a, const char *id, const char *title, oct_diag *diag)
{
    id = oct_epub_squash(a, id);
    if (id && *id) {
        if (strncmp(id, "urn:uuid:", 9) != 0 || is_uuid(id + 9)) return id;
        oct_diag_report(diag, OCT_WARNING, NULL, 0, 0, "epub-bad-identifier",
                        "identifier '%s' is not a valid UUID URN; deriving one from the title", id);
    }
    return derived_identifier(a, title);
}

static void set_dos_stamp(oct_epub_meta *m, const stamp *t)
{
    stamp s = *t;
    if (s.y < 1980) s = (stamp){1980, 1, 1, 0, 0, 0};
    if (s.y > 2107) s = (stamp){2107, 12, 31, 23, 59, 58};
    m->dos_date = (unsigned)(((s.y - 1980) << 9) | (s.mo << 5) | s.d);
    m->dos_time = (unsigned)((s.h << 11) | (s.mi << 5) | (s.s / 2));
}

static void init_dates(oct_epub_meta *out, const oct_meta *in, oct_arena *a, oct_diag *diag)
{
    out->date = NULL;
    if (in->date && *in->date) {
        if (is_w3cdtf(in->date))
            out->date = oct_arena_strdup(a, in->date);
        else
            oct_diag_report(diag, OCT_WARNING, NULL, 0, 0, "epub-bad-date",
                            "date '%s' is not a W3CDTF date (YYYY-MM-DD); leaving it out",
                            in->date);
    }
    stamp t = {1980, 1, 1, 0, 0, 0};
    out->modified = NULL;
    if (in->modified && *in->modified) {
        out->modified = modified_value(a, in->modified, &t);
        if (!out->modified) {
            t = (stamp){1980, 1, 1, 0, 0, 0};
            oct_diag_report(diag, OCT_WARNING, NULL, 0, 0, "epub-bad-date",
                            "modification time '%s' is not YYYY-MM-DDThh:mm:ssZ; using %s",
                            in->modified, DEFAULT_MODIFIED);
        }
    }
    if (!out->modified) out->modified = DEFAULT_MODIFIED;
    set_dos_stamp(out, &t);
}

void oct_epub_meta_init(oct_epub_meta *out, const oct_meta *in, oct_arena *a, oct_diag *diag)
{
    const char *title = oct_epub_squash(a, in->title);
    out->title = title && *title ? title : "Untitled";
    out->subtitle = oct_epub_squash(a, in->subtitle);
    if (out->subtitle && !*out->subtitle) out->subtitle = NULL;
    out->author = oct_epub_squash(a, in->author);
    if (out->author && !*out->author) out->author = NULL;
    out->description = oct_epub_squash(a, in->description);
    if (out->description && !*out->description) out->description = NULL;
    out->keywords = in->keywords;
    out->nkeywords = in->keywords ? in->nkeywords : 0;

    out->lang = in->lang && *in->lang ? lang_value(a, in->lang) : "en";
    if (!out->lang) {
        oct_diag_report(diag, OCT_WARNING, NULL, 0, 0, "epub-bad-language",
                        "language '%s' is not a BCP 47 tag (like en or pt-BR); using en", in->lang);
        out->lang = "en";
    }
    out->identifier = identifier_value(a, in->identifier, out->title, diag);
    init_dates(out, in, a, diag);
}
