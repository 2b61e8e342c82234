/* Booklets in parallel (see jobs.h). The libraries' one-time set-up
 * (libxml2, cmark-gfm's extensions, librsvg) is already guarded by
 * pthread_once or done before threads start; what the booklets share
 * besides is read-only (options, data directory) or locked (the progress
 * line, the highlighter's cache, cmark-gfm's parser: ingest/cmarkparse.h). */
#include "cli/jobs.h"
#include "cli/backends.h"
#include "cli/progress.h"
#include "util/buf.h"
#include "util/deps.h"
#include "util/xalloc.h"

#include <libxml/parser.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
    const oct_manifest *m;
    oct_build_opts o; /* the run's, with this booklet's stats and times */
    oct_diag *diag;   /* a buffer of the run's diagnostics */
    oct_deps *deps;   /* NULL unless the run records */
    oct_run_stats stats;
    oct_timings tm;
    oct_buf out; /* its stdout lines */
    int rc;
} job;

typedef struct {
    job *jobs;
    size_t n, next;
    pthread_mutex_t lock;
    oct_build_fn build;
} pool;

static void *worker(void *arg)
{
    pool *pl = arg;
    for (;;) {
        pthread_mutex_lock(&pl->lock);
        size_t i = pl->next < pl->n ? pl->next++ : pl->n;
        pthread_mutex_unlock(&pl->lock);
        if (i == pl->n) return NULL;
        job *j = &pl->jobs[i];
        oct_deps *was = oct_deps_record_to(j->deps);
        if (j->o.timings) oct_timings_begin(&j->tm);
        j->rc = pl->build(j->m, &j->o, j->diag);
        oct_deps_record_to(was);
    }
}

/* This booklet's figures into the run's, in order. */
static void hand_on(job *j, const oct_build_opts *o, oct_diag *diag, double *busy)
{
    oct_diag_flush(diag, j->diag);
    oct_diag_free(j->diag);
    if (j->out.len) {
        oct_progress_clear(o->progress);
        fwrite(j->out.data, 1, j->out.len, stdout);
        fflush(stdout);
    }
    oct_buf_free(&j->out);
    oct_deps_merge(oct_deps_current(), j->deps);
    oct_deps_free(j->deps);
    if (o->stats) {
        o->stats->booklets += j->stats.booklets;
        o->stats->sources += j->stats.sources;
        o->stats->questions += j->stats.questions;
        o->stats->pages += j->stats.pages;
    }
    if (!o->timings) return;
    /* its own overlap (PDF beside EPUB) is counted with its first phase */
    *busy -= j->tm.overlap;
    for (int p = 0; p < OCT_PHASE_COUNT; p++) {
        oct_timings_add(o->timings, (oct_phase)p, j->tm.sec[p], p == 0 ? j->tm.overlap : 0);
        *busy += j->tm.sec[p];
    }
}

int oct_cli_build_jobs(const oct_booklets *books, int jobs, const oct_build_opts *o, oct_diag *diag,
                       oct_build_fn build)
{
    pool pl = {oct_xcalloc(books->len, sizeof(job)), books->len, 0, PTHREAD_MUTEX_INITIALIZER,
               build};
    oct_deps *rec = oct_deps_current();
    for (size_t i = 0; i < books->len; i++) {
        job *j = &pl.jobs[i];
        *j = (job){.m = &books->items[i], .o = *o, .diag = oct_diag_new_buffer(diag)};
        j->deps = rec ? oct_deps_new() : NULL;
        j->o.stats = o->stats ? &j->stats : NULL;
        j->o.timings = o->timings ? &j->tm : NULL;
        j->o.exiting = false; /* every booklet's PDF is freed by its thread */
        j->out = (oct_buf)OCT_BUF_INIT;
        j->o.out = &j->out;
    }
    xmlInitParser(); /* before any thread: its lazy set-up is not thread-safe */
    /* this thread is one of the `jobs` */
    size_t nthreads = ((size_t)jobs < books->len ? (size_t)jobs : books->len) - 1;
    pthread_t *th = oct_xcalloc(nthreads + 1, sizeof *th);
    bool *started = oct_xcalloc(nthreads + 1, sizeof *started);
    pthread_attr_t attr;
    bool attr_ok = pthread_attr_init(&attr) == 0;
    if (attr_ok) pthread_attr_setstacksize(&attr, OCT_CLI_THREAD_STACK);
    double clock = oct_timings_now(o->timings);
    for (size_t k = 0; k < nthreads; k++)
        started[k] = pthread_create(&th[k], attr_ok ? &attr : NULL, worker, &pl) == 0;
    worker(&pl); /* this thread works too, and takes what no thread could */
    for (size_t k = 0; k < nthreads; k++)
        if (started[k]) pthread_join(th[k], NULL);
    if (attr_ok) pthread_attr_destroy(&attr);
    double wall = oct_timings_now(o->timings) - clock, busy = 0;
    int rc = 0;
    for (size_t i = 0; i < books->len; i++) {
        hand_on(&pl.jobs[i], o, diag, &busy);
        if (pl.jobs[i].rc > rc) rc = pl.jobs[i].rc;
    }
    /* the booklets' phases ran side by side: the part beyond the wall
     * clock is overlap, so "other" stays right */
    if (o->timings && busy > wall) o->timings->overlap += busy - wall;
    pthread_mutex_destroy(&pl.lock);
    free(started);
    free(th);
    free(pl.jobs);
    return rc;
}

int oct_cli_parse_jobs(const char *s, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < 1 || v > 256) {
        fprintf(stderr,
                "octavo: error: --jobs needs a whole number from 1 to 256, not '%s' "
                "[usage]\n",
                s);
        return -1;
    }
    *out = (int)v;
    return 0;
}

int oct_cli_default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 256 ? 256 : (int)n;
}
