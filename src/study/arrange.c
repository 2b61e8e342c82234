/* Arranging a booklet by topic: each cluster of questions once, under its
 * clearest wording, with every answer any wording got; one chapter per
 * topic of the manifest's taxonomy, the clusters asked in the most
 * sources first; what the sources hold besides questions in a last
 * "Sources" chapter, where each question's place shows its number in the
 * booklet. Nothing is deleted: the other wordings become WORDING nodes,
 * the answers move, a question's place in its source becomes an XREF. */
#include "study/arrange_int.h"
#include "study/bank.h"
#include "study/study.h"
#include "study/study_int.h"
#include "tree/anchors.h"
#include "tree/phrases.h"
#include "util/strmap.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    oct_tree *t;
    oct_diag *diag;
    oct_bank b;
    oct_node **rep; /* [cluster]: the QUESTION that stands for it */
    int *topic;     /* [cluster]: index into the topic order */
    oct_node *last_refs;
    oct_buf tmp, text;
    oct_strmap seen; /* folded wordings of the cluster being gathered */
    oct_span *same;  /* wordings printed once: worded as another of their cluster */
    size_t nsame, capsame;
} ar_ctx;

/* The source chapters in order (also inside parts), and their titles as
 * the names of the source files. */
static oct_node **source_chapters(oct_tree *t, size_t *n)
{
    size_t cap = 0;
    oct_node **chs = NULL;
    *n = 0;
    t->file_titles = oct_arena_alloc(t->arena, (t->nfiles + 1) * sizeof *t->file_titles);
    for (size_t f = 0; f < t->nfiles; f++)
        t->file_titles[f] = NULL;
    for (oct_node *n1 = t->root->first; n1; n1 = n1->next) {
        oct_node *first = n1->kind == OCT_PART ? n1->first : n1,
                 *stop = n1->kind == OCT_PART ? NULL : n1->next;
        for (oct_node *ch = first; ch && ch != stop; ch = ch->next) {
            if (ch->kind != OCT_CHAPTER) continue;
            OCT_GROW(chs, cap, *n + 1);
            chs[(*n)++] = ch;
            if (ch->span.file < t->nfiles && !t->file_titles[ch->span.file])
                t->file_titles[ch->span.file] = ch->u.chapter.title;
        }
    }
    return chs;
}

/* Takes every footnote definition out of its chapter, filed by source
 * file and the index its source gave it. */
static oct_node ***take_notes(oct_tree *t, oct_node **chs, size_t nch, int **nby)
{
    oct_node ***by = oct_xcalloc(t->nfiles + 1, sizeof *by);
    *nby = oct_xcalloc(t->nfiles + 1, sizeof **nby);
    for (size_t i = 0; i < nch; i++) {
        unsigned f = chs[i]->span.file;
        if (f >= t->nfiles) continue;
        oct_node *d = chs[i]->first;
        while (d) {
            oct_node *next = d->next;
            int k = d->u.footnote.index;
            if (d->kind == OCT_FOOTNOTE_DEF && k > 0 && k < (1 << 20)) {
                if (k >= (*nby)[f]) {
                    by[f] = oct_xrealloc(by[f], (size_t)(k + 1) * sizeof *by[f]);
                    memset(by[f] + (*nby)[f], 0, (size_t)(k + 1 - (*nby)[f]) * sizeof *by[f]);
                    (*nby)[f] = k + 1;
                }
                if (!by[f][k]) {
                    by[f][k] = d;
                    oct_node_unlink(d);
                }
            }
            d = next;
        }
    }
    return by;
}

/* q's place in its source: an XREF to the question that now stands for
 * its cluster, in a paragraph shared with the questions right before. */
