#include "anki/anki.h"
#include "cli/backends.h"
#include "cli/hlahead.h"
#include "cli/prep.h"
#include "cli/cli.h"
#include "cli/jobs.h"
#include "cli/progress.h"
#include "cli/stage.h"
#include "config/layout.h"
#include "util/deps.h"
#include "util/fileio.h"
#include "util/xalloc.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void usage_build(FILE *f)
{
    fputs("usage: octavo build [DIR | booklet.yaml | FILE...] [-o OUTDIR] [--format FORMATS]\n"
          "                    [--layout NAME|FILE] [--lang TAG] [--group-by topic|source]\n"
          "                    [--mode study|quiz|flashcards] [--impose saddle|none]\n"
          "                    [--keep-filler] [--no-merge] [--timings]\n"
          "                    [-W error|no-CODE|error=CODE] [--diagnostics gcc|json|github]\n"
          "                    [--depfile FILE] [-j N] [-q]\n"
          "  --format   comma-separated: pdf, epub (the default: both), json (the question\n"
          "             bank as `octavo inspect --json` prints it, <slug>.json), anki (an\n"
          "             Anki text deck, <slug>.anki.txt), apkg (an Anki package, <slug>.apkg)\n"
          "  --mode quiz  the questions alone, their answers in a key at the back that\n"
          "               links back (EPUB: answers as pop-up notes)\n"
          "  --mode flashcards  cards to print duplex and cut (layouts/flashcards.yaml):\n"
          "               question in front, answer behind (EPUB: cards with pop-ups)\n"
          "  --impose saddle  A5 (or any) pages two-up on landscape sheets in folding\n"
          "             order, to print duplex and fold (layouts/a5-booklet.yaml does it\n"
          "             too); none: one page a PDF page, whatever the layout says\n"
          "  --timings  print the wall time of each phase (load, decode, parse, study,\n"
          "             pdf and its parts pdf.layout, pdf.shape, pdf.write, epub) and\n"
          "             the total to stderr after the build\n"
          "  -j, --jobs N  build up to N booklets at a time (default: one per processor);\n"
          "             messages come out in the booklets' order, as with -j 1\n"
          "  --depfile FILE  after a successful build, write a Make/Ninja depfile: the\n"
          "             first output written, then every file the build read\n"
          "  -W error   exit 1, writing nothing, while any warning remains; -W no-CODE\n"
          "             drops the warnings and notes of one code, -W error=CODE makes its\n"
          "             messages errors (octavo --list-codes lists the codes)\n"
          "  --diagnostics  gcc (file:line:col: severity: message [code]), json (one\n"
          "             object a line) or github (Actions workflow commands), on stderr\n"
          "  -q         no 'wrote' lines and no progress line\n"
          "`octavo check` takes the same options, writes nothing and ends with a summary.\n",
          f);
}

static int parse_formats(const char *s, unsigned *out)
{
    unsigned f = 0;
    char *copy = oct_xstrdup(s), *save = NULL;
    for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        if (strcmp(tok, "pdf") == 0)
            f |= OCT_FMT_PDF;
        else if (strcmp(tok, "epub") == 0)
            f |= OCT_FMT_EPUB;
        else if (strcmp(tok, "json") == 0)
            f |= OCT_FMT_JSON;
        else if (strcmp(tok, "anki") == 0)
            f |= OCT_FMT_ANKI;
        else if (strcmp(tok, "apkg") == 0)
            f |= OCT_FMT_APKG;
        else {
            free(copy);
            return -1;
        }
    }
    free(copy);
    *out = f;
    return f ? 0 : -1;
}

/* The question bank, as `inspect --json` prints it, into a staged file. */
static int write_json(const oct_buf *bank, const char *path, oct_diag *d)
{
    if (oct_write_file(path, bank->data, bank->len) == 0) return 0;
    oct_diag_report(d, OCT_ERROR, path, 0, 0, "write-failed", "cannot write: %s", strerror(errno));
    return -1;
}

