/* The study pass on notes in other styles, subjects and languages
 * (tests/data/study/), through ingest with the normalizer on. */
#include "test_study_support.h"

typedef struct {
    const char *file;
    int questions, answered;
} expected;

static const expected NOTES[] = {
    {"biology-qa.md", 8, 7},
    {"history-labels.txt", 6, 5},
    {"mcq-details.md", 5, 5},
    {"french-notes.md", 6, 4},
    {"german-notes.md", 6, 4},
    {"chemistry-numbered.txt", 8, 7},
    {"plain-prose.md", 0, 0},
    {"obsidian-vault.md", 5, 4},
    {"spaced-repetition.md", 8, 8},
    {"one-line-cards.txt", 7, 7},
    {"deck-export.txt", 5, 5},
    {"deck-tags.txt", 4, 4},
    {"deck-quoted.txt", 4, 4},
    {"deck-comma.txt", 4, 4},
    {"web-plain.txt", 5, 5},
    {"one-line-answers.md", 8, 7},
    {"mcq-plain.txt", 3, 3},
    {"key-plain.txt", 2, 2},
    {"quoted-cards.md", 2, 2},
    {"quoted-astronomy.md", 4, 4},
    {"quoted-repaso.md", 5, 5},
    {"table-bank.md", 5, 5},
    {"labels-world.txt", 9, 9},
    {"obsidian-comments.md", 4, 4},
    {"cloze-deck.md", 6, 6},
    {"cloze-notes.md", 2, 2},
    {"site-admonitions.md", 3, 3},
    {"hugo-shortcodes.md", 2, 2},
    {"forum-copy.txt", 3, 2},
    {"worksheet-instructions.md", 6, 6},
    {"worked-problems.txt", 7, 7},
    {"physics-math.md", 6, 6},
    {"chemistry-math.md", 4, 4},
    {"exam-commands.md", 10, 10},
    {"callout-answers.md", 4, 4},
    {"deck-notes.md", 4, 4},
    {"cheat-sheet-tails.md", 12, 12},
    {"obsidian-tags.md", 2, 2},
    {"logseq-chemistry.md", 3, 3},
    {"glossary-lists.md", 6, 6},
    {"repeats-revision.md", 6, 6},
    {"pub-quiz.txt", 6, 6},
    {"trivia-es.md", 4, 4},
    {"quiz-keys.txt", 5, 5},
    {"vrai-faux.md", 3, 3},
    {"richtig-falsch.txt", 4, 4},
    {"mcq-bullets.md", 5, 5},
    {"test-opcion.md", 3, 3},
    {"mcq-key.md", 3, 3},
    {"key-inline.md", 8, 8},
    {"key-bullets.md", 9, 6},
    {"pandas-interview.ipynb", 7, 6},
    {"estadistica-r.ipynb", 5, 5},
    {"julia-kurs.ipynb", 5, 4},
    {"french-drill.org", 6, 6},
    {"physics-lecture.org", 3, 3},
    {"sql-interview.rst", 3, 3},
    {"portugues-cheatsheet.rst", 2, 2},
    {"exam-chemistry.txt", 6, 6},
    {"exam-calculus.md", 5, 5},
    {"exam-klausur.txt", 4, 4},
    {"exam-controle.txt", 5, 5},
    {"exam-biology.txt", 9, 8},
    {"exam-geography.txt", 6, 6},
    {"exam-quimica.txt", 5, 5},
    {"nonexam-recipe.txt", 0, 0},
    {"nonexam-changelog.txt", 0, 0},
    {"nonexam-todo.txt", 0, 0},
    {"nonexam-song.txt", 0, 0},
    {"remnote-cells.md", 8, 8},
    {"remnote-geschichte.txt", 7, 7},
    {"thai-biology.md", 5, 5},
    {"java-mianshi.md", 5, 5},
    {"kagaku-nihongo.md", 4, 4},
    {"hindi-vigyan.md", 3, 3},
    {"russian-os.md", 4, 4},
    {"turkce-biyoloji.txt", 4, 4},
    {"shell-redirects.md", 0, 0},
};
enum { NFILES = sizeof NOTES / sizeof NOTES[0] };

