#include "cli/cli.h"
#include "study/study.h"
#include "util/buf.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* `octavo inspect --tree|--json INPUT…`: the document tree as the golden
 * dump, or the question bank as JSON. Inputs are resolved like `build`. */

static void usage_inspect(FILE *f)
{
    fputs("usage: octavo inspect (--tree | --json) [--keep-filler] [--no-merge] [--timings]\n"
          "                      [--group-by topic|source] [DIR | booklet.yaml | FILE...]\n",
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

int oct_cmd_inspect(int argc, char **argv)
{
    int mode = 0; /* 1 tree, 2 json */
    oct_build_opts o = {0};
    oct_timings timings;
    oct_timings_begin(&timings);
    char **inputs = oct_xcalloc((size_t)argc, sizeof *inputs);
    int ninputs = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--tree") == 0)
            mode = 1;
        else if (strcmp(argv[i], "--json") == 0)
            mode = 2;
        else if (strcmp(argv[i], "--keep-filler") == 0)
            o.keep_filler = true;
        else if (strcmp(argv[i], "--no-merge") == 0)
            o.no_merge = true;
        else if (strcmp(argv[i], "--timings") == 0)
            o.timings = &timings;
        else if (strcmp(argv[i], "--group-by") == 0 || strncmp(argv[i], "--group-by=", 11) == 0) {
            const char *v = argv[i][10] == '=' ? argv[i] + 11 : (i + 1 < argc ? argv[++i] : NULL);
            if (oct_cli_parse_group_by(v, &o.group_by) != 0) {
                free(inputs);
                return OCT_EXIT_USAGE;
            }
        } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            usage_inspect(stdout);
            free(inputs);
            return OCT_EXIT_OK;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            mode = -1;
        } else
            inputs[ninputs++] = argv[i];
    }
    if (mode <= 0 || ninputs == 0) {
        usage_inspect(stderr);
        free(inputs);
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
    free(inputs);
    return rc;
}
