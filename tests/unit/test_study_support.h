/* Helpers shared by the study tests (static: each test is one program). */
#ifndef TEST_STUDY_SUPPORT_H
#define TEST_STUDY_SUPPORT_H
#include "check.h"
#include "ingest/ingest.h"
#include "study/study.h"
#include "tree/tree.h"
#include "util/fileio.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* $OCTAVO_SRC/rel, or the build's source dir. Static buffer. */
static inline const char *src_path(const char *rel)
{
    static char buf[4096];
    const char *root = getenv("OCTAVO_SRC");
    snprintf(buf, sizeof buf, "%s/%s", root && *root ? root : OCTAVO_DATA_DIR, rel);
    return buf;
}

/* Ingests one file (normalizer on) under its bare name; NULL on failure. */
static inline oct_node *ingest_file(oct_tree *t, const char *rel, const char *name, oct_diag *d)
{
    size_t len = 0;
    char *bytes = oct_read_file(src_path(rel), 1u << 26, &len);
    if (!bytes) {
        fprintf(stderr, "cannot read %s\n", src_path(rel));
        return NULL;
    }
    oct_ingest_options o = {.keep_filler = false, .normalize = true};
    oct_node *ch = oct_ingest_source(t, name, bytes, len, NULL, &o, d);
    free(bytes);
    return ch;
}

/* --- the set of words in a tree ------------------------------------------- */

typedef struct {
    char **v;
    size_t n, cap;
} wordset;

static inline int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Full-width punctuation ("。", "？", "："; U+3000-303F, U+FF01-FF0F,
 * U+FF1A-FF20) ends a word as ASCII punctuation does. */
static inline int wide_punct(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] == 0xE3 && u[1] == 0x80) return 1;
    return u[0] == 0xEF && u[1] == 0xBC && u[2] &&
           ((u[2] >= 0x81 && u[2] <= 0x8F) || (u[2] >= 0x9A && u[2] <= 0xA0));
}

static inline int word_byte(const char *s)
{
    return isalnum((unsigned char)*s) || ((unsigned char)*s >= 0x80 && !wide_punct(s));
}

static inline void words_add_text(wordset *w, const char *s)
{
    for (size_t i = 0; s[i];) {
        while (s[i] && !word_byte(s + i))
            i += wide_punct(s + i) ? 3 : 1;
        size_t st = i;
        while (s[i] && word_byte(s + i))
            i++;
        if (i == st) continue;
        if (w->n == w->cap) {
            w->cap = w->cap ? w->cap * 2 : 256;
            w->v = realloc(w->v, w->cap * sizeof *w->v);
        }
        char *word = strndup(s + st, i - st);
        for (char *p = word; *p; p++)
            *p = (char)tolower((unsigned char)*p);
        w->v[w->n++] = word;
    }
}

/* Every word of every TEXT, CODE and CODE_BLOCK, sorted (duplicates kept). */
static inline void words_of_tree(const oct_tree *t, wordset *w)
{
    oct_iter it;
    oct_iter_init(&it, t->root);
    oct_event ev;
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE)
        if (ev == OCT_EV_ENTER && it.cur->text) words_add_text(w, it.cur->text);
    qsort(w->v, w->n, sizeof *w->v, cmp_str);
}

static inline void words_free(wordset *w)
{
    for (size_t i = 0; i < w->n; i++)
        free(w->v[i]);
    free(w->v);
}

/* Words the pass may remove: labels, question numbers, HTML tag names and
 * entities of <details> answers. */
static inline int removable_word(const char *w)
{
    static const char *const OK[] = {
        "q", "a", "r", "ans", "answer", "answers", "question", "frage", "antwort", "pregunta",
        "respuesta", "réponse", "details", "summary", "p", "b", "br", "amp", "lt", "gt", "nbsp",
        "quot", "show", "\xD0\x92\xD0\xBE\xD0\xBF\xD1\x80\xD0\xBE\xD1\x81", /* Вопрос */
        "\xD0\x9E\xD1\x82\xD0\xB2\xD0\xB5\xD1\x82",                         /* Ответ */
        /* labels-world.txt (ASCII alone is lowered) */
        "câu", "hỏi", "trả", "lời", "Đáp", "án", "pertanyaan", "jawaban", "swali", "jibu", "soru",
        "yanıt", "คำถาม", "คำตอบ", "문제", "답", "ถาม", "ตอบ", "soal", "jawab",
        /* worked-problems.txt: labels of a numbered problem and its solution */
        "problem", "exercise", "aufgabe", "ejercicio", "problema", "solution", "lösung",
        /* an answer key's caption, left out with an [answer-key] note */
        "respuestas", "corrigé", "lösungen",
        /* exam papers' parts ("1(a)(ii)"): a question's label now; a mark
         * scheme's caption, left out with a [mark-scheme] note */
        "i", "ii", "iii", "iv", "v", "vi", "mark", "scheme", "markscheme", "solutions",
        "soluciones", NULL};
    for (const char *const *k = OK; *k; k++)
        if (strcmp(w, *k) == 0) return 1;
    const char *d = w + (w[0] == 'q' || w[0] == 'a');
    if (!*d) return 0;
    for (; *d; d++)
        if (!isdigit((unsigned char)*d)) return 0;
    return 1;
}

