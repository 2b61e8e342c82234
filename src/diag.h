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

#endif