/* Ingests and studies one fixture in a tree of its own. */
static oct_tree *load(const char *file, oct_node **ch, oct_diag *d)
{
    oct_tree *t = oct_tree_new();
    char rel[256];
    snprintf(rel, sizeof rel, "tests/data/study/%s", file);
    *ch = ingest_file(t, rel, file, d);
    CHECK(*ch != NULL);
    if (!*ch) return t;
    wordset before = {0};
    words_of_tree(t, &before);
    oct_study_run(t, d);
    CHECK(bad_questions(t) == 0);
    CHECK(words_lost(&before, t) == 0);
    words_free(&before);
    return t;
}

static void test_counts(void)
{
    for (int i = 0; i < NFILES; i++) {
        oct_node *ch;
        oct_tree *t = load(NOTES[i].file, &ch, NULL);
        qcount q = ch ? count_questions(ch) : (qcount){-1, -1};
        if (q.questions != NOTES[i].questions || q.answered != NOTES[i].answered)
            fprintf(stderr, "%s: %d questions, %d answered (expected %d / %d)\n", NOTES[i].file,
                    q.questions, q.answered, NOTES[i].questions, NOTES[i].answered);
        CHECK(q.questions == NOTES[i].questions);
        CHECK(q.answered == NOTES[i].answered);
        oct_tree_free(t);
    }
}

static void test_biology(void)
{
    oct_node *ch;
    oct_tree *t = load("biology-qa.md", &ch, NULL);
    const oct_node *q = nth_question(ch, 1);
    CHECK_STR(text_of(t, q), "Which organelle is called the powerhouse of the cell?");
    /* the answer goes on after its label's paragraph */
    CHECK(strstr(text_of(t, answer_of(q)), "oxidative phosphorylation") != NULL);
    q = nth_question(ch, 2);
    CHECK(q->u.question.number == 1);
    CHECK_STR(text_of(t, answer_of(q)), "Deoxyribonucleic acid.");
    q = nth_question(ch, 3); /* "A:" alone, the answer is the list below */
    CHECK(answer_of(q) && answer_of(q)->first->kind == OCT_LIST);
    q = nth_question(ch, 4);
    CHECK_STR(text_of(t, q), "What is osmosis?");
    CHECK(strncmp(text_of(t, answer_of(q)), "The movement of water", 21) == 0);
    q = nth_question(ch, 5); /* the heading ends it: unanswered */
    CHECK(!q->u.question.answered);
    CHECK(nth_question(ch, 6)->u.question.number == 5);
    oct_tree_free(t);
}

/* Options between a question and its answer label stay with the
 * question; the label's text is the answer. */
static void test_mcq_plain(void)
{
    oct_node *ch;
    oct_tree *t = load("mcq-plain.txt", &ch, NULL);
    for (int k = 0; k < 2; k++) {
        const oct_node *q = nth_question(ch, k);
        const char *prompt = text_of(t, q);
        CHECK(strstr(prompt, k ? "The Niger" : "Canberra") != NULL);
        CHECK(strstr(text_of(t, answer_of(q)), k ? "Niger" : "Sydney") == NULL);
    }
    CHECK_STR(text_of(t, answer_of(nth_question(ch, 0))), "B");
    oct_tree_free(t);
}

