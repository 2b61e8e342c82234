/* Numbered collections (tests/data/numbered/, see its README.md): runs of
 * numbered headings are questions whatever their phrasing, sub-numbers stay
 * the question's label, subheadings and steps stay inside answers, topic
 * runs and tutorials stay sections, and plain-text sublists indented less
 * than a wide number nest under it. */
#include "ingest/normalize/normalize.h"
#include "study/study_int.h"
#include "test_study_support.h"

typedef struct {
    const char *file;
    int questions, answered;
} expected;

static const expected FILES[] = {
    {"python-collection.md", 8, 8},    {"sql-collection.md", 7, 7}, {"chemie-fragen.md", 5, 5},
    {"espanol-javascript.md", 15, 15}, {"tutorial.md", 1, 1},       {"plain-article.md", 0, 0},
    {"topics-chapters.md", 6, 6},      {"nested-numbers.md", 6, 6}, {"general-headings.md", 5, 5},
    {"subquestion-headings.md", 4, 4}, {"wide-numbers.txt", 5, 5},
};
enum { NFILES = sizeof FILES / sizeof FILES[0] };

/* A word of the source that is a question's label ("4a") now lives in the
 * label, which the backends print: it counts as kept. */
static void drop_labels(const oct_tree *t, wordset *w)
{
    oct_iter it;
    oct_iter_init(&it, t->root);
    oct_event ev;
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE) {
        const char *lab = it.cur->kind == OCT_QUESTION ? it.cur->u.question.label : NULL;
        if (ev != OCT_EV_ENTER || !lab) continue;
        for (size_t i = 0; i < w->n; i++)
            if (strcmp(w->v[i], lab) == 0) {
                free(w->v[i]);
                w->v[i] = strdup("0"); /* a bare number: removable */
            }
    }
}

/* Studies one tree, checking the bank's shape and that no word is lost. */
static void study(oct_tree *t)
{
    wordset before = {0};
    words_of_tree(t, &before);
    oct_study_run(t, NULL);
    drop_labels(t, &before);
    CHECK(bad_questions(t) == 0);
    CHECK(words_lost(&before, t) == 0);
    words_free(&before);
}

static oct_tree *load(const char *file, oct_node **ch)
{
    oct_tree *t = oct_tree_new();
    char rel[256];
    snprintf(rel, sizeof rel, "tests/data/numbered/%s", file);
    *ch = ingest_file(t, rel, file, NULL);
    CHECK(*ch != NULL);
    if (*ch) study(t);
    return t;
}

/* A chapter from text (ingested as `name`, normalizer on). */
static oct_tree *load_text(const char *name, const char *text, oct_node **ch)
{
    oct_tree *t = oct_tree_new();
    oct_ingest_options o = {.keep_filler = false, .normalize = true};
    *ch = oct_ingest_source(t, name, text, strlen(text), NULL, &o, NULL);
    CHECK(*ch != NULL);
    if (*ch) study(t);
    return t;
}

static int count_kind(const oct_node *root, oct_kind k)
{
    int n = 0;
    oct_iter it;
    oct_iter_init(&it, root);
    oct_event ev;
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE)
        n += ev == OCT_EV_ENTER && it.cur->kind == k;
    return n;
}

/* No question's prompt is s. */
static bool no_prompt(oct_tree *t, const oct_node *ch, const char *s)
{
    const oct_node *q;
    for (int i = 0; (q = nth_question(ch, i)) != NULL; i++)
        if (strcmp(text_of(t, q), s) == 0) return false;
    return true;
}

