/* The deck as Anki's text import format (2.1.55+): header lines name the
 * separator and the columns, then one note a line. No field holds a tab,
 * a line end or a double quote (html.c, notes.c), so no quoting is needed
 * and a line splits into exactly the six declared columns. */
#include "anki/anki.h"
#include "util/fileio.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int write_all(FILE *f, const oct_anki_deck *d)
{
    fputs("#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n"
          "#tags column:6\n",
          f);
    for (size_t i = 0; i < d->n; i++) {
        const oct_anki_note *n = &d->notes[i];
        fprintf(f, "%s\tBasic\t%s\t%s\t%s\t%s\n", n->guid, n->deck, n->front, n->back, n->tags);
    }
    return ferror(f) ? -1 : 0;
}

int oct_anki_write_tsv(const oct_anki_deck *d, const char *path, oct_diag *diag)
{
    char *tmp = oct_atomic_begin(path);
    FILE *f = tmp ? fopen(tmp, "wb") : NULL;
    int rc = f ? write_all(f, d) : -1;
    if (f && fclose(f) != 0) rc = -1;
    if (rc == 0 && oct_atomic_commit(tmp, path) == 0) return 0;
    oct_diag_report(diag, OCT_ERROR, path, 0, 0, "anki-write", "cannot write: %s", strerror(errno));
    if (rc != 0 && tmp) oct_atomic_abort(tmp);
    return -1;
}
