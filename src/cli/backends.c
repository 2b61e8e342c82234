/* The PDF and EPUB backends of one booklet, side by side.
 *
 * Both read the finished tree and the layout and write nothing but their
 * own objects and their own output file, so the EPUB runs on a second
 * thread while the PDF runs on this one. What they share is kept in order:
 * each reports into a buffer of its own, the PDF's flushed before the
 * EPUB's once both are done (the order a sequential build prints in), and
 * the files the EPUB reads go to a recorder of its own, merged after the
 * PDF's (util/deps.h). Only the PDF touches the progress line and the
 * run's statistics. libxml2 is initialised here, once, before the thread
 * starts (its lazy initialisation is not safe from two threads), and the
 * back-of-book index, which both would build alike, is built here once. */
#include "cli/backends.h"
#include "cli/progress.h"
#include "epub/epub.h"
#include "study/index.h"
#include "util/deps.h"

#include <libxml/parser.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <pthread.h>
#include <stdbool.h>

/* Sanitizer builds free everything, so that their leak checks mean something. */
#if defined(OCTAVO_SANITIZED) || defined(__SANITIZE_ADDRESS__)
enum { FREE_ON_EXIT = 1 };
#else
enum { FREE_ON_EXIT = 0 };
#endif

/* The size of a book (before compression) from which the memory its
 * rendering freed is given back: about twice as many bytes are free. */
#define TRIM_FROM ((size_t)4 << 20)

/* The PDF of the run's last booklet, left for the process's exit to take
 * back (as compilers leave their trees: clang's -disable-free): freeing
 * libharu's objects one by one took 6 of the Django booklet's 92 ms. Kept
 * here, it stays reachable. */
static oct_pdf *left_for_exit;

/* The PDF's parts of its phase: shaping, writing, and layout the rest. */
static void time_parts(const oct_build_opts *o, oct_pdf_times pt, double since)
{
    if (!o->timings) return;
    double all = oct_clock_now() - since;
    oct_timings_add(o->timings, OCT_PHASE_PDF_SHAPE, pt.shape, 0);
    oct_timings_add(o->timings, OCT_PHASE_PDF_WRITE, pt.write, 0);
    double layout = all - pt.shape - pt.write;
    oct_timings_add(o->timings, OCT_PHASE_PDF_LAYOUT, layout > 0 ? layout : 0, 0);
}

/* The PDF made ready by prep.c laid out, then written to path (NULL:
 * laid out only), then freed; its pages go to the progress line. */
static int write_pdf(oct_pdf *p, const oct_tree *t, const oct_backend_run *r,
                     const oct_build_opts *o)
{
    const char *path = r->pdf_path;
    double t0 = oct_timings_now(o->timings);
    oct_pdf_time(p, o->timings != NULL);
    int rc = (p && oct_pdf_render(p, t) == 0) ? 0 : -1;
    size_t pages = oct_pdf_page_count(p), sigs = 0, sheets = oct_pdf_sheet_count(p, &sigs);
    if (r->sheets) *r->sheets = sheets;
    if (r->signatures) *r->signatures = sigs;
    oct_progress_pages(o->progress, pages);
    if (o->stats) o->stats->pages += pages;
    if (rc == 0 && path) rc = oct_pdf_close(p, path);
    time_parts(o, oct_pdf_times_of(p), t0);
    if (o->exiting && !FREE_ON_EXIT && !left_for_exit)
        left_for_exit = p;
    else
        oct_pdf_free(p);
    return rc;
}

/* The EPUB rendered and written (with index ix when given); *bytes: its
 * size before compression. */
static int write_epub(const oct_tree *t, const oct_layout *l, const oct_index *ix, const char *path,
                      oct_diag *d, size_t *bytes)
{
    oct_epub *e = oct_epub_new(l, d);
    oct_epub_use_index(e, ix);
    int rc = (e && oct_epub_render(e, t) == 0) ? 0 : -1;
    if (bytes) *bytes = rc == 0 ? oct_epub_book_bytes(e) : 0;
    if (rc == 0 && path) rc = oct_epub_close(e, path);
    oct_epub_free(e);
    return rc;
}

typedef struct {
    const oct_tree *t;
    const oct_layout *l;
    const oct_index *index;
    const char *path;
    oct_diag *diag; /* a buffer (oct_diag_new_buffer) */
    oct_deps *deps; /* its own recorder, or NULL when nothing records */
    double sec;     /* how long it took */
    int rc;
} epub_job;

