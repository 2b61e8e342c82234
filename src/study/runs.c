#include "study/study_int.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* Collections written as numbered headings ("## 1. What is Django?" …
 * "## 9. Django Templating Language" … "## 28. Difference between Django
 * and Flask"): every heading of such a run is a question, whatever its
 * phrasing, and everything below it up to the next heading of its level is
 * its answer (subheadings, numbered steps and sentences that ask included).
 *
 * The rule, per heading level, deepest level first:
 *   1. A run is the numbered headings of one level in a chapter: at least
 *      RUN_MIN, numbers mostly rising by small steps (4 → 4a → 4b → 5,
 *      12 → 12.1, or restarting under a new higher heading).
 *   2. Topics, not questions: when at least half of the run's headings hold
 *      questions of their own (their body opens on a question, or is mostly
 *      questions, with two or more), the run is a list of topics ("# 1.
 *      Basics" over "## What is a model?") and nothing changes.
 *   3. Otherwise the run is a question run when the chapter names itself a
 *      question collection (its title, file name or a heading above the
 *      run says "questions", "interview", "FAQ", "Fragen", "preguntas"…),
 *      or half of the headings ask, or, unless a third of them open like
 *      a tutorial's steps ("Install", "Configure", "Usage"), a fifth and at
 *      least two ask. A tutorial's "## 1. Install", "## 2. Configure" asks
 *      nothing and is not named so: its sections stay.
 * A lone numbered heading ("## 1. Introduction") is never a run. */

enum { RUN_MIN = 3, RUN_MAX_STEP = 3 };

static bool is_heading(const st_unit *u)
{
    return u->node->kind == OCT_SECTION;
}

/* End (exclusive) of the body of heading unit i: the next heading of its
 * level or higher, or the footnotes. */
static size_t body_end(const st_ctx *c, size_t i)
{
    size_t j = i + 1;
    for (; j < c->n; j++) {
        const st_unit *v = &c->u[j];
        if (v->role == ST_END || (is_heading(v) && v->level <= c->u[i].level)) break;
    }
    return j;
}

/* The heading's body is made of questions: it opens on one, or questions
 * are at least half of its blocks, and there are two or more. */
static bool holds_questions(const st_ctx *c, size_t i)
{
    int q = 0, other = 0;
    bool first_q = false, seen = false;
    for (size_t j = i + 1, e = body_end(c, i); j < e; j++) {
        const st_unit *v = &c->u[j];
        if (v->role == ST_BREAK || (is_heading(v) && v->role != ST_QUESTION)) continue;
        bool isq = v->role == ST_QUESTION;
        if (!seen) first_q = isq;
        seen = true;
        if (isq)
            q++;
        else
            other++;
    }
    return q >= 2 && (first_q || q >= other);
}

static bool higher_heading_between(const st_ctx *c, size_t a, size_t b, int level)
{
    for (size_t j = a + 1; j < b; j++)
        if (is_heading(&c->u[j]) && c->u[j].level < level) return true;
    return false;
}

/* Numbers mostly rise by small steps (rule 1). */
static bool rising(const st_ctx *c, const size_t *idx, size_t m, int level)
{
    size_t ok = 0, inc = 0;
    for (size_t k = 1; k < m; k++) {
        const st_unit *a = &c->u[idx[k - 1]], *b = &c->u[idx[k]];
        if (b->number > a->number && b->number - a->number <= RUN_MAX_STEP) {
            ok++;
            inc++;
        } else if (b->number == a->number && a->label && b->label &&
                   strcmp(a->label, b->label) != 0) {
            ok++; /* 4a → 4b, 12 → 12.1 */
        } else if (b->number < a->number && higher_heading_between(c, idx[k - 1], idx[k], level)) {
            ok++; /* numbering restarts in the next part */
        }
    }
    return inc >= 2 && ok * 4 >= (m - 1) * 3;
}

/* The chapter calls itself a collection of questions (rule 3). */
static bool named_questions(st_ctx *c, size_t first, int level)
{
    if (st_names_questions(c->chapter->u.chapter.title) || st_names_questions(c->path)) return true;
    for (size_t j = 0; j < first; j++)
        if (is_heading(&c->u[j]) && c->u[j].level < level &&
            st_names_questions(st_node_text(c->u[j].node, &c->tmp)))
            return true;
    return false;
}

static bool reads_as_questions(st_ctx *c, const size_t *idx, size_t m, int level)
{
    size_t asks = 0, steps = 0;
    for (size_t k = 0; k < m; k++) {
        const st_unit *u = &c->u[idx[k]];
        if (u->role == ST_QUESTION) asks++;
        const char *s = st_node_text(u->node, &c->tmp);
        size_t skip = u->strip < c->tmp.len ? u->strip : 0;
        if (st_step_title(s + skip, c->tmp.len - skip)) steps++;
    }
    if (asks * 2 >= m || named_questions(c, idx[0], level)) return true;
    if (steps * 3 >= m) return false; /* a tutorial's steps */
    return asks >= 2 && asks * 5 >= m;
}

/* Heading unit i becomes a question; what its body held as questions is
 * now part of its answer. */
static void make_question(st_ctx *c, size_t i)
{
    st_unit *u = &c->u[i];
    u->role = ST_QUESTION;
    u->pk = ST_PROMPT_SECTION;
    for (size_t j = i + 1, e = body_end(c, i); j < e; j++) {
        st_unit *v = &c->u[j];
        if (v->role != ST_QUESTION) continue;
        v->role = is_heading(v) ? ST_SECTION : ST_PLAIN;
        v->pk = ST_PROMPT_NONE;
        v->strip = 0;
        v->lead = NULL;
    }
}

static void level_run(st_ctx *c, int level)
{
    size_t *idx = NULL, m = 0, cap = 0;
    for (size_t i = 0; i < c->n; i++) {
        const st_unit *u = &c->u[i];
        if (is_heading(u) && u->level == level && u->numbered && u->role != ST_ALABEL) {
            OCT_GROW(idx, cap, m + 1);
            idx[m++] = i;
        }
    }
    if (m >= RUN_MIN && rising(c, idx, m, level)) {
        size_t holders = 0;
        for (size_t k = 0; k < m; k++)
            holders += holds_questions(c, idx[k]);
        if (holders * 2 < m && reads_as_questions(c, idx, m, level))
            for (size_t k = 0; k < m; k++)
                make_question(c, idx[k]);
    }
    free(idx);
}

/* The first block of heading unit i's body, breaks skipped, or NULL. */
static const st_unit *body_first(const st_ctx *c, size_t i)
{
    for (size_t j = i + 1, e = body_end(c, i); j < e; j++)
        if (c->u[j].role != ST_BREAK) return &c->u[j];
    return NULL;
}

bool st_in_heading_scope(const st_unit *q, const st_unit *w)
{
    if (w->owner >= 0 || w->consumed || w->done) return false;
    if (w->role == ST_END || w->role == ST_DETAILS) return false;
    if (is_heading(w)) return w->level > q->level;
    return w->role != ST_QUESTION;
}

/* A heading question that is rather the topic of the questions below it:
 * it opens on a deeper heading that asks ("## What are views?" over "###
 * How is a view written?"), or it is a level-1 title over two or more. */
static bool topic_of_subquestions(const st_ctx *c, size_t i)
{
    const st_unit *u = &c->u[i], *f = body_first(c, i);
    if (f && is_heading(f) && f->role == ST_QUESTION && f->level > u->level) return true;
    if (u->level != 1) return false;
    int deeper = 0;
    for (size_t j = i + 1, e = body_end(c, i); j < e; j++)
        deeper += is_heading(&c->u[j]) && c->u[j].role == ST_QUESTION;
    return deeper >= 2;
}

void st_numbered_runs(st_ctx *c)
{
    for (int level = 6; level >= 1; level--)
        level_run(c, level);
    for (size_t i = 0; i < c->n; i++) {
        st_unit *u = &c->u[i];
        if (u->role == ST_QUESTION && u->pk == ST_PROMPT_SECTION && topic_of_subquestions(c, i))
            u->role = ST_SECTION;
    }
}
