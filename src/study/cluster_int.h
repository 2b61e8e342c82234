/* Internals of the question-merging pass (cluster*.c only).
 *
 * A question becomes a sorted set of token ids: its words case-folded
 * (NFKC), stop words dropped, stemmed by the booklet language's Snowball
 * stemmer, and "Object-Relational Mapping" folded into the abbreviation
 * the booklet itself gives for it ("ORM"). Every token has a kind: content,
 * framing ("explain", "describe") or subject (words of the booklet's title
 * and keywords); the last two weigh little when questions are compared. */
#ifndef OCT_CLUSTER_INT_H
#define OCT_CLUSTER_INT_H
#include <stdbool.h>
#include <stddef.h>

#include "tree/tree.h"

enum { CT_CONTENT, CT_FRAME, CT_SUBJECT };

/* Longest question read (bytes) and most tokens kept of one question. */
#define CT_MAX_PROMPT 1000
#define CT_MAX_TOKENS 48

typedef struct ct_lexicon ct_lexicon;

/* A lexicon for the booklet's language (t->meta.lang; no stemming when
 * Snowball has none for it), its framing words, its subject words (title,
 * keywords) and the abbreviations its text defines. Caller frees. */
ct_lexicon *ct_lexicon_new(const oct_tree *t);
void ct_lexicon_free(ct_lexicon *lx); /* NULL-safe */

/* Tokens of s[0..n) into out (at most CT_MAX_TOKENS), sorted, each once;
 * returns how many. */
size_t ct_tokens(ct_lexicon *lx, const char *s, size_t n, unsigned *out);
/* Kind (CT_CONTENT…) of token id. */
int ct_token_kind(const ct_lexicon *lx, unsigned id);
/* Number of distinct tokens seen so far (ids are 0..count-1). */
size_t ct_token_count(const ct_lexicon *lx);
/* The text of token id (for debugging and tests). */
const char *ct_token_text(const ct_lexicon *lx, unsigned id);

/* --- cluster_intent.c --------------------------------------------------- */
typedef enum {
    CI_OTHER,
    CI_DEFINITION, /* what is/are, define, explain, describe, how does X work */
    CI_HOWTO,      /* how do you / to / can, imperatives (create, write) */
    CI_DIFFERENCE, /* difference, vs, compare, "X or Y?" */
    CI_WHY,
    CI_LIST /* list, name some, types of */
} ci_intent;

/* What the question s[0..n) (plain text) asks for. */
ci_intent ci_intent_of(const char *s, size_t n);
const char *ci_intent_name(ci_intent i);

/* --- cluster_negation.c ------------------------------------------------- */
/* Whether the question s[0..n) says not, never, kein, ne…pas…: such a
 * question and one without asks the opposite. lang: the booklet's
 * language tag (words that are English too are read only in theirs). */
bool ct_negated(const char *lang, const char *s, size_t n);

/* --- cluster_marks.c ---------------------------------------------------- */
/* Length of s[0..n) without the marks that end it ("[2 marks]", "(5)",
 * "[1 mark]" after a blank): what an exam question is worth. */
size_t ct_without_marks(const char *s, size_t n);

#endif