static void test_history(void)
{
    oct_node *ch;
    oct_tree *t = load("history-labels.txt", &ch, NULL);
    const oct_node *q = nth_question(ch, 0);
    CHECK(q->u.question.number == 9);
    CHECK_STR(text_of(t, q), "When did the Western Roman Empire fall?");
    CHECK_STR(text_of(t, answer_of(q)), "In 476 AD, when Odoacer deposed Romulus Augustulus.");
    q = nth_question(ch, 1); /* "When the empire split…" is part of the answer */
    CHECK(strstr(text_of(t, answer_of(q)), "Constantinople") != NULL);
    q = nth_question(ch, 3); /* "Answer:" alone, then two paragraphs */
    CHECK(answer_of(q) && answer_of(q)->first != answer_of(q)->last);
    CHECK(strstr(text_of(t, answer_of(q)), "Lords granted fiefs") != NULL);
    CHECK(!nth_question(ch, 4)->u.question.answered);
    CHECK(nth_question(ch, 5)->u.question.number == 14);
    oct_tree_free(t);
}

static void test_mcq(void)
{
    oct_node *ch;
    oct_tree *t = load("mcq-details.md", &ch, NULL);
    const oct_node *q = nth_question(ch, 0);
    /* code and options belong to the question, the revealed text answers */
    CHECK(strncmp(text_of(t, q), "What's the output?", 18) == 0);
    CHECK(strstr(text_of(t, q), "ReferenceError") != NULL);
    CHECK(strstr(text_of(t, answer_of(q)), "hoisted") != NULL);
    CHECK(strstr(text_of(t, answer_of(q)), "<p>") == NULL);
    q = nth_question(ch, 1);
    CHECK_STR(text_of(t, q),
              "Which planet is known as the Red Planet? A) Venus B) Mars C) Jupiter");
    CHECK_STR(text_of(t, answer_of(q)), "B) Mars");
    q = nth_question(ch, 2);
    CHECK(strstr(text_of(t, answer_of(q)), "aurum") != NULL);
    q = nth_question(ch, 4); /* a statement with options, made a question by its answer */
    CHECK(strncmp(text_of(t, q), "The largest ocean on Earth is ___.", 34) == 0);
    CHECK_STR(text_of(t, answer_of(q)),
              "Think first, then open B) Pacific & it covers about a third of the surface");
    oct_tree_free(t);
}

static void test_french_german(void)
{
    oct_node *ch;
    oct_tree *t = load("french-notes.md", &ch, NULL);
    CHECK_STR(text_of(t, nth_question(ch, 0)), "Qu'est-ce que la photosynthèse ?");
    CHECK(strstr(text_of(t, answer_of(nth_question(ch, 2))), "chlorophylle") != NULL);
    CHECK(!nth_question(ch, 3)->u.question.answered);
    CHECK_STR(text_of(t, answer_of(nth_question(ch, 4))), "Une version d'un gène.");
    CHECK(!nth_question(ch, 5)->u.question.answered); /* the heading ends it */
    oct_tree_free(t);
    t = load("german-notes.md", &ch, NULL);
    CHECK_STR(text_of(t, nth_question(ch, 1)), "Erklären Sie das dritte Newtonsche Gesetz.");
    CHECK_STR(text_of(t, nth_question(ch, 2)), "Warum fallen alle Körper im Vakuum gleich schnell");
    const oct_node *q = nth_question(ch, 3);
    CHECK(q->u.question.number == 4);
    CHECK_STR(text_of(t, answer_of(q)), "U = R · I");
    oct_tree_free(t);
}

static void test_chemistry(void)
{
    oct_node *ch;
    oct_tree *t = load("chemistry-numbered.txt", &ch, NULL);
    /* 1..7 answered once each, in order, 8 left unanswered */
    int seen[9] = {0};
    for (int i = 0; i < 8; i++) {
        const oct_node *q = nth_question(ch, i);
        int n = q ? q->u.question.number : 0;
        CHECK(n >= 1 && n <= 8);
        if (n >= 1 && n <= 8) seen[n]++;
        CHECK(q && q->u.question.answered == (n != 8));
    }
    for (int n = 1; n <= 8; n++)
        CHECK(seen[n] == 1);
    const oct_node *q5 = NULL, *q7 = NULL;
    for (int i = 0; i < 8; i++) {
        const oct_node *q = nth_question(ch, i);
        if (q->u.question.number == 5) q5 = q;
        if (q->u.question.number == 7) q7 = q;
    }
    /* the numbered steps of answer 5 stay in it */
    CHECK(q5 && strstr(text_of(t, answer_of(q5)), "never the reverse") != NULL);
    CHECK(q5 && strstr(text_of(t, answer_of(q5)), "catalyst") == NULL);
    CHECK(q7 && strstr(text_of(t, answer_of(q7)), "OIL RIG") != NULL);
    oct_tree_free(t);
}

