/* Flashcards written for spaced-repetition tools (Obsidian's Spaced
 * Repetition plugin, and the "::" cards other note apps share): a line
 * "Question::Answer" (":::" for a card learnt both ways) and, in a deck,
 * lines of a question, a line "?" (or "??"), lines of its answer. They
 * become the "Q:" and "A:" lines the study pass reads as a question and
 * its answer (it takes the labels off again). A note is a deck when it
 * carries the plugin's tag, #flashcards (or #flashcards/...), in its text
 * or its front matter's tags; outside a deck only a line whose left side
 * ends with '?' is a card, so that Dataview's "key:: value" fields and
 * "std::vector" stay text. Internal to src/ingest. */
#ifndef OCT_INGEST_SRCARDS_H
#define OCT_INGEST_SRCARDS_H
#include "tree/tree.h"
#include "util/buf.h"

#include <stdbool.h>
#include <stddef.h>

/* Whether text s[0..n) holds the tag #flashcards (or a deck below it). */
bool oct_srcards_tagged(const char *s, size_t n);
/* Whether s[i..n) is the tag's word, "flashcards", ended as a tag is (a
 * deck's name may follow after '/'): for front matter's tags too. */
bool oct_srcards_tag_at(const char *s, size_t n, size_t i);
/* Whether s[0..n) may hold a card at all (a "::" or a line "?"). */
bool oct_srcards_possible(const char *s, size_t n);
/* The cards of chapter's paragraphs, as Q:/A: lines; deck: the note is one. */
void oct_ingest_srcards(oct_tree *t, oct_node *chapter, bool deck);

/* Line helpers of the card readers (srcards.c, remnote.c). A paragraph's
 * lines are its inlines between breaks. */
/* The plain text of inline nodes [from, to) (to NULL: the line's end)
 * appended to out. */
void oct_cards_line_text(const oct_node *from, const oct_node *to, oct_buf *out);
/* The node after the break that ends the line starting at n, or NULL. */
oct_node *oct_cards_next_line(oct_node *n);
/* Puts label ("Q: ", "A: ") at the head of the line that starts at n. */
void oct_cards_label_line(oct_tree *t, oct_node *n, const char *label);
/* Moves the nodes [from, to) (to NULL: to the end) into a new paragraph
 * put before para, without the break that ended them, labelled when label
 * is given; returned (NULL when nothing was moved). */
oct_node *oct_cards_move_lines(oct_tree *t, oct_node *para, oct_node *from, oct_node *to,
                               const char *label);
/* A card side's lines as one line: soft breaks become spaces. */
void oct_cards_join_lines(oct_tree *t, oct_node *para);

#endif
