/* A tiny test harness: CHECK records a failure and goes on, so one run
 * reports every broken expectation; main's return is check_done(). */
#ifndef OCT_CHECK_H
#define OCT_CHECK_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag.h"
#include <string.h>

extern int check_failures, check_count;

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        check_count++;                                                                             \
        if (!(cond)) {                                                                             \
            check_failures++;                                                                      \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);               \
        }                                                                                          \
    } while (0)

#define CHECK_STR(a, b)                                                                            \
    do {                                                                                           \
        const char *a_ = (a), *b_ = (b);                                                           \
        check_count++;                                                                             \
        if (!a_ || !b_ || strcmp(a_, b_) != 0) {                                                   \
            check_failures++;                                                                      \
            fprintf(stderr,                                                                        \
                    "%s:%d: check failed: %s == %s\n  got:      \"%s\"\n  expected: \"%s\"\n",     \
                    __FILE__, __LINE__, #a, #b, a_ ? a_ : "(null)", b_ ? b_ : "(null)");           \
        }                                                                                          \
    } while (0)

/* Reads OCTAVO_SRC/rel (the source tree) into a malloc'd, NUL-terminated
 * buffer; prints why and returns NULL (with *len = 0) when it cannot. */
char *check_read_source(const char *rel, size_t *len);

/* How many diagnostics in d carry code. */
size_t check_count_code(const oct_diag *d, const char *code);

/* s[0..n) is well-formed UTF-8 (a U+FFFD written in it is fine). */
bool check_valid_utf8(const char *s, size_t n);

/* Runs shell command cmd: its standard output (malloc'd, never NULL) and,
 * in *status, pclose's status (-1 when it could not start). */
char *check_run(const char *cmd, int *status);

/* Prints "N passed, M failed" and returns the exit status. */
int check_done(void);

#endif