/* Cards on one line: the answer label cuts them, whatever the separator
 * or the language; an "A:" inside the question (after no sentence end,
 * or quoted) leaves it whole. */
/* A deck's card is one line: its answer is at that line, not the next. */
static void test_deck_lines(void)
{
    oct_node *ch;
    oct_tree *t = load("deck-export.txt", &ch, NULL);
    for (int i = 0; i < 5; i++) {
        const oct_node *q = nth_question(ch, i);
        CHECK(q->span.line == 3 + i + (i >= 3));
        CHECK(answer_of(q) && answer_of(q)->span.line == q->span.line);
    }
    oct_tree_free(t);
}

static void test_one_line_cards(void)
{
    oct_node *ch;
    oct_tree *t = load("one-line-cards.txt", &ch, NULL);
    static const char *const WANT[][2] = {
        {"What instrument measures air pressure?", "A barometer."},
        {"Which gas makes up most of the atmosphere?", "Nitrogen, about 78 %."},
        {"Name the boundary between the troposphere and the stratosphere.", "The tropopause."},
        {"Was misst ein Hygrometer?", "Die Luftfeuchtigkeit."},
        {"\xD0\xA7\xD1\x82\xD0\xBE \xD1\x82\xD0\xB0\xD0\xBA\xD0\xBE\xD0\xB5 "
         "\xD1\x82\xD1\x83\xD0\xBC\xD0\xB0\xD0\xBD?",
         NULL},
        {"On a station plot reading \"A: 1013 hPa\", what does the number give?",
         "The sea-level pressure at that station."},
        {"What does the label A: stand for in these notes?",
         "The answer that follows the question."},
    };
    for (int i = 0; i < 7; i++) {
        const oct_node *q = nth_question(ch, i);
        CHECK(q != NULL);
        if (!q) continue;
        CHECK_STR(text_of(t, q), WANT[i][0]);
        CHECK(q->u.question.answered);
        if (WANT[i][1]) CHECK_STR(text_of(t, answer_of(q)), WANT[i][1]);
        CHECK(q->span.line == 3 + i + 2 * (i == 6)); /* each at its own line */
    }
    CHECK(nth_question(ch, 1) && nth_question(ch, 1)->u.question.number == 2);
    oct_tree_free(t);
}

/* A question callout's answer is its body and a flashcard's its "::"
 * line or "?" card: what follows is the note's (a warning callout, a
 * paragraph); an untitled one asks with its first line; a "Q:"/"A:"
 * answer still runs on to the next question. */
static void test_closed_answers(void)
{
    oct_node *ch;
    oct_tree *t = load("callout-answers.md", &ch, NULL);
    static const char *const WANT[][2] = {
        {"Why do oceanic plates sink?", "They are colder and denser than the mantle below them."},
        {"What drives the plates?", "Mantle convection and slab pull. Ridge push adds a little."},
        {"\xC2\xBFQu\xC3\xA9 es una dorsal oce\xC3\xA1nica?",
         "Una cordillera submarina donde nace la corteza."},
        {"What is a transform fault?",
         "A boundary where plates slide past each other. The San Andreas fault is the best "
         "known one."},
    };
    for (int i = 0; i < 4; i++) {
        const oct_node *q = nth_question(ch, i);
        CHECK(q != NULL);
        if (!q) continue;
        CHECK_STR(text_of(t, q), WANT[i][0]);
        CHECK_STR(text_of(t, answer_of(q)), WANT[i][1]);
    }
    oct_tree_free(t);
    t = load("deck-notes.md", &ch, NULL);
    static const char *const DECK[] = {"Diamond", "Diamant", "Talk", "Calcite"};
    for (int i = 0; i < 4; i++) {
        const oct_node *q = nth_question(ch, i);
        CHECK(q != NULL);
        if (q) CHECK_STR(text_of(t, answer_of(q)), DECK[i]);
    }
    oct_tree_free(t);
}

