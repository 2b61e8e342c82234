/* octavo: command line only — arguments → subcommand → exit status. */
#include "cli/cli.h"
#include "diag_codes.h"

#include <stdio.h>
#include <string.h>

static void usage(FILE *f)
{
    fputs("octavo " OCTAVO_VERSION " — compiles study notes into a PDF booklet and an EPUB\n"
          "\n"
          "usage:\n"
          "  octavo build [DIR | booklet.yaml | FILE...] [-o OUTDIR]\n"
          "               [--format pdf,epub,json,anki,apkg] [--layout NAME|FILE] [--lang TAG]\n"
          "               [--group-by topic|source] [--mode study|quiz|flashcards]\n"
          "               [--keep-filler]\n"
          "               [--no-merge] [--timings] [-W error|no-CODE|error=CODE]\n"
          "               [--diagnostics gcc|json|github] [--depfile FILE] [-q]\n"
          "  octavo check [same as build]       everything but the writing, then a summary\n"
          "  octavo watch [build options] [DIR | booklet.yaml | FILE...]\n"
          "  octavo inspect (--tree | --json) [--no-merge] [--group-by topic|source]\n"
          "                 [--timings]\n"
          "                 [DIR | booklet.yaml | FILE...]\n"
          "  octavo normalize [--keep-filler] [--from org|rst|md|txt|ipynb] [-o FILE] FILE|-\n"
          "  octavo --list-codes                the diagnostic codes and what they mean\n"
          "  octavo --help | --version\n"
          "\n"
          "A directory with a booklet.yaml is one booklet; a directory without one builds\n"
          "every booklet below it or, if there is none, one booklet of its notes (.md, .txt,\n"
          ".org, .rst, .ipynb, .docx, .odt).\n"
          "Outputs: OUTDIR/<slug>.pdf and OUTDIR/<slug>.epub (default OUTDIR: out);\n"
          "--format json adds OUTDIR/<slug>.json, the question bank of inspect --json;\n"
          "anki,apkg add Anki decks: <slug>.anki.txt and <slug>.apkg.\n"
          "--timings prints each phase's wall time (load, decode, parse, study, pdf and\n"
          "its parts pdf.layout, pdf.shape, pdf.write, epub) and the total to stderr.\n"
          "--depfile FILE writes a Make/Ninja depfile; watch rebuilds when an input changes.\n"
          "Exit status: 0 success, 1 bad input (or warnings with -W error), 2 usage,\n"
          "3 I/O (an output that cannot be written) or internal failure.\n",
          f);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return OCT_EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        usage(stdout);
        return OCT_EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        puts("octavo " OCTAVO_VERSION);
        return OCT_EXIT_OK;
    }
    if (strcmp(cmd, "--list-codes") == 0) {
        oct_diag_codes_print(stdout);
        return OCT_EXIT_OK;
    }
    if (strcmp(cmd, "check") == 0) return oct_cmd_check(argc - 1, argv + 1);
    if (strcmp(cmd, "build") == 0) return oct_cmd_build(argc - 1, argv + 1);
    if (strcmp(cmd, "inspect") == 0) return oct_cmd_inspect(argc - 1, argv + 1);
    if (strcmp(cmd, "normalize") == 0) return oct_cmd_normalize(argc - 1, argv + 1);
    if (strcmp(cmd, "watch") == 0) return oct_cmd_watch(argc - 1, argv + 1);
    fprintf(stderr, "octavo: error: unknown command '%s' (try --help) [usage]\n", cmd);
    return OCT_EXIT_USAGE;
}
