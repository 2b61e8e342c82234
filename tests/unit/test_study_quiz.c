/* Quiz sheets through the study pass (tests/data/study/): a source that
 * asks a question twice, pub-quiz answer keys, true-or-false statements
 * and multiple-choice options written as a bullet list. */
#include "test_study_support.h"

static oct_tree *load(const char *file, oct_node **ch)
{
    oct_tree *t = oct_tree_new();
    char rel[256];
    snprintf(rel, sizeof rel, "tests/data/study/%s", file);
    *ch = ingest_file(t, rel, file, NULL);
    CHECK(*ch != NULL);
    if (*ch) oct_study_run(t, NULL);
    return t;
}

static int answers_of(const oct_node *q)
{
    int n = 0;
    for (const oct_node *a = q ? q->first : NULL; a; a = a->next)
        n += a->kind == OCT_ANSWER && a->first;
    return n;
}

/* A booklet by source prints a question its source asks again in the
 * same words once, with both answers, as the flashcards do; a question
 * that only shares words with it stays. */
static void test_repeats(void)
{
    oct_node *ch;
    oct_tree *t = load("repeats-revision.md", &ch);
    CHECK(count_questions(ch).questions == 6);
    oct_study_arrange(t, NULL); /* no topics: the booklet stays by source */
    CHECK(count_questions(ch).questions == 4);
    const oct_node *q = nth_question(ch, 0);
    CHECK_STR(text_of(t, q), "What is an igneous rock?");
    CHECK(answers_of(q) == 2);
    /* the same answer twice is printed once */
    CHECK(answers_of(nth_question(ch, 1)) == 1);
    CHECK(strstr(text_of(t, nth_question(ch, 3)), "made of") != NULL);
    oct_tree_free(t);
}

/* Answer keys typed under their caption ("ANSWERS", "Answer key",
 * "Respuestas") as "A1 Lima", "Q1 Four", "R2 …", "1 Mercury", in rounds
 * that number again: each item answers its round's question. */
static void test_keys(void)
{
    oct_node *ch;
    oct_tree *t = load("pub-quiz.txt", &ch);
    CHECK_STR(text_of(t, answer_of(nth_question(ch, 0))), "Lima");
    CHECK_STR(text_of(t, nth_question(ch, 3)), "Which planet is closest to the Sun?");
    CHECK_STR(text_of(t, answer_of(nth_question(ch, 3))), "Mercury");
    CHECK_STR(text_of(t, answer_of(nth_question(ch, 5))), "Six");
    oct_tree_free(t);
    t = load("trivia-es.md", &ch);
    CHECK_STR(text_of(t, answer_of(nth_question(ch, 1))), "Miguel de Cervantes");
    CHECK_STR(text_of(t, answer_of(nth_question(ch, 3))), "En 1969, con el Apolo 11");
    oct_tree_free(t);
    t = load("quiz-keys.txt", &ch);
    CHECK_STR(text_of(t, answer_of(nth_question(ch, 1))), "The skin");
    CHECK_STR(text_of(t, answer_of(nth_question(ch, 3))), "Four");
    /* "2 eggs" under a line that is no caption stays text, and so does a
     * lone "1 in 5 …" under a caption */
    CHECK(nth_question(ch, 5) == NULL);
    CHECK(strstr(text_of(t, ch), "1 in 5 players") != NULL);
    oct_tree_free(t);
}

/* Statements under "Vrai ou faux ?" / "Richtig oder falsch?" are the
 * questions, the key's verdict and reason their answers; a list under
 * another heading stays a list. */
static void test_true_false(void)
{
    oct_node *ch;
    oct_tree *t = load("vrai-faux.md", &ch);
    CHECK(count_questions(ch).questions == 3);
    CHECK_STR(text_of(t, nth_question(ch, 1)), "Le noyau fabrique l'énergie de la cellule.");
    CHECK(strstr(text_of(t, answer_of(nth_question(ch, 1))), "Faux") != NULL);
    CHECK(strstr(text_of(t, answer_of(nth_question(ch, 1))), "mitochondries") != NULL);
    oct_tree_free(t);
    t = load("richtig-falsch.txt", &ch);
    CHECK_STR(text_of(t, nth_question(ch, 3)), "Die Einheit des Widerstands ist das Ampere.");
    CHECK_STR(text_of(t, answer_of(nth_question(ch, 3))), "Falsch, die Einheit ist das Ohm.");
    oct_tree_free(t);
    t = load("worksheet-instructions.md", &ch);
    CHECK(count_questions(ch).questions == 6);
    oct_tree_free(t);
}

/* Options as bullet items before an answer label stay with the question
 * (lettered, or a short plain list); a list with no label after it is the
 * answer. */
static void test_option_lists(void)
{
    oct_node *ch;
    oct_tree *t = load("mcq-bullets.md", &ch);
    for (int k = 0; k < 3; k++) {
        const oct_node *q = nth_question(ch, k);
        CHECK(strstr(text_of(t, q), k == 0 ? "Vacuole" : k == 1 ? "Platelets" : "Helium") != NULL);
    }
    CHECK_STR(text_of(t, answer_of(nth_question(ch, 0))), "a");
    CHECK_STR(text_of(t, answer_of(nth_question(ch, 1))), "B");
    CHECK_STR(text_of(t, answer_of(nth_question(ch, 2))), "Oxygen");
    CHECK(strstr(text_of(t, answer_of(nth_question(ch, 3))), "Telophase") != NULL);
    CHECK(strstr(text_of(t, answer_of(nth_question(ch, 4))), "chloroplasts") != NULL);
    oct_tree_free(t);
    t = load("test-opcion.md", &ch);
    CHECK(strstr(text_of(t, nth_question(ch, 0)), "(c) Sd") != NULL);
    CHECK_STR(text_of(t, answer_of(nth_question(ch, 0))), "(b) Na");
    CHECK_STR(text_of(t, answer_of(nth_question(ch, 1))), "C");
    CHECK(strstr(text_of(t, answer_of(nth_question(ch, 2))), "maleables") != NULL);
    oct_tree_free(t);
    /* lettered options under listed questions, answered by a key */
    t = load("mcq-key.md", &ch);
    CHECK(strstr(text_of(t, nth_question(ch, 1)), "Dead matter") != NULL);
    CHECK_STR(text_of(t, answer_of(nth_question(ch, 1))), "b – dead plants and animals");
    CHECK_STR(text_of(t, answer_of(nth_question(ch, 2))), "(b)");
    oct_tree_free(t);
}

int main(void)
{
    test_repeats();
    test_keys();
    test_true_false();
    test_option_lists();
    return check_done();
}