/* The last question of a run of alike ones answers as the others did:
 * what follows it is the section's own, unless its answer leads on with
 * a colon or it asks in another form. */
static void test_run_tails(void)
{
    oct_node *ch;
    oct_tree *t = load("cheat-sheet-tails.md", &ch, NULL);
    CHECK_STR(text_of(t, answer_of(nth_question(ch, 2))),
              "Ulaanbaatar, the coldest capital in the world.");
    CHECK_STR(text_of(t, answer_of(nth_question(ch, 5))), "The Volga, at about 3,500 km.");
    /* "…bei Cuxhaven:" leads into its list, which the answer keeps; the
     * "Merke:" after it is the section's */
    const char *elbe = text_of(t, answer_of(nth_question(ch, 8)));
    CHECK(strstr(elbe, "Gezeiten bis Hamburg") && !strstr(elbe, "Merke"));
    /* asked in another form than the run ("Question 7:"): its paragraph
     * after the answer stays with it */
    CHECK_STR(text_of(t, answer_of(nth_question(ch, 11))),
              "Mount Elbrus, in the Caucasus. It is a dormant volcano with two summits.");
    oct_tree_free(t);
}

/* The q-th question of ch has label lab, marks m, its prompt opening with
 * prompt (no marks in it) and its answer holding answer (NULL: none). */
static void check_part(oct_tree *t, const oct_node *ch, int q, const char *lab, int m,
                       const char *prompt, const char *answer)
{
    const oct_node *n = nth_question(ch, q);
    CHECK(n != NULL);
    if (!n) return;
    CHECK_STR(n->u.question.label, lab);
    CHECK(n->u.question.marks == m);
    const char *p = text_of(t, n);
    CHECK(strncmp(p, prompt, strlen(prompt)) == 0);
    CHECK(strchr(p, '[') == NULL);
    if (!answer) {
        CHECK(!n->u.question.answered);
        return;
    }
    if (!strstr(text_of(t, answer_of(n)), answer))
        fprintf(stderr, "%s: answer %s\n", lab, text_of(t, answer_of(n)));
    CHECK(strstr(text_of(t, answer_of(n)), answer) != NULL);
}

/* Exam papers: parts under their full labels, marks apart from the
 * wording, stems above their parts, answers from the mark scheme by label
 * (a table's rows, a part "(ii)" under the row above). */
