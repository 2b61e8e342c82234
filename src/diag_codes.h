/* The registry of diagnostic codes: every code a message can carry, its
 * usual severity and one line of meaning. `octavo --list-codes` prints it;
 * `-W no-CODE` and `-W error=CODE` accept only codes listed here, and
 * tests/scripts/diag_codes.sh fails when src/ emits a code missing from it. */
#ifndef OCT_DIAG_CODES_H
#define OCT_DIAG_CODES_H
#include "diag.h"

#include <stddef.h>
#include <stdio.h>

typedef struct {
    const char *code;
    oct_severity severity; /* the usual one; a few codes come at two levels */
    const char *meaning;
} oct_diag_code;

/* The table, sorted by code; *n receives its length. Static storage. */
const oct_diag_code *oct_diag_codes(size_t *n);
/* The entry for code, or NULL when it is not registered. */
const oct_diag_code *oct_diag_code_find(const char *code);
/* The registered code nearest to an unknown one (edit distance at most a
 * third of its length, at least 2), or NULL. */
const char *oct_diag_code_suggest(const char *code);
/* `code  severity  meaning`, one a line, with a header line. */
void oct_diag_codes_print(FILE *out);

#endif
