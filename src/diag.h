/* Diagnostics: the one place messages are formatted.
 *
 *   file:line:col: error|warning|note: message [code]
 *
 * Every message is kept (for `inspect --json` and `-W error`) and, unless the
 * sink is quiet, printed to stderr as it is reported. */
#ifndef OCT_DIAG_H
#define OCT_DIAG_H
#include <stddef.h>
#include <stdio.h>

typedef enum { OCT_NOTE, OCT_WARNING, OCT_ERROR } oct_severity;

typedef struct {
    oct_severity severity;
    char *file;    /* may be NULL (no location) */
    int line, col; /* 0 when unknown */
    char *code;    /* short kebab-case identifier, e.g. "invalid-utf8" */
    char *message;
} oct_diag_msg;

typedef struct oct_diag oct_diag;

/* `out` is where messages are printed as they come (NULL: keep only). */
oct_diag *oct_diag_new(FILE *out);
void oct_diag_free(oct_diag *d);

/* d may be NULL: the message is dropped. */
void oct_diag_report(oct_diag *d, oct_severity sev, const char *file, int line, int col,
                     const char *code, const char *fmt, ...) __attribute__((format(printf, 7, 8)));

size_t oct_diag_count(const oct_diag *d, oct_severity sev);
size_t oct_diag_size(const oct_diag *d);
/* Borrowed pointer, valid until the next report or free. */
const oct_diag_msg *oct_diag_at(const oct_diag *d, size_t i);
const char *oct_severity_name(oct_severity sev);
/* Prints one message in the format above. */
void oct_diag_print(const oct_diag_msg *m, FILE *out);

/* How messages are printed as they come (--diagnostics): gcc (above), json
 * (one object a line: file, line, col, severity, code, message) or github
 * (Actions workflow commands: ::warning file=F,line=L,col=C,title=CODE::text). */
typedef enum { OCT_DIAG_GCC, OCT_DIAG_JSON, OCT_DIAG_GITHUB } oct_diag_style;
void oct_diag_set_style(oct_diag *d, oct_diag_style style);
/* Prints one message in a style (diag_format.c). */
void oct_diag_print_as(const oct_diag_msg *m, oct_diag_style style, FILE *out);
/* -W no-CODE: warnings and notes of code are dropped as if never reported
 * (errors stay). -W error=CODE: every message of code is an error. The
 * later call for one code wins. */
void oct_diag_silence(oct_diag *d, const char *code);
void oct_diag_promote(oct_diag *d, const char *code);
/* A sink that keeps its messages (prints nothing) under parent's style and
 * -W policy, for work on another thread: its messages reach the parent, in
 * the order reported, through oct_diag_flush. */
oct_diag *oct_diag_new_buffer(const oct_diag *parent);
/* Moves every message of `from` into `into` (counted, and printed when
 * `into` prints), leaving `from` empty and in use (NULL-safe). */
void oct_diag_flush(oct_diag *into, oct_diag *from);
/* Each message of d about file with a line in 1..n gets line map[line-1];
 * it keeps its column where keep_col[line-1] is set (the line is the
 * file's as written), else has none (keep_col NULL: none keeps one). For
 * messages about a text made from the file (a notebook's cells),
 * reported into a buffer and mapped before the flush. */
void oct_diag_map_lines(oct_diag *d, const char *file, const int *map,
                        const unsigned char *keep_col, size_t n);
/* fn(ctx) runs before each message is printed (a progress line on the
 * same terminal clears itself there). */
void oct_diag_set_before_print(oct_diag *d, void (*fn)(void *), void *ctx);

#endif
