/* Quiz mode (answerkey.c): the line under a question that sends the reader
 * to its answer ("Answer on p. 47", a link), and the answer key at the
 * back, each entry linking back. The line is laid out before the key has
 * pages, so it is set once with a stand-in number and set again with the
 * real one once the body is paginated: its height does not change, so
 * neither does the pagination. */
#ifndef OCT_PDF_ANSWERKEY_H
#define OCT_PDF_ANSWERKEY_H
#include "pdf/internal.h"

void pdf_layout_answer_link(oct_pdf *p, const pdf_ctx *in, const oct_node *q);
void pdf_layout_answer_key(oct_pdf *p);
/* Sets the page of its key entry into every answer line (after the body's
 * pagination and pdf_collect_anchors). */
void pdf_answer_links_resolve(oct_pdf *p);
void pdf_answer_links_free(oct_pdf *p);

#endif
