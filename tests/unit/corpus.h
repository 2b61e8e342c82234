/* Third-party conformance corpora for the tests. None is part of the
 * repository: the CommonMark spec comes from npm (commonmark-spec, installed
 * by test.sh into build/tools), and the GFM spec files are an optional extra
 * in ../shared/testdata. */
#ifndef OCT_TEST_CORPUS_H
#define OCT_TEST_CORPUS_H
#include <stdbool.h>
#include <stddef.h>

typedef enum {
    CORPUS_COMMONMARK,     /* required: $OCTAVO_COMMONMARK_SPEC or build/tools/corpora/... */
    CORPUS_GFM_SPEC,       /* optional: $OCTAVO_TESTDATA or ../shared/testdata */
    CORPUS_GFM_EXTENSIONS, /* optional, same place */
    CORPUS_COUNT
} corpus_id;

/* A short name for messages and example tags ("commonmark", "gfm", "ext"). */
const char *corpus_name(corpus_id id);

/* Writes the corpus file's path into out and returns true when it is there.
 * A missing optional corpus prints a note; a missing required one prints
 * why, and counts as a failed check under OCTAVO_STRICT=1. */
bool corpus_path(corpus_id id, char *out, size_t size);

/* Calls fn for every example of the spec-format file at path (Markdown
 * with tabs restored from "→"), numbered from 1. Returns how many, or -1
 * when the file cannot be read. */
typedef void (*corpus_fn)(const char *markdown, size_t len, int number, void *arg);
int corpus_examples(const char *path, corpus_fn fn, void *arg);

#endif
