/* Shared by test_org.c and test_rst.c: a source read by its markup's
 * reader (the Markdown and its line map), or ingested whole (the tree,
 * its nodes' lines). */
#ifndef OCT_TEST_FORMATS_SUPPORT_H
#define OCT_TEST_FORMATS_SUPPORT_H
#include "check.h"
#include "ingest/formats/markup.h"
#include "ingest/ingest.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    oct_normalized out;
    char *lang;
    oct_diag *d;
} read_result;

/* text read as a source named path by its reader. */
static read_result read_as(const char *path, const char *text)
{
    read_result r = {.d = oct_diag_new(NULL)};
    CHECK(oct_markup_read(path, text, strlen(text), &r.out, &r.lang, r.d));
    /* every Markdown line maps to a line of the source */
    size_t lines = 1;
    for (const char *p = text; *p; p++)
        lines += *p == '\n' && p[1];
    for (size_t i = 0; i < r.out.nlines; i++)
        CHECK(r.out.line_map[i] >= 1 && (size_t)r.out.line_map[i] <= lines);
    return r;
}

static void read_free(read_result *r)
{
    oct_normalized_release(&r->out);
    free(r->lang);
    oct_diag_free(r->d);
}

/* The reader's Markdown for text (no diagnostics kept). */
static void check_md(const char *path, const char *text, const char *want)
{
    read_result r = read_as(path, text);
    CHECK_STR(r.out.text, want);
    read_free(&r);
}

/* The source line of the Markdown line holding `needle` (0: none). */
static int line_of(const read_result *r, const char *needle)
{
    const char *at = strstr(r->out.text, needle);
    if (!at) return 0;
    size_t line = 0;
    for (const char *p = r->out.text; p < at; p++)
        line += *p == '\n';
    return line < r->out.nlines ? r->out.line_map[line] : 0;
}

typedef struct {
    oct_tree *t;
    oct_diag *d;
    oct_node *ch;
} doc;

static doc ingest_as(const char *path, const char *text)
{
    doc r = {oct_tree_new(), oct_diag_new(NULL), NULL};
    oct_ingest_options o = {.normalize = true};
    r.ch = oct_ingest_source(r.t, path, text, strlen(text), NULL, &o, r.d);
    CHECK(r.ch != NULL);
    return r;
}

static void doc_free(doc *r)
{
    oct_tree_free(r->t);
    oct_diag_free(r->d);
}

/* The nth (0-based) node of kind k in preorder under root, or NULL. */
static const oct_node *find(const oct_node *root, oct_kind k, int nth)
{
    oct_iter it;
    oct_iter_init(&it, root);
    oct_event ev;
    while (root && (ev = oct_iter_next(&it)) != OCT_EV_NONE)
        if (ev == OCT_EV_ENTER && it.cur->kind == k && nth-- == 0) return it.cur;
    return NULL;
}

/* The line of the nth node of kind k (0: none). */
static int line_at(const doc *r, oct_kind k, int nth)
{
    const oct_node *n = find(r->ch, k, nth);
    return n ? n->span.line : 0;
}

#endif
