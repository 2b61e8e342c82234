/* Helpers shared by the HTML tests (static inline: each test is one program): one
 * Markdown source ingested into a tree, and its golden dump. */
#ifndef OCT_TEST_HTML_SUPPORT_H
#define OCT_TEST_HTML_SUPPORT_H
#include "check.h"
#include "ingest/ingest.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    oct_tree *t;
    oct_diag *d;
    oct_node *ch;
} doc;

static inline doc ingest(const char *md)
{
    doc r = {oct_tree_new(), oct_diag_new(NULL), NULL};
    oct_ingest_options o = {.normalize = false};
    r.ch = oct_ingest_source(r.t, "notes.md", md, strlen(md), NULL, &o, r.d);
    return r;
}

static inline void release(doc *r)
{
    oct_tree_free(r->t);
    oct_diag_free(r->d);
}

/* The dump of the chapter's children (malloc'd). */
static inline char *dump(const doc *r)
{
    oct_buf b = OCT_BUF_INIT;
    for (const oct_node *k = r->ch ? r->ch->first : NULL; k; k = k->next)
        oct_tree_dump(r->t, k, &b);
    return b.data ? oct_buf_detach(&b) : calloc(1, 1);
}

#define CHECK_DUMP(r, want)                                                                        \
    do {                                                                                           \
        char *got_ = dump(&(r));                                                                   \
        CHECK_STR(got_, want);                                                                     \
        free(got_);                                                                                \
    } while (0)

#endif