static void test_heading_number(void)
{
    static const struct {
        const char *s;
        size_t len; /* bytes of the number and blanks, 0: none */
        int number;
        const char *label;
    } cases[] = {
        {"12. Title", 4, 12, "12"},
        {"12) Title", 4, 12, "12"},
        {"4a. Title", 4, 4, "4a"},
        {"4b) Title", 4, 4, "4b"},
        {"12.1 Title", 5, 12, "12.1"},
        {"12.1. Title", 6, 12, "12.1"},
        {"3.2.1 Title", 6, 3, "3.2.1"},
        {"Q7: Title", 4, 7, "7"},
        {"Q12. Title", 5, 12, "12"},
        {"07. Title", 4, 7, "07"},
        {"1.5GHz chips", 0, 0, NULL},
        {"2nd. place", 0, 0, NULL},
        {"12.x branch", 0, 0, NULL},
        {"1999 events", 0, 0, NULL},
        {"1914: war", 0, 0, NULL},
        {"Title 12.", 0, 0, NULL},
        {"Q12 Title", 4, 12, "12"},
        {"12 - Title", 5, 12, "12"},
        {"4a \xE2\x80\x93 Title", 7, 4, "4a"},
        {"12 -Title", 0, 0, NULL},
        {"3 apples", 0, 0, NULL},
        {"1234567. x", 0, 0, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int num = -1;
        size_t lab = 0, lablen = 0;
        const char *s = cases[i].s;
        size_t k = st_heading_number(s, strlen(s), &num, &lab, &lablen);
        if (k != cases[i].len) fprintf(stderr, "\"%s\": %zu bytes\n", s, k);
        CHECK(k == cases[i].len);
        if (!k || !cases[i].label) continue;
        CHECK(num == cases[i].number);
        CHECK(lablen == strlen(cases[i].label) && memcmp(s + lab, cases[i].label, lablen) == 0);
    }
    CHECK(st_names_questions("Django Interview Questions"));
    CHECK(st_names_questions("Chemie: Prüfungsfragen"));
    CHECK(st_names_questions("notes/faq.md"));
    CHECK(!st_names_questions("Getting started"));
    CHECK(!st_names_questions(NULL));
}

static void test_counts(void)
{
    for (int i = 0; i < NFILES; i++) {
        oct_node *ch;
        oct_tree *t = load(FILES[i].file, &ch);
        qcount q = ch ? count_questions(ch) : (qcount){-1, -1};
        if (q.questions != FILES[i].questions || q.answered != FILES[i].answered)
            fprintf(stderr, "%s: %d questions, %d answered (expected %d / %d)\n", FILES[i].file,
                    q.questions, q.answered, FILES[i].questions, FILES[i].answered);
        CHECK(q.questions == FILES[i].questions);
        CHECK(q.answered == FILES[i].answered);
        oct_tree_free(t);
    }
}

static void test_labels(void)
{
    static const char *const labels[] = {"1", "2", "3",  "4a", "4b", "5",    "6",   "7",
                                         "8", "9", "10", "11", "12", "12.1", "12.2"};
    static const int numbers[] = {1, 2, 3, 4, 4, 5, 6, 7, 8, 9, 10, 11, 12, 12, 12};
    oct_node *ch;
    oct_tree *t = load("espanol-javascript.md", &ch);
    for (int i = 0; i < 15; i++) {
        const oct_node *q = nth_question(ch, i);
        CHECK(q && q->u.question.label && strcmp(q->u.question.label, labels[i]) == 0);
        CHECK(q && q->u.question.number == numbers[i]);
    }
    /* the number goes from the prompt: it is shown once, as the label */
    CHECK_STR(text_of(t, nth_question(ch, 3)), "Diferencias entre var y let");
    CHECK_STR(text_of(t, nth_question(ch, 13)), "localStorage");
    CHECK_STR(text_of(t, nth_question(ch, 1)), "Hoisting");
    /* "### Estados de una promesa" is part of answer 5 */
    const oct_node *a = answer_of(nth_question(ch, 5));
    CHECK(a && count_kind(a, OCT_SECTION) == 1);
    CHECK(no_prompt(t, ch, "Estados de una promesa"));
    oct_tree_free(t);

    /* an emoji before the number stays in the prompt, the number goes */
    t = load_text("emoji.md",
                  "# Interview questions\n\n## \xF0\x9F\x90\x8D 1. Basics\n\nA.\n\n"
                  "## \xF0\x9F\x90\x8D 2. What is a list?\n\nB.\n\n"
                  "## \xF0\x9F\x90\x8D 3. Tuples\n\nC.\n",
                  &ch);
    CHECK(ch && count_questions(ch).questions == 3);
    CHECK_STR(text_of(t, nth_question(ch, 0)), "\xF0\x9F\x90\x8D Basics");
    CHECK_STR(nth_question(ch, 2)->u.question.label, "3");
    oct_tree_free(t);
}

static void test_python(void)
{
    oct_node *ch;
    oct_tree *t = load("python-collection.md", &ch);
    CHECK_STR(text_of(t, nth_question(ch, 1)), "List comprehensions");
    CHECK_STR(text_of(t, nth_question(ch, 7)), "Difference between is and ==");
    /* subheadings that ask stay inside the answer */
    CHECK(no_prompt(t, ch, "When should you avoid them?"));
    CHECK(no_prompt(t, ch, "Why does it exist?"));
    CHECK(no_prompt(t, ch, "What does it mean for threads?"));
    const oct_node *a = answer_of(nth_question(ch, 3));
    CHECK(a && count_kind(a, OCT_SECTION) == 2);
    CHECK(strstr(text_of(t, a), "reference counting") != NULL);
    /* numbered steps that read like instructions are the answer's list */
    a = answer_of(nth_question(ch, 2));
    CHECK(a && count_kind(a, OCT_LIST) == 1 && count_kind(a, OCT_ITEM) == 3);
    CHECK(no_prompt(t, ch, "Define the wrapper function: it receives the arguments of the call."));
    /* a sentence that asks inside an answer stays there */
    CHECK(strstr(text_of(t, answer_of(nth_question(ch, 4))), "StopIteration") != NULL);
    /* the rules between questions stay between them */
    CHECK(count_kind(ch, OCT_THEMATIC_BREAK) == 2);
    CHECK(count_kind(answer_of(nth_question(ch, 2)), OCT_THEMATIC_BREAK) == 0);
    oct_tree_free(t);
}

static void test_sql_german(void)
{
    oct_node *ch;
    oct_tree *t = load("sql-collection.md", &ch);
    for (int i = 0; i < 7; i++) {
        const oct_node *q = nth_question(ch, i);
        char want[8];
        snprintf(want, sizeof want, "%d", i + 1);
        CHECK(q && q->u.question.number == i + 1 && strcmp(q->u.question.label, want) == 0);
    }
    CHECK_STR(text_of(t, nth_question(ch, 0)), "Selecting columns");
    CHECK(count_kind(answer_of(nth_question(ch, 1)), OCT_SECTION) == 1); /* "#### Example" */
    CHECK(count_kind(answer_of(nth_question(ch, 5)), OCT_ITEM) == 2);
    oct_tree_free(t);

    t = load("chemie-fragen.md", &ch);
    CHECK_STR(text_of(t, nth_question(ch, 0)), "Atombau");
    CHECK_STR(text_of(t, nth_question(ch, 3)), "Säuren und Basen nach Brønsted");
    CHECK(no_prompt(t, ch, "Warum ist Wasser ein Ampholyt?"));
    CHECK(strstr(text_of(t, answer_of(nth_question(ch, 3))), "aufnehmen") != NULL);
    oct_tree_free(t);
}

/* Tutorials, articles and topic headings are not questions. */
static void test_not_questions(void)
{
    oct_node *ch;
    oct_tree *t = load("tutorial.md", &ch);
    CHECK_STR(text_of(t, nth_question(ch, 0)), "What if no readings appear?");
    CHECK(count_kind(ch, OCT_SECTION) == 6); /* four steps, troubleshooting */
    oct_tree_free(t);

    t = load("topics-chapters.md", &ch);
    CHECK_STR(text_of(t, nth_question(ch, 0)), "What is HTTP?");
    CHECK(nth_question(ch, 0)->u.question.label == NULL);
    CHECK(count_kind(ch, OCT_SECTION) >= 2); /* "# 2. Methods", "# 3. Caching" */
    oct_tree_free(t);

    t = load("nested-numbers.md", &ch);
    CHECK_STR(nth_question(ch, 0)->u.question.label, "1.1");
    CHECK_STR(nth_question(ch, 5)->u.question.label, "3.2");
    CHECK_STR(text_of(t, nth_question(ch, 1)), "UDP");
    oct_tree_free(t);

    /* a lone numbered heading; two are no run; numbers that jump about
     * are no run; a run of topics holding their own questions */
    static const char *const texts[] = {
        "# Interview questions\n\n## 1. Introduction\n\nSome text.\n\n## Later\n\nMore.\n",
        "# Interview questions\n\n## 1. Alpha\n\nA.\n\n## 2. Beta\n\nB.\n",
        "# Interview questions\n\n## 5. Alpha\n\nA.\n\n## 1. Beta\n\nB.\n\n## 9. Gamma\n\nC.\n\n"
        "## 3. Delta\n\nD.\n",
        "# Interview questions\n\n## 1. Basics\n\n1. **What is A?**\n   An a.\n\n"
        "2. **What is B?**\n   A b.\n\n## 2. More\n\n3. **What is C?**\n   A c.\n\n"
        "4. **What is D?**\n   A d.\n\n## 3. Last\n\n5. **What is E?**\n   An e.\n\n"
        "6. **What is F?**\n   An f.\n",
    };
    static const int want[] = {0, 0, 0, 6};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        t = load_text("notes.md", texts[i], &ch);
        int got = ch ? count_questions(ch).questions : -1;
        if (got != want[i]) fprintf(stderr, "text %zu: %d questions\n", i, got);
        CHECK(got == want[i]);
        oct_tree_free(t);
    }
}

