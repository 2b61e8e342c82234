/* Lines of text gathered from a notebook's strings, each with the .ipynb
 * line it came from, and the Markdown written from them (internal to
 * src/ingest/formats). */
#ifndef OCT_FORMATS_NB_TEXT_H
#define OCT_FORMATS_NB_TEXT_H
#include <stdbool.h>
#include <stddef.h>

#include "ingest/formats/nb_json.h"
#include "util/buf.h"

/* text holds n lines, each ended by '\n'; map[i] is the line of line i. */
typedef struct {
    oct_buf text;
    int *map;
    size_t n, cap;
    size_t start; /* offset of the line being written */
    bool open;    /* a line is being written (its map entry pushed) */
} nb_lines;

/* How a string is taken: a source's, or an output's (terminal colour
 * codes dropped, text before a carriage return overwritten as a terminal
 * does: a progress bar keeps its last state). */
typedef enum { NB_SOURCE, NB_OUTPUT } nb_mode;

/* Appends a cell's "source" (a string or an array of strings; anything
 * else adds nothing and returns -1) at the lines the JSON gives, fallback
 * where it gives none. A last line without '\n' is ended. */
int nb_lines_take(nb_lines *l, const nb_doc *doc, JsonNode *n, int fallback, nb_mode mode);
/* Appends the lines of s at line, as nb_lines_take does. */
void nb_lines_text(nb_lines *l, const char *s, int line, nb_mode mode);
/* Appends one line of text s (no '\n' in it) at line. */
void nb_lines_put(nb_lines *l, const char *s, size_t len, int line);
/* Keeps the first `keep` lines. */
void nb_lines_cut(nb_lines *l, size_t keep);
/* Line i: its text (without '\n') and length; walk with *pos from 0. */
const char *nb_lines_next(const nb_lines *l, size_t *pos, size_t *len);
void nb_lines_free(nb_lines *l);

/* The longest run of c in the text (a fence must be longer). */
size_t nb_longest_run(const nb_lines *l, char c);

#endif
