/* All-or-nothing outputs for one booklet. Each output is written under a
 * temporary name in the output directory; only when every output of the
 * booklet is whole (and no error, nor a warning under -W error, came up)
 * are they renamed into place. A failed build thus leaves neither a
 * partial file nor a replaced good one, and an output directory that
 * cannot be written is found before any work is spent on rendering. */
#ifndef OCT_CLI_STAGE_H
#define OCT_CLI_STAGE_H
#include "diag.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    const char *dir;
    struct oct_stage_file {
        char *tmp, *final; /* malloc'd; tmp NULL once renamed into place */
    } * files;
    size_t len, cap;
} oct_stage;

/* Creates dir (mkdir -p) and checks that it is a directory files can be
 * created in. Returns 0, or -1 after an error [write-failed] naming it. */
int oct_stage_open(oct_stage *s, const char *dir, oct_diag *diag);
/* The temporary path to write DIR/NAME under (the file exists, empty), or
 * NULL after an error. Owned by s. */
const char *oct_stage_add(oct_stage *s, const char *name, oct_diag *diag);
/* Renames every temporary file into place; `wrote(final, ctx)` after each
 * (may be NULL). Returns 0, or -1 after an error (the rest is removed). */
int oct_stage_commit(oct_stage *s, oct_diag *diag, void (*wrote)(const char *, void *), void *ctx);
/* Removes every temporary file and frees s (after commit: frees only). */
void oct_stage_release(oct_stage *s);

#endif