/* OUTDIR/<slug>.<ext> staged: its temporary name, or NULL after an error. */
static const char *staged(oct_stage *st, const char *slug, const char *ext, oct_diag *d)
{
    char name[1024];
    snprintf(name, sizeof name, "%s.%s", slug, ext);
    return oct_stage_add(st, name, d);
}

/* The Anki deck (OCT_FMT_ANKI: <slug>.anki.txt, OCT_FMT_APKG: <slug>.apkg). */
static int write_anki(const oct_tree *t, const oct_build_opts *o, oct_stage *st, const char *slug,
                      oct_diag *d)
{
    oct_anki_deck deck;
    oct_anki_deck_build(&deck, t);
    int rc = 0;
    for (int k = 0; k < 2 && !rc; k++) {
        if (!(o->formats & (k ? OCT_FMT_APKG : OCT_FMT_ANKI))) continue;
        const char *p = staged(st, slug, k ? "apkg" : "anki.txt", d);
        rc = !p ? -1 : k ? oct_anki_write_apkg(&deck, p, d) : oct_anki_write_tsv(&deck, p, d);
    }
    oct_anki_deck_free(&deck);
    return rc ? OCT_EXIT_IO : 0;
}

/* -W error: a warning since `before` fails the booklet. */
static bool werror_stop(const oct_build_opts *o, oct_diag *diag, size_t before, const char *path)
{
    if (!o->werror || oct_diag_count(diag, OCT_WARNING) <= before) return false;
    oct_diag_report(diag, OCT_ERROR, path, 0, 0, "werror",
                    "warnings treated as errors (-W error); nothing written");
    return true;
}

/* A line for stdout: printed now, or kept in o->out when the booklet is
 * one of several built side by side (jobs.c prints them in order). */
static void say(const oct_build_opts *o, const char *line)
{
    if (o->out) {
        oct_buf_puts(o->out, line);
        return;
    }
    oct_progress_clear(o->progress); /* the line, if any, comes back below */
    fputs(line, stdout);
    fflush(stdout);
}

static void wrote(const char *path, void *ctx)
{
    const oct_build_opts *o = ctx;
    if (!o->quiet) {
        oct_buf b = OCT_BUF_INIT;
        oct_buf_printf(&b, "octavo: wrote %s\n", path);
        say(o, b.data);
        oct_buf_free(&b);
    }
    oct_progress_file_written(o->progress);
}

/* How to print an imposed PDF (stdout, like the 'wrote' lines). */
static void print_howto(const oct_build_opts *o, const char *slug, size_t sheets, size_t sigs)
{
    const char *dir = o->outdir ? o->outdir : "out";
    oct_buf b = OCT_BUF_INIT;
    oct_buf_printf(&b, "octavo: %s/%s.pdf: %zu sheet%s", dir, slug, sheets, sheets == 1 ? "" : "s");
    if (sigs > 1)
        oct_buf_printf(&b,
                       " in %zu signatures, print duplex, flip on the short edge, fold each "
                       "signature, stack them in order and sew\n",
                       sigs);
    else
        oct_buf_puts(&b, ", print duplex, flip on the short edge, fold and staple\n");
    say(o, b.data);
    oct_buf_free(&b);
}

/* The counts a run's messages are compared against, per booklet. */
typedef struct {
    const oct_manifest *m;
    size_t errors, warnings;
} booklet_start;

/* Every output format into the stage; renamed into place only when all
 * of them are whole and no error (nor a warning under -W error) came up. */