/* What the EPUB freed stays in its thread's malloc arena, which the PDF
 * (on the main thread) never draws from: given back to the system, the
 * build's peak is lower by the EPUB's (100x the Django notes: 24 MB free
 * after a book of 13 MB). Not for a few megabytes (the Django booklet
 * leaves 2.5 MB free after 0.4 MB, 10x 5.5 MB after 2.6 MB): trimming
 * costs a millisecond there, most of it in interrupting the other cores
 * to flush their TLBs. The book's size decides, not malloc's count of
 * free bytes: mallinfo2 walks every free chunk of every arena, 1.8 ms for
 * the Django booklet. */
static void give_back_memory(size_t book_bytes)
{
#ifdef __GLIBC__
    if (book_bytes >= TRIM_FROM) malloc_trim(0);
#else
    (void)book_bytes;
#endif
}

static void *epub_thread(void *arg)
{
    epub_job *j = arg;
    double t0 = oct_clock_now();
    oct_deps *was = oct_deps_record_to(j->deps); /* this thread's: NULL unless run here */
    size_t bytes = 0;
    j->rc = write_epub(j->t, j->l, j->index, j->path, j->diag, &bytes);
    oct_deps_record_to(was);
    give_back_memory(bytes);
    j->sec = oct_clock_now() - t0;
    return NULL;
}

/* Starts the EPUB on its own thread; false when no thread could be made
 * (the caller then runs it here, after the PDF). */
static bool start_epub(pthread_t *th, epub_job *j)
{
    pthread_attr_t attr;
    if (pthread_attr_init(&attr) != 0) return false;
    pthread_attr_setstacksize(&attr, OCT_CLI_THREAD_STACK);
    bool ok = pthread_create(th, &attr, epub_thread, j) == 0;
    pthread_attr_destroy(&attr);
    return ok;
}

unsigned oct_cli_backends(const oct_tree *t, oct_prep *prep, const oct_backend_run *r,
                          const oct_build_opts *o, oct_diag *diag)
{
    const oct_layout *l = oct_cli_prep_layout(prep);
    oct_diag *pdiag;
    oct_pdf *pdf = oct_cli_prep_take_pdf(prep, &pdiag);
    unsigned failed = 0;
    double clock = oct_timings_now(o->timings);
    if (!r->pdf || !r->epub) { /* one backend: nothing to overlap */
        if (r->pdf && write_pdf(pdf, t, r, o) != 0) failed |= OCT_FAILED_PDF;
        oct_diag_flush(diag, pdiag);
        if (r->pdf) clock = oct_timings_lap(o->timings, OCT_PHASE_PDF, clock);
        if (r->epub && write_epub(t, l, NULL, r->epub_path, diag, NULL) != 0)
            failed |= OCT_FAILED_EPUB;
        if (r->epub) oct_timings_lap(o->timings, OCT_PHASE_EPUB, clock);
        return failed;
    }
    xmlInitParser();
    oct_deps *rec = oct_deps_current();
    oct_index *ix = oct_index_build(t);
    oct_pdf_use_index(pdf, ix);
    epub_job j = {t, l, ix, r->epub_path, oct_diag_new_buffer(diag), rec ? oct_deps_new() : NULL,
                  0, 0};
    pthread_t th;
    bool threaded = start_epub(&th, &j);
    if (write_pdf(pdf, t, r, o) != 0) failed |= OCT_FAILED_PDF;
    double pdf_sec = oct_timings_now(o->timings) - clock;
    if (threaded)
        pthread_join(th, NULL);
    else
        epub_thread(&j);
    double wall = oct_timings_now(o->timings) - clock;
    oct_timings_add(o->timings, OCT_PHASE_PDF, pdf_sec, 0);
    oct_timings_add(o->timings, OCT_PHASE_EPUB, j.sec, pdf_sec + j.sec - wall);
    oct_diag_flush(diag, pdiag);
    if (!(failed & OCT_FAILED_PDF) || r->epub_after_failed_pdf) {
        /* (a sequential build would not have started the EPUB after a failed PDF) */
        oct_diag_flush(diag, j.diag);
        oct_deps_merge(rec, j.deps);
        if (j.rc != 0) failed |= OCT_FAILED_EPUB;
    }
    oct_diag_free(j.diag);
    oct_deps_free(j.deps);
    oct_index_free(ix); /* (a PDF left for exit is not read again) */
    return failed;
}
