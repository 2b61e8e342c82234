/* The layout of a booklet, and its PDF's fonts, made ready on a second
 * thread while this one reads and studies the sources.
 *
 * Neither needs the tree: the layout's name follows from the options and
 * the manifest, and oct_pdf_new opens the fonts from the layout alone.
 * Their messages go to a buffer flushed when the tree is done (where a
 * sequential build printed them), the files they read to a recorder of
 * their own merged then (util/deps.h), so the output is what it was. The
 * PDF keeps reporting into the same buffer while it renders; backends.c
 * flushes it again after.
 *
 * The hyphenation patterns are read with the rest, then parsed (6 ms for
 * English) after the rest is ready: the backends start meanwhile, and the
 * PDF waits for them only when it first hyphenates. */
#include "cli/prep.h"
#include "highlight/highlight.h"
#include "util/deps.h"
#include "util/xalloc.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct oct_prep {
    const char *lang; /* hyphenation patterns to load, or NULL */
    char name[4096], layouts[4096], fonts[4096];
    bool want_pdf;
    const char *impose; /* --impose, NULL: the layout's */
    oct_layout layout;
    int lrc;        /* oct_layout_load's result */
    bool loaded;    /* layout holds strings to release */
    oct_pdf *pdf;   /* NULL: not wanted, or oct_pdf_new failed */
    oct_diag *diag; /* the layout's and the PDF's messages, until flushed */
    oct_deps *deps; /* the files they read, when the command records */
    double sec;     /* how long the preparation took, up to ready */
    pthread_t th;
    bool threaded, joined;
    pthread_mutex_t mu; /* ready and hyphens: set by the thread, waited for here */
    pthread_cond_t cv;
    bool ready;   /* all but the hyphenation patterns' parsing is done */
    bool hyphens; /* the patterns are parsed too */
};

static void set_flag(oct_prep *p, bool *flag)
{
    pthread_mutex_lock(&p->mu);
    *flag = true;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
}

static void wait_flag(oct_prep *p, const bool *flag)
{
    pthread_mutex_lock(&p->mu);
    while (!*flag)
        pthread_cond_wait(&p->cv, &p->mu);
    pthread_mutex_unlock(&p->mu);
}

/* The PDF's wait before it first hyphenates (oct_pdf_await_hyphenation). */
static void wait_hyphens(void *arg)
{
    oct_prep *p = arg;
    wait_flag(p, &p->hyphens);
}

static void *prep_main(void *arg)
{
    oct_prep *p = arg;
    double t0 = oct_clock_now();
    oct_deps *was = oct_deps_record_to(p->deps);
    p->lrc = oct_layout_load(p->name, p->layouts, p->fonts, &p->layout, p->diag);
    p->loaded = p->lrc == 0;
    if (p->loaded && p->impose) p->layout.impose.saddle = strcmp(p->impose, "saddle") == 0;
    if (p->loaded && p->want_pdf) p->pdf = oct_pdf_new(&p->layout, p->diag);
    /* the patterns take milliseconds to parse: here, off the main thread */
    if (p->pdf && p->lang) oct_pdf_preload_hyphenation(p->pdf, p->lang);
    oct_deps_record_to(was);
    p->sec = oct_clock_now() - t0;
    oct_pdf *pdf = p->pdf; /* once ready, p->pdf is the builder's to take */
    set_flag(p, &p->ready);
    if (pdf) oct_pdf_load_hyphenation(pdf);
    set_flag(p, &p->hyphens);
    return NULL;
}

oct_prep *oct_cli_prep_start(const char *layout_name, bool want_pdf, const oct_diag *diag)
{
    return oct_cli_prep_start_imposed(layout_name, want_pdf, NULL, NULL, diag);
}

oct_prep *oct_cli_prep_start_imposed(const char *layout_name, bool want_pdf, const char *impose,
                                     const char *lang, const oct_diag *diag)
{
    oct_prep *p = oct_xcalloc(1, sizeof *p);
    p->impose = impose;
    p->lang = lang;
    const char *data = oct_cli_data_dir();
    snprintf(p->name, sizeof p->name, "%s", layout_name);
    snprintf(p->layouts, sizeof p->layouts, "%s/layouts", data);
    snprintf(p->fonts, sizeof p->fonts, "%s/fonts", data);
    oct_hl_set_data_dir(data); /* highlight/NAME.lang: YAML, Django, Dockerfile */
    p->want_pdf = want_pdf;
    p->diag = oct_diag_new_buffer(diag);
    p->deps = oct_deps_current() ? oct_deps_new() : NULL;
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->cv, NULL);
    p->threaded = pthread_create(&p->th, NULL, prep_main, p) == 0;
    if (!p->threaded) prep_main(p); /* no thread: the same work, here */
    return p;
}

static void join(oct_prep *p)
{
    if (p->threaded && !p->joined) pthread_join(p->th, NULL);
    p->joined = true;
}

int oct_cli_prep_finish(oct_prep *p, const oct_build_opts *o, oct_diag *diag)
{
    double t0 = oct_clock_now();
    wait_flag(p, &p->ready);
    double waited = oct_clock_now() - t0;
    /* the part of the preparation the tree's work did not hide */
    oct_timings_add(o->timings, OCT_PHASE_LOAD, p->sec, p->threaded ? p->sec - waited : 0);
    oct_diag_flush(diag, p->diag);
    oct_deps_merge(oct_deps_current(), p->deps);
    oct_deps_free(p->deps);
    p->deps = NULL;
    return p->lrc == 0 ? 0 : -1;
}

const oct_layout *oct_cli_prep_layout(const oct_prep *p)
{
    return &p->layout;
}

oct_pdf *oct_cli_prep_take_pdf(oct_prep *p, oct_diag **diag)
{
    oct_pdf *pdf = p->pdf;
    p->pdf = NULL;
    if (pdf) oct_pdf_await_hyphenation(pdf, wait_hyphens, p);
    *diag = p->diag;
    return pdf;
}

void oct_cli_prep_free(oct_prep *p)
{
    if (!p) return;
    join(p);
    pthread_cond_destroy(&p->cv);
    pthread_mutex_destroy(&p->mu);
    oct_pdf_free(p->pdf);
    if (p->loaded) oct_layout_release(&p->layout);
    oct_diag_free(p->diag); /* unflushed: a booklet given up before the layout */
    oct_deps_free(p->deps);
    free(p);
}