/* Runs named nowhere as questions: a long one where a fifth of the
 * headings ask is a collection; a tutorial's steps with two that ask are
 * not (those two stay questions on their own). */
static void test_unnamed_runs(void)
{
    static const char *const collection[] = {
        "What is Flask?", "Routing",         "Explain the app factory",
        "Blueprints",     "Request context", "How are templates rendered?",
        "Jinja filters",  "Sessions",        "Flask and Django",
        "What is WSGI?"};
    static const char *const tutorial[] = {"Install the toolchain",   "Configure the board",
                                           "Create a project",        "Why a bootloader?",
                                           "Build the firmware",      "Upload it",
                                           "Open the serial monitor", "Add a sensor",
                                           "Run the tests",           "What next?"};
    const char *const *sets[] = {collection, tutorial};
    static const int want[] = {10, 2};
    for (int k = 0; k < 2; k++) {
        oct_buf b = OCT_BUF_INIT;
        oct_buf_puts(&b, "# Notes\n\n");
        for (int i = 0; i < 10; i++)
            oct_buf_printf(&b, "## %d. %s\n\nA few words on step %d.\n\n", i + 1, sets[k][i], i);
        oct_node *ch;
        oct_tree *t = load_text("notes.md", b.data, &ch);
        int got = ch ? count_questions(ch).questions : -1;
        if (got != want[k]) fprintf(stderr, "unnamed run %d: %d questions\n", k, got);
        CHECK(got == want[k]);
        oct_tree_free(t);
        oct_buf_free(&b);
    }
}

