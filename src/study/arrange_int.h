/* Internals of the arrangement pass (arrange*.c), shared by those files
 * only. See oct_study_arrange in study.h for what the pass does. */
#ifndef OCT_STUDY_ARRANGE_INT_H
#define OCT_STUDY_ARRANGE_INT_H
#include "diag.h"
#include "tree/tree.h"

/* arrange_answers.c: leaves empty (u.answer.same_as set) every ANSWER of q
 * whose words all occur in an earlier, not much longer answer of q: the
 * two say the same thing, and the words stay in the booklet. Each such
 * answer is a note [merged-answer] to diag (may be NULL). */
void ar_fold_same_answers(const oct_tree *t, oct_diag *diag, oct_node *q);

/* arrange_notes.c: renumbers the footnotes of every CHAPTER of t in order
 * of first reference and moves (or, when two chapters cite it, copies)
 * each definition to the end of the chapter that cites it. `by_file`
 * holds, per source file, the definitions by their old index (1-based;
 * nby[f] entries) as the sources numbered them; definitions no chapter
 * cites go to the end of `rest`. */
void ar_renumber_notes(oct_tree *t, oct_node ***by_file, const int *nby, oct_node *rest);

/* arrange_sources.c: builds the "Sources" chapter from the source chapters
 * (and parts) of t's document in order, once their questions have been
 * replaced by XREF paragraphs; appends it to the document and returns
 * it. Every source becomes a level-1 SECTION (u.section.source) followed
 * by its remaining blocks, their headings one level lower. */
oct_node *ar_sources_chapter(oct_tree *t, oct_node **chapters, size_t nchapters);

#endif
