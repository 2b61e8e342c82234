/* `octavo normalize -o notes.md notes.docx` writes notes.md and the
 * document's pictures into notes_files/ beside it, the folder a browser
 * saving a page, or nbconvert a notebook, makes: the Markdown's links
 * name notes_files/image1.png, so the notes build with their pictures
 * wherever the two are moved together. On standard output no file is
 * written beside the reader's back: the links name the folder -o would
 * make, and a note for each picture says where it is and how to have it
 * written (normalize_out.h). */
#include "cli/normalize_out.h"

#include "cli/cli.h"
#include "util/buf.h"
#include "util/fileio.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The file name of path without its directory and its last extension. */
static void stem(const char *path, oct_buf *out)
{
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    oct_buf_put(out, base, n);
}

char *oct_normalize_pictures_dir(const char *output, const char *input)
{
    oct_buf b = OCT_BUF_INIT;
    stem(output ? output : strcmp(input, "<stdin>") ? input : "notes", &b);
    if (!b.len) oct_buf_puts(&b, "notes");
    oct_buf_puts(&b, "_files");
    return oct_buf_detach(&b);
}

/* data written to path through a temporary file renamed over it. */
static int write_atomic(const char *path, const char *data, size_t len, oct_diag *diag)
{
    char *tmp = oct_atomic_begin(path);
    if (tmp && oct_write_file(tmp, data, len) == 0 && oct_atomic_commit(tmp, path) == 0) return 0;
    int e = errno;
    if (tmp) oct_atomic_abort(tmp);
    oct_diag_report(diag, OCT_ERROR, path, 0, 0, "write-failed", "cannot write: %s", strerror(e));
    return -1;
}

int oct_normalize_emit(const char *output, const char *data, size_t len, oct_diag *diag)
{
    if (output) return write_atomic(output, data, len, diag) == 0 ? OCT_EXIT_OK : OCT_EXIT_IO;
    fwrite(data, 1, len, stdout);
    return fflush(stdout) != 0 ? OCT_EXIT_IO : OCT_EXIT_OK;
}

/* Standard output: where each picture is, and the command that writes it. */
static void note_pictures(const oct_doc_pictures *pics, const char *input, oct_diag *diag)
{
    bool in = strcmp(input, "<stdin>") != 0;
    size_t n = strlen(pics->dir) - strlen("_files"); /* notes_files is -o notes.md's */
    for (size_t i = 0; i < pics->npics; i++)
        oct_diag_report(diag, OCT_NOTE, input, pics->pics[i].line, 1, "normalize-picture",
                        "picture '%s' stays inside the package: the Markdown on standard output "
                        "links it as %s/%s, where `octavo normalize %s -o %.*s.md` writes it",
                        pics->pics[i].part, pics->dir, pics->pics[i].name, in ? input : "FILE",
                        (int)n, pics->dir);
}

int oct_normalize_write_pictures(oct_doc *doc, const oct_doc_pictures *pics, const char *output,
                                 const char *input, oct_diag *diag)
{
    if (!pics->npics) return OCT_EXIT_OK;
    if (!output) {
        note_pictures(pics, input, diag);
        return OCT_EXIT_OK;
    }
    /* the folder beside the output file */
    oct_buf dir = OCT_BUF_INIT;
    const char *slash = strrchr(output, '/');
    if (slash) oct_buf_put(&dir, output, (size_t)(slash - output) + 1);
    oct_buf_puts(&dir, pics->dir);
    int rc = OCT_EXIT_OK;
    if (oct_mkdirs(dir.data) != 0) {
        oct_diag_report(diag, OCT_ERROR, dir.data, 0, 0, "write-failed",
                        "cannot make the pictures' folder: %s", strerror(errno));
        rc = OCT_EXIT_IO;
    }
    for (size_t i = 0; rc == OCT_EXIT_OK && i < pics->npics; i++) {
        char *data = NULL, why[240];
        size_t len = 0;
        if (oct_doc_part(doc, pics->pics[i].part, &data, &len, why, sizeof why) != 0) {
            /* the reader read it: only a package changed since fails here */
            oct_diag_report(diag, OCT_ERROR, input, pics->pics[i].line, 1, "write-failed",
                            "picture '%s' cannot be written out: %s", pics->pics[i].part, why);
            rc = OCT_EXIT_IO;
            break;
        }
        oct_buf path = OCT_BUF_INIT;
        oct_buf_printf(&path, "%s/%s", dir.data, pics->pics[i].name);
        if (write_atomic(path.data, data, len, diag) != 0) rc = OCT_EXIT_IO;
        oct_buf_free(&path);
        free(data);
    }
    oct_buf_free(&dir);
    return rc;
}
