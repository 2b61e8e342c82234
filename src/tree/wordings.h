/* What an arranged question (tree.h, "Arranged booklets") says about where
 * it comes from, as one line of text both backends print the same way:
 * the sources that ask it, and the source of each answer. */
#ifndef OCT_TREE_WORDINGS_H
#define OCT_TREE_WORDINGS_H
#include "tree/tree.h"
#include "util/buf.h"

/* A place in a source: "General Questions #12" (the source's title and
 * the number it gave the question; no number, no "#"). Appends to out. */
void oct_wording_cite(const oct_tree *t, const oct_node *w, oct_buf *out);

/* "Asked in 3 sources: A #12, #40 · B #31 · C #4" (a source that asks
 * twice is named once). Appends to out; nothing when q is asked in one
 * source (the Sources chapter and the JSON say which) or has no WORDING
 * (a booklet that was not arranged). */
void oct_question_asked_line(const oct_tree *t, const oct_node *q, oct_buf *out);

/* Whether answers get a line naming their source: q is asked in more
 * than one source or has more than one answer. */
bool oct_question_cites_answers(const oct_node *q);

/* "Answer from B #31", and " (the same in C #4, D)" naming the later
 * answers that say the same. Appends to out; nothing without
 * u.answer.from. */
void oct_answer_source_line(const oct_tree *t, const oct_node *a, oct_buf *out);

/* The text around another wording w of a question: lead "Also asked as “"
 * and tail "” — B #31", in the booklet's language (cleared first). */
void oct_wording_also_asked(const oct_tree *t, const oct_node *w, oct_buf *lead, oct_buf *tail);

/* The first WORDING child of q that has a wording of its own (differs
 * from the prompt), or after w the next one; NULL when none is left. */
const oct_node *oct_question_other_wording(const oct_node *q, const oct_node *after);

#endif