static int write_outputs(const oct_tree *t, oct_prep *prep, const oct_buf *bank,
                         const booklet_start *b, const oct_build_opts *o, oct_diag *diag)
{
    oct_stage st;
    if (oct_stage_open(&st, o->outdir, diag) != 0) {
        oct_stage_release(&st);
        return OCT_EXIT_IO;
    }
    const char *slug = b->m->slug ? b->m->slug : "booklet";
    int rc = 0;
    size_t sheets = 0, sigs = 0;
    oct_backend_run r = {.pdf = o->formats & OCT_FMT_PDF,
                         .epub = o->formats & OCT_FMT_EPUB,
                         .sheets = &sheets,
                         .signatures = &sigs};
    if (r.pdf && !(r.pdf_path = staged(&st, slug, "pdf", diag))) rc = OCT_EXIT_IO;
    if (!rc && r.epub && !(r.epub_path = staged(&st, slug, "epub", diag))) rc = OCT_EXIT_IO;
    if (!rc && oct_cli_backends(t, prep, &r, o, diag) != 0) rc = OCT_EXIT_IO;
    if (!rc && (o->formats & OCT_FMT_JSON)) {
        const char *p = staged(&st, slug, "json", diag);
        if (!p || write_json(bank, p, diag) != 0) rc = OCT_EXIT_IO;
    }
    if (!rc && (o->formats & (OCT_FMT_ANKI | OCT_FMT_APKG))) rc = write_anki(t, o, &st, slug, diag);
    /* A backend that reported an error about the input (not I/O) still failed. */
    if (!rc && oct_diag_count(diag, OCT_ERROR) > b->errors) rc = OCT_EXIT_INPUT;
    if (!rc && werror_stop(o, diag, b->warnings, b->m->path)) rc = OCT_EXIT_INPUT;
    if (!rc && oct_stage_commit(&st, diag, wrote, (void *)o) != 0) rc = OCT_EXIT_IO;
    if (!rc && sheets && !o->quiet) print_howto(o, slug, sheets, sigs);
    oct_stage_release(&st);
    return rc;
}

/* `octavo check`: the backends lay the booklet out in memory, so their
 * warnings (missing glyphs, bad metadata) come up, but nothing is written. */
static int check_outputs(const oct_tree *t, oct_prep *prep, const booklet_start *b,
                         const oct_build_opts *o, oct_diag *diag)
{
    oct_backend_run r = {.pdf = o->formats & OCT_FMT_PDF,
                         .epub = o->formats & OCT_FMT_EPUB,
                         .epub_after_failed_pdf = true};
    int rc = oct_cli_backends(t, prep, &r, o, diag) != 0 ? OCT_EXIT_INPUT : 0;
    if (!rc && oct_diag_count(diag, OCT_ERROR) > b->errors) rc = OCT_EXIT_INPUT;
    if (!rc && werror_stop(o, diag, b->warnings, b->m->path)) rc = OCT_EXIT_INPUT;
    return rc;
}

/* The layout's name: --layout, else the card layout for flashcards, else
 * the manifest's, else a4. Known before the tree (it is loaded beside it). */
static const char *layout_name(const oct_manifest *m, const oct_build_opts *o)
{
    const char *mode = o->mode ? o->mode : m->mode;
    /* flashcards are set on the card layout unless --layout names another */
    bool cards = mode && oct_mode_name(mode) && strcmp(oct_mode_name(mode), "flashcards") == 0;
    return o->layout ? o->layout : cards ? "flashcards" : m->layout ? m->layout : "a4";
}