/* Checks that every distinct word of `before` still occurs in the tree;
 * returns the number of lost words (each printed). */
static inline int words_lost(const wordset *before, const oct_tree *after)
{
    wordset now = {0};
    words_of_tree(after, &now);
    int lost = 0;
    for (size_t i = 0; i < before->n; i++) {
        if (i > 0 && strcmp(before->v[i], before->v[i - 1]) == 0) continue;
        const char *w = before->v[i];
        if (bsearch(&w, now.v, now.n, sizeof *now.v, cmp_str) || removable_word(w)) continue;
        fprintf(stderr, "lost word: \"%s\"\n", w);
        lost++;
    }
    words_free(&now);
    return lost;
}

/* --- shape of the question bank --------------------------------------------- */

/* Checks the tree contract for QUESTION/ANSWER; returns violations. */
static inline int bad_questions(const oct_tree *t)
{
    int bad = 0;
    oct_iter it;
    oct_iter_init(&it, t->root);
    oct_event ev;
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE) {
        const oct_node *n = it.cur;
        if (ev != OCT_EV_ENTER) continue;
        if (n->kind == OCT_QUESTION) {
            int answers = 0, inl = 0;
            for (const oct_node *c = n->first; c; c = c->next) {
                if (c->kind == OCT_ANSWER)
                    answers++;
                else if (oct_kind_is_inline(c->kind))
                    inl++;
                else
                    bad++;
            }
            if (answers > 1 || (answers && n->last->kind != OCT_ANSWER)) bad++;
            if (n->u.question.answered != (answers == 1)) bad++;
            if (inl == 0) bad++; /* a question has a prompt */
        } else if (n->kind == OCT_ANSWER) {
            if (!n->parent || n->parent->kind != OCT_QUESTION || !n->first) bad++;
            for (const oct_node *c = n->first; c; c = c->next)
                if (oct_kind_is_inline(c->kind)) bad++;
        } else if ((n->kind == OCT_PARAGRAPH || n->kind == OCT_LIST) && !n->first) {
            bad++; /* nothing empty is left behind */
        }
        if (bad) {
            fprintf(stderr, "bad node %s at line %d\n", oct_kind_name(n->kind), n->span.line);
            return bad;
        }
    }
    return bad;
}

typedef struct {
    int questions, answered;
} qcount;

static inline qcount count_questions(const oct_node *root)
{
    qcount q = {0, 0};
    oct_iter it;
    oct_iter_init(&it, root);
    oct_event ev;
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE)
        if (ev == OCT_EV_ENTER && it.cur->kind == OCT_QUESTION) {
            q.questions++;
            q.answered += it.cur->u.question.answered;
        }
    return q;
}

/* The n-th QUESTION (0-based) in document order under root, or NULL. */
static inline const oct_node *nth_question(const oct_node *root, int n)
{
    oct_iter it;
    oct_iter_init(&it, root);
    oct_event ev;
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE)
        if (ev == OCT_EV_ENTER && it.cur->kind == OCT_QUESTION && n-- == 0) return it.cur;
    return NULL;
}

/* Plain text of a question's prompt or of a node (answers included when
 * the node is an ANSWER), into a static buffer. */
static inline const char *text_of(oct_tree *t, const oct_node *n)
{
    static char buf[8192];
    snprintf(buf, sizeof buf, "%s", n ? oct_node_plain_text(t->arena, n) : "(null)");
    return buf;
}

static inline const oct_node *answer_of(const oct_node *q)
{
    return q && q->last && q->last->kind == OCT_ANSWER ? q->last : NULL;
}

#endif
