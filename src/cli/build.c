#include "anki/anki.h"
#include "cli/cli.h"
#include "config/layout.h"
#include "epub/epub.h"
#include "pdf/pdf.h"
#include "util/fileio.h"
#include "util/xalloc.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage_build(FILE *f)
{
    fputs("usage: octavo build [DIR | booklet.yaml | FILE...] [-o OUTDIR] [--format FORMATS]\n"
          "                    [--layout NAME|FILE] [--lang TAG] [--group-by topic|source]\n"
          "                    [--mode study|quiz|flashcards] [--keep-filler] [--no-merge] "
          "[--timings]\n"
          "                    [-W error] [-q]\n"
          "  --format   comma-separated: pdf, epub (the default: both), json (the question\n"
          "             bank as `octavo inspect --json` prints it, <slug>.json), anki (an\n"
          "             Anki text deck, <slug>.anki.txt), apkg (an Anki package, <slug>.apkg)\n"
          "  --mode quiz  the questions alone, their answers in a key at the back that\n"
          "               links back (EPUB: answers as pop-up notes)\n"
          "  --mode flashcards  cards to print duplex and cut (layouts/flashcards.yaml):\n"
          "               question in front, answer behind (EPUB: cards with pop-ups)\n"
          "  --timings  print the wall time of each phase (load, decode, parse, study,\n"
          "             pdf, epub) and the total to stderr after the build\n",
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

static char *out_path(const char *dir, const char *slug, const char *ext)
{
    size_t n = strlen(dir) + strlen(slug) + strlen(ext) + 3;
    char *p = oct_xmalloc(n);
    snprintf(p, n, "%s/%s.%s", dir, slug, ext);
    return p;
}

static int write_pdf(const oct_tree *t, const oct_layout *l, const char *path, oct_diag *d)
{
    oct_pdf *p = oct_pdf_new(l, d);
    int rc = (p && oct_pdf_render(p, t) == 0 && oct_pdf_close(p, path) == 0) ? 0 : -1;
    oct_pdf_free(p);
    return rc;
}

static int write_epub(const oct_tree *t, const oct_layout *l, const char *path, oct_diag *d)
{
    oct_epub *e = oct_epub_new(l, d);
    int rc = (e && oct_epub_render(e, t) == 0 && oct_epub_close(e, path) == 0) ? 0 : -1;
    oct_epub_free(e);
    return rc;
}

/* The question bank, as `inspect --json` prints it: temporary file, then
 * rename, so a failed write leaves any previous file as it was. */
static int write_json(const oct_buf *bank, const char *path, oct_diag *d)
{
    char *tmp = oct_atomic_begin(path);
    FILE *f = tmp ? fopen(tmp, "wb") : NULL;
    bool ok = f && fwrite(bank->data, 1, bank->len, f) == bank->len;
    if (f && fclose(f) != 0) ok = false;
    if (ok && oct_atomic_commit(tmp, path) == 0) return 0;
    oct_diag_report(d, OCT_ERROR, path, 0, 0, "write-failed", "cannot write: %s", strerror(errno));
    if (!ok) oct_atomic_abort(tmp);
    return -1;
}

/* The Anki deck (OCT_FMT_ANKI: <slug>.anki.txt, OCT_FMT_APKG: <slug>.apkg). */
static int write_anki(const oct_tree *t, const oct_build_opts *o, const char *slug, oct_diag *d)
{
    oct_anki_deck deck;
    oct_anki_deck_build(&deck, t);
    int rc = 0;
    for (int k = 0; k < 2 && !rc; k++) {
        if (!(o->formats & (k ? OCT_FMT_APKG : OCT_FMT_ANKI))) continue;
        char *p = out_path(o->outdir, slug, k ? "apkg" : "anki.txt");
        rc = k ? oct_anki_write_apkg(&deck, p, d) : oct_anki_write_tsv(&deck, p, d);
        if (!rc && !o->quiet) printf("octavo: wrote %s\n", p);
        free(p);
    }
    oct_anki_deck_free(&deck);
    return rc ? OCT_EXIT_IO : 0;
}

static int build_one(const oct_manifest *m, const oct_build_opts *o, oct_diag *diag)
{
    size_t errors_before = oct_diag_count(diag, OCT_ERROR);
    size_t warnings_before = oct_diag_count(diag, OCT_WARNING);
    int status = 0;
    oct_buf bank = OCT_BUF_INIT;
    oct_tree *t =
        oct_cli_load_tree_bank(m, o, diag, &status, (o->formats & OCT_FMT_JSON) ? &bank : NULL);
    if (!t) return status;
    if (o->werror && oct_diag_count(diag, OCT_WARNING) > warnings_before) {
        oct_diag_report(diag, OCT_ERROR, m->path, 0, 0, "werror",
                        "warnings treated as errors (-W error); nothing written");
        oct_tree_free(t);
        oct_buf_free(&bank);
        return OCT_EXIT_INPUT;
    }
    const char *data = oct_cli_data_dir();
    char layouts[4096], fonts[4096];
    snprintf(layouts, sizeof layouts, "%s/layouts", data);
    snprintf(fonts, sizeof fonts, "%s/fonts", data);
    /* flashcards are set on the card layout unless --layout names another */
    bool cards = t->meta.mode && strcmp(t->meta.mode, "flashcards") == 0;
    const char *lname = o->layout ? o->layout : cards ? "flashcards" : m->layout ? m->layout : "a4";
    oct_layout layout;
    memset(&layout, 0, sizeof layout);
    double clock = oct_timings_now(o->timings);
    int lrc = oct_layout_load(lname, layouts, fonts, &layout, diag);
    clock = oct_timings_lap(o->timings, OCT_PHASE_LOAD, clock);
    if (lrc != 0) {
        oct_tree_free(t);
        oct_buf_free(&bank);
        return OCT_EXIT_INPUT;
    }
    /* the layout's mode, when neither --mode nor the manifest chose */
    if (!o->mode && !m->mode && layout.mode) t->meta.mode = layout.mode;
    int rc = 0;
    if (oct_mkdirs(o->outdir) != 0) {
        oct_diag_report(diag, OCT_ERROR, o->outdir, 0, 0, "write-failed",
                        "cannot create output directory: %s", strerror(errno));
        rc = OCT_EXIT_IO;
    }
    const char *slug = m->slug ? m->slug : "booklet";
    if (!rc && (o->formats & OCT_FMT_PDF)) {
        char *p = out_path(o->outdir, slug, "pdf");
        int wrc = write_pdf(t, &layout, p, diag);
        clock = oct_timings_lap(o->timings, OCT_PHASE_PDF, clock);
        if (wrc != 0)
            rc = OCT_EXIT_IO;
        else if (!o->quiet)
            printf("octavo: wrote %s\n", p);
        free(p);
    }
    if (!rc && (o->formats & OCT_FMT_EPUB)) {
        char *p = out_path(o->outdir, slug, "epub");
        int wrc = write_epub(t, &layout, p, diag);
        clock = oct_timings_lap(o->timings, OCT_PHASE_EPUB, clock);
        if (wrc != 0)
            rc = OCT_EXIT_IO;
        else if (!o->quiet)
            printf("octavo: wrote %s\n", p);
        free(p);
    }
    if (!rc && (o->formats & OCT_FMT_JSON)) {
        char *p = out_path(o->outdir, slug, "json");
        if (write_json(&bank, p, diag) != 0)
            rc = OCT_EXIT_IO;
        else if (!o->quiet)
            printf("octavo: wrote %s\n", p);
        free(p);
    }
    if (!rc && (o->formats & (OCT_FMT_ANKI | OCT_FMT_APKG))) rc = write_anki(t, o, slug, diag);
    /* A backend that reported an error about the input (not I/O) still failed. */
    if (!rc && oct_diag_count(diag, OCT_ERROR) > errors_before) rc = OCT_EXIT_INPUT;
    oct_layout_release(&layout);
    oct_tree_free(t);
    oct_buf_free(&bank);
    return rc;
}

int oct_cmd_build(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'}, {"format", required_argument, NULL, 'f'},
        {"layout", required_argument, NULL, 'l'}, {"lang", required_argument, NULL, 'L'},
        {"keep-filler", no_argument, NULL, 'k'},  {"quiet", no_argument, NULL, 'q'},
        {"no-merge", no_argument, NULL, 'M'},     {"group-by", required_argument, NULL, 'g'},
        {"mode", required_argument, NULL, 'm'},   {"timings", no_argument, NULL, 'T'},
        {"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0},
    };
    oct_build_opts o = {.outdir = "out", .formats = OCT_FMT_PDF | OCT_FMT_EPUB, .arrange = true};
    oct_timings timings;
    oct_timings_begin(&timings);
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:f:l:W:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'o':
            o.outdir = optarg;
            break;
        case 'f':
            if (parse_formats(optarg, &o.formats) != 0) {
                fprintf(stderr,
                        "octavo: error: unknown format in '%s' (pdf, epub, anki, apkg) [usage]\n",
                        optarg);
                return OCT_EXIT_USAGE;
            }
            break;
        case 'l':
            o.layout = optarg;
            break;
        case 'L':
            o.lang = optarg;
            break;
        case 'g':
            if (oct_cli_parse_group_by(optarg, &o.group_by) != 0) return OCT_EXIT_USAGE;
            break;
        case 'm':
            if (oct_cli_parse_mode(optarg, &o.mode) != 0) return OCT_EXIT_USAGE;
            break;
        case 'k':
            o.keep_filler = true;
            break;
        case 'M':
            o.no_merge = true;
            break;
        case 'q':
            o.quiet = true;
            break;
        case 'T':
            o.timings = &timings;
            break;
        case 'W':
            if (strcmp(optarg, "error") != 0) {
                fprintf(stderr, "octavo: error: only '-W error' is known [usage]\n");
                return OCT_EXIT_USAGE;
            }
            o.werror = true;
            break;
        case 'h':
            usage_build(stdout);
            return OCT_EXIT_OK;
        default:
            usage_build(stderr);
            return OCT_EXIT_USAGE;
        }
    }
    if (o.lang && (!*o.lang || strcmp(o.lang, "C") == 0 || strcmp(o.lang, "POSIX") == 0)) {
        fprintf(stderr, "octavo: error: --lang needs a language tag such as 'en' or 'de-CH' "
                        "[usage]\n");
        return OCT_EXIT_USAGE;
    }
    char *dflt[] = {"content"};
    char **inputs = optind < argc ? argv + optind : dflt;
    int ninputs = optind < argc ? argc - optind : 1;

    oct_diag *diag = oct_diag_new(stderr);
    oct_booklets books;
    double clock = oct_timings_now(o.timings);
    int rc = oct_cli_collect(inputs, ninputs, &books, diag);
    oct_timings_lap(o.timings, OCT_PHASE_LOAD, clock);
    for (size_t i = 0; i < books.len; i++) {
        int r = build_one(&books.items[i], &o, diag);
        if (r > rc) rc = r;
    }
    oct_cli_booklets_free(&books);
    oct_diag_free(diag);
    oct_timings_print(o.timings, stderr);
    return rc;
}