static int build_one(const oct_manifest *m, const oct_build_opts *o, oct_diag *diag)
{
    booklet_start b = {m, oct_diag_count(diag, OCT_ERROR), oct_diag_count(diag, OCT_WARNING)};
    int status = 0;
    oct_buf bank = OCT_BUF_INIT;
    bool want_bank = (o->formats & OCT_FMT_JSON) && !o->check;
    oct_prep *prep =
        oct_cli_prep_start_imposed(layout_name(m, o), o->formats & OCT_FMT_PDF, o->impose,
                                   o->lang       ? o->lang
                                   : m->language ? m->language
                                                 : "en",
                                   diag);
    oct_hl_ahead *ahead = NULL;
    bool coloured = o->formats & (OCT_FMT_PDF | OCT_FMT_EPUB);
    oct_tree *t = oct_cli_load_tree_ahead(m, o, diag, &status, want_bank ? &bank : NULL,
                                          coloured ? &ahead : NULL);
    if (o->stats) {
        o->stats->booklets++;
        o->stats->sources += m->nsources;
    }
    int rc = !t ? (status ? status : OCT_EXIT_INPUT) : 0;
    if (t && !o->check && werror_stop(o, diag, b.warnings, m->path)) rc = OCT_EXIT_INPUT;
    if (!rc && oct_cli_prep_finish(prep, o, diag) != 0) rc = OCT_EXIT_INPUT;
    if (!rc) {
        /* the booklets and decks set their language's quotation marks; the
         * JSON bank (written above, as `inspect --json` writes it) keeps
         * the text as written */
        oct_tree_smart_quotes(t);
        const oct_layout *layout = oct_cli_prep_layout(prep);
        /* the layout's mode, when neither --mode nor the manifest chose */
        if (!o->mode && !m->mode && layout->mode) t->meta.mode = layout->mode;
        rc = o->check ? check_outputs(t, prep, &b, o, diag)
                      : write_outputs(t, prep, &bank, &b, o, diag);
    }
    oct_hl_ahead_free(ahead);
    oct_cli_prep_free(prep);
    oct_tree_free(t);
    oct_buf_free(&bank);
    return rc;
}

/* Options of build and check into o and diag; returns -1 to go on, else
 * the exit status (after --help or a usage error). */
static int parse_options(int argc, char **argv, oct_build_opts *o, oct_timings *timings,
                         oct_diag *diag)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},  {"format", required_argument, NULL, 'f'},
        {"layout", required_argument, NULL, 'l'},  {"lang", required_argument, NULL, 'L'},
        {"keep-filler", no_argument, NULL, 'k'},   {"quiet", no_argument, NULL, 'q'},
        {"no-merge", no_argument, NULL, 'M'},      {"group-by", required_argument, NULL, 'g'},
        {"mode", required_argument, NULL, 'm'},    {"impose", required_argument, NULL, 'I'},
        {"timings", no_argument, NULL, 'T'},       {"help", no_argument, NULL, 'h'},
        {"depfile", required_argument, NULL, 'P'}, {"diagnostics", required_argument, NULL, 'D'},
        {"jobs", required_argument, NULL, 'j'},    {NULL, 0, NULL, 0},
    };
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:f:l:W:j:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'o':
            o->outdir = optarg;
            break;
        case 'f':
            if (parse_formats(optarg, &o->formats) != 0) {
                fprintf(stderr,
                        "octavo: error: unknown format in '%s' (pdf, epub, json, anki, apkg) "
                        "[usage]\n",
                        optarg);
                return OCT_EXIT_USAGE;
            }
            break;
        case 'l':
            o->layout = optarg;
            break;
        case 'm':
            if (oct_cli_parse_mode(optarg, &o->mode) != 0) return OCT_EXIT_USAGE;
            break;
        case 'I':
            if (strcmp(optarg, "saddle") != 0 && strcmp(optarg, "none") != 0) {
                fprintf(stderr,
                        "octavo: error: --impose must be 'saddle' or 'none', not '%s' "
                        "[usage]\n",
                        optarg);
                return OCT_EXIT_USAGE;
            }
            o->impose = optarg;
            break;
        case 'q':
            o->quiet = true;
            break;
        case 'P':
            o->depfile = optarg;
            break;
        case 'W':
            if (oct_cli_warning_option(diag, optarg, &o->werror) != 0) return OCT_EXIT_USAGE;
            break;
        case 'D':
            if (oct_cli_diagnostics_option(diag, optarg) != 0) return OCT_EXIT_USAGE;
            break;
        case 'j':
            if (oct_cli_parse_jobs(optarg, &o->jobs) != 0) return OCT_EXIT_USAGE;
            break;
        default: {
            int r = oct_cli_shared_option(c, optarg, o, timings, usage_build);
            if (r >= 0) return r;
        }
        }
    }
    return -1;
}

