#include "cli/cli.h"
#include "study/study.h"
#include "util/buf.h"
#include "util/xalloc.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* `octavo inspect --tree|--json INPUT…`: the document tree as the golden
 * dump, or the question bank as JSON. Inputs are resolved like `build`. */

static void usage_inspect(FILE *f)
{
    fputs("usage: octavo inspect (--tree | --json) [--lang TAG] [--keep-filler] [--no-merge]\n"
          "                      [--timings] [--group-by topic|source]\n"
          "                      [DIR | booklet.yaml | FILE...]\n",
          f);
}

static int inspect_booklet(const oct_manifest *m, int mode, const oct_build_opts *o, oct_diag *diag,
                           oct_buf *out)
{
    int status = 0;
    oct_tree *t = oct_cli_load_tree(m, o, diag, &status);
    if (!t) return status;
    if (mode == 1)
        oct_tree_dump(t, t->root, out);
    else
        oct_study_write_json(t, diag, out);
    oct_tree_free(t);
    return 0;
}

/* Options into *mode (1 tree, 2 json) and o; returns -1 to go on, else
 * the exit status (after --help or a usage error). Options and inputs may
 * come in any order, as for build. */
static int parse_options(int argc, char **argv, int *mode, oct_build_opts *o, oct_timings *timings)
{
    static const struct option longopts[] = {
        {"tree", no_argument, NULL, 't'},
        {"json", no_argument, NULL, 'J'},
        {"keep-filler", no_argument, NULL, 'k'},
        {"no-merge", no_argument, NULL, 'M'},
        {"timings", no_argument, NULL, 'T'},
        {"group-by", required_argument, NULL, 'g'},
        {"lang", required_argument, NULL, 'L'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        switch (c) {
        case 't':
            *mode = 1;
            break;
        case 'J':
            *mode = 2;
            break;
        default: {
            int r = oct_cli_shared_option(c, optarg, o, timings, usage_inspect);
            if (r >= 0) return r;
        }
        }
    }
    return -1;
}

int oct_cmd_inspect(int argc, char **argv)
{
    int mode = 0; /* 1 tree, 2 json */
    oct_build_opts o = {0};
    oct_timings timings;
    oct_timings_begin(&timings);
    int status = parse_options(argc, argv, &mode, &o, &timings);
    if (status >= 0) return status;
    char **inputs = argv + optind;
    int ninputs = argc - optind;
    if (mode == 0 || ninputs == 0) {
        usage_inspect(stderr);
        return OCT_EXIT_USAGE;
    }
    /* JSON carries the diagnostics itself; the tree dump prints them. */
    oct_diag *diag = oct_diag_new(mode == 2 ? NULL : stderr);
    oct_booklets books;
    double clock = oct_timings_now(o.timings);
    int rc = oct_cli_collect(inputs, ninputs, &books, diag);
    oct_timings_lap(o.timings, OCT_PHASE_LOAD, clock);
    oct_buf out = OCT_BUF_INIT;
    for (size_t i = 0; i < books.len; i++) {
        int r = inspect_booklet(&books.items[i], mode, &o, diag, &out);
        if (r > rc) rc = r;
    }
    if (mode == 2 && rc) {
        /* Failed loads print no JSON: say on stderr what went wrong. */
        for (size_t i = 0; i < oct_diag_size(diag); i++)
            oct_diag_print(oct_diag_at(diag, i), stderr);
    }
    if (out.len) fwrite(out.data, 1, out.len, stdout);
    oct_timings_print(o.timings, stderr);
    oct_buf_free(&out);
    oct_cli_booklets_free(&books);
    oct_diag_free(diag);
    return rc;
}
