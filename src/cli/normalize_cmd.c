#include "cli/cli.h"
#include "ingest/formats/notebook.h"
#include "ingest/formats/formats.h"
#include "ingest/formats/markup.h"
#include "ingest/ingest.h"
#include "ingest/normalize.h"
#include "util/buf.h"
#include "util/fileio.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* `octavo normalize FILE|-`: the cleaned CommonMark octavo parses, so users
 * can fix their notes for good. Diagnostics go to stderr as usual. */

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

/* What a source's bytes are for the normalizer: 0 text to normalize (a
 * notebook's become its cells as Markdown, *bytes replaced); 1 Markdown
 * to print as it is (a Word or OpenDocument text's tree written back, as
 * the reader built it); -1 after an error was reported (*bytes freed). */
static int as_text(const char *name, char **bytes, size_t *len, oct_diag *diag)
{
    if (oct_notebook_is_path(name)) {
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
    if (rc == 0) rc = oct_doc_markdown(doc, name, &md, diag);
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

int oct_cmd_normalize(int argc, char **argv)
{
    bool keep_filler = false;
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--keep-filler") == 0)
            keep_filler = true;
        else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            puts("usage: octavo normalize [--keep-filler] FILE|-");
            return OCT_EXIT_OK;
        } else if (!path)
            path = argv[i];
        else
            path = NULL, i = argc;
    }
    if (!path) {
        fputs("usage: octavo normalize [--keep-filler] FILE|-\n", stderr);
        return OCT_EXIT_USAGE;
    }
    int is_stdin = strcmp(path, "-") == 0;
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
    int kind = is_stdin ? 0 : as_text(name, &bytes, &len, diag);
    if (kind != 0) {
        if (kind > 0) fwrite(bytes, 1, len, stdout);
        rc = kind < 0 ? OCT_EXIT_INPUT : fflush(stdout) != 0 ? OCT_EXIT_IO : OCT_EXIT_OK;
        free(bytes);
        oct_diag_free(diag);
        return rc;
    }
    /* decoded: legacy charset converted, mojibake repaired, XML-safe */
    size_t dlen = 0;
    char *decoded = oct_ingest_decode(name, bytes, len, &dlen, diag);
    /* what it shows is how a .txt reads: standard input is one */
    oct_normalize_options no = {.keep_filler = keep_filler,
                                .plain = is_stdin || oct_ingest_is_plain_text(name)};
    oct_normalized n = {0};
    char *lang = NULL; /* an Org or rst source shows the Markdown its reader writes */
    if (decoded && !is_stdin && oct_markup_read(name, decoded, dlen, &n, &lang, diag)) {
        free(lang);
        fwrite(n.text, 1, n.len, stdout);
        if (fflush(stdout) != 0) rc = OCT_EXIT_IO;
        oct_normalized_release(&n);
    } else if (!decoded || oct_normalize(name, decoded, dlen, &no, &n, diag) != 0) {
        rc = OCT_EXIT_INPUT;
    } else {
        fwrite(n.text, 1, n.len, stdout);
        if (fflush(stdout) != 0) rc = OCT_EXIT_IO;
        oct_normalized_release(&n);
    }
    free(decoded);
    free(bytes);
    oct_diag_free(diag);
    return rc;
}
