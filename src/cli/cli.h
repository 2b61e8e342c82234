/* Command-line internals shared by the subcommands in src/cli/. */
#ifndef OCT_CLI_H
#define OCT_CLI_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "config/manifest.h"
#include "diag.h"
#include "tree/tree.h"
#include "util/buf.h"
#include "util/timing.h"

enum { OCT_EXIT_OK = 0, OCT_EXIT_INPUT = 1, OCT_EXIT_USAGE = 2, OCT_EXIT_IO = 3 };

enum { OCT_FMT_PDF = 1, OCT_FMT_EPUB = 2, OCT_FMT_JSON = 4, OCT_FMT_ANKI = 8, OCT_FMT_APKG = 16 };

typedef struct {
    const char *outdir;
    unsigned formats;
    const char *layout;   /* NULL: manifest's, else "a4" */
    const char *lang;     /* --lang, NULL if not given */
    const char *group_by; /* --group-by topic|source, NULL if not given */
    const char *mode;     /* --mode study|quiz, NULL if not given */
    const char *impose;   /* --impose saddle|none over the layout's, NULL if not given */
    bool keep_filler;
    bool no_merge; /* --no-merge: every question its own cluster */
    bool arrange;  /* arrange by topic (build); inspect shows the tree as found */
    bool werror;
    bool quiet;
    oct_timings *timings;          /* --timings: per-phase times, else NULL */
    const char *depfile;           /* --depfile FILE: Make/Ninja dependencies, else NULL */
    bool check;                    /* `octavo check`: everything but the writing */
    struct oct_progress *progress; /* the terminal's progress line, or NULL */
    struct oct_run_stats *stats;   /* what the run saw, for check's summary, or NULL */
    bool exiting; /* the process ends after this booklet (its last, from the command line) */
    int jobs;     /* --jobs: booklets built at a time (0: one per processor) */
    oct_buf *out; /* stdout lines kept for later (a booklet of several side by side) */
} oct_build_opts;

/* Counted over a run, for `octavo check`'s last line. */
typedef struct oct_run_stats {
    size_t booklets, sources, questions, pages;
} oct_run_stats;

/* A list of booklets found from the command line's inputs. */
typedef struct {
    oct_manifest *items;
    size_t len;
} oct_booklets;

/* Resolves inputs (dirs, booklet.yaml files, source files) into booklets.
 * Returns 0, or an exit status after reporting to diag. */
int oct_cli_collect(char **inputs, int ninputs, oct_booklets *out, oct_diag *diag);
void oct_cli_booklets_free(oct_booklets *b);

/* Reads, ingests and studies every source of m into a new tree (caller
 * frees). Returns the tree, or NULL with *status set. */
oct_tree *oct_cli_load_tree(const oct_manifest *m, const oct_build_opts *o, oct_diag *diag,
                            int *status);

/* oct_cli_load_tree that also appends the question bank JSON to bank (when
 * not NULL): written as `inspect --json` writes it, from the tree before
 * the arrangement by topic, with the diagnostics reported so far. */
oct_tree *oct_cli_load_tree_bank(const oct_manifest *m, const oct_build_opts *o, oct_diag *diag,
                                 int *status, oct_buf *bank);
/* The same, and when ahead is not NULL the code blocks start being
 * highlighted on a worker as soon as they are parsed (cli/hlahead.h;
 * *ahead: free it with oct_hl_ahead_free once the backends are done). */
typedef struct oct_hl_ahead oct_hl_ahead;
oct_tree *oct_cli_load_tree_ahead(const oct_manifest *m, const oct_build_opts *o, oct_diag *diag,
                                  int *status, oct_buf *bank, oct_hl_ahead **ahead);

/* Checks a --group-by value ("topic" or "source") and stores it in *out;
 * returns 0, or -1 after printing a usage error. */
int oct_cli_parse_group_by(const char *s, const char **out);
/* The options build, check and inspect share, as getopt_long returns
 * them: 'k' --keep-filler, 'M' --no-merge, 'T' --timings (into timings),
 * 'g' --group-by and 'L' --lang (arg their value), 'h' --help (usage to
 * stdout); any other c is an unknown option (usage to stderr). Returns -1
 * to go on, else the exit status. */
int oct_cli_shared_option(int c, const char *arg, oct_build_opts *o, oct_timings *timings,
                          void (*usage)(FILE *));
/* --mode: "study" or "quiz" into *out; else a message and -1. */
int oct_cli_parse_mode(const char *s, const char **out);

/* The data directory holding fonts/ and layouts/ (static string). */
const char *oct_cli_data_dir(void);

/* -W error | no-CODE | error=CODE, and --diagnostics gcc|json|github,
 * applied to d (diagopts.c). 0, or -1 after a usage message. */
int oct_cli_warning_option(oct_diag *d, const char *arg, bool *werror);
int oct_cli_diagnostics_option(oct_diag *d, const char *arg);

int oct_cmd_build(int argc, char **argv);

/* What one `octavo build` run tells `octavo watch` (src/cli/watch.c). */
typedef struct oct_deps oct_deps;
typedef struct {
    oct_deps *deps; /* in: records what the build reads and writes (util/deps.h) */
    size_t errors;  /* out: error diagnostics reported */
} oct_build_report;

/* oct_cmd_build, recording into rep->deps and filling rep (NULL: as
 * oct_cmd_build). Returns the exit status. */
int oct_cli_build_with(int argc, char **argv, oct_build_report *rep);

/* Writes the depfile `path` (atomically) for what deps recorded: the first
 * output written is its target. Returns 0 or OCT_EXIT_IO after reporting. */
int oct_cli_write_depfile(const char *path, const oct_deps *deps, oct_diag *diag);

int oct_cmd_watch(int argc, char **argv);
/* `octavo check`: build's options and inputs; parses, studies and lays out
 * without writing, then prints a one-line summary. */
int oct_cmd_check(int argc, char **argv);
int oct_cmd_inspect(int argc, char **argv);
int oct_cmd_normalize(int argc, char **argv);

#endif
