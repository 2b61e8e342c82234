/* What a build read and wrote: the recorder behind `--depfile` and
 * `octavo watch`.
 *
 * The few functions that open files (oct_read_file, oct_atomic_commit, the
 * picture reader, the font checks) report each path with oct_deps_note().
 * Nothing is recorded until a command makes a recorder current with
 * oct_deps_record_to(); the pointer lives only in deps.c, so no other code
 * sees or passes it. The current recorder is per thread: a backend run on
 * a second thread (src/cli/backends.c) records into a recorder of its own,
 * merged into the builder's with oct_deps_merge once it is done, so the
 * order stays that of a sequential build and no lock is needed. */
#ifndef OCT_DEPS_H
#define OCT_DEPS_H
#include <stddef.h>

#include "util/buf.h"

typedef enum {
    OCT_DEP_INPUT,   /* a file read whole or in part */
    OCT_DEP_MISSING, /* a file the build tried to read and could not */
    OCT_DEP_DIR,     /* a directory listed to find sources or booklets */
    OCT_DEP_OUTPUT,  /* a file written (atomically) */
} oct_dep_kind;

typedef struct oct_deps oct_deps;

oct_deps *oct_deps_new(void);
void oct_deps_free(oct_deps *d); /* NULL-safe */

/* Makes d the current recorder (NULL: record nothing); returns the one
 * it replaces. */
oct_deps *oct_deps_record_to(oct_deps *d);
/* This thread's current recorder, or NULL. */
oct_deps *oct_deps_current(void);
/* Records every path of `from` into `into`, in order, as oct_deps_note
 * would have (NULL-safe). */
void oct_deps_merge(oct_deps *into, const oct_deps *from);

/* Records path (as opened: relative paths stay relative) with the current
 * recorder, once per path and kind; a path read after a failed attempt
 * becomes an input. Does nothing without a recorder. */
void oct_deps_note(oct_dep_kind kind, const char *path);

/* The output recorded as `from` was renamed to `to` (a staged output put
 * in place): it is recorded under its final name, in the same place. */
void oct_deps_renamed(const char *from, const char *to);

/* Recorded paths in the order first seen. */
size_t oct_deps_count(const oct_deps *d);
const char *oct_deps_path(const oct_deps *d, size_t i, oct_dep_kind *kind);
/* The first output written, or NULL. */
const char *oct_deps_first_output(const oct_deps *d);

/* Appends path escaped for a Make/Ninja depfile (space → "\ ", '#' → "\#",
 * ':' → "\:", '$' → "$$"). Returns 0, or -1 (nothing appended) for a path
 * neither Make nor Ninja 1.11 can read back: control characters, a
 * character Ninja ends a name at (' " & ; * ? | < > ^ `), or a backslash
 * before a space, '#', ':' or the end. */
int oct_depfile_escape(const char *path, oct_buf *out);

/* The depfile text "TARGET: INPUT INPUT…\n" (one input a line, joined by
 * backslash-newline): every OCT_DEP_INPUT the build did not also write,
 * none of the outputs, directories or missing files. Returns 0, or -1 with *bad set to the
 * first path that cannot be written (then out holds nothing useful). */
int oct_deps_format(const oct_deps *d, const char *target, oct_buf *out, const char **bad);

#endif
