/* Writing a notebook's cells as Markdown (internal to src/ingest/formats):
 * notebook.c walks the cells, nb_outputs.c writes a code cell's outputs. */
#ifndef OCT_FORMATS_NB_CELLS_H
#define OCT_FORMATS_NB_CELLS_H
#include "ingest/formats/nb_json.h"
#include "ingest/formats/nb_text.h"
#include "ingest/formats/notebook.h"

typedef struct {
    const char *path;
    oct_diag *diag;
    nb_doc doc;
    oct_notebook *nb;
    nb_lines md;         /* the Markdown being written */
    const char *lang;    /* the code cells' language, or NULL */
    int cell;            /* 1-based number of the cell being written */
    int cell_line;       /* its line in the .ipynb */
    unsigned char *cols; /* per Markdown line: oct_notebook.line_cols */
    size_t ncols, capcols;
} nb_writer;

/* Marks the Markdown lines written since the last mark: as their cell's
 * lines as written (verbatim) or not. */
void nb_mark_lines(nb_writer *w, bool verbatim);

/* Appends lines as a fenced block (info string lang, or none) and a blank
 * line; the fence is longer than any run of backticks inside. */
void nb_write_fenced(nb_writer *w, const nb_lines *lines, const char *lang);
/* A picture's data (a string or an array of them: base64, or an SVG's
 * text) becomes notebook picture url, for cell w->cell between lines
 * first..last. Returns 0, or -1 when there are no bytes (nothing stored). */
int nb_add_picture(nb_writer *w, const char *url, JsonNode *data, bool base64, int first, int last);
/* Closes what Markdown cell src leaves open at its end (a fence; an HTML
 * block that only its end tag or "-->" ends, with an [html-unclosed]
 * warning), so that it cannot swallow the cells after it. */
void nb_close_cell(nb_writer *w, const nb_lines *src);
/* The outputs of the code cell `cell` (v4 and v3 forms), after its code. */
void nb_write_outputs(nb_writer *w, JsonObject *cell);

#endif