static void test_exam_papers(void)
{
    oct_node *ch;
    oct_tree *t = load("exam-chemistry.txt", &ch, NULL);
    check_part(t, ch, 0, "1(a)(i)", 1, "Name the gas", "hydrogen");
    check_part(t, ch, 1, "1(a)(ii)", 1, "Give the formula", "LiOH");
    check_part(t, ch, 2, "1(b)", 3, "Explain why potassium", "weaker attraction ✓");
    CHECK(strstr(text_of(t, answer_of(nth_question(ch, 2))), "Marks: 3") != NULL);
    check_part(t, ch, 4, "2(b)", 2, "Calculate the relative", "M1; = 100 A1");
    /* the stems: the innermost above each part */
    CHECK(strstr(text_of(t, nth_question(ch, 0)->u.question.context), "Lithium reacts") != NULL);
    CHECK(strstr(text_of(t, nth_question(ch, 2)->u.question.context), "Group 1") != NULL);
    CHECK(nth_question(ch, 3)->u.question.context == NULL);
    oct_tree_free(t);

    t = load("exam-calculus.md", &ch, NULL);
    /* the word of the number stays in the label, the number is 3 */
    check_part(t, ch, 0, "Problem 1(a)", 4, "Find f", "3x² − 3");
    check_part(t, ch, 4, "Problem 3", 4, "Compute the integral", "= 9");
    CHECK(nth_question(ch, 4)->u.question.number == 3);
    CHECK(strstr(text_of(t, nth_question(ch, 1)->u.question.context), "x³ − 3x + 1") != NULL);
    oct_tree_free(t);

    t = load("exam-klausur.txt", &ch, NULL);
    check_part(t, ch, 0, "Aufgabe 1(a)", 3, "Berechnen Sie", "1840 W (1 Formel");
    check_part(t, ch, 2, "Aufgabe 2(a)", 2, "Nennen Sie", "Kupfer");
    CHECK(nth_question(ch, 2)->u.question.number == 2);
    oct_tree_free(t);

    t = load("exam-controle.txt", &ch, NULL);
    check_part(t, ch, 0, "Exercice 1.1", 2, "Calculer u(1)", "= 10");
    check_part(t, ch, 4, "Exercice 2.2", 3, "On lance", "91/216");
    oct_tree_free(t);

    t = load("exam-biology.txt", &ch, NULL);
    check_part(t, ch, 0, "Q1", 1, "Name the organelle", "mitochondria");
    check_part(t, ch, 2, "2(b)(i)", 1, "Name the green", "chlorophyll");
    check_part(t, ch, 3, "2(b)(ii)", 2, "Write the word", "1 for each side");
    check_part(t, ch, 5, "3.2", 4, "Explain how temperature", "enzyme denatured (1)");
    check_part(t, ch, 6, "4", 1, "Which of these is a vector? A speed", "C");
    check_part(t, ch, 7, "5", 1, "Which unit", "B");
    check_part(t, ch, 8, "6", 2, "Suggest why", NULL);
    oct_tree_free(t);
}

/* Parts written as a label and marks alone ("(b) [2]"), their wording on
 * the lines or the paragraph below, or nowhere; a part under two stems;
 * worded numbers in Spanish. */
static void test_exam_wordless(void)
{
    oct_node *ch;
    oct_diag *d = oct_diag_new(NULL);
    oct_tree *t = load("exam-geography.txt", &ch, d);
    check_part(t, ch, 1, "1(b)", 2, "Describe the shape", "roughly circular");
    check_part(t, ch, 2, "1(c)", 3, "Explain how the steep", "mass movement");
    /* "2(c) [2]" says nothing: no question, the label stays in print */
    CHECK(check_count_code(d, "exam-empty-part") == 1);
    CHECK(oct_diag_size(d) && oct_diag_at(d, 0)->line == 16);
    CHECK(strstr(text_of(t, ch), "2(c) [2]") != NULL);
    for (int i = 0; i < 6; i++) {
        const oct_node *q = nth_question(ch, i);
        CHECK(q && q->u.question.label && strcmp(q->u.question.label, "2(c)") != 0);
    }
    /* 2(b)(ii) under 2 and 2(b): both stems, outermost first */
    const oct_node *q = nth_question(ch, 5), *q4 = nth_question(ch, 4), *q3 = nth_question(ch, 3);
    CHECK(q && q4 && q3);
    if (q && q4 && q3) {
        CHECK_STR(q->u.question.label, "2(b)(ii)");
        const char *stems = q->u.question.context ? text_of(t, q->u.question.context) : "";
        const char *outer = strstr(stems, "Rivers move"), *inner = strstr(stems, "hydrograph");
        CHECK(outer && inner && outer < inner);
        CHECK(q4->u.question.context == q->u.question.context);
        /* 2(a) under 2 alone: the stem itself, in the chapter */
        CHECK(q3->u.question.context && q3->u.question.context->parent == ch);
    }
    oct_tree_free(t);
    oct_diag_free(d);

    t = load("exam-quimica.txt", &ch, NULL);
    check_part(t, ch, 0, "Ejercicio 1(a)", 1, "Escriba la reacción", "3 H2");
    check_part(t, ch, 2, "Problema 2", 3, "Calcule la masa", "36 g");
    CHECK(nth_question(ch, 2) && nth_question(ch, 2)->u.question.number == 2);
    check_part(t, ch, 3, "Ejercicio 3(a)", 2, "Defina la energía", "La energía mínima");
    oct_tree_free(t);
}

