/* Sources read and decoded ahead on a worker thread (readahead.h). */
#include "cli/readahead.h"
#include "util/deps.h"
#include "util/fileio.h"
#include "util/worker.h"
#include "util/xalloc.h"

#include <errno.h>
#include <libxml/parser.h>
#include <stdlib.h>

/* Sources made ready ahead of the one being parsed, at most. */
#define AHEAD 4

typedef struct {
    oct_work work;
    const oct_source *src;
    const oct_ingest_options *io;
    oct_diag *diag; /* a buffer, flushed when the source is taken */
    oct_deps *deps; /* the files it read, merged when taken (NULL: nothing records) */
    int err;        /* errno of a failed read, else 0 */
    int rc;         /* oct_ingest_prepare's */
    oct_ingest_text text;
    double read_sec, decode_sec;
} job;

struct oct_readahead {
    oct_worker *worker; /* NULL: one source, made ready when taken */
    job *jobs;
    size_t n, submitted;
    oct_ingest_options io; /* without timings: the worker does not touch them */
};

static void prepare(oct_work *w)
{
    job *j = (job *)w;
    double t0 = oct_clock_now();
    oct_deps *was = oct_deps_record_to(j->deps); /* this thread's recorder: the job's */
    size_t len = 0;
    char *bytes = oct_read_file(j->src->path, oct_ingest_max_bytes(j->src->path), &len);
    if (!bytes) j->err = errno ? errno : EIO;
    double t1 = oct_clock_now();
    j->read_sec = t1 - t0;
    if (bytes) {
        j->rc = oct_ingest_prepare(j->src->path, bytes, len, j->io, &j->text, j->diag);
        free(bytes);
    }
    oct_deps_record_to(was);
    j->decode_sec = oct_clock_now() - t1;
}

oct_readahead *oct_readahead_start(const oct_manifest *m, const oct_ingest_options *io,
                                   const oct_diag *diag)
{
    oct_readahead *r = oct_xcalloc(1, sizeof *r);
    r->io = *io;
    r->io.timings = NULL;
    r->n = m->nsources;
    r->jobs = oct_xcalloc(r->n ? r->n : 1, sizeof *r->jobs);
    for (size_t i = 0; i < r->n; i++) {
        r->jobs[i] = (job){.src = &m->sources[i],
                           .io = &r->io,
                           .diag = oct_diag_new_buffer(diag),
                           .deps = oct_deps_current() ? oct_deps_new() : NULL};
        r->jobs[i].work.run = prepare;
    }
    /* the worker parses the XML of .docx and .odt sources: libxml2's lazy
     * set-up is not thread-safe, so it is done here, before the thread */
    xmlInitParser();
    if (r->n >= 2) r->worker = oct_worker_new((size_t)-1);
    return r;
}

/* Hands sources up to `upto` (exclusive) to the worker. */
static void submit_upto(oct_readahead *r, size_t upto)
{
    for (; r->submitted < upto && r->submitted < r->n; r->submitted++) {
        if (r->worker)
            oct_worker_submit(r->worker, &r->jobs[r->submitted].work);
        else
            prepare(&r->jobs[r->submitted].work);
    }
}

int oct_readahead_take(oct_readahead *r, size_t i, const oct_ingest_text **text, int *read_errno,
                       oct_diag *diag, oct_timings *tm)
{
    *text = NULL;
    *read_errno = 0;
    if (i >= r->n) return -1;
    if (i > 0) oct_ingest_text_release(&r->jobs[i - 1].text); /* parsed */
    submit_upto(r, i + 1 + AHEAD);
    job *j = &r->jobs[i];
    double t0 = oct_clock_now();
    if (r->worker) {
        /* Not begun: read here. Being read: the next ones here meanwhile,
         * so neither thread idles when reading is slower than parsing. */
        oct_worker_steal(r->worker, &j->work);
        for (size_t k = i + 1; k < r->submitted && !oct_worker_done(r->worker, &j->work); k++)
            oct_worker_steal(r->worker, &r->jobs[k].work);
        oct_worker_wait(r->worker, &j->work);
    }
    /* what the wait did not cover ran beside this thread's parsing */
    double waited = r->worker ? oct_clock_now() - t0 : j->read_sec + j->decode_sec;
    double hidden = j->read_sec + j->decode_sec - waited;
    if (hidden < 0) hidden = 0;
    double hid_decode = hidden < j->decode_sec ? hidden : j->decode_sec;
    oct_timings_add(tm, OCT_PHASE_DECODE, j->decode_sec, hid_decode);
    oct_timings_add(tm, OCT_PHASE_LOAD, j->read_sec, hidden - hid_decode);
    oct_diag_flush(diag, j->diag);
    oct_deps_merge(oct_deps_current(), j->deps);
    *read_errno = j->err;
    if (j->err || j->rc != 0) return -1;
    *text = &j->text;
    return 0;
}

void oct_readahead_free(oct_readahead *r)
{
    if (!r) return;
    oct_worker_free(r->worker); /* the jobs handed over have all run */
    for (size_t i = 0; i < r->n; i++) {
        oct_ingest_text_release(&r->jobs[i].text);
        oct_diag_free(r->jobs[i].diag);
        oct_deps_free(r->jobs[i].deps);
    }
    free(r->jobs);
    free(r);
}
