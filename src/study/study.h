/* Study pass: finds the questions (and their answers) in every chapter of a
 * tree built by ingest, and writes the resulting question bank as JSON.
 *
 * The pass runs after ingest built all chapters, before oct_tree_assign_ids
 * and before any backend. It only adds and restructures nodes: headings,
 * list items and paragraphs that ask become QUESTION nodes (their inline
 * content moved into the QUESTION), the blocks that answer them move into an
 * ANSWER child. The only text it removes is markup that ingest had to keep
 * as literal text: question/answer labels ("Q:", "Answer -"), a leading
 * question number ("12."), and a summary that only says "Answer". Every
 * DETAILS becomes a QUESTION, the content of an ANSWER, or its summary in
 * bold followed by its blocks: backends see no DETAILS or SUMMARY after it. */
#ifndef OCT_STUDY_H
#define OCT_STUDY_H

#include "diag.h"
#include "tree/tree.h"
#include "util/buf.h"

/* Finds questions in every CHAPTER of t (also inside PARTs). Reports
 * warnings/notes to diag (which may be NULL) for answers that have no
 * question; bad input is never an error here. Returns 0. Running it again
 * on a studied tree changes nothing. */
int oct_study_run(oct_tree *t, oct_diag *diag);

/* What the pass does beyond finding questions. */
typedef struct {
    bool merge;   /* merge questions that ask the same thing (--no-merge: false) */
    bool arrange; /* then arrange the booklet by topic (oct_study_arrange) */
} oct_study_options;

/* oct_study_run with options (NULL: defaults, merge on). After every
 * chapter it numbers the question clusters (oct_study_cluster). */
int oct_study_run_with(oct_tree *t, oct_diag *diag, const oct_study_options *o);

/* Questions past OCT_LIMIT_QUESTIONS (oct_limits.h) become plain blocks
 * again (prompt paragraph, answer blocks), with one [limit-questions]
 * warning. oct_study_run_with calls it before topics and clusters. */
void oct_study_limit_questions(oct_tree *t, oct_diag *diag);

/* Gives every QUESTION of t u.question.cluster: 1-based, numbered in
 * document order of each cluster's first member. With merge, questions
 * that ask the same thing (README "Merging questions") share a cluster;
 * without, each question is its own. Reads t->meta (lang, title,
 * keywords) and the tree's text (abbreviations). */
void oct_study_cluster(oct_tree *t, bool merge);

/* When t->meta.group_by is "topic" and the manifest has topics, turns the
 * studied tree into the arranged booklet described in tree.h: one chapter
 * per topic (taxonomy order, "Other" last), each cluster once under its
 * clearest wording (oct_bank_pick) with every wording and answer of its
 * members, numbered 1.. through the booklet, the most asked first within
 * a topic; then a "Sources" chapter with what else each source holds.
 * Needs oct_study_cluster's numbers; call before oct_tree_assign_ids.
 * Otherwise (a booklet by source) only prints once each question a source
 * asks again in the same words and cluster: the later one joins the
 * first (a WORDING each, its answer after the first's) and leaves the
 * tree, one note [merged-question] per source. The question bank JSON is written from the
 * tree before this step. An answer printed once for two sources is a
 * note [merged-answer] to diag (may be NULL). */
void oct_study_arrange(oct_tree *t, oct_diag *diag);

/* Appends the question bank to out as one JSON object:
 *   {"sources":[{"path","questions","answered"}],
 *    "questions":[{"id","source","line","number","label","prompt","answered",
 *                  "cluster","asked_in"}],
 *    "clusters":[{"id","prompt","members","sources","answered"}],
 *    "unanswered_clusters":N,
 *    "diagnostics":[{"file","line","col","severity","code","message"}]}
 * Sources follow t->files, questions document order, diagnostics report
 * order. diag may be NULL (empty list). Output is valid UTF-8 JSON even for
 * invalid bytes in the tree (they become U+FFFD). "label" is the number as
 * written ("4a", "12.1") or null; README.md ("Question bank JSON") documents
 * every field. */
void oct_study_write_json(const oct_tree *t, const oct_diag *diag, oct_buf *out);

#endif
