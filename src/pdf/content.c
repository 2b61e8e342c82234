/* Content-stream operators written straight into a page's buffer, in
 * the form libharu's page operators write them (HPDF_FToA's numbers, one
 * operator a line), so a page octavo fills itself reads as one libharu
 * drew: its stream never goes through libharu's 4 KB chunks, and the
 * painted bytes go to the deflating worker as they are. */
#include "pdf/internal.h"

#include <hpdf_pages.h>
#include <hpdf_utils.h>
#include <stdio.h>

void pdf_content_op(oct_buf *b, const char *op, int n, const double *v)
{
    char s[8 * 32 + 16], *q = s, *end = s + sizeof s - 1;
    for (int i = 0; i < n && i < 8; i++) {
        q = HPDF_FToA(q, (HPDF_REAL)v[i], end);
        *q++ = ' ';
    }
    oct_buf_put(b, s, (size_t)(q - s));
    oct_buf_puts(b, op);
    oct_buf_putc(b, '\n');
}

void pdf_content_int(oct_buf *b, long v, const char *op)
{
    oct_buf_printf(b, "%ld %s\n", v, op);
}

void pdf_content_xobject(oct_buf *b, HPDF_Page pg, void *xobj, const double m[6])
{
    const char *name = HPDF_Page_GetXObjectName(pg, xobj);
    if (!name) return;
    oct_buf_puts(b, "q\n");
    pdf_content_op(b, "cm", 6, m);
    oct_buf_printf(b, "/%s Do\nQ\n", name);
}

void pdf_content_flush(oct_buf *b, HPDF_Page pg)
{
    if (b->len)
        HPDF_Stream_Write(((HPDF_PageAttr)pg->attr)->stream, (const HPDF_BYTE *)b->data,
                          (HPDF_UINT)b->len);
    oct_buf_clear(b);
}
