/* What a painted page gives back, so that memory does not grow with the
 * page count: libharu keeps every object of the document until it is
 * saved, and octavo keeps every item of the flows until they are painted.
 *
 * Once a page is painted nothing draws on it again, so its content
 * stream is deflated at once (deflate.c), and each of its link annotations
 * (a dozen libharu objects, some 2 KB, for 100 bytes of PDF) is written
 * out to its bytes with libharu's own writer and kept as those bytes: the
 * saved file is the same, byte for byte. An item painted for the last time
 * (a table's repeated head is painted on several pages) drops its ops. */
#include "pdf/internal.h"
#include "util/xalloc.h"

#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <hpdf_utils.h>
#include <stdlib.h>
#include <string.h>

/* ---- ops of painted items -------------------------------------------------- */

static pdf_flow *flow_of(oct_pdf *p, const pdf_flow *f)
{
    pdf_flow *all[] = {&p->body, &p->back, &p->title, &p->front};
    for (size_t k = 0; k < sizeof all / sizeof *all; k++)
        if (all[k] == f) return all[k];
    return NULL;
}

unsigned char *pdf_last_places(const oct_pdf *p)
{
    unsigned char *last = oct_xcalloc(p->nplaces ? p->nplaces : 1, 1);
    const pdf_flow *flows[] = {&p->body, &p->back, &p->title, &p->front};
    unsigned char *seen[4];
    for (size_t k = 0; k < 4; k++)
        seen[k] = oct_xcalloc(flows[k]->n ? flows[k]->n : 1, 1);
    /* pages are painted in order: an item's last place is the first one
     * met going backwards */
    for (size_t i = p->npages; i-- > 0;) {
        const pdf_page *pg = &p->pages[i];
        size_t f = 0;
        while (f < 4 && flows[f] != pg->flow)
            f++;
        if (f == 4) continue; /* not a flow of the booklet: kept */
        for (size_t k = pg->count; k-- > 0;) {
            size_t pl = pg->first + k, item = p->places[pl].item;
            if (pl >= p->nplaces || item >= flows[f]->n || seen[f][item]) continue;
            seen[f][item] = 1;
            last[pl] = 1;
        }
    }
    for (size_t k = 0; k < 4; k++)
        free(seen[k]);
    return last;
}

void pdf_page_release(oct_pdf *p, size_t i, const unsigned char *last)
{
    const pdf_page *pg = &p->pages[i];
    pdf_flow *f = flow_of(p, pg->flow);
    if (!f || !last) return;
    for (size_t k = 0; k < pg->count; k++) {
        size_t pl = pg->first + k;
        if (!last[pl] || p->places[pl].item >= f->n) continue;
        pdf_item *it = &f->it[p->places[pl].item];
        free(it->ops);
        it->ops = NULL;
        it->nops = it->cap = 0;
    }
}

void pdf_layout_free(oct_pdf *p)
{
    pdf_flow_free(&p->body);
    pdf_flow_free(&p->back);
    pdf_flow_free(&p->title);
    pdf_flow_free(&p->front);
    oct_buf_free(&p->pool);
}

/* ---- annotations kept as their bytes ---------------------------------------- */
/* An internal link is made as its bytes at once (pdf_link_annot); a link
 * to a URL is made by libharu and frozen once its page is painted. */

typedef struct {
    size_t len;
    char data[];
} frozen;

static HPDF_STATUS write_frozen(HPDF_Dict d, HPDF_Stream out)
{
    const frozen *fz = d->attr;
    return fz ? HPDF_Stream_Write(out, (const HPDF_BYTE *)fz->data, (HPDF_UINT)fz->len) : HPDF_OK;
}

static void free_frozen(HPDF_Dict d)
{
    free(d->attr);
    d->attr = NULL;
}

/* The entries of d as HPDF_Dict_Write writes them (between its "<<\n"
 * and ">>"), into s. */
static HPDF_STATUS write_entries(HPDF_Dict d, HPDF_Stream s)
{
    HPDF_STATUS ret = HPDF_OK;
    for (HPDF_UINT i = 0; i < d->list->count && ret == HPDF_OK; i++) {
        HPDF_DictElement e = HPDF_List_ItemAt(d->list, i);
        if (!e || !e->value) return HPDF_INVALID_OBJECT;
        if (((HPDF_Obj_Header *)e->value)->obj_id & HPDF_OTYPE_HIDDEN) continue;
        ret = HPDF_Stream_WriteEscapeName(s, e->key);
        if (ret == HPDF_OK) ret = HPDF_Stream_WriteChar(s, ' ');
        if (ret == HPDF_OK) ret = HPDF_Obj_Write(e->value, s, NULL);
        if (ret == HPDF_OK) ret = HPDF_Stream_WriteStr(s, "\012");
    }
    return ret;
}

/* d's entries from now on: fz's bytes. */
static void attach(HPDF_Dict d, frozen *fz)
{
    d->attr = fz;
    d->write_fn = write_frozen;
    d->free_fn = free_frozen;
}

static void set_frozen(HPDF_Dict d, const char *s, size_t n)
{
    frozen *fz = oct_xmalloc(sizeof *fz + n);
    fz->len = n;
    memcpy(fz->data, s, n);
    attach(d, fz);
}

static void put_uint(oct_buf *b, unsigned v)
{
    char s[16], *q = s + sizeof s;
    do
        *--q = (char)('0' + v % 10);
    while (v /= 10);
    oct_buf_put(b, q, (size_t)(s + sizeof s - q));
}

