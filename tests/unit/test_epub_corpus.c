/* The spec corpora (corpus.h) through ingest, the study pass and the EPUB
 * backend: every example (odd URLs, entities, raw HTML, deep nesting)
 * becomes a chapter of one book, read as a Markdown file and again as a
 * plain-text note (through the normalizer), and both epubchecks must find
 * nothing in either book. */
#include "check.h"
#include "epubcheck.h"
#include "corpus.h"
#include "epub/epub.h"
#include "ingest/ingest.h"
#include "study/study.h"
#include "util/buf.h"
#include "util/fileio.h"

#include <stdlib.h>
#include <unistd.h>

typedef struct {
    oct_tree *t;
    const char *tag;
    bool normalize;
    oct_diag *d;
} book;

static void add_example(const char *md, size_t len, int number, void *arg)
{
    book *b = arg;
    char name[64], title[64];
    /* normalized, each example is a plain-text note (the Markdown files'
     * normalizer leaves every example as it is: the same book twice) */
    snprintf(name, sizeof name, "%s-%d.%s", b->tag, number, b->normalize ? "txt" : "md");
    snprintf(title, sizeof title, "%s example %d", b->tag, number);
    oct_ingest_options opts = {.keep_filler = false, .normalize = b->normalize};
    CHECK(oct_ingest_source(b->t, name, md, len, title, &opts, b->d) != NULL);
}

static void check_book(bool normalize, const char *out)
{
    oct_tree *t = oct_tree_new();
    t->meta.title = "Markdown conformance corpus";
    t->meta.lang = "en";
    oct_diag *d = oct_diag_new(NULL);
    char path[4200];
    for (corpus_id id = 0; id < CORPUS_COUNT; id++) {
        if (!corpus_path(id, path, sizeof path)) continue;
        book b = {t, corpus_name(id), normalize, d};
        CHECK(corpus_examples(path, add_example, &b) > 20);
    }
    oct_study_run(t, d);
    oct_tree_assign_ids(t);
    oct_epub *e = oct_epub_new(NULL, d);
    CHECK(oct_epub_render(e, t) == 0);
    CHECK(oct_epub_close(e, out) == 0);
    oct_epub_free(e);
    epubcheck_queue(out);
    oct_diag_free(d);
    oct_tree_free(t);
}

int main(void)
{
    char probe[4200];
    if (!corpus_path(CORPUS_COMMONMARK, probe, sizeof probe)) return check_done();
    char tmp[] = "/tmp/octavo-gfm-XXXXXX";
    if (!mkdtemp(tmp)) return 1;
    char out[64];
    snprintf(out, sizeof out, "%s/plain.epub", tmp);
    check_book(false, out);
    snprintf(out, sizeof out, "%s/normalized.epub", tmp);
    check_book(true, out);
    epubcheck_run();
    if (!check_failures && !getenv("OCTAVO_EPUB_KEEP")) {
        snprintf(out, sizeof out, "%s/plain.epub", tmp);
        unlink(out);
        snprintf(out, sizeof out, "%s/normalized.epub", tmp);
        unlink(out);
        rmdir(tmp);
    } else {
        fprintf(stderr, "books kept in %s\n", tmp);
    }
    return check_done();
}
