/* Writing Markdown for another markup's reader (org.c, rst.c): each
 * Markdown line is written with the source line it comes from, so every
 * node the Markdown parse makes keeps its file:line (the line map of
 * normalize.h). Lines of the source that print nothing (comments,
 * metadata) are gathered for one note per source. Internal to
 * src/ingest/formats. */
#ifndef OCT_FORMATS_MDWRITE_H
#define OCT_FORMATS_MDWRITE_H
#include "diag.h"
#include "ingest/normalize/normalize.h"
#include "ingest/normalize/normalize_internal.h"
#include "util/buf.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    nl_out o;
    const char *path;
    oct_diag *diag;
    size_t last_prefix; /* bytes of the prefix ("> ", indentation) of the last line */
    bool last_blank;
} md_writer;

/* Source lines of one kind that print nothing or lose marks (comments,
 * metadata), ascending, for one note per source. */
typedef struct {
    int *v;
    size_t n, cap;
} md_lines;

/* Writes prefix, then s[0..n), as one line from source line src. A line
 * whose prefix is shorter than the last one's (a quote ended) gets a
 * blank line before it, so that it does not continue the quote. */
void md_line(md_writer *w, const char *prefix, const char *s, size_t n, int src);
/* A blank line (with the prefix), unless the last line was one. */
void md_blank(md_writer *w, const char *prefix, int src);
/* Adds source line src to l (once). */
void md_lines_add(md_lines *l, int src);
/* One note of `code` naming l's lines, "<what>: lines 3-5, 9", unless l
 * is empty; frees l. */
void md_lines_note(md_writer *w, md_lines *l, const char *code, const char *what);
/* Hands the text and its line map to out (title and deck left as set). */
void md_finish(md_writer *w, oct_normalized *out);

/* Text s[0..n) as Markdown prints it as written: its punctuation that
 * Markdown reads escaped; at_start: it opens a line (a '#', '-', '+',
 * '>' or "1." there would open a block). */
void md_escape(oct_buf *b, const char *s, size_t n, bool at_start);
/* Appends Markdown line s[0..n) (inline markup already written) with a
 * block opener at its start ("- ", "# ", "> ", "1. ") escaped, so that it
 * stays a line of its paragraph. */
void md_guard_line(oct_buf *b, const char *s, size_t n);
/* s[0..n) as a code span, fenced by more backticks than it holds. */
void md_code_span(oct_buf *b, const char *s, size_t n);
/* TeX math opening s[0..n) ($x^2$, \(\alpha\), as unicode/texmath.h
 * reads it): written as the code span ingest sets as math; returns its
 * bytes, 0 (nothing written) when none opens there. */
size_t md_math(oct_buf *b, const char *s, size_t n);
/* The length of a code fence for lines v[a..e) (3, or one more than the
 * longest backtick run opening one of them). */
size_t md_fence_len(const nl_raw_line *v, size_t a, size_t e);
/* Columns of blanks opening line l (tabs to multiples of 4). */
int md_indent(const nl_raw_line *l);
/* ASCII case-insensitive s[0..n) == word. */
bool md_eq_nocase(const char *s, size_t n, const char *word);

#endif
