/* Question clusters as backends need them (u.question.cluster, set by the
 * study pass): for each cluster its first member and its first answered
 * member, so an unanswered wording can point at its answer and an
 * appendix can list each unanswered cluster once. */
#ifndef OCT_TREE_QCLUSTERS_H
#define OCT_TREE_QCLUSTERS_H
#include "tree/tree.h"

typedef struct {
    const oct_node **first;    /* [cluster], 1-based; NULL where unused */
    const oct_node **answered; /* [cluster]: first member with an answer, or NULL */
    int n;                     /* highest cluster number */
    int unanswered;            /* clusters with no answered member */
    int *todo;                 /* [unanswered]: their numbers, in document order of
                                  their first member (an arranged booklet's order) */
} oct_qclusters;

void oct_qclusters_build(oct_qclusters *c, const oct_node *root);
void oct_qclusters_free(oct_qclusters *c);
/* The answered member q should point at: NULL if q has its own answer or
 * its cluster has none. */
const oct_node *oct_qclusters_answer_for(const oct_qclusters *c, const oct_node *q);
/* The CHAPTER holding n, or NULL. */
const oct_node *oct_node_chapter(const oct_node *n);

#endif
