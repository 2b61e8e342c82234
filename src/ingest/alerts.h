/* Callouts: a block quote that opens with a marker "[!type]" is one.
 * GitHub's alerts put "[!NOTE]", "[!TIP]", "[!IMPORTANT]", "[!WARNING]" or
 * "[!CAUTION]" on its own line; Obsidian's callouts take any type (note,
 * summary, info, todo, tip, done, question, warning, failed, danger, bug,
 * example, quote and their aliases, or the writer's own), a fold sign
 * ('+', '-') and a title on the marker's line. As both print it, the
 * marker becomes a bold title line at the head of the quote: the title
 * written after it, else the type's name. A question callout with a title
 * ("> [!faq] Why ...?") leaves the quote: its title a bold paragraph, its
 * body after it, which the study pass reads as a question and its answer.
 * Internal to src/ingest. */
#ifndef OCT_INGEST_ALERTS_H
#define OCT_INGEST_ALERTS_H
#include "tree/tree.h"

void oct_ingest_alerts(oct_tree *t, oct_node *chapter);

#endif
