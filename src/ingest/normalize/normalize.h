/* Plain-text conventions → CommonMark, before cmark-gfm sees the text:
 * unfenced code becomes fenced code with a language, aligned columns become
 * tables, stray artefacts are cleaned, chat filler is dropped (with a
 * warning listing it) unless keep_filler. Idempotent: normalizing the
 * output again changes nothing. */
#ifndef OCT_NORMALIZE_H
#define OCT_NORMALIZE_H
#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

typedef struct {
    bool keep_filler;
    /* the source is plain text (.txt), not Markdown: the backslashes of
     * its paths and patterns and the tags its sentences name print as
     * typed (normalize_escape.c) */
    bool plain;
} oct_normalize_options;

typedef struct {
    char *text; /* malloc'd, NUL-terminated CommonMark */
    size_t len;
    int *line_map; /* line_map[i] = source line of output line i+1 (1-based) */
    size_t nlines; /* entries in line_map */
    bool deck_tag; /* a #flashcards tag was taken out (the notes are a deck) */
    char *title;   /* a Logseq page's "title::" (malloc'd), or NULL */
    bool exam;     /* an exam paper: labels and marks written out (normalize_parts.c) */
} oct_normalized;

/* text: valid UTF-8 with LF line ends. Returns 0 (out filled; release with
 * oct_normalized_release) or -1 after reporting to diag. */
int oct_normalize(const char *path, const char *text, size_t len, const oct_normalize_options *opts,
                  oct_normalized *out, oct_diag *diag);
void oct_normalized_release(oct_normalized *n);

#endif
