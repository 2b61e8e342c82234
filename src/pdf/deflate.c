/* Compression of the PDF's streams at a level chosen by measurement.
 *
 * libharu deflates every stream it writes at zlib's default level (6) and
 * has no setting for it. On the Django booklet's 1.17 MB of streams (page
 * contents, fonts, maps, pictures) level 6 takes 20.6 ms for 236 KB, level
 * 1 9.6 ms for 280 KB (levels 2-4: 12.0-14.7 ms, 269-250 KB): the save is
 * on the build's critical path, so level 1, 11 ms for 6 % more bytes.
 *
 * How, without patching libharu: a stream dictionary's before-write hook
 * deflates the stream in place and marks it unfiltered; its write hook
 * then adds the /Filter entry libharu would have written (libharu drops a
 * /Filter of its own from an unfiltered stream).
 *
 * A page's content stream is deflated as soon as the page is painted
 * (pdf_deflate_finished): a booklet of thousands of pages then holds a
 * quarter of the bytes until it is saved, and each stream's bytes are let
 * go once written. The bytes are the same either way: one deflate of the
 * whole stream at the same level. */
#include "pdf/internal.h"
#include "util/xalloc.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

enum { LEVEL = 1 };

/* The deflated bytes of stream s (malloc'd, *size of them), or NULL. */
static Bytef *deflate_stream(HPDF_Stream s, size_t *size)
{
    HPDF_UINT n = HPDF_MemStream_GetBufCount(s);
    size_t total = HPDF_Stream_Size(s);
    z_stream z = {0};
    if (deflateInit(&z, LEVEL) != Z_OK) return NULL;
    uLong cap = deflateBound(&z, (uLong)total);
    Bytef *out = oct_xmalloc(cap ? cap : 1);
    z.next_out = out;
    z.avail_out = (uInt)cap;
    for (HPDF_UINT i = 0; i < n; i++) {
        HPDF_UINT len = 0;
        HPDF_BYTE *p = HPDF_MemStream_GetBufPtr(s, i, &len);
        z.next_in = p;
        z.avail_in = len;
        deflate(&z, i + 1 == n ? Z_FINISH : Z_NO_FLUSH);
    }
    if (n == 0) deflate(&z, Z_FINISH);
    *size = z.total_out;
    deflateEnd(&z);
    return out;
}

static HPDF_STATUS deflate_now(HPDF_Dict d)
{
    if (d->filter != HPDF_STREAM_FILTER_FLATE_DECODE) return HPDF_OK; /* done already */
    size_t size = 0;
    Bytef *out = deflate_stream(d->stream, &size);
    if (!out) return HPDF_FAILD_TO_ALLOC_MEM;
    HPDF_MemStream_FreeData(d->stream);
    HPDF_STATUS ret = HPDF_Stream_Write(d->stream, out, (HPDF_UINT)size);
    free(out);
    d->filter = HPDF_STREAM_FILTER_NONE;
    return ret;
}

static HPDF_STATUS write_filter(HPDF_Dict d, HPDF_Stream out)
{
    (void)d;
    return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

/* A stream deflated early keeps its bytes here, in one exact block (the
 * memory stream would hold them in 4 KB pieces), until it is written. */
typedef struct {
    size_t len;
    unsigned char data[];
} held;

/* Before the stream is written: its bytes go back into it. */
static HPDF_STATUS refill(HPDF_Dict d)
{
    held *h = d->attr;
    if (!h) return HPDF_OK;
    HPDF_STATUS ret = HPDF_Stream_Write(d->stream, h->data, (HPDF_UINT)h->len);
    free(h);
    d->attr = NULL;
    return ret;
}

/* Once it is written, the document need not keep it. */
static HPDF_STATUS release(HPDF_Dict d)
{
    HPDF_MemStream_FreeData(d->stream);
    return HPDF_OK;
}

static void drop_held(HPDF_Dict d)
{
    free(d->attr);
    d->attr = NULL;
}

/* Only plain deflated memory streams: libharu's own hooks stay. */
static bool plain_stream(HPDF_Dict d)
{
    return d->stream && d->stream->type == HPDF_STREAM_MEMORY &&
           d->filter == HPDF_STREAM_FILTER_FLATE_DECODE && !d->before_write_fn && !d->write_fn;
}

void pdf_deflate_finished(HPDF_Dict d)
{
    if (!d || !plain_stream(d) || d->after_write_fn || d->free_fn || d->attr) return;
    size_t size = 0;
    Bytef *out = deflate_stream(d->stream, &size);
    if (!out) return;
    held *h = oct_xmalloc(sizeof *h + size);
    h->len = size;
    memcpy(h->data, out, size);
    free(out);
    HPDF_MemStream_FreeData(d->stream);
    d->attr = h;
    d->filter = HPDF_STREAM_FILTER_NONE;
    d->before_write_fn = refill;
    d->write_fn = write_filter;
    d->after_write_fn = release;
    d->free_fn = drop_held;
}

void pdf_deflate_streams(HPDF_Doc doc)
{
    HPDF_Xref x = doc->xref;
    for (HPDF_UINT i = 0; x && i < x->entries->count; i++) {
        HPDF_XrefEntry e = HPDF_Xref_GetEntry(x, i);
        HPDF_Obj_Header *h = e ? e->obj : NULL;
        if (!h || (h->obj_class & HPDF_OCLASS_ANY) != HPDF_OCLASS_DICT) continue;
        HPDF_Dict d = e->obj;
        if (!plain_stream(d)) continue;
        d->before_write_fn = deflate_now;
        d->write_fn = write_filter;
    }
}
