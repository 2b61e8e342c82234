/* Compression of the PDF's streams at a level chosen by measurement.
 *
 * libharu deflates every stream it writes with zlib at its default level
 * (6) and has no setting for it. octavo deflates them with libdeflate
 * (util/deflate.h). The Django booklet's 132 streams (934 KB: page
 * contents, fonts, maps, pictures), counted by callgrind: zlib's level 1
 * with its tables fitted to each stream took 51 M instructions for 232 KB;
 * libdeflate's level 1 takes 29 M for 217 KB (level 2: 47 M for 204 KB,
 * level 4: 49 M for 199 KB). The deflating is half of a worker's work, so
 * level 1: less time and fewer bytes than before.
 *
 * How, without patching libharu: a stream dictionary's before-write hook
 * deflates the stream in place and marks it unfiltered; its write hook
 * then adds the /Filter entry libharu would have written (libharu drops a
 * /Filter of its own from an unfiltered stream).
 *
 * A page's content stream is handed over as soon as the page is painted
 * (pdf_deflate_finished): a booklet of thousands of pages then holds a
 * quarter of the bytes until it is saved, and each stream's bytes are let
 * go once written. The other streams are handed over just before saving.
 *
 * The deflating runs on a worker thread of its own (util/worker.h) while
 * this one paints the next pages and writes the file: a stream's bytes are
 * taken out of it into a job, and put back deflated when libharu is about
 * to write the stream (its before-write hook waits for the job). The bytes
 * are the same either way: one deflate of the whole stream at the same
 * level. At most 4 MB of streams wait for the worker. */
#include "pdf/internal.h"
#include "util/deflate.h"
#include "util/worker.h"
#include "util/xalloc.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

enum { LEVEL = 1 };

#define MAX_WAITING (4u << 20)

/* A stream's bytes taken out of it, and then deflated (on the worker). */
typedef struct {
    oct_work work;
    oct_worker *owner;
    unsigned char *in; /* the stream's bytes, freed once deflated */
    size_t inlen;
    unsigned char *out; /* the deflated bytes, NULL if deflating failed */
    size_t outlen;
} job;

static void deflate_job(oct_work *w)
{
    job *j = (job *)w;
    void *out;
    if (oct_deflate(j->in, j->inlen, LEVEL, false, &out, &j->outlen) != 0) return;
    j->out = out;
    free(j->in); /* the raw bytes stay only for a failure */
    j->in = NULL;
}

/* Before the stream is written: its bytes go back into it, deflated (or,
 * if deflating failed, as they were, without the /Filter entry). */
static HPDF_STATUS refill(HPDF_Dict d)
{
    job *j = d->attr;
    if (!j) return HPDF_OK;
    oct_worker_wait(j->owner, &j->work);
    HPDF_STATUS ret;
    if (j->out) {
        ret = HPDF_Stream_Write(d->stream, j->out, (HPDF_UINT)j->outlen);
    } else {
        ret = HPDF_Stream_Write(d->stream, j->in, (HPDF_UINT)j->inlen);
        d->write_fn = NULL;
    }
    free(j->in);
    free(j->out);
    free(j);
    d->attr = NULL;
    return ret;
}

static HPDF_STATUS write_filter(HPDF_Dict d, HPDF_Stream out)
{
    (void)d;
    return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

/* Once it is written, the document need not keep it. */
static HPDF_STATUS release(HPDF_Dict d)
{
    HPDF_MemStream_FreeData(d->stream);
    return HPDF_OK;
}

/* A document freed unsaved: the job is the worker's until it has run. */
static void drop_job(HPDF_Dict d)
{
    job *j = d->attr;
    if (!j) return;
    oct_worker_wait(j->owner, &j->work);
    free(j->in);
    free(j->out);
    free(j);
    d->attr = NULL;
}

/* Only plain deflated memory streams: libharu's own hooks stay. */
static bool plain_stream(HPDF_Dict d)
{
    return d->stream && d->stream->type == HPDF_STREAM_MEMORY &&
           d->filter == HPDF_STREAM_FILTER_FLATE_DECODE && !d->before_write_fn && !d->write_fn &&
           !d->after_write_fn && !d->free_fn && !d->attr;
}

/* The bytes in[0..len) (malloc'd, the job's from now on) to be d's
 * stream, deflated by the worker. */
static void submit(oct_pdf *p, HPDF_Dict d, unsigned char *in, size_t len)
{
    if (!p->deflater) p->deflater = oct_worker_new(MAX_WAITING);
    job *j = oct_xcalloc(1, sizeof *j);
    j->owner = p->deflater;
    j->inlen = len;
    j->in = in;
    d->attr = j;
    d->filter = HPDF_STREAM_FILTER_NONE;
    d->before_write_fn = refill;
    d->write_fn = write_filter;
    d->after_write_fn = release;
    d->free_fn = drop_job;
    j->work.run = deflate_job;
    j->work.weight = j->inlen;
    oct_worker_submit(p->deflater, &j->work);
}

/* The stream's bytes, in one block, into a job for the worker. */
static void hand_over(oct_pdf *p, HPDF_Dict d)
{
    size_t len = HPDF_Stream_Size(d->stream), at = 0;
    unsigned char *in = oct_xmalloc(len ? len : 1);
    HPDF_UINT n = HPDF_MemStream_GetBufCount(d->stream);
    for (HPDF_UINT i = 0; i < n && at < len; i++) {
        HPDF_UINT k = 0;
        HPDF_BYTE *b = HPDF_MemStream_GetBufPtr(d->stream, i, &k);
        if (k > len - at) k = (HPDF_UINT)(len - at);
        memcpy(in + at, b, k);
        at += k;
    }
    HPDF_MemStream_FreeData(d->stream);
    submit(p, d, in, len);
}

void pdf_deflate_finished(oct_pdf *p, HPDF_Dict d)
{
    if (d && plain_stream(d)) hand_over(p, d);
}

bool pdf_deflate_buf(oct_pdf *p, HPDF_Dict d, oct_buf *bytes)
{
    if (!d || !plain_stream(d) || HPDF_Stream_Size(d->stream) != 0) return false;
    size_t len = bytes->len;
    /* cut to size (in place): what waits for the worker is what its bound counts */
    unsigned char *in = oct_xrealloc(oct_buf_detach(bytes), len ? len : 1);
    submit(p, d, in, len);
    oct_buf_grow(bytes, len); /* the next page's room, at once */
    return true;
}

void pdf_deflate_streams(oct_pdf *p)
{
    HPDF_Xref x = p->doc->xref;
    for (HPDF_UINT i = 0; x && i < x->entries->count; i++) {
        HPDF_XrefEntry e = HPDF_Xref_GetEntry(x, i);
        HPDF_Obj_Header *h = e ? e->obj : NULL;
        if (!h || (h->obj_class & HPDF_OCLASS_ANY) != HPDF_OCLASS_DICT) continue;
        HPDF_Dict d = e->obj;
        if (plain_stream(d)) hand_over(p, d);
    }
}

void pdf_deflate_end(oct_pdf *p)
{
    oct_worker_free(p->deflater);
    p->deflater = NULL;
}
