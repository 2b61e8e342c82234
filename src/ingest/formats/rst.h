/* reStructuredText notes (.rst, .rest: Sphinx pages, Python READMEs) read
 * as the Markdown the rest of ingest parses, each Markdown line mapped to
 * its rst line (rst.c):
 *   - section titles under- or over-and-underlined, levels in the order
 *     their styles first come; transitions;
 *   - paragraphs, "::" literal blocks, code-block/code/sourcecode, bullet,
 *     enumerated ("#." too), definition and field lists, block quotes,
 *     simple, grid (spanning cells too: rst_grid.c) and CSV tables
 *     (rst_table.c, rst_csv.c), footnotes and citations;
 *   - include:: of a file beneath the source's folder, raw:: html
 *     (rst_include.c); other raw text and autodoc dropped ([rst-dropped]);
 *   - inline literals, emphasis, hyperlinks and named targets,
 *     substitutions, roles as their text (rst_inline.c);
 *   - image and figure as pictures, note/warning/tip... as callouts;
 *   - field lists opening the document (":Author:"), targets,
 *     substitution definitions and toctrees are metadata
 *     ([rst-metadata]), comments one [rst-comment] note.
 * A directive it does not know keeps its text with an [rst-unknown]
 * warning. */
#ifndef OCT_FORMATS_RST_H
#define OCT_FORMATS_RST_H
#include "diag.h"
#include "ingest/normalize/normalize.h"

#include <stdbool.h>
#include <stddef.h>

/* Whether path names a reStructuredText file (".rst", ".rest"). */
bool oct_rst_path(const char *path);
/* As oct_org_read (org.h); *lang from a ":Language:" field. */
void oct_rst_read(const char *path, const char *text, size_t len, oct_normalized *out, char **lang,
                  oct_diag *diag);

#endif
