/* Document information: Title, Author, Subject, Keywords, Creator, dates,
 * the catalog's /Lang.
 *
 * Text strings are built here rather than through libharu's encoder: with
 * the UTF-8 encoder libharu writes <FEFF...> correctly for the BMP but
 * turns every character above U+FFFF into a space, and without an encoder
 * it writes the raw UTF-8 bytes, which readers take as PDFDocEncoding.
 * Here ASCII stays a literal string and anything else becomes UTF-16BE
 * with a byte order mark and surrogate pairs, written as a hex string.
 *
 * Dates come only from the tree (meta.modified, meta.date), never from the
 * clock, so two runs on the same input give the same bytes. */
#include "pdf/internal.h"
#include "util/utf8.h"

#include <ctype.h>
#include <hpdf_objects.h>
#include <stdio.h>
#include <string.h>

#define MAX_STRING 8000 /* bytes of UTF-8 kept in one info string */

void *pdf_string_obj(oct_pdf *p, const char *s)
{
    HPDF_MMgr mm = p->doc->mmgr;
    size_t n = strlen(s);
    if (n > MAX_STRING) n = oct_grapheme_floor_utf8(s, n, MAX_STRING); /* never mid-character */
    bool ascii = true;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80 || (unsigned char)s[i] < 0x20) ascii = false;
    if (ascii) {
        char buf[MAX_STRING + 1];
        memcpy(buf, s, n);
        buf[n] = '\0';
        return HPDF_String_New(mm, buf, NULL);
    }
    oct_buf b = OCT_BUF_INIT;
    oct_buf_put(&b, "\xFE\xFF", 2);
    size_t i = 0, len;
    while (i < n) {
        unsigned cp = oct_utf8_decode(s + i, n - i, &len);
        i += len;
        if (cp < 0x20) cp = ' ';
        if (cp >= 0x10000) {
            unsigned v = cp - 0x10000, hi = 0xD800 + (v >> 10), lo = 0xDC00 + (v & 0x3FF);
            char u[4] = {(char)(hi >> 8), (char)hi, (char)(lo >> 8), (char)lo};
            oct_buf_put(&b, u, 4);
        } else {
            char u[2] = {(char)(cp >> 8), (char)cp};
            oct_buf_put(&b, u, 2);
        }
    }
    void *obj = HPDF_Binary_New(mm, (HPDF_BYTE *)b.data, (HPDF_UINT)b.len);
    oct_buf_free(&b);
    return obj;
}

static bool digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i])) return false;
    return true;
}

/* ISO 8601 (YYYY-MM-DD, optionally Thh:mm[:ss] and Z or +hh:mm) -> a PDF
 * date "D:YYYYMMDDHHmmSS..." into out; false if s is not such a date. */
static bool pdf_date(const char *s, char *out, size_t sz)
{
    if (!s || strlen(s) < 10 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) || s[7] != '-' ||
        !digits(s + 8, 2))
        return false;
    int mon = (s[5] - '0') * 10 + (s[6] - '0'), day = (s[8] - '0') * 10 + (s[9] - '0');
    if (mon < 1 || mon > 12 || day < 1 || day > 31) return false;
    char hh[3] = "00", mi[3] = "00", ss[3] = "00", tz[16] = "";
    const char *t = s + 10;
    if (*t == 'T' || *t == ' ') {
        t++;
        if (!digits(t, 2) || t[2] != ':' || !digits(t + 3, 2)) return false;
        if ((t[0] - '0') * 10 + (t[1] - '0') > 23 || (t[3] - '0') * 10 + (t[4] - '0') > 59)
            return false;
        memcpy(hh, t, 2);
        memcpy(mi, t + 3, 2);
        t += 5;
        if (*t == ':' && digits(t + 1, 2) && (t[1] - '0') * 10 + (t[2] - '0') <= 60) {
            memcpy(ss, t + 1, 2);
            t += 3;
            while (*t == '.' || isdigit((unsigned char)*t))
                t++;
        }
        if (*t == 'Z')
            snprintf(tz, sizeof tz, "Z");
        else if ((*t == '+' || *t == '-') && digits(t + 1, 2) && t[3] == ':' && digits(t + 4, 2))
            snprintf(tz, sizeof tz, "%c%.2s'%.2s'", *t, t + 1, t + 4);
    }
    snprintf(out, sz, "D:%.4s%.2s%.2s%s%s%s%s", s, s + 5, s + 8, hh, mi, ss, tz);
    return true;
}

static void set_info(oct_pdf *p, const char *key, const char *value)
{
    if (!value || !*value) return;
    void *obj = pdf_string_obj(p, value);
    if (obj) HPDF_Dict_Add(p->doc->info, key, obj);
}

static void set_date(oct_pdf *p, const char *key, const char *iso)
{
    char d[48];
    if (pdf_date(iso, d, sizeof d))
        HPDF_Dict_Add(p->doc->info, key, HPDF_String_New(p->doc->mmgr, d, NULL));
}

static void set_lang(oct_pdf *p, const char *lang)
{
    if (!lang || !*lang || strlen(lang) > 35) return;
    for (const char *c = lang; *c; c++)
        if (!isalnum((unsigned char)*c) && *c != '-') return;
    HPDF_Dict_Add(p->doc->catalog, "Lang", HPDF_String_New(p->doc->mmgr, lang, NULL));
}

int pdf_metadata(oct_pdf *p)
{
    const oct_meta *m = &p->tree->meta;
    /* Creates the info dictionary; the rest goes straight into it. */
    HPDF_SetInfoAttr(p->doc, HPDF_INFO_CREATOR, "octavo " OCTAVO_VERSION);
    if (pdf_check(p, "writing the document information") != 0 || !p->doc->info) return -1;
    set_info(p, "Title", m->title);
    set_info(p, "Author", m->author);
    set_info(p, "Subject", m->description && *m->description ? m->description : m->subtitle);
    oct_buf kw = OCT_BUF_INIT;
    for (size_t i = 0; i < m->nkeywords; i++)
        if (m->keywords[i] && *m->keywords[i])
            oct_buf_printf(&kw, "%s%s", kw.len ? ", " : "", m->keywords[i]);
    set_info(p, "Keywords", kw.data);
    oct_buf_free(&kw);
    set_date(p, "CreationDate", m->date ? m->date : m->modified);
    set_date(p, "ModDate", m->modified ? m->modified : m->date);
    set_lang(p, m->lang);
    return pdf_check(p, "writing the document information");
}
