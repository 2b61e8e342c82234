/* The study pass on the real Django notes, through ingest (normalizer on):
 * question and answer counts per file, and what a few of them look like. */
#include "test_study_support.h"

#include <stdlib.h>

typedef struct {
    const char *file;
    int questions, answered;
} expected;

/* The acceptance numbers; each count may be off by two. */
static const expected DJANGO[] = {
    {"000-general-questions.txt", 70, 2},     {"001-categorized-list.txt", 50, 0},
    {"002-hundred-item-guide.txt", 100, 100}, {"003-twenty-six-answered.txt", 26, 26},
    {"004-categorized-bullets.txt", 40, 0},
};
enum { NFILES = sizeof DJANGO / sizeof DJANGO[0] };

static oct_node *chapters[NFILES];

static oct_tree *load_all(oct_diag *d, wordset *before)
{
    oct_tree *t = oct_tree_new();
    char rel[256];
    for (int i = 0; i < NFILES; i++) {
        snprintf(rel, sizeof rel, "content/django/%s", DJANGO[i].file);
        chapters[i] = ingest_file(t, rel, DJANGO[i].file, d);
        CHECK(chapters[i] != NULL);
        if (!chapters[i]) exit(check_done());
    }
    words_of_tree(t, before);
    return t;
}

static void test_counts(oct_tree *t)
{
    for (int i = 0; i < NFILES; i++) {
        qcount q = count_questions(chapters[i]);
        fprintf(stderr, "%s: %d questions, %d answered (expected %d / %d)\n", DJANGO[i].file,
                q.questions, q.answered, DJANGO[i].questions, DJANGO[i].answered);
        CHECK(abs(q.questions - DJANGO[i].questions) <= 2);
        CHECK(abs(q.answered - DJANGO[i].answered) <= 2);
    }
    CHECK(bad_questions(t) == 0);
}

/* 000: two headings that ask, then one question a line. */
static void test_general(oct_tree *t)
{
    const oct_node *ch = chapters[0];
    CHECK_STR(text_of(t, nth_question(ch, 0)), "what is a django");
    CHECK(strstr(text_of(t, answer_of(nth_question(ch, 0))), "Python-based web application"));
    CHECK(strncmp(text_of(t, nth_question(ch, 1)), "Explain the Model-View-Controller", 33) == 0);
    CHECK_STR(text_of(t, nth_question(ch, 2)), "What is an ORM, and how does Django use it?");
    CHECK(nth_question(ch, 2)->span.line == 35);
    CHECK(strncmp(text_of(t, nth_question(ch, 69)), "How do you deploy a Django application", 38) ==
          0);
}

/* 001: section headings are no questions; numbers are kept. Its title
 * line opens it as a heading (the manifest titles the chapter otherwise). */
static void test_categorized(oct_tree *t)
{
    const oct_node *ch = chapters[1];
    int sections = 0;
    for (const oct_node *n = ch->first; n; n = n->next)
        sections += n->kind == OCT_SECTION;
    CHECK(sections == 15);
    CHECK(ch->first && ch->first->kind == OCT_SECTION && ch->first->u.section.level == 1);
    if (ch->first) CHECK_STR(text_of(t, ch->first), "Djnago interview questions");
    const oct_node *q50 = nth_question(ch, 49);
    CHECK(q50 && q50->u.question.number == 50);
    CHECK(strncmp(text_of(t, q50), "Can you explain the concept of Django middleware?", 49) == 0);
}

/* 002: bold prompts; an answer that cmark put after the list. */
static void test_hundred(oct_tree *t)
{
    const oct_node *ch = chapters[2];
    const oct_node *q12 = nth_question(ch, 11);
    CHECK(q12->u.question.number == 12);
    CHECK_STR(text_of(t, q12), "Define a model:");
    const oct_node *a = answer_of(q12);
    CHECK(a && a->first->kind == OCT_CODE_BLOCK && strstr(a->first->text, "class Book"));
    const oct_node *q100 = nth_question(ch, 99);
    CHECK(q100->u.question.number == 100);
    CHECK_STR(text_of(t, q100), "Integrate with React or Vue:");
    /* the topic line at the top is a heading like the others */
    CHECK(ch->first->kind == OCT_SECTION && strstr(text_of(t, ch->first), "1. Django Basics"));
    for (int i = 0; i < 100; i++)
        CHECK(nth_question(ch, i)->u.question.number == i + 1);
}

