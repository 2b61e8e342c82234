/* The question bank read back from a studied tree: questions grouped by
 * cluster, the sources that ask each, the clearest wording of each, and
 * the clusters asked in the most sources. Read-only (a const tree), so
 * the JSON writer and the backends share one reading of the clusters. */
#ifndef OCT_STUDY_BANK_H
#define OCT_STUDY_BANK_H

#include "tree/tree.h"
#include "util/buf.h"

#include <stdbool.h>
#include <stddef.h>

/* Question i (document order) is in cluster cid[i] (1-based); questions
 * the merging pass did not number (a tree studied without it) are each
 * their own. Members of cluster c (0-based): first[c], then next[i] until
 * (size_t)-1. */
typedef struct {
    oct_node **q;
    size_t nq;
    int *cid;
    size_t nclusters;
    size_t *first, *next;
    size_t *nsources; /* distinct sources per cluster */
    bool *answered;   /* some member has an answer */
    /* per cluster: the first member with an answer of its own, or NULL */
    const oct_node **answered_by;
    size_t *nanswering; /* per cluster: members with an answer of their own */
    /* the clusters no member answers (0-based), in document order of
     * their first member: an arranged booklet's order */
    size_t *todo, ntodo;
} oct_bank;

void oct_bank_init(oct_bank *b, const oct_tree *t);
/* The same from qs[0..n), every QUESTION of t in tree order (malloc'd; the
 * bank takes it): for a pass that has just collected them. */
void oct_bank_init_with(oct_bank *b, const oct_tree *t, oct_node **qs, size_t n);
void oct_bank_free(oct_bank *b);
/* The first member of cluster c (0-based). */
const oct_node *oct_bank_first(const oct_bank *b, size_t c);
/* The answered wording q should point at: NULL when q has an answer of
 * its own or its cluster has none. */
const oct_node *oct_bank_answer_for(const oct_bank *b, const oct_node *q);
/* The clearest wording of cluster c (0-based): a full question ("…?")
 * over a label ("Project vs App:"); the index of that member in b->q. */
size_t oct_bank_pick(const oct_bank *b, size_t c);

/* A question's prompt as plain text into out (tmp is scratch): inlines of
 * the QUESTION, not of its ANSWER, runs of white space as one space. */
void oct_bank_prompt_text(const oct_node *q, oct_buf *tmp, oct_buf *out);

/* One entry of the "Most asked" list. */
typedef struct {
    const oct_node *q; /* the cluster's clearest wording */
    char *prompt;      /* its plain text (malloc'd), after its number in an arranged booklet */
    size_t label_len;  /* bytes of that number with its dot and space ("178. "), 0: none */
    size_t asked_in;   /* distinct sources that ask it */
} oct_asked;

/* The clusters asked in at least two sources, most sources first, then in
 * document order of the cluster's first member; at most `max`. *out is
 * malloc'd (NULL when none); free with oct_asked_free. Returns the count. */
size_t oct_bank_most_asked(const oct_bank *b, size_t max, oct_asked **out);
void oct_asked_free(oct_asked *a, size_t n);

#endif
