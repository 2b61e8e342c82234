/* Shared by the tests of Word and OpenDocument notes (test_documents.c,
 * test_documents_words.c): packages zipped here from XML written in the
 * test (libzip, util/zip.h), read by oct_ingest_source, their tree
 * dumped (node lines included: each node's line is its element's in the
 * part). */
#ifndef OCT_TEST_DOCUMENTS_SUPPORT_H
#define OCT_TEST_DOCUMENTS_SUPPORT_H
#include "check.h"
#include "ingest/ingest.h"
#include "tree/tree.h"
#include "util/fileio.h"
#include "util/zip.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define W_NS                                                                                       \
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "                    \
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "             \
    "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "                           \
    "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""
#define TYPES                                                                                      \
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override "     \
    "PartName=\"/word/document.xml\" ContentType=\"application/"                                   \
    "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"

typedef struct {
    const char *name, *data;
    size_t len; /* 0: strlen */
    int store;  /* 1: not deflated (a picture of noise would not shrink) */
} part;

/* The package of parts, read as the source `name`: its dump (malloc'd). */
static inline char *read_package(const char *name, const part *parts, size_t n, oct_diag *d,
                                 oct_tree **tree)
{
    oct_zip_entry e[12];
    for (size_t i = 0; i < n; i++)
        e[i] = (oct_zip_entry){.name = parts[i].name,
                               .data = parts[i].data,
                               .len = parts[i].len ? parts[i].len : strlen(parts[i].data),
                               .store = !strcmp(parts[i].name, "mimetype") || parts[i].store};
    char tmp[] = "/tmp/octavo-docs-XXXXXX";
    int fd = mkstemp(tmp);
    close(fd);
    const char *step, *why;
    CHECK(oct_zip_write(tmp, e, n, 0, 0x21, &step, &why) == 0);
    size_t len;
    char *bytes = oct_read_file(tmp, 1 << 26, &len);
    unlink(tmp);
    oct_tree *t = oct_tree_new();
    oct_ingest_options o = {.normalize = true};
    oct_node *ch = bytes ? oct_ingest_source(t, name, bytes, len, NULL, &o, d) : NULL;
    free(bytes);
    oct_buf out = OCT_BUF_INIT;
    if (ch) oct_tree_dump(t, t->root, &out);
    if (tree)
        *tree = t;
    else
        oct_tree_free(t);
    return out.data ? oct_buf_detach(&out) : strdup("(no chapter)");
}

static inline char *docx(const char *body, const char *styles, const char *numbering, oct_diag *d)
{
    char *doc = NULL;
    size_t cap = strlen(body) + 1000;
    doc = malloc(cap);
    snprintf(doc, cap,
             "<?xml version=\"1.0\"?>\n<w:document %s>\n<w:body>\n%s</w:body></w:document>", W_NS,
             body);
    part p[4] = {{"[Content_Types].xml", TYPES, 0}, {"word/document.xml", doc, 0}};
    size_t n = 2;
    if (styles) p[n++] = (part){"word/styles.xml", styles, 0};
    if (numbering) p[n++] = (part){"word/numbering.xml", numbering, 0};
    char *dump = read_package("notes.docx", p, n, d, NULL);
    free(doc);
    return dump;
}

static inline bool has(const char *dump, const char *want)
{
    bool ok = strstr(dump, want) != NULL;
    if (!ok) fprintf(stderr, "missing: %s\nin:\n%s\n", want, dump);
    return ok;
}

/* Whether some message of code holds `part` in its text. */
static inline bool said(const oct_diag *d, const char *code, const char *part)
{
    for (size_t i = 0; i < oct_diag_size(d); i++) {
        const oct_diag_msg *m = oct_diag_at(d, i);
        if (!strcmp(m->code, code) && strstr(m->message, part)) return true;
    }
    return false;
}

#endif