static void leave_ref(ar_ctx *c, oct_node *q, oct_node *to)
{
    oct_node *para = c->last_refs;
    if (!para || q->prev != para) {
        para = oct_node_new(c->t, OCT_PARAGRAPH, q->span);
        /* "Questions 1, 4, 7": where this source's questions went */
        const char *lead = oct_phrase(c->t->meta.lang, OCT_PH_QUESTIONS_LEAD);
        oct_node_append(para, oct_node_new_text(c->t, OCT_TEXT, q->span, lead, strlen(lead)));
        oct_node_insert_before(q, para);
        c->last_refs = para;
    } else if (para->last && para->last->kind == OCT_XREF && para->last->u.xref.target == to) {
        oct_node_unlink(q);
        return;
    } else {
        oct_node_append(para, oct_node_new_text(c->t, OCT_TEXT, q->span, ", ", 2));
    }
    oct_node *x = oct_node_new(c->t, OCT_XREF, q->span);
    x->u.xref.target = to;
    oct_node_append(para, x);
    oct_node_unlink(q);
}

/* A member's wording: its number and place as its source gave them; its
 * inlines too when they say something the prompt and the wordings so far
 * do not (letters and digits compared, case folded). */
static oct_node *wording_of(ar_ctx *c, oct_node *rep, oct_node *m)
{
    oct_node *w = oct_node_new(c->t, OCT_WORDING, m->span);
    w->u.question = m->u.question;
    if (m == rep) return w;
    oct_bank_prompt_text(m, &c->tmp, &c->text);
    oct_buf f = OCT_BUF_INIT;
    st_fold_alnum(c->text.data, &f);
    /* one look-up a wording: a cluster of a thousand stays linear */
    bool keep = f.len && !oct_strmap_get(&c->seen, f.data, f.len, NULL);
    if (keep) oct_strmap_put(&c->seen, f.data, f.len, 0);
    if (!keep) {
        /* the line of the words themselves: a paired question sits where
         * its answer is, a <details> box opens a line above its summary */
        const oct_node *w0 = m->first && oct_kind_is_inline(m->first->kind) ? m->first : m;
        OCT_GROW(c->same, c->capsame, c->nsame + 1);
        c->same[c->nsame++] = w0->span.file == m->span.file ? w0->span : m->span;
    }
    for (oct_node *k = m->first, *next; k; k = next) {
        next = k->next;
        if (keep && oct_kind_is_inline(k->kind)) oct_node_append(w, k);
    }
    oct_buf_free(&f);
    return w;
}

static oct_node *answer_of(oct_node *q)
{
    return q->last && q->last->kind == OCT_ANSWER ? q->last : NULL;
}

/* Gathers cluster k under its representative: wordings first, then
 * whatever blocks a prompt held, then the answers in document order. */
static void gather(ar_ctx *c, size_t k)
{
    oct_bank *b = &c->b;
    oct_node *rep = c->rep[k];
    oct_bank_prompt_text(rep, &c->tmp, &c->text);
    oct_buf rt = OCT_BUF_INIT;
    st_fold_alnum(c->text.data, &rt);
    oct_strmap_clear(&c->seen); /* the wordings printed so far: the prompt first */
    oct_strmap_put(&c->seen, rt.data ? rt.data : "", rt.len, 0);
    oct_node *ans = oct_node_new(c->t, OCT_DOCUMENT, rep->span); /* a holder */
    oct_node *strays = oct_node_new(c->t, OCT_DOCUMENT, rep->span);
    oct_node *own = answer_of(rep);
    if (own) oct_node_unlink(own);
    bool answered = false;
    for (size_t i = b->first[k]; i != (size_t)-1; i = b->next[i]) {
        oct_node *m = b->q[i];
        oct_node *a = m == rep ? own : answer_of(m);
        if (a && m != rep) oct_node_unlink(a);
        oct_node *w = wording_of(c, rep, m);
        for (oct_node *s = m == rep ? NULL : m->first, *next; s; s = next) {
            next = s->next;
            if (!oct_kind_is_inline(s->kind)) oct_node_append(strays, s);
        }
        oct_node_append(rep, w);
        if (m != rep) oct_node_move_anchors(c->t, m, rep);
        if (a) {
            a->u.answer.from = w;
            answered |= a->first != NULL;
            oct_node_append(ans, a);
        }
    }
    while (strays->first)
        oct_node_append(rep, strays->first);
    while (ans->first)
        oct_node_append(rep, ans->first);
    rep->u.question.answered = answered;
    rep->u.question.asked_in = (int)b->nsources[k];
    ar_fold_same_answers(c->t, c->diag, rep);
    oct_buf_free(&rt);
}

