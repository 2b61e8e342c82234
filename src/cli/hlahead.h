/* A booklet's code blocks highlighted ahead, on a worker thread, as each
 * source is parsed, while the other sources are read, the tree is
 * studied and the backends go on: a backend asking for a block's colours
 * then finds them in source-highlight's cache (highlight/highlight.h:
 * results are kept by language and text).
 *
 * Highlighting is a tenth of the Django booklet's build, and building a
 * language's rules from its definition is most of that. Started only once
 * the whole tree was read, the worker was still building them when the
 * PDF met its first code block, so the PDF's thread highlighted most
 * blocks itself. The blocks are copied when they are added, so the study
 * pass may change the tree meanwhile: a block it changes is highlighted
 * when asked for. */
#ifndef OCT_CLI_HLAHEAD_H
#define OCT_CLI_HLAHEAD_H
#include "tree/tree.h"

typedef struct oct_hl_ahead oct_hl_ahead;

/* An empty queue; its thread starts with the first block added. */
oct_hl_ahead *oct_hl_ahead_new(void);
/* Queues the code blocks with a language under n (a source's chapter). */
void oct_hl_ahead_add(oct_hl_ahead *h, oct_node *n);
/* No more blocks will come: the worker ends when it has done the queue. */
void oct_hl_ahead_close(oct_hl_ahead *h);
/* Stops after the block in hand, joins and frees (NULL-safe). */
void oct_hl_ahead_free(oct_hl_ahead *h);

#endif