/* "N G R": a reference to the indirect object o. */
static void put_ref(oct_buf *b, const void *o)
{
    const HPDF_Obj_Header *h = o;
    put_uint(b, h->obj_id & 0x00FFFFFF);
    oct_buf_putc(b, ' ');
    put_uint(b, h->gen_no);
    oct_buf_puts(b, " R");
}

bool pdf_link_annot(oct_pdf *p, HPDF_Page pg, HPDF_Rect r, HPDF_Destination dest)
{
    const HPDF_Obj_Header *dh = (const HPDF_Obj_Header *)dest;
    if (!dest || !(dh->obj_id & HPDF_OTYPE_INDIRECT)) return false;
    HPDF_Array annots = HPDF_Dict_GetItem(pg, "Annots", HPDF_OCLASS_ARRAY);
    if (!annots) {
        annots = HPDF_Array_New(pg->mmgr);
        if (!annots || HPDF_Dict_Add(pg, "Annots", annots) != HPDF_OK) return false;
    }
    HPDF_Dict a = HPDF_Dict_New(pg->mmgr);
    if (!a || HPDF_Xref_Add(p->doc->xref, a) != HPDF_OK) return false;
    a->header.obj_class |= HPDF_OSUBCLASS_ANNOTATION;
    if (HPDF_Array_Add(annots, a) != HPDF_OK) return false;
    if (r.top < r.bottom) {
        HPDF_REAL t = r.top;
        r.top = r.bottom;
        r.bottom = t;
    }
    /* the entries HPDF_Page_CreateLinkAnnot and a border of width 0 give,
     * in their order and libharu's number format */
    oct_buf b = OCT_BUF_INIT;
    oct_buf_puts(&b, "/Rect [ ");
    HPDF_REAL v[4] = {r.left, r.bottom, r.right, r.top};
    for (int k = 0; k < 4; k++) {
        char num[32];
        oct_buf_put(&b, num, (size_t)(HPDF_FToA(num, v[k], num + sizeof num - 1) - num));
        oct_buf_putc(&b, ' ');
    }
    oct_buf_puts(&b, "]\n/Type /Annot\n/Subtype /Link\n/Dest ");
    put_ref(&b, dest);
    oct_buf_puts(&b, "\n/P ");
    put_ref(&b, pg);
    oct_buf_puts(&b, "\n/Border [ 0 0 0 ]\n");
    set_frozen(a, b.data, b.len);
    oct_buf_free(&b);
    return true;
}

/* Replaces d's entries by their bytes, written back by a hook. A dict
 * with hooks, a stream or attributes of its own is left as it is. */
static void freeze(HPDF_Dict d, HPDF_Stream scratch)
{
    if ((d->header.obj_class & HPDF_OCLASS_ANY) != HPDF_OCLASS_DICT || d->stream || d->attr ||
        d->before_write_fn || d->write_fn || d->after_write_fn || d->free_fn)
        return;
    HPDF_MemStream_FreeData(scratch);
    if (write_entries(d, scratch) != HPDF_OK) return;
    size_t len = HPDF_Stream_Size(scratch), at = 0;
    frozen *fz = oct_xmalloc(sizeof *fz + len);
    fz->len = len;
    for (HPDF_UINT i = 0; i < HPDF_MemStream_GetBufCount(scratch); i++) {
        HPDF_UINT n = 0;
        HPDF_BYTE *b = HPDF_MemStream_GetBufPtr(scratch, i, &n);
        if (n > len - at) n = (HPDF_UINT)(len - at);
        memcpy(fz->data + at, b, n);
        at += n;
    }
    for (HPDF_UINT i = 0; i < d->list->count; i++) {
        HPDF_DictElement e = HPDF_List_ItemAt(d->list, i);
        if (!e) continue;
        HPDF_Obj_Free(d->mmgr, e->value); /* an indirect object stays: it is the xref's */
        HPDF_FreeMem(d->mmgr, e);
    }
    HPDF_List_Clear(d->list);
    attach(d, fz);
}

void pdf_page_painted(oct_pdf *p, HPDF_Page pg, oct_buf *out)
{
    if (!pg) return;
    HPDF_PageAttr attr = pg->attr;
    if (p->imp || !attr) { /* the sheet side's stream is handed over at save */
        pdf_content_flush(out, pg);
        return;
    }
    /* the bytes go to the worker as they are when the page's stream is
     * empty (libharu never drew on it); else they join it, and the stream
     * goes unless libharu left a text or path object or a saved graphics
     * state open (it closes those when it writes the page) */
    bool plain = attr->gmode == HPDF_GMODE_PAGE_DESCRIPTION && attr->gstate &&
                 !attr->gstate->prev && attr->contents && attr->contents->stream == attr->stream;
    if (!plain || !pdf_deflate_buf(p, attr->contents, out)) {
        pdf_content_flush(out, pg);
        if (plain) pdf_deflate_finished(p, attr->contents);
    }
    oct_buf_clear(out);
    HPDF_Array annots = HPDF_Dict_GetItem(pg, "Annots", HPDF_OCLASS_ARRAY);
    if (!annots || annots->list->count == 0) return;
    HPDF_Stream scratch = HPDF_MemStream_New(pg->mmgr, 512);
    if (!scratch) return;
    for (HPDF_UINT i = 0; i < annots->list->count; i++) {
        HPDF_Obj_Header *h = HPDF_List_ItemAt(annots->list, i);
        if (h && h->obj_class == HPDF_OCLASS_PROXY) h = ((HPDF_Proxy)h)->obj;
        if (h && (h->obj_class & HPDF_OCLASS_ANY) == HPDF_OCLASS_DICT)
            freeze((HPDF_Dict)h, scratch);
    }
    HPDF_Stream_Free(scratch);
}
