/* Flashcards as RemNote writes them (its Markdown and text exports): a
 * line "Front >> Back" (a card asked forwards), "Front << Back" (asked
 * backwards: the back is the question), "Front <> Back" (both ways),
 * "Concept :: what it is" (a concept card), "Descriptor ;; what it is"
 * (a descriptor card, often under a concept), and "Front >>>" whose
 * indented children (or following lines) are the answer. They become the
 * "Q:" and "A:" paragraphs the study pass reads, as srcards.h's do; a
 * card asked both ways is two cards, the front's and the back's. A
 * note is read so only when it holds two such cards, one of them with a
 * separator no other tool writes (">>", "<<", "<>", ";;", ">>>"), and a
 * line that reads as a shell redirection or a bit shift ("cat x >>
 * file", "a >> b shifts…") is never a card; code spans and blocks are
 * never read. Internal to src/ingest. */
#ifndef OCT_INGEST_REMNOTE_H
#define OCT_INGEST_REMNOTE_H
#include "tree/tree.h"

#include <stdbool.h>
#include <stddef.h>

/* Whether s[0..n) may hold a RemNote card at all (" >> ", " << ", " <> ",
 * " ;; ", " >>>"): a few memchr calls, so that other notes pay nothing. */
bool oct_remnote_possible(const char *s, size_t n);
/* The cards of chapter's paragraphs and list items, as Q:/A: paragraphs;
 * a list holding cards is split around them (a card's children follow
 * it: the answer of a ">>>" card, the descriptors of a concept). */
void oct_ingest_remnote(oct_tree *t, oct_node *chapter);

#endif