/* Question headings one level below a question, after its answer, ask
 * anew; a follow-up that points back ("Why does it matter?") stays part
 * of the answer above it. */
static void test_subquestion_headings(void)
{
    oct_node *ch;
    oct_tree *t = load("subquestion-headings.md", &ch);
    CHECK_STR(text_of(t, nth_question(ch, 1)), "What is a strong acid?");
    CHECK_STR(text_of(t, nth_question(ch, 2)), "What is a weak acid?");
    CHECK(no_prompt(t, ch, "Why does it matter?"));
    CHECK(strstr(text_of(t, answer_of(nth_question(ch, 0))), "metals corrode") != NULL);
    oct_tree_free(t);
}

/* The general rule: a heading question's answer runs to the next heading
 * of its level or higher. */
static void test_general_headings(void)
{
    oct_node *ch;
    oct_tree *t = load("general-headings.md", &ch);
    const oct_node *a = answer_of(nth_question(ch, 0));
    CHECK(a && count_kind(a, OCT_SECTION) == 1);
    CHECK(no_prompt(t, ch, "Why use one?"));
    /* a heading that opens on deeper questions is their topic */
    CHECK(no_prompt(t, ch, "What do you know about views?"));
    CHECK_STR(text_of(t, nth_question(ch, 1)), "How is a function view written?");
    /* a rule with more answer after it stays in the answer */
    a = answer_of(nth_question(ch, 3));
    CHECK(a && count_kind(a, OCT_THEMATIC_BREAK) == 1);
    CHECK(strstr(text_of(t, a), "before the view sees it") != NULL);
    /* numbered steps that open like instructions are the answer */
    a = answer_of(nth_question(ch, 4));
    CHECK(a && count_kind(a, OCT_ITEM) == 2);
    CHECK(no_prompt(t, ch, "Define the view function: it returns a response."));
    oct_tree_free(t);

    /* a level-1 title that asks, over questions of its own */
    t = load_text("k8s.md",
                  "# What is Kubernetes?\n\nAn orchestrator.\n\n## How does scheduling work?\n\n"
                  "It places pods.\n\n## What is a pod?\n\nA group of containers.\n",
                  &ch);
    CHECK(ch && count_questions(ch).questions == 2);
    CHECK(no_prompt(t, ch, "What is Kubernetes?"));
    oct_tree_free(t);
}

