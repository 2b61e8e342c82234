/* Anki's cloze deletions, "{{c1::words}}" and "{{c1::words::hint}}": in a
 * deck a line holding one is a card, its question the line with each
 * cloze blanked ("[...]", or "[hint]"), its answer the line with the words
 * in bold; anywhere else a cloze prints its words in bold (as a highlight
 * does) and its hint is left out with a note [cloze]. Internal to
 * src/ingest. */
#ifndef OCT_INGEST_CLOZE_H
#define OCT_INGEST_CLOZE_H
#include "diag.h"
#include "tree/tree.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    OCT_CLOZE_SHOW,  /* the words in bold, the hint left out */
    OCT_CLOZE_BLANK, /* "[...]" or "[hint]" in the words' place */
} oct_cloze_mode;

/* The lines of clozes with a hint, in order (malloc'd; n entries). */
typedef struct {
    int *lines;
    size_t n, cap;
} oct_cloze_hints;

/* Whether s[0..n) may hold a cloze ("{{c1::"). */
bool oct_cloze_possible(const char *s, size_t n);
/* The clozes among the inline siblings [first, stop) (stop NULL: to the
 * end), each replaced as mode says; hints (when not NULL) gets the line of
 * each that had a hint. Returns how many there were. */
int oct_cloze_mark(oct_tree *t, oct_node *first, const oct_node *stop, oct_cloze_mode mode,
                   oct_cloze_hints *hints);
/* Every cloze left in chapter (outside cards) shown in bold; one note
 * names the lines whose hints are left out. */
void oct_ingest_cloze(oct_tree *t, oct_node *chapter, const char *path, oct_diag *diag);

#endif
