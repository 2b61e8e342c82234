/* The question limit (oct_limits.h): questions past OCT_LIMIT_QUESTIONS in
 * a booklet stay in it as ordinary blocks, so a source of twenty thousand
 * "What is …?" lines cannot make clustering and the question pages the
 * bulk of a build. */
#include "oct_limits.h"
#include "study/study.h"
#include "study/study_int.h"
#include "tree/anchors.h"

#include <stdlib.h>

/* QUESTION → PARAGRAPH (the prompt's inlines, the anchors) followed by the
 * blocks of its ANSWER(s), in its place. */
static void unwrap_question(oct_tree *t, oct_node *q)
{
    oct_node *para = oct_node_new(t, OCT_PARAGRAPH, q->span);
    oct_node_move_anchors(t, q, para);
    oct_node_insert_before(q, para);
    /* (insert and append unlink the node they move) */
    while (q->first) {
        oct_node *c = q->first;
        if (c->kind == OCT_ANSWER || c->kind == OCT_WORDING) {
            oct_node_unlink(c);
            while (c->first) {
                oct_node *b = c->first;
                if (c->kind == OCT_ANSWER)
                    oct_node_insert_before(q, b);
                else
                    oct_node_unlink(b);
            }
        } else if (oct_kind_is_inline(c->kind)) {
            oct_node_append(para, c);
        } else {
            oct_node_insert_before(q, c);
        }
    }
    if (!para->first) oct_node_unlink(para);
    oct_node_unlink(q);
}

oct_node **st_limit_questions(oct_tree *t, oct_diag *diag, size_t *count)
{
    size_t n = 0;
    oct_node **qs = oct_node_collect(t->root, OCT_QUESTION, &n);
    if (n > OCT_LIMIT_QUESTIONS) {
        const oct_node *q = qs[OCT_LIMIT_QUESTIONS];
        const char *file = q->span.file < t->nfiles ? t->files[q->span.file] : NULL;
        oct_diag_report(diag, OCT_WARNING, file, q->span.line, q->span.col, "limit-questions",
                        "%zu questions, more than the limit of %d: the rest are printed as "
                        "plain paragraphs",
                        n, OCT_LIMIT_QUESTIONS);
        for (size_t i = n; i-- > OCT_LIMIT_QUESTIONS;)
            unwrap_question(t, qs[i]);
        n = OCT_LIMIT_QUESTIONS; /* the rest, later in the tree, are gone */
    }
    *count = n;
    return qs;
}

void oct_study_limit_questions(oct_tree *t, oct_diag *diag)
{
    size_t n;
    free(st_limit_questions(t, diag, &n));
}
