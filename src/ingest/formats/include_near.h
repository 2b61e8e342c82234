/* Files a source brings in: rst's include:: and csv-table :file:, Org's
 * #+INCLUDE. One reader for both, with one set of limits: a file is read
 * only beneath the source's folder (as pictures are), at most
 * OCT_LIMIT_INCLUDE_DEPTH deep, never while it is being read (a cycle),
 * and the files a source includes hold at most OCT_MAX_SOURCE_BYTES
 * together. A file refused gets a warning at the directive's line. */
#ifndef OCT_FORMATS_INCLUDE_NEAR_H
#define OCT_FORMATS_INCLUDE_NEAR_H
#include "diag.h"

#include <stddef.h>

/* The files being read, innermost first: each one's real path (NULL for
 * standard input), the real path of the source's folder (nothing above
 * it is read), its depth (0 for the source itself) and the bytes the
 * source's includes have read so far, shared by them all (a file that
 * includes another twice, nested, would grow without end). */
typedef struct oct_incl {
    const char *real;
    const char *root;
    const struct oct_incl *up;
    int depth;
    size_t *included;
} oct_incl;

/* The source at path as the outermost file: real and root malloc'd
 * (released by oct_incl_end), *included its counter. */
void oct_incl_begin(oct_incl *f, const char *path, size_t *included);
void oct_incl_end(oct_incl *f);
/* The file whose real path is real, included from up. */
oct_incl oct_incl_child(const oct_incl *up, const char *real);

/* Which directive asks, for the warning: its code ("rst-include") and
 * what it is ("include", "csv-table :file:"). */
typedef struct {
    oct_diag *diag;
    const char *path; /* the file that names it, as messages name it */
    int line;
    const char *code, *what;
} oct_incl_asker;

/* The text of the file `name` (name[0..nn)), relative to the asker's
 * file, decoded; or NULL after a warning (outside the source's folder,
 * missing, unreadable, being read already, nested too deep, past the
 * bytes). *real is its real path, *shown the path messages name (both
 * malloc'd). */
char *oct_incl_read(const oct_incl *f, const oct_incl_asker *a, const char *name, size_t nn,
                    size_t *len, char **real, char **shown);

#endif
