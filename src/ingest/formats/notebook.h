/* Jupyter notebooks (.ipynb, nbformat 4, and 3's worksheets) → the
 * Markdown the rest of ingest reads, with the .ipynb line of every line.
 *
 * Markdown cells are kept as written; code cells become fenced code in the
 * notebook's language; their text outputs (stream, text/plain results,
 * errors as "ename: evalue" or their traceback without colour codes) a
 * fenced block without a language after them; raw cells literal text.
 * Pictures (outputs and a Markdown cell's attachments) are collected for
 * the images pass. What is left out (HTML-only outputs, an output's lines
 * beyond OCT_NOTEBOOK_MAX_OUTPUT_*) gets a warning [notebook-output]. */
#ifndef OCT_FORMATS_NOTEBOOK_H
#define OCT_FORMATS_NOTEBOOK_H
#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* JSON nested deeper than this is refused (error [notebook]) before
 * JSON-GLib reads it: its parser recurses, and 100,000 '[' overflow the
 * stack. A notebook nests about ten deep (widget state a little more). */
#define OCT_NOTEBOOK_MAX_DEPTH 256

/* The text of one code cell's outputs is cut after this many lines or
 * bytes (a training log, a printed array): a booklet is not a console. */
#define OCT_NOTEBOOK_MAX_OUTPUT_LINES 400
#define OCT_NOTEBOOK_MAX_OUTPUT_BYTES (64u * 1024u)

/* A picture a notebook holds (base64 in the JSON), decoded. Markdown
 * refers to it as url ("attachment:NAME" as the cell wrote it, or one
 * octavo made up for an output) between lines first..last of the .ipynb:
 * two cells may attach pictures of the same name. */
typedef struct {
    char *url;
    unsigned char *data;
    size_t len;
    int first, last;
    int cell; /* 1-based, for messages */
} oct_notebook_picture;

typedef struct oct_notebook_s {
    char *text; /* malloc'd Markdown, NUL-terminated */
    size_t len;
    int *line_map; /* line_map[i] = line of the .ipynb that text line i+1 comes from */
    /* line_cols[i] set: text line i+1 is its cell's line as written (a
     * Markdown or code cell's), so a column in it is a column in the
     * cell's line; unset for lines octavo made (fences, outputs, raw
     * cells). Columns are never those of the .ipynb: see notebook.c. */
    unsigned char *line_cols;
    size_t nlines;
    char *title; /* metadata's "title", or NULL */
    oct_notebook_picture *pictures;
    size_t npictures, cappictures;
} oct_notebook;

/* Whether a source of this name is read as a notebook (".ipynb"). */
bool oct_notebook_is_path(const char *path);

/* bytes[0..len) of the notebook `path` (for messages). Returns 0 (out
 * filled; release it) or -1 after an error [notebook] (not JSON, not a
 * notebook). A broken cell is skipped with a warning [notebook]. */
int oct_notebook_read(const char *path, const char *bytes, size_t len, oct_notebook *out,
                      oct_diag *diag);
void oct_notebook_release(oct_notebook *nb); /* NULL-safe */

/* The picture url stands for at .ipynb line `line`, or NULL. */
const oct_notebook_picture *oct_notebook_picture_at(const oct_notebook *nb, const char *url,
                                                    int line);

#endif