/* 003: a question list answered later: one question each, numbered once. */
static void test_twenty_six(oct_tree *t)
{
    const oct_node *ch = chapters[3];
    for (int i = 0; i < 26; i++) {
        const oct_node *q = nth_question(ch, i);
        CHECK(q && q->u.question.number == i + 1 && q->u.question.answered);
    }
    const oct_node *q1 = nth_question(ch, 0);
    CHECK_STR(text_of(t, q1), "What is Django, and what are its main features?");
    CHECK(strstr(text_of(t, answer_of(q1)), "Cachability") != NULL);
    /* answer 24 keeps its own numbered points 1..10 */
    const oct_node *a24 = answer_of(nth_question(ch, 23));
    CHECK(a24 && strstr(text_of(t, a24), "Multi-factor authentication") != NULL);
    CHECK(strstr(text_of(t, a24), "class Meta") == NULL);
    /* the fuller wording is the prompt, the other one opens the answer */
    const oct_node *q23 = nth_question(ch, 22);
    CHECK_STR(text_of(t, q23),
              "which one is gives the data after adding the filter orm or raw sql?");
    CHECK(strstr(text_of(t, answer_of(q23)), "Which returns data after applying filters") != NULL);
    CHECK_STR(text_of(t, nth_question(ch, 25)), "Path parameters vs Query parameters");
}

/* 004: topic lines become headings, the bullets are questions. */
static void test_bullets(oct_tree *t)
{
    const oct_node *ch = chapters[4];
    int sections = 0;
    for (const oct_node *n = ch->first; n; n = n->next)
        sections += n->kind == OCT_SECTION;
    CHECK(sections == 10);
    CHECK_STR(text_of(t, nth_question(ch, 39)), "Explain Django's pre_save and post_save signals.");
}

static void test_json(oct_tree *t, const oct_diag *d)
{
    oct_buf j = OCT_BUF_INIT;
    oct_study_write_json(t, d, &j);
    CHECK(strstr(j.data, "{\"path\":\"003-twenty-six-answered.txt\",\"questions\":26,"
                         "\"answered\":26}") != NULL);
    CHECK(strstr(j.data, "\"id\":\"q12-define-a-model\"") != NULL);
    oct_buf_free(&j);
}

/* A second run finds nothing new; a second build gives the same bank. */
static void test_stable(oct_tree *t, const char *json)
{
    oct_buf d1 = OCT_BUF_INIT, d2 = OCT_BUF_INIT, j2 = OCT_BUF_INIT;
    oct_tree_dump(t, t->root, &d1);
    oct_study_run(t, NULL);
    oct_tree_dump(t, t->root, &d2);
    CHECK(d1.len == d2.len && strcmp(d1.data, d2.data) == 0);
    wordset w = {0};
    oct_diag *d = oct_diag_new(NULL);
    oct_tree *t2 = load_all(d, &w);
    oct_study_run(t2, NULL);
    oct_tree_assign_ids(t2);
    oct_study_write_json(t2, NULL, &j2);
    CHECK(strcmp(json, j2.data) == 0);
    words_free(&w);
    oct_tree_free(t2);
    oct_diag_free(d);
    oct_buf_free(&d1);
    oct_buf_free(&d2);
    oct_buf_free(&j2);
}

int main(void)
{
    oct_diag *d = oct_diag_new(NULL);
    wordset before = {0};
    oct_tree *t = load_all(d, &before);
    oct_study_run(t, d);
    oct_tree_assign_ids(t);
    test_counts(t);
    test_general(t);
    test_categorized(t);
    test_hundred(t);
    test_twenty_six(t);
    test_bullets(t);
    test_json(t, d);
    CHECK(words_lost(&before, t) == 0);
    oct_buf j = OCT_BUF_INIT;
    oct_study_write_json(t, NULL, &j);
    test_stable(t, j.data);
    oct_buf_free(&j);
    words_free(&before);
    oct_tree_free(t);
    oct_diag_free(d);
    return check_done();
}
