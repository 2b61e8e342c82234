/* Independent booklets of one command built side by side (`--jobs N`).
 * Each booklet gets a diagnostics buffer, a recorder of the files it
 * reads and writes, its own statistics and phase times; when all are
 * done they are handed on in the booklets' order, so the messages, the
 * depfile and the summary are those of a sequential build. */
#ifndef OCT_CLI_JOBS_H
#define OCT_CLI_JOBS_H
#include "cli/cli.h"

/* Builds one booklet (build.c's build_one); returns its exit status. */
typedef int (*oct_build_fn)(const oct_manifest *m, const oct_build_opts *o, oct_diag *diag);

/* Builds every booklet of books with at most `jobs` at a time (>= 2);
 * returns the highest exit status. */
int oct_cli_build_jobs(const oct_booklets *books, int jobs, const oct_build_opts *o, oct_diag *diag,
                       oct_build_fn build);

/* --jobs / -j: a whole number from 1 to 256 into *out; else a usage
 * message and -1. */
int oct_cli_parse_jobs(const char *s, int *out);

/* The default: one booklet per processor online. */
int oct_cli_default_jobs(void);

#endif