static void print_summary(const oct_run_stats *s, const oct_diag *diag)
{
    size_t e = oct_diag_count(diag, OCT_ERROR), w = oct_diag_count(diag, OCT_WARNING);
    size_t n = oct_diag_count(diag, OCT_NOTE);
    printf("check: %zu booklet%s, %zu source%s, %zu question%s, %zu page%s, %zu error%s, "
           "%zu warning%s, %zu note%s\n",
           s->booklets, s->booklets == 1 ? "" : "s", s->sources, s->sources == 1 ? "" : "s",
           s->questions, s->questions == 1 ? "" : "s", s->pages, s->pages == 1 ? "" : "s", e,
           e == 1 ? "" : "s", w, w == 1 ? "" : "s", n, n == 1 ? "" : "s");
}

static int run(int argc, char **argv, bool check, oct_build_report *rep)
{
    oct_build_opts o = {
        .outdir = "out", .formats = OCT_FMT_PDF | OCT_FMT_EPUB, .arrange = true, .check = check};
    oct_timings timings;
    oct_timings_begin(&timings);
    oct_diag *diag = oct_diag_new(stderr);
    int rc = parse_options(argc, argv, &o, &timings, diag);
    if (rc >= 0) {
        oct_diag_free(diag);
        return rc;
    }
    char *dflt[] = {"content"};
    char **inputs = optind < argc ? argv + optind : dflt;
    int ninputs = optind < argc ? argc - optind : 1;

    oct_deps *own = !(rep && rep->deps) && o.depfile ? oct_deps_new() : NULL;
    oct_deps *deps = own ? own : (rep ? rep->deps : NULL);
    oct_deps *prev = oct_deps_record_to(deps);
    oct_run_stats stats = {0};
    if (check) o.stats = &stats;
    o.progress = oct_progress_new(stderr, !o.quiet && isatty(fileno(stderr)));
    oct_diag_set_before_print(diag, oct_progress_clear, o.progress);
    oct_booklets books;
    double clock = oct_timings_now(o.timings);
    rc = oct_cli_collect(inputs, ninputs, &books, diag);
    oct_timings_lap(o.timings, OCT_PHASE_LOAD, clock);
    for (size_t i = 0; i < books.len; i++)
        oct_progress_expect_sources(o.progress, books.items[i].nsources);
    int jobs = o.jobs ? o.jobs : oct_cli_default_jobs();
    if (jobs > 1 && books.len > 1) {
        int r = oct_cli_build_jobs(&books, jobs, &o, diag, build_one);
        if (r > rc) rc = r;
    }
    for (size_t i = 0; (jobs < 2 || books.len < 2) && i < books.len; i++) {
        o.exiting = !rep && i + 1 == books.len; /* not under `octavo watch` */
        int r = build_one(&books.items[i], &o, diag);
        if (r > rc) rc = r;
    }
    /* the line is wiped, and no later message may reach it */
    oct_diag_set_before_print(diag, NULL, NULL);
    oct_progress_free(o.progress);
    if (check && !o.quiet) print_summary(&stats, diag);
    oct_cli_booklets_free(&books);
    oct_deps_record_to(prev);
    if (!rc && o.depfile && !check) rc = oct_cli_write_depfile(o.depfile, deps, diag);
    oct_deps_free(own);
    if (rep) rep->errors = oct_diag_count(diag, OCT_ERROR);
    oct_diag_free(diag);
    oct_timings_print(o.timings, stderr);
    return rc;
}

int oct_cli_build_with(int argc, char **argv, oct_build_report *rep)
{
    return run(argc, argv, false, rep);
}

int oct_cmd_build(int argc, char **argv)
{
    return run(argc, argv, false, NULL);
}

int oct_cmd_check(int argc, char **argv)
{
    return run(argc, argv, true, NULL);
}