/* RemNote's cards, in a Markdown export (bullets, children nested) and a
 * text one: each way of writing one, and the redirections and shifts
 * beside them left as they are. */
static void test_remnote(void)
{
    static const char *const CELLS[][2] = {
        {"Mitochondrion", "site of aerobic respiration in the cell"},
        {"Ribosome", "makes proteins from amino acids"},
        {"the molecule that carries energy in the cell", "ATP"}, /* "<<": the back asks */
        {"Osmosis", "diffusion of water across a partially permeable membrane"},
        {"diffusion of water across a partially permeable membrane", "Osmosis"}, /* "<>" */
        {"Enzyme", "a biological catalyst"},
        {"Enzyme: Active site", "the part of the enzyme where the substrate binds"},
        {"Stages of mitosis", "prophase metaphase anaphase telophase"}, /* ">>>" */
    };
    oct_node *ch;
    oct_tree *t = load("remnote-cells.md", &ch, NULL);
    for (int i = 0; i < 8; i++) {
        const oct_node *q = nth_question(ch, i);
        CHECK(q != NULL);
        if (!q) continue;
        CHECK_STR(text_of(t, q), CELLS[i][0]);
        CHECK_STR(text_of(t, answer_of(q)), CELLS[i][1]);
    }
    /* "<>" asks both ways: two questions at the card's line, which merging
     * does not fold into one */
    const oct_node *fwd = nth_question(ch, 3), *back = nth_question(ch, 4);
    CHECK(fwd && back && fwd->span.line == 6 && back->span.line == 6);
    CHECK(fwd && back && fwd->u.question.cluster != back->u.question.cluster);
    const char *all = text_of(t, ch);
    CHECK(strstr(all, "a >> b shifts a right by b bits") != NULL);
    CHECK(strstr(all, "cat notes.txt >> all.txt") != NULL);
    oct_tree_free(t);

    t = load("remnote-geschichte.txt", &ch, NULL);
    const oct_node *q1 = nth_question(ch, 1), *q5 = nth_question(ch, 5), *q6 = nth_question(ch, 6);
    const oct_node *q2 = nth_question(ch, 2), *q3 = nth_question(ch, 3);
    CHECK(q1 && q2 && q3 && q5 && q6);
    if (q1 && q2 && q3 && q5 && q6) {
        CHECK_STR(text_of(t, q1), "Friedrich Ebert");
        CHECK_STR(text_of(t, answer_of(q1)), "Erster Reichspräsident");
        CHECK_STR(text_of(t, q2), "Hyperinflation"); /* "<>": both ways, one line */
        CHECK_STR(text_of(t, answer_of(q3)), "Hyperinflation");
        CHECK_STR(text_of(t, q3), "Geldentwertung im Jahr 1923");
        CHECK(q2->span.line == 5 && q3->span.line == 5);
        CHECK(q2->u.question.cluster != q3->u.question.cluster);
        CHECK_STR(text_of(t, q5), "Artikel 48");
        const char *why = text_of(t, answer_of(q6));
        CHECK(strstr(why, "Weltwirtschaftskrise") &&
              strstr(why, "Notverordnungen statt Parlament"));
    }
    all = text_of(t, ch);
    CHECK(strstr(all, "cat karten.txt >> archiv.txt") && strstr(all, "n >> 1 alle Bits"));
    oct_tree_free(t);
}

