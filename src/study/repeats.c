/* A question one source asks twice in the same words is printed once.
 *
 * The flashcards and the Anki deck show each cluster once (bank.h); a
 * booklet printed by source showed every repeat in place, so the two
 * outputs disagreed. Here, for a booklet that is not arranged by topic,
 * each later question of a source whose letters and digits equal an
 * earlier one's of the same source and cluster joins that first one: a
 * WORDING for each (tree.h, as in an arranged booklet), its answer after
 * the first one's, and answers that say the same printed once
 * (ar_fold_same_answers). Questions of two sources stay where they are:
 * each source keeps its own questions in a booklet by source. */
#include "study/arrange_int.h"
#include "study/bank.h"
#include "study/study_int.h"
#include "tree/anchors.h"
#include "util/strmap.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* A question whose prompt holds blocks (options, code) is compared by its
 * words alone, which could hide options that differ: it never folds. */
static bool prompt_is_inline(const oct_node *q)
{
    for (const oct_node *c = q->first; c; c = c->next)
        if (!oct_kind_is_inline(c->kind) && c->kind != OCT_ANSWER && c->kind != OCT_WORDING)
            return false;
    return true;
}

/* The key of q: its file and cluster, then its folded wording; false when
 * q cannot fold (no words, blocks in its prompt). */
static bool key_of(const oct_node *q, oct_buf *tmp, oct_buf *text, oct_buf *key)
{
    if (!prompt_is_inline(q)) return false;
    oct_bank_prompt_text(q, tmp, text);
    oct_buf_clear(key);
    oct_buf_printf(key, "%u:%d:", q->span.file, q->u.question.cluster);
    size_t head = key->len;
    st_fold_alnum(text->data ? text->data : "", key);
    return key->len > head;
}

/* A WORDING for m (its number and place, no inlines: the same words as
 * the prompt) before the first block of q. */
static oct_node *add_wording(oct_tree *t, oct_node *q, const oct_node *m)
{
    oct_node *w = oct_node_new(t, OCT_WORDING, m->span);
    w->u.question = m->u.question;
    oct_node *at = q->first;
    while (at && (oct_kind_is_inline(at->kind) || at->kind == OCT_WORDING))
        at = at->next;
    if (at)
        oct_node_insert_before(at, w);
    else
        oct_node_append(q, w);
    return w;
}

static bool numbered(const oct_node *q)
{
    return q->u.question.label || q->u.question.number > 0;
}

/* Moves repeat m's answers under first (given its WORDING the first time)
 * and takes m out of the tree. An answer is headed with the wording it
 * answers ("Answer from Quiz #7") only when both carry numbers: one
 * source's name twice would tell the reader nothing. */
static void fold_into(oct_tree *t, oct_node *first, oct_node *m, bool first_time)
{
    bool cite = numbered(first) && numbered(m);
    if (first_time) {
        oct_node *w0 = add_wording(t, first, first);
        for (oct_node *a = first->first; a; a = a->next)
            if (a->kind == OCT_ANSWER && cite) a->u.answer.from = w0;
    }
    oct_node *w = add_wording(t, first, m);
    for (oct_node *a = m->first, *next; a; a = next) {
        next = a->next;
        if (a->kind != OCT_ANSWER) continue;
        a->u.answer.from = cite ? w : NULL;
        oct_node_append(first, a);
    }
    first->u.question.answered |= m->u.question.answered;
    oct_node_move_anchors(t, m, first);
    oct_node_unlink(m);
}

/* The line of m's words (a paired question sits where its answer is). */
static int words_line(const oct_node *m)
{
    const oct_node *w0 = m->first && oct_kind_is_inline(m->first->kind) ? m->first : m;
    return w0->span.file == m->span.file ? w0->span.line : m->span.line;
}

/* One note per source, naming the lines printed once. */
static void report(const oct_tree *t, oct_diag *diag, unsigned file, int line, const oct_buf *lines,
                   size_t n)
{
    if (!diag || !n || file >= t->nfiles) return;
    oct_diag_report(diag, OCT_NOTE, t->files[file], line, 1, "merged-question",
                    "%zu question%s worded exactly as an earlier question of this source "
                    "printed once, under that question, with %s answer%s: line%s %s",
                    n, n == 1 ? "" : "s", n == 1 ? "its" : "their", n == 1 ? "" : "s",
                    n == 1 ? "" : "s", lines->data);
}

void st_fold_repeats(oct_tree *t, oct_diag *diag, oct_node **qs, size_t nq)
{
    oct_strmap seen = OCT_STRMAP_INIT;
    oct_buf tmp = OCT_BUF_INIT, text = OCT_BUF_INIT, key = OCT_BUF_INIT, lines = OCT_BUF_INIT;
    bool *folded_into = oct_xcalloc(nq + 1, sizeof *folded_into);
    unsigned file = (unsigned)-1;
    size_t nlines = 0;
    int line1 = 0;
    for (size_t i = 0; i < nq; i++) {
        oct_node *q = qs[i];
        if (q->span.file != file) {
            report(t, diag, file, line1, &lines, nlines);
            oct_buf_clear(&lines);
            nlines = 0;
            file = q->span.file;
        }
        if (!key_of(q, &tmp, &text, &key)) continue;
        size_t j;
        if (!oct_strmap_get(&seen, key.data, key.len, &j)) {
            oct_strmap_put(&seen, key.data, key.len, i);
            continue;
        }
        if (!nlines) line1 = words_line(q);
        oct_buf_printf(&lines, "%s%d", nlines++ ? ", " : "", words_line(q));
        fold_into(t, qs[j], q, !folded_into[j]);
        folded_into[j] = true;
        qs[i] = NULL;
    }
    report(t, diag, file, line1, &lines, nlines);
    for (size_t i = 0; i < nq; i++)
        if (folded_into[i]) ar_fold_same_answers(t, diag, qs[i]);
    free(folded_into);
    oct_strmap_free(&seen);
    oct_buf_free(&tmp);
    oct_buf_free(&text);
    oct_buf_free(&key);
    oct_buf_free(&lines);
}
