#include "cli/cli.h"
#include "cli/normalize_out.h"
#include "ingest/formats/notebook.h"
#include "ingest/formats/formats.h"
#include "ingest/formats/markup.h"
#include "ingest/formats/sniff.h"
#include "ingest/ingest.h"
#include "ingest/normalize/normalize.h"
#include "util/buf.h"
#include "util/fileio.h"

#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>

/* `octavo normalize [--from KIND] [-o FILE] FILE|-`: the cleaned
 * CommonMark octavo parses, so users can fix their notes for good, on
 * standard output or in FILE (normalize_out.c: a document's pictures go
 * into a folder beside it). Diagnostics go to stderr as usual. A file's
 * kind is its extension's, standard input's what its text looks like
 * (sniff.h), unless --from names it. */

#define USAGE                                                                                      \
    "usage: octavo normalize [--keep-filler] [--from org|rst|md|txt|ipynb] [-o FILE] FILE|-"

static char *read_stdin(size_t *len)
{
    oct_buf b = OCT_BUF_INIT;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0) {
        if (b.len + n > OCT_MAX_SOURCE_BYTES) {
            oct_buf_free(&b);
            errno = EFBIG;
            return NULL;
        }
        oct_buf_put(&b, chunk, n);
    }
    *len = b.len;
    return oct_buf_detach(&b);
}

/* What a source's bytes are for the normalizer, kind naming its reader
 * (--from's name, the file's, or what standard input looks like): 0 text
 * to normalize (a notebook's become its cells as Markdown, *bytes
 * replaced); 1 Markdown to print as it is (a Word or OpenDocument text's
 * tree written back, as the reader built it, its pictures written beside
 * the output or noted: *status says how that went); -1 after an error
 * was reported (*bytes freed). */
static int as_text(const char *kind, const char *name, const char *output, char **bytes,
                   size_t *len, int *status, oct_diag *diag)
{
    if (oct_notebook_is_path(kind)) {
        oct_notebook nb;
        int nrc = oct_notebook_read(name, *bytes, *len, &nb, diag);
        free(*bytes);
        *bytes = NULL;
        if (nrc != 0) return -1;
        *bytes = nb.text;
        *len = nb.len;
        nb.text = NULL;
        oct_notebook_release(&nb);
        return 0;
    }
    if (!oct_doc_is_zip(*bytes, *len)) return 0;
    oct_doc *doc = NULL;
    int rc = oct_doc_open(name, *bytes, *len, &doc, diag);
    if (rc == 1) return 0; /* another zip: refused as binary by the decoder */
    oct_buf md = OCT_BUF_INIT;
    char *dir = oct_normalize_pictures_dir(output, name);
    oct_doc_pictures pics = {.dir = dir};
    if (rc == 0) rc = oct_doc_markdown(doc, name, &pics, &md, diag);
    if (rc == 0) *status = oct_normalize_write_pictures(doc, &pics, output, name, diag);
    oct_doc_pictures_release(&pics);
    free(dir);
    oct_doc_free(doc);
    free(*bytes);
    *bytes = NULL;
    if (rc != 0) {
        oct_buf_free(&md);
        return -1;
    }
    *len = md.len;
    *bytes = md.data ? oct_buf_detach(&md) : calloc(1, 1);
    return 1;
}

/* Reads the arguments; false on a usage error. */
static bool parse_args(int argc, char **argv, bool *keep_filler, const char **from,
                       const char **path, const char **output, bool *help)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--keep-filler") == 0)
            *keep_filler = true;
        else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)
            *help = true;
        else if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) {
            if (i + 1 >= argc || !argv[i + 1][0]) return false;
            *output = argv[++i];
        } else if (strcmp(a, "--from") == 0 || strncmp(a, "--from=", 7) == 0) {
            const char *v = a[6] == '=' ? a + 7 : i + 1 < argc ? argv[++i] : NULL;
            *from = oct_sniff_named(v);
            if (!*from) {
                fprintf(stderr,
                        "octavo: normalize: --from %s: not one of org, rst, md, txt, "
                        "ipynb [usage]\n",
                        v ? v : "(nothing)");
                return false;
            }
        } else if (!*path)
            *path = a;
        else
            return false;
    }
    return *path || *help;
}

/* Whether -o names the source itself, which writing would destroy. */
static bool same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

int oct_cmd_normalize(int argc, char **argv)
{
    bool keep_filler = false, help = false;
    const char *path = NULL, *from = NULL, *output = NULL;
    if (!parse_args(argc, argv, &keep_filler, &from, &path, &output, &help)) {
        fputs(USAGE "\n", stderr);
        return OCT_EXIT_USAGE;
    }
    if (help) {
        puts(USAGE);
        return OCT_EXIT_OK;
    }
    int is_stdin = strcmp(path, "-") == 0;
    if (output && (!strcmp(output, "-") || (!is_stdin && same_file(path, output)))) {
        fprintf(stderr, "octavo: normalize: -o %s: %s [usage]\n", output,
                strcmp(output, "-") ? "that is the source itself"
                                    : "standard output is the default");
        return OCT_EXIT_USAGE;
    }
    const char *name = is_stdin ? "<stdin>" : path;
    size_t len = 0;
    char *bytes =
        is_stdin ? read_stdin(&len) : oct_read_file(path, oct_ingest_max_bytes(path), &len);
    oct_diag *diag = oct_diag_new(stderr);
    int rc = OCT_EXIT_OK;
    if (!bytes) {
        int e = errno;
        oct_diag_report(diag, OCT_ERROR, name, 0, 0, "read-failed", "cannot read: %s", strerror(e));
        oct_diag_free(diag);
        return e == ENOENT || e == EFBIG ? OCT_EXIT_INPUT : OCT_EXIT_IO;
    }
    /* the name that chooses the reader: --from's, else the file's own,
     * else what standard input's text looks like */
    const char *kind = from ? from : is_stdin ? oct_sniff_kind(bytes, len) : path;
    int status = OCT_EXIT_OK, as = as_text(kind, name, output, &bytes, &len, &status, diag);
    if (as != 0) {
        rc = as < 0                  ? OCT_EXIT_INPUT
             : status != OCT_EXIT_OK ? status
                                     : oct_normalize_emit(output, bytes, len, diag);
        free(bytes);
        oct_diag_free(diag);
        return rc;
    }
    /* decoded: legacy charset converted, mojibake repaired, XML-safe */
    size_t dlen = 0;
    char *decoded = oct_ingest_decode(name, bytes, len, &dlen, diag);
    oct_normalize_options no = {.keep_filler = keep_filler,
                                .plain = oct_ingest_is_plain_text(kind)};
    oct_normalized n = {0};
    char *lang = NULL; /* an Org or rst source shows the Markdown its reader writes */
    if (decoded && oct_markup_read_as(kind, name, decoded, dlen, &n, &lang, diag)) {
        free(lang);
        rc = oct_normalize_emit(output, n.text, n.len, diag);
        oct_normalized_release(&n);
    } else if (!decoded || oct_normalize(name, decoded, dlen, &no, &n, diag) != 0) {
        rc = OCT_EXIT_INPUT;
    } else {
        rc = oct_normalize_emit(output, n.text, n.len, diag);
        oct_normalized_release(&n);
    }
    free(decoded);
    free(bytes);
    oct_diag_free(diag);
    return rc;
}
