/* A booklet's code blocks highlighted ahead, on a worker thread, from the
 * parsed tree, while the study pass and the backends go on: a backend
 * asking for a block's colours then finds them in source-highlight's
 * cache (highlight/highlight.h: results are kept by language and text).
 *
 * Highlighting is a tenth of the Django booklet's build. Done by whichever
 * backend came first, it was on the PDF's main thread for a PDF alone;
 * beside the EPUB, it made the EPUB's thread the longer one. The blocks
 * are copied when the worker starts, so the study pass may change the
 * tree meanwhile: a block it changes is highlighted when asked for. */
#ifndef OCT_CLI_HLAHEAD_H
#define OCT_CLI_HLAHEAD_H
#include "tree/tree.h"

typedef struct oct_hl_ahead oct_hl_ahead;

/* Starts on t's code blocks with a language; NULL when there is none (or
 * no thread could be made: the backends then highlight as they go). */
oct_hl_ahead *oct_hl_ahead_start(const oct_tree *t);
/* Stops after the block in hand, joins and frees (NULL-safe). */
void oct_hl_ahead_free(oct_hl_ahead *h);

#endif