/* The topics in print order: the taxonomy sorted by its order (ties keep
 * list order), then "Other". */
static size_t *topic_order(const oct_meta *m)
{
    size_t *o = oct_xmalloc((m->ntopics + 1) * sizeof *o);
    for (size_t i = 0; i < m->ntopics; i++) {
        size_t j = i;
        for (; j > 0 && m->topics[o[j - 1]].order > m->topics[i].order; j--)
            o[j] = o[j - 1];
        o[j] = i;
    }
    return o;
}

/* A member's topic as an index into the taxonomy; ntopics for "Other". */
static size_t topic_index(const oct_meta *m, const char *name)
{
    for (size_t j = 0; name && j < m->ntopics; j++)
        if (strcmp(m->topics[j].name, name) == 0) return j;
    return m->ntopics;
}

/* A cluster's topic: the one most of its wordings got, ties to the
 * representative's. Returns a position in the print order (`rank` maps a
 * taxonomy index to it); ntopics is "Other". `tally` has ntopics + 1
 * zeros and is left so. */
static int cluster_topic(ar_ctx *c, size_t k, const size_t *rank, size_t *tally)
{
    const oct_meta *m = &c->t->meta;
    size_t best = m->ntopics, bestn = 0;
    for (size_t i = c->b.first[k]; i != (size_t)-1; i = c->b.next[i])
        tally[topic_index(m, c->b.q[i]->u.question.topic)]++;
    for (size_t i = c->b.first[k]; i != (size_t)-1; i = c->b.next[i]) {
        size_t ti = topic_index(m, c->b.q[i]->u.question.topic);
        if (tally[ti] > bestn || (tally[ti] == bestn && c->b.q[i] == c->rep[k]))
            best = ti, bestn = tally[ti];
    }
    for (size_t i = c->b.first[k]; i != (size_t)-1; i = c->b.next[i])
        tally[topic_index(m, c->b.q[i]->u.question.topic)] = 0;
    return best < m->ntopics ? (int)rank[best] : (int)m->ntopics;
}

static int cmp_asked(const void *x, const void *y)
{
    const oct_node *a = *(oct_node *const *)x, *b = *(oct_node *const *)y;
    if (a->u.question.asked_in != b->u.question.asked_in)
        return a->u.question.asked_in > b->u.question.asked_in ? -1 : 1;
    return (a->u.question.cluster > b->u.question.cluster) -
           (a->u.question.cluster < b->u.question.cluster);
}

/* One CHAPTER per topic that has questions, before the first source. */
static void topic_chapters(ar_ctx *c, oct_node *before, const size_t *order)
{
    const oct_meta *m = &c->t->meta;
    size_t nk = c->b.nclusters, seq = 0;
    oct_node **qs = oct_xmalloc((nk + 1) * sizeof *qs);
    for (size_t ti = 0; ti <= m->ntopics; ti++) {
        size_t n = 0;
        for (size_t k = 0; k < nk; k++)
            if (c->rep[k] && c->topic[k] == (int)ti) qs[n++] = c->rep[k];
        if (!n) continue;
        qsort(qs, n, sizeof *qs, cmp_asked);
        oct_node *ch = oct_node_new(c->t, OCT_CHAPTER, qs[0]->span);
        ch->u.chapter.title =
            ti < m->ntopics ? m->topics[order[ti]].name : oct_phrase(m->lang, OCT_PH_OTHER);
        ch->u.chapter.arranged = true;
        if (before)
            oct_node_insert_before(before, ch);
        else
            oct_node_append(c->t->root, ch);
        for (size_t i = 0; i < n; i++) {
            qs[i]->u.question.number = (int)++seq;
            qs[i]->u.question.label = oct_arena_printf(c->t->arena, "%zu", seq);
            qs[i]->u.question.topic = ch->u.chapter.title;
            oct_node_append(ch, qs[i]);
        }
    }
    free(qs);
}

