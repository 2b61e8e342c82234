/* What keeps the PDF backend's memory bounded must not change what it
 * writes: glyph runs packed into the pool read back exactly (short and
 * long forms, the edges of the short one); an item's ops trimmed once the
 * next item is pushed still take a label in front; and a page handed over
 * when painted (content stream deflated at once, link annotations kept
 * as their bytes) saves to the same bytes as a page left whole. */
#include "check.h"
#include "pdf/internal.h"

#include <hpdf.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <stdlib.h>
#include <string.h>

static void test_glyph_packing(void)
{
    oct_pdf *p = calloc(1, sizeof *p);
    const pdf_glyph g[] = {
        {0, 0, 0, 0},       {36, 500, 0, 0},    {65534, 16383, 0, 0}, {7, -16384, 0, 0},
        {8, 16384, 0, 0},   {9, -16385, 0, 0},  {10, 32767, 0, 0},    {11, -32768, 0, 0},
        {12, 600, -250, 0}, {13, 0, 120, -300}, {14, 480, 0, 333},    {15, 1, 0, 0},
        {0xFFFF, 0, 0, 0},
    };
    size_t n = sizeof g / sizeof *g;
    uint32_t len1 = 0, len2 = 0;
    uint32_t a = pdf_pool_put(p, "key", 3);
    uint32_t off1 = pdf_pool_glyphs(p, g, n, &len1);
    uint32_t off2 = pdf_pool_glyphs(p, g + 1, 1, &len2);
    CHECK(a == 0 && off1 == 4);
    /* short: plain glyphs whose advance fits 15 bits; long: the others */
    size_t shorts = 6, longs = 7;
    CHECK(len1 == shorts * 4 + longs * 10);
    CHECK(off2 == off1 + len1 && len2 == 4);
    const char *at = p->pool.data + off1, *end = at + len1;
    size_t k = 0;
    while (at < end && k < n) {
        pdf_glyph r = pdf_glyph_next(&at);
        CHECK(r.gid == g[k].gid && r.adv == g[k].adv && r.dx == g[k].dx && r.dy == g[k].dy);
        k++;
    }
    CHECK(k == n && at == end);
    CHECK_STR(p->pool.data + a, "key");
    /* what painting adds (running heads) is dropped again */
    size_t mark = p->pool.len;
    pdf_pool_trim(p);
    pdf_pool_put(p, "folio 12", 8);
    pdf_pool_drop(p, mark);
    CHECK(p->pool.len == mark && p->pool.data[mark] == '\0');
    oct_buf_free(&p->pool);
    free(p);
}

static void test_trimmed_items(void)
{
    pdf_flow f = {0};
    pdf_item *it = pdf_flow_push(&f, 12, 0);
    for (int k = 0; k < 3; k++)
        pdf_item_op(it, PDF_OP_RECT)->x = k;
    CHECK(it->cap >= 8);
    pdf_flow_push(&f, 12, 0);
    CHECK(f.it[0].cap == 3 && f.it[0].nops == 3);
    pdf_op *label = pdf_item_op_front(&f.it[0], PDF_OP_LINE); /* a list label, after the fact */
    label->x = -1;
    CHECK(f.it[0].nops == 4 && f.it[0].ops[0].kind == PDF_OP_LINE && f.it[0].ops[3].x == 2);
    pdf_flow_trim(&f);
    CHECK(f.cap == f.n && f.it[1].ops == NULL && f.it[0].cap == 4);
    pdf_flow_free(&f);
}

/* One page with text and three links (two to one destination, one to a
 * URL), saved to memory; `handed` makes the two as bytes and hands the
 * page over as painting does. */
