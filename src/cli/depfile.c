/* `octavo build --depfile FILE`: what the build read, for Make and Ninja.
 *
 * The target is the first output written (the PDF when there is one):
 * Ninja checks a depfile's target against the first output of its build
 * edge, so a build rule lists that file first. Only files actually read
 * are listed; a directory scanned for sources is not (its time changes
 * whenever anything in it is written, outputs included, which would make
 * the target out of date for ever). */
#include "cli/cli.h"
#include "util/deps.h"
#include "util/fileio.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

int oct_cli_write_depfile(const char *path, const oct_deps *deps, oct_diag *diag)
{
    const char *target = oct_deps_first_output(deps);
    if (!target) {
        oct_diag_report(diag, OCT_ERROR, path, 0, 0, "depfile",
                        "no depfile written: the build wrote no output to name as its target");
        return OCT_EXIT_IO;
    }
    oct_buf text = OCT_BUF_INIT;
    const char *bad = NULL;
    if (oct_deps_format(deps, target, &text, &bad) != 0) {
        oct_diag_report(diag, OCT_ERROR, bad, 0, 0, "depfile",
                        "no depfile written: this path has a character Make or Ninja cannot "
                        "read in a depfile (a control character, ' \" & ; * ? | < > ^ ` or a "
                        "backslash before a space, '#' or ':')");
        oct_buf_free(&text);
        return OCT_EXIT_IO;
    }
    char *tmp = oct_atomic_begin(path);
    bool ok = tmp && oct_write_file(tmp, text.data, text.len) == 0;
    oct_buf_free(&text);
    if (ok && oct_atomic_commit(tmp, path) == 0) return 0;
    oct_diag_report(diag, OCT_ERROR, path, 0, 0, "write-failed", "cannot write the depfile: %s",
                    strerror(errno));
    if (!ok) oct_atomic_abort(tmp);
    return OCT_EXIT_IO;
}
