#include "study/study.h"
#include "study/study_int.h"

#include "util/worker.h"
#include "util/xalloc.h"

#include <stdlib.h>

/* The pass, chapter by chapter: split paragraphs at the lines that ask,
 * take the chapter apart into units, decide what each unit is, read runs
 * of numbered headings, pair numbered question lists with their answers, let every other question
 * claim its answer, and put the chapter back together. */

static void study_chapter(st_ctx *c, oct_node *ch)
{
    c->chapter = ch;
    c->path = ch->span.file < c->t->nfiles ? c->t->files[ch->span.file] : NULL;
    if (st_exam_paper(c, ch)) { /* a paper's parts and its scheme: exam_parts.c */
        st_details_flatten(c, ch);
        return;
    }
    st_unfold_qa_tables(c->t, ch);
    st_split_inline_keys(c->t, ch);
    st_number_bullet_keys(ch);
    st_presplit(c->t, ch);
    st_units_build(c);
    st_details_prepare(c);
    for (size_t i = 0; i < c->n; i++)
        st_classify(c, &c->u[i], i + 1 < c->n ? &c->u[i + 1] : NULL);
    st_true_false(c);
    st_numbered_runs(c);
    st_pair_numbered(c);
    st_promote_topics(c);
    st_assign_answers(c);
    st_units_emit(c);
    st_details_flatten(c, ch);
}

/* Merging reads each question's text and writes only its cluster number;
 * topics read the same text and write only its topic. Neither changes the
 * tree's shape, so the two run side by side, merging on a worker. Most of
 * merging is reading the questions (tokens, intent, negation): the worker
 * reads each chapter's as soon as the pass is done with it, while the
 * pass goes on with the next (it never returns to a chapter). */
typedef struct {
    oct_work work;
    ct_reader *reader;
    oct_node **qs; /* malloc'd, the job's */
    size_t nq;
} read_job;

typedef struct {
    oct_work work;
    oct_tree *t;
    bool merge;
    oct_node **qs;
    size_t nq;
    ct_reader *reader;
} cluster_job;

static void run_read(oct_work *w)
{
    read_job *j = (read_job *)w;
    ct_reader_add(j->reader, j->qs, j->nq);
}

static void run_cluster(oct_work *w)
{
    cluster_job *j = (cluster_job *)w;
    st_cluster_questions_read(j->t, j->merge, j->qs, j->nq, j->reader);
}

typedef struct {
    oct_worker *w;
    ct_reader *reader; /* NULL: questions are not merged */
    read_job **jobs;
    size_t njobs, capjobs;
} reading;

/* Hands the questions of chapter ch, studied, to the worker to read. */
static void read_chapter(reading *r, oct_node *ch)
{
    if (!r->reader) return;
    read_job *j = oct_xcalloc(1, sizeof *j);
    j->work.run = run_read;
    j->reader = r->reader;
    j->qs = oct_node_collect(ch, OCT_QUESTION, &j->nq);
    OCT_GROW(r->jobs, r->capjobs, r->njobs + 1);
    r->jobs[r->njobs++] = j;
    oct_worker_submit(r->w, &j->work);
}

static void reading_end(reading *r)
{
    for (size_t i = 0; i < r->njobs; i++) {
        oct_worker_wait(r->w, &r->jobs[i]->work);
        free(r->jobs[i]->qs);
        free(r->jobs[i]);
    }
    free(r->jobs);
}

static void topics_and_clusters(oct_tree *t, reading *r, bool merge, oct_node **qs, size_t nq)
{
    cluster_job job = {
        .work.run = run_cluster, .t = t, .merge = merge, .qs = qs, .nq = nq, .reader = r->reader};
    oct_worker_submit(r->w, &job.work);
    st_assign_topics(t);
    oct_worker_wait(r->w, &job.work);
}

static void study_chapters(st_ctx *c, reading *r)
{
    for (oct_node *n = c->t->root->first; n; n = n->next) {
        if (n->kind == OCT_CHAPTER) {
            study_chapter(c, n);
            read_chapter(r, n);
        } else if (n->kind == OCT_PART) {
            for (oct_node *ch = n->first; ch; ch = ch->next)
                if (ch->kind == OCT_CHAPTER) {
                    study_chapter(c, ch);
                    read_chapter(r, ch);
                }
        }
    }
}

int oct_study_run(oct_tree *t, oct_diag *diag)
{
    return oct_study_run_with(t, diag, NULL);
}

int oct_study_run_with(oct_tree *t, oct_diag *diag, const oct_study_options *o)
{
    st_ctx c = {.t = t, .diag = diag, .tmp = OCT_BUF_INIT};
    bool merge = !o || o->merge;
    /* the lexicon learns the booklet's abbreviations from the whole tree
     * before the pass changes it */
    reading r = {.w = oct_worker_new(0), .reader = merge ? ct_reader_new(t) : NULL};
    study_chapters(&c, &r);
    reading_end(&r); /* (no chapter changes once studied: the limit comes after) */
    size_t nq;
    oct_node **qs = st_limit_questions(t, diag, &nq);
    free(c.u);
    oct_buf_free(&c.tmp);
    st_lines_free(&c.lines);
    /* Topics need the finished questions and the headings above them;
     * questions of every chapter merge, once over the whole tree. */
    topics_and_clusters(t, &r, merge, qs, nq);
    oct_worker_free(r.w);
    ct_reader_free(r.reader);
    if (o && o->arrange)
        st_arrange_with(t, diag, qs, nq);
    else
        free(qs);
    return 0;
}