static void test_wide_numbers(void)
{
    oct_node *ch;
    oct_tree *t = load("wide-numbers.txt", &ch);
    static const int items[] = {0, 4, 4, 2, 0};
    for (int i = 0; i < 5; i++) {
        const oct_node *q = nth_question(ch, i), *a = answer_of(q);
        CHECK(q && q->u.question.number == 98 + i);
        if (!items[i]) continue;
        /* the bullets are the answer's list, not text of the prompt */
        CHECK(a && a->first && a->first->kind == OCT_LIST);
        CHECK(a && count_kind(a, OCT_ITEM) == items[i]);
        CHECK(strchr(text_of(t, q), '-') == NULL);
    }
    CHECK(strstr(text_of(t, answer_of(nth_question(ch, 2))), "Last quarter") != NULL);
    oct_tree_free(t);

    /* the normalizer: moved once, then left alone; a lone short indent
     * under "10)" keeps its CommonMark reading */
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"100. **Q?**\n    - a\n    - b\n", "100. **Q?**\n     - a\n     - b\n"},
        {"100. **Q?**\n     - a\n", "100. **Q?**\n     - a\n"},
        {"10) foo\n   - bar\n", "10) foo\n   - bar\n"},
        {"1. A\n   - x\n\n10. B\n   - y\n", "1. A\n   - x\n\n10. B\n    - y\n"},
        {"9. A\n  10. B\n", "9. A\n  10. B\n"},
        {"100. Q\n    1. step\n    2. step\n", "100. Q\n     1. step\n     2. step\n"},
        {"100. Q\n\nText.\n\n    - code-like\n", "100. Q\n\nText.\n\n    - code-like\n"},
        {"```\n100. x\n    - y\n```\n", "```\n100. x\n    - y\n```\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        oct_normalized out;
        oct_diag *d = oct_diag_new(NULL);
        CHECK(oct_normalize("notes.txt", cases[i].in, strlen(cases[i].in), NULL, &out, d) == 0);
        if (strcmp(out.text, cases[i].out) != 0)
            fprintf(stderr, "case %zu:\n%s----\n%s====\n", i, cases[i].in, out.text);
        CHECK_STR(out.text, cases[i].out);
        CHECK(out.nlines == 0 || (size_t)out.line_map[out.nlines - 1] == out.nlines);
        oct_normalized_release(&out);
        oct_diag_free(d);
    }
}

int main(void)
{
    test_heading_number();
    test_counts();
    test_labels();
    test_python();
    test_sql_german();
    test_not_questions();
    test_unnamed_runs();
    test_general_headings();
    test_subquestion_headings();
    test_wide_numbers();
    return check_done();
}
