/* A question is answered when any wording of its cluster is: one pass
 * marks the answered clusters, a second copies the mark to every member,
 * so backends can point an unanswered wording at its answer elsewhere. */
#include "study/study.h"
#include "tree/tree.h"
#include "util/xalloc.h"

#include <stdbool.h>
#include <stdlib.h>

void oct_study_cluster_answered(oct_tree *t)
{
    size_t n = 0;
    oct_node **qs = oct_node_collect(t->root, OCT_QUESTION, &n);
    int max = 0;
    for (size_t i = 0; i < n; i++)
        if (qs[i]->u.question.cluster > max) max = qs[i]->u.question.cluster;
    bool *done = oct_xcalloc((size_t)max + 1, sizeof *done);
    for (size_t i = 0; i < n; i++) {
        int c = qs[i]->u.question.cluster;
        if (c > 0 && qs[i]->u.question.answered) done[c] = true;
    }
    for (size_t i = 0; i < n; i++) {
        int c = qs[i]->u.question.cluster;
        qs[i]->u.question.cluster_answered = qs[i]->u.question.answered || (c > 0 && done[c]);
    }
    free(done);
    free(qs);
}