/* The quote's blocks left in the chapter, their text joined by " | ". */
static const char *quotes_left(oct_tree *t, const oct_node *ch)
{
    static char out[512];
    out[0] = '\0';
    for (const oct_node *b = ch->first; b; b = b->next)
        if (b->kind == OCT_BLOCKQUOTE) {
            if (out[0]) strncat(out, " | ", sizeof out - strlen(out) - 1);
            strncat(out, text_of(t, b), sizeof out - strlen(out) - 1);
        }
    return out;
}

/* Cards inside block quotes, wherever the card opens in the quote and
 * however deep the quote is: each a question with its answer, what is no
 * card still quoted and in no answer. */
static void test_quoted_cards(void)
{
    static const char *const ASTRO[][2] = {
        {"Which planet has the shortest year?", "Mercury, at 88 Earth days."},
        {"What keeps a moon in its orbit?", "Gravity, pulling it towards the planet it circles."},
        {"What is a light-year?", "The distance light covers in one year, not a length of time."},
        {"What colour are the hottest stars?", "Blue-white."},
    };
    static const char *const REPASO[][2] = {
        {"¿Cuál es el río más largo de España?", "El Tajo, con algo más de mil kilómetros."},
        {"¿Qué cordillera separa España de Francia?", "Los Pirineos."},
        {"¿Cuál es la capital de Galicia?", "Santiago de Compostela."},
        {"Montaña más alta", "el Teide, en Tenerife"},
        {"Capital de Aragón", "Zaragoza"},
    };
    struct {
        const char *file;
        const char *const (*cards)[2];
        int n;
        const char *quotes;
    } F[] = {
        {"quoted-astronomy.md", ASTRO, 4,
         "From the handout, week 2: | \"Keep looking up,\" the club's motto says; no card here."},
        {"quoted-repaso.md", REPASO, 5, "Apuntes de la profesora: | Para el examen:"},
    };
    for (size_t f = 0; f < sizeof F / sizeof *F; f++) {
        oct_node *ch;
        oct_tree *t = load(F[f].file, &ch, NULL);
        for (int i = 0; i < F[f].n && ch; i++) {
            const oct_node *q = nth_question(ch, i);
            CHECK(q != NULL);
            if (!q) continue;
            CHECK_STR(text_of(t, q), F[f].cards[i][0]);
            CHECK_STR(text_of(t, answer_of(q)), F[f].cards[i][1]);
        }
        if (ch) CHECK_STR(quotes_left(t, ch), F[f].quotes);
        oct_tree_free(t);
    }
}

/* Numbered lines that end in a number in brackets, and nothing else of a
 * paper: no exam, and the brackets stay as written. */
static void test_not_papers(void)
{
    static const char *const FILES[] = {"nonexam-recipe.txt", "nonexam-changelog.txt",
                                        "nonexam-todo.txt", "nonexam-song.txt"};
    for (size_t i = 0; i < sizeof FILES / sizeof *FILES; i++) {
        oct_node *ch;
        oct_tree *t = load(FILES[i], &ch, NULL);
        CHECK(ch && !ch->u.chapter.exam);
        const char *all = ch ? text_of(t, ch) : "";
        CHECK(strstr(all, "[") == NULL);
        oct_tree_free(t);
    }
}

int main(void)
{
    test_counts();
    test_run_tails();
    test_biology();
    test_history();
    test_mcq_plain();
    test_mcq();
    test_french_german();
    test_chemistry();
    test_one_line_cards();
    test_deck_lines();
    test_closed_answers();
    test_exam_papers();
    test_exam_wordless();
    test_not_papers();
    test_remnote();
    test_quoted_cards();
    return check_done();
}