static unsigned char *one_page(bool handed, HPDF_UINT32 *size)
{
    oct_pdf *p = calloc(1, sizeof *p);
    p->doc = HPDF_New(NULL, NULL);
    HPDF_SetCompressionMode(p->doc, HPDF_COMP_ALL);
    HPDF_Page pg = HPDF_AddPage(p->doc), other = HPDF_AddPage(p->doc);
    HPDF_Page_BeginText(pg);
    HPDF_Page_MoveTextPos(pg, 72, 700);
    HPDF_Page_EndText(pg);
    for (int i = 0; i < 200; i++) {
        HPDF_Page_Rectangle(pg, (HPDF_REAL)(10 + i), 20.5f, 3.25f, (HPDF_REAL)(i % 17));
        HPDF_Page_Fill(pg);
    }
    HPDF_Destination d = HPDF_Page_CreateDestination(other);
    HPDF_Destination_SetXYZ(d, 0, 612.5f, 1);
    HPDF_Rect r1 = {10, 10, 100, 22}, r2 = {10, 30, 80.5f, 42}, r3 = {5, 50, 60, 62};
    if (handed) { /* made as bytes at once: they must read as libharu's */
        CHECK(pdf_link_annot(p, pg, r1, d));
        CHECK(pdf_link_annot(p, pg, r2, d));
    } else {
        HPDF_LinkAnnot_SetBorderStyle(HPDF_Page_CreateLinkAnnot(pg, r1, d), 0, 0, 0);
        HPDF_LinkAnnot_SetBorderStyle(HPDF_Page_CreateLinkAnnot(pg, r2, d), 0, 0, 0);
    }
    HPDF_LinkAnnot_SetBorderStyle(HPDF_Page_CreateURILinkAnnot(pg, r3, "https://example.org/a(b)"),
                                  0, 0, 0);
    oct_buf painted = OCT_BUF_INIT; /* content painted after libharu's */
    oct_buf_puts(&painted, "0 0 m\n10 10 l\nS\n");
    if (!handed) pdf_content_flush(&painted, pg);
    if (handed) {
        pdf_page_painted(p, pg, &painted);
        CHECK(painted.len == 0);
        /* handed over: the annotations hold bytes, no entries; the
         * contents are deflated already */
        HPDF_Array annots = HPDF_Dict_GetItem(pg, "Annots", HPDF_OCLASS_ARRAY);
        CHECK(annots && annots->list->count == 3);
        for (HPDF_UINT i = 0; annots && i < annots->list->count; i++) {
            HPDF_Proxy px = HPDF_List_ItemAt(annots->list, i);
            HPDF_Dict an = px->obj;
            CHECK(an->list->count == 0 && an->attr != NULL && an->write_fn != NULL);
        }
        HPDF_PageAttr pa = pg->attr;
        CHECK(pa->contents->filter == HPDF_STREAM_FILTER_NONE && pa->contents->attr != NULL);
        CHECK(HPDF_Stream_Size(pa->stream) == 0);
    }
    oct_buf_free(&painted);
    pdf_deflate_streams(p);
    HPDF_SaveToStream(p->doc);
    *size = HPDF_GetStreamSize(p->doc);
    unsigned char *out = malloc(*size ? *size : 1);
    HPDF_UINT32 got = *size;
    HPDF_STATUS st = HPDF_ReadFromStream(p->doc, out, &got); /* EOF: all of it read */
    CHECK(got == *size && (st == HPDF_OK || st == HPDF_STREAM_EOF));
    HPDF_Free(p->doc);
    pdf_deflate_end(p);
    free(p);
    return out;
}

static bool contains(const unsigned char *h, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(h + i, needle, k) == 0) return true;
    return false;
}

static void test_handed_page(void)
{
    HPDF_UINT32 n1 = 0, n2 = 0;
    unsigned char *whole = one_page(false, &n1), *handed = one_page(true, &n2);
    CHECK(n1 > 500 && n1 == n2);
    CHECK(n1 == n2 && memcmp(whole, handed, n1) == 0);
    /* the URL as libharu escapes it, the two links' one destination */
    CHECK(contains(handed, n2, "/URI (https:\\057\\057example.org\\057a\\050b\\051)"));
    CHECK(contains(handed, n2, "/Dest 10 0 R\n/P 4 0 R\n/Border [ 0 0 0 ]\n>>"));
    CHECK(contains(handed, n2, "/Subtype /Link"));
    free(whole);
    free(handed);
}

int main(void)
{
    test_glyph_packing();
    test_trimmed_items();
    test_handed_page();
    return check_done();
}
