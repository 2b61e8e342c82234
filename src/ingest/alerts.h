/* GitHub's alert blocks: a block quote that opens with "[!NOTE]", "[!TIP]",
 * "[!IMPORTANT]", "[!WARNING]" or "[!CAUTION]" on its own line is a callout.
 * GitHub prints the kind as a title instead of the marker; so does octavo:
 * the marker becomes a bold "Note", "Tip"… line at the head of the quote.
 * Internal to src/ingest. */
#ifndef OCT_INGEST_ALERTS_H
#define OCT_INGEST_ALERTS_H
#include "tree/tree.h"

void oct_ingest_alerts(oct_tree *t, oct_node *chapter);

#endif