static int cmp_span(const void *x, const void *y)
{
    const oct_span *a = x, *b = y;
    if (a->file != b->file) return a->file < b->file ? -1 : 1;
    return (a->line > b->line) - (a->line < b->line);
}

/* One note per source naming the lines whose question is printed once
 * under the same words elsewhere, so no reader wonders where they went. */
static void report_same(ar_ctx *c)
{
    if (c->nsame) qsort(c->same, c->nsame, sizeof *c->same, cmp_span);
    oct_buf lines = OCT_BUF_INIT;
    for (size_t i = 0, k; i < c->nsame; i = k) {
        oct_buf_clear(&lines);
        for (k = i; k < c->nsame && c->same[k].file == c->same[i].file; k++)
            oct_buf_printf(&lines, "%s%d", k > i ? ", " : "", c->same[k].line);
        if (c->same[i].file >= c->t->nfiles) continue;
        oct_diag_report(c->diag, OCT_NOTE, c->t->files[c->same[i].file], c->same[i].line, 1,
                        "merged-question",
                        "%zu question%s worded exactly as another wording of the same question "
                        "printed once, under that wording, at line%s %s",
                        k - i, k - i == 1 ? "" : "s", k - i == 1 ? "" : "s", lines.data);
    }
    oct_buf_free(&lines);
}

void oct_study_arrange(oct_tree *t, oct_diag *diag)
{
    size_t n = 0;
    oct_node **qs = t && t->root ? oct_node_collect(t->root, OCT_QUESTION, &n) : NULL;
    st_arrange_with(t, diag, qs, n);
}

void st_arrange_with(oct_tree *t, oct_diag *diag, oct_node **qs, size_t nq)
{
    if (!t || !t->root || !t->meta.group_by || strcmp(t->meta.group_by, "topic") != 0 ||
        t->meta.ntopics == 0) {
        /* by source: each source's repeats printed once, as the cards do */
        if (t && t->root) st_fold_repeats(t, diag, qs, nq);
        free(qs);
        return;
    }
    oct_tree_fold_title_headings(t);
    ar_ctx c = {.t = t, .diag = diag, .tmp = OCT_BUF_INIT, .text = OCT_BUF_INIT};
    size_t nch = 0;
    oct_node **chs = source_chapters(t, &nch);
    int *nby = NULL;
    oct_node ***by = take_notes(t, chs, nch, &nby);
    oct_bank_init_with(&c.b, t, qs, nq); /* (folding and notes move none) */
    size_t nk = c.b.nclusters;
    c.rep = oct_xcalloc(nk + 1, sizeof *c.rep);
    c.topic = oct_xcalloc(nk + 1, sizeof *c.topic);
    size_t *order = topic_order(&t->meta);
    size_t *rank = oct_xmalloc((t->meta.ntopics + 1) * sizeof *rank);
    size_t *tally = oct_xcalloc(t->meta.ntopics + 1, sizeof *tally);
    for (size_t i = 0; i < t->meta.ntopics; i++)
        rank[order[i]] = i;
    for (size_t k = 0; k < nk; k++)
        if (c.b.first[k] != (size_t)-1) {
            c.rep[k] = c.b.q[oct_bank_pick(&c.b, k)];
            c.topic[k] = cluster_topic(&c, k, rank, tally);
        }
    for (size_t i = 0; i < c.b.nq; i++)
        leave_ref(&c, c.b.q[i], c.rep[c.b.cid[i] - 1]);
    for (size_t k = 0; k < nk; k++)
        if (c.rep[k]) gather(&c, k);
    if (diag) report_same(&c);
    free(c.same);
    topic_chapters(&c, t->root->first, order);
    oct_node *sources = ar_sources_chapter(t, chs, nch);
    ar_renumber_notes(t, by, nby, sources);
    for (size_t f = 0; f < t->nfiles; f++)
        free(by[f]);
    free(by);
    free(nby);
    free(order);
    free(rank);
    free(tally);
    free(chs);
    free(c.rep);
    free(c.topic);
    oct_bank_free(&c.b);
    oct_strmap_free(&c.seen);
    oct_buf_free(&c.tmp);
    oct_buf_free(&c.text);
}
