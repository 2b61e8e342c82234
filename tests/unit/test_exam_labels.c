/* The readers of an exam paper's lines: labels and parts as papers print
 * them, marks, totals, sections, mark scheme captions (ingest's
 * exam_labels.c), and the full labels and marks the study pass reads
 * back (study/exam_labels.c), both through one list of words
 * (lang/exam_words.c). */
#include "check.h"
#include "ingest/exam_labels.h"
#include "lang/exam_words.h"
#include "study/study_int.h"

#include <string.h>

/* The label of s as "number/part/part" ("1/a/ii"), or "-" when none. */
static const char *label(const char *s, bool lenient)
{
    static char out[64];
    oct_exam_label l;
    if (!oct_exam_read_label(s, strlen(s), lenient, &l)) return "-";
    int k = snprintf(out, sizeof out, "%d%s%s", l.number, l.word ? "w" : "", l.paren ? ")" : "");
    for (int i = 0; i < l.nparts; i++)
        k += snprintf(out + k, sizeof out - (size_t)k, "/%s", l.part[i]);
    return out;
}

static void test_labels(void)
{
    CHECK_STR(label("1 State Newton's second law.", false), "1");
    CHECK_STR(label("1. State the law.", false), "1");
    CHECK_STR(label("Q1 Name the organelle.", false), "1w");
    CHECK_STR(label("Question 12: Define osmosis.", false), "12w");
    CHECK_STR(label("1 (a) State the law.", false), "1/a");
    CHECK_STR(label("1(a) State the law.", false), "1/a");
    CHECK_STR(label("(b) Calculate the force.", false), "0/b");
    CHECK_STR(label("(ii) Give the formula.", false), "0/ii");
    CHECK_STR(label("b) Erklären Sie.", false), "0/b");
    CHECK_STR(label("1 a Define the term.", false), "1/a");
    CHECK_STR(label("2 b (i) Name the pigment.", false), "2/b/i");
    CHECK_STR(label("1.2 Define enzyme.", false), "1/2");
    CHECK_STR(label("2 (b) (ii) Write the equation.", false), "2/b/ii");
    CHECK_STR(label("1a) Explain.", false), "1/a");
    CHECK_STR(label("Aufgabe 2 a) Nennen Sie zwei Leiter.", false), "2w/a");
    CHECK_STR(label("Part (a) Find f'(x).", false), "0/a");
    CHECK_STR(label("Problem 1", false), "1w"); /* a worded number alone */
    CHECK_STR(label("Ejercicio 4: Calcule x.", false), "4w");
    CHECK_STR(label("Problema 2. Demuestre que…", false), "2w");
    oct_exam_label l;
    CHECK(oct_exam_read_label("Task 7 Sort it.", 15, false, &l) && l.wordlen == 4);
    CHECK(oct_exam_read_label("Q7 Sort it.", 11, false, &l) && l.wordlen == 1);
    CHECK(oct_exam_read_label("7 Sort it.", 10, false, &l) && l.wordlen == 0);
    CHECK_STR(label("3) Calculer u(1).", false), "3)"); /* a part only under a worded one */
    /* parts wherever they follow, so that a label written out reads the
     * same again (the normalizer's output normalizes to itself) */
    CHECK_STR(label("Problem 3: (a) Find x.", false), "3w/a");
    CHECK_STR(label("(ii)   (i) Give the formula.", false), "0/ii/i");
    CHECK_STR(label("Part a (i) Name it.", false), "0/a/i");
    CHECK_STR(label("999 \t (i)", false), "999/i");
    CHECK_STR(label("3) (a) Calculer.", false), "-");
    /* what no paper numbers */
    CHECK_STR(label("2 kg of water is heated.", false), "-");
    CHECK_STR(label("1.5 kg", false), "-");
    CHECK_STR(label("3rd place", false), "-");
    CHECK_STR(label("3", false), "-");
    CHECK_STR(label("(c = 4200 J/kg)", false), "-");
    CHECK_STR(label("(A) speed", false), "-");
    CHECK_STR(label("(word) here", false), "-");
    /* a mark scheme's answers may open in lower case */
    CHECK_STR(label("3 add excess acid", false), "-");
    CHECK_STR(label("3 add excess acid", true), "3");
    CHECK_STR(label("2 a supports the cell", true), "2/a");
    CHECK_STR(label("3 42 000 J", true), "-");
}

static int marks(const char *s, bool bare)
{
    int m = 0;
    size_t n = strlen(s), at = oct_exam_marks(s, n, bare, &m);
    return at == n ? -1 : m;
}

static void test_marks(void)
{
    CHECK(marks("State the law. [1]", false) == 1);
    CHECK(marks("Explain. (2 marks)", false) == 2);
    CHECK(marks("Explain. [2 marks]", false) == 2);
    CHECK(marks("Explain. (1 mark)", false) == 1);
    CHECK(marks("Berechnen Sie P. (3 Punkte)", false) == 3);
    CHECK(marks("Nennen Sie zwei. (2 P.)", false) == 2);
    CHECK(marks("Calculer u(1). (2 points)", false) == 2);
    CHECK(marks("Find f'(x). (10 pts)  ", false) == 10);
    CHECK(marks("Define. (2)", true) == 2);
    CHECK(marks("weaker attraction (2)", false) == -1); /* a scheme's marking point */
    CHECK(marks("heat 0.5 kg (c = 4200 J/kg °C)", true) == -1);
    CHECK(marks("u(n+1) = 3u(n)", true) == -1);
    CHECK(marks("[Total 6]", false) == -1);
    CHECK(marks("(0)", true) == -1);
    int m = 0;
    const char *s = "State the law.  [1]";
    CHECK(oct_exam_marks(s, strlen(s), false, &m) == strlen("State the law."));
}

static void test_lines(void)
{
#define T(f, s) f(s, strlen(s))
    CHECK(T(oct_exam_total, "Total: 30 marks"));
    CHECK(T(oct_exam_total, "[Total 6]"));
    CHECK(T(oct_exam_total, "Gesamt: 12 Punkte"));
    CHECK(!T(oct_exam_total, "Totally 3 things"));
    CHECK(!T(oct_exam_total, "Total recall"));
    CHECK(T(oct_exam_section, "Section A"));
    CHECK(T(oct_exam_section, "SECTION B"));
    CHECK(T(oct_exam_section, "Part 2: Calculations"));
    CHECK(T(oct_exam_section, "Teil A"));
    CHECK(!T(oct_exam_section, "Part (a) Find x."));
    CHECK(!T(oct_exam_section, "Part a of the cell"));
    CHECK(!T(oct_exam_section, "Section about cells"));
    CHECK(T(oct_exam_scheme_caption, "MARK SCHEME"));
    CHECK(T(oct_exam_scheme_caption, "## Mark scheme"));
    CHECK(T(oct_exam_scheme_caption, "Markscheme"));
    CHECK(T(oct_exam_scheme_caption, "Marking scheme:"));
    CHECK(T(oct_exam_scheme_caption, "Worked solutions"));
    CHECK(T(oct_exam_scheme_caption, "LÖSUNGEN"));
    CHECK(T(oct_exam_scheme_caption, "Corrigé"));
    CHECK(T(oct_exam_scheme_caption, "Barème"));
    CHECK(T(oct_exam_scheme_caption, "Answers"));
    CHECK(!T(oct_exam_scheme_caption, "Answer ALL questions."));
    CHECK(!T(oct_exam_scheme_caption, "Mark the correct box."));
#undef T
}

/* The study pass reads back what ingest wrote. */
static void test_study_side(void)
{
    int num = 0, parts = 0, m = 0;
    CHECK(st_exam_label("1(a)(ii) Give", 13, &num, &parts) == 9);
    CHECK(num == 1 && parts == 2);
    CHECK(st_exam_label("1.2 Define", 10, &num, &parts) == 4);
    CHECK(num == 1 && parts == 1);
    CHECK(st_exam_label("3 Describe", 10, &num, &parts) == 2 && parts == 0);
    CHECK(st_exam_label("1.5kg", 5, &num, &parts) == 0);
    /* the word ingest kept before the number */
    CHECK(st_exam_label("Problem 3 Compute", 17, &num, &parts) == 10 && num == 3 && parts == 0);
    CHECK(st_exam_label("Aufgabe 12(a) Nennen", 20, &num, &parts) == 14 && num == 12);
    CHECK(parts == 1);
    CHECK(st_exam_label("Q2 Name", 7, &num, &parts) == 3 && num == 2);
    CHECK(st_exam_label("Figure 3 shows", 14, &num, &parts) == 0);
    CHECK(st_exam_label("Problems 3 and 4", 16, &num, &parts) == 0);
    CHECK_STR(st_exam_bare("Exercice 1.2"), "1.2");
    CHECK_STR(st_exam_bare("2(b)"), "2(b)");
    CHECK(st_exam_label("(a) x", 5, &num, &parts) == 0);
    CHECK(st_exam_marks("Define. [12]", 12, &m) == 7 && m == 12);
    CHECK(st_exam_marks("Define. (2)", 11, &m) == 11);
    CHECK(st_exam_marks("[x²] = 9", 8, &m) == 8);
    CHECK(st_exam_total("[Total 6]", 9));
    CHECK(st_exam_caption("MARK SCHEME", 11));
    CHECK(st_exam_caption("Corrigé", strlen("Corrigé")));
    CHECK(!st_exam_caption("Section B", 9));
    oct_buf k = OCT_BUF_INIT;
    const char *same[] = {"1 (a) (ii)",      "1(a)(ii)", "Q1aii",
                          "Question 1 a ii", "1aii",     "Ejercicio 1(a)(ii)"};
    for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
        st_exam_key(same[i], strlen(same[i]), &k);
        CHECK_STR(k.data, "1aii");
    }
    st_exam_key("1.2", 3, &k);
    CHECK_STR(k.data, "1.2");
    st_exam_key("12", 2, &k);
    CHECK_STR(k.data, "12");
    oct_buf_free(&k);
}

/* One list of the words before a question's number serves ingest and the
 * study pass (lang/exam_words.h): each reads the same word off the same
 * label, Dutch's too, which was added once. */
static void test_shared_words(void)
{
    static const char *const L[] = {"Question 3 Define osmosis.",
                                    "PROBLEM 3 Find x.",
                                    "Aufgabe 3 Nennen Sie.",
                                    "Frage 3 Wer?",
                                    "Exercice 3 Calculer.",
                                    "Task 3 Sort it.",
                                    "Ejercicio 3 Calcule.",
                                    "Problema 3 Demuestre.",
                                    "Esercizio 3 Calcola.",
                                    "Exercise 3 Show it.",
                                    "Opgave 3 Bereken x.",
                                    "Vraag 3 Noem twee.",
                                    "Q3 Name it."};
    for (size_t i = 0; i < sizeof L / sizeof *L; i++) {
        const char *s = L[i];
        size_t n = strlen(s), w = oct_lang_question_word(s, n);
        oct_exam_label l;
        CHECK(w > 0);
        CHECK(oct_exam_read_label(s, n, false, &l) && l.word && l.wordlen == w && l.number == 3);
        CHECK(*st_exam_bare(s) == '3');
        int num = 0, parts = -1;
        CHECK(st_exam_label(s, n, &num, &parts) > w && num == 3 && parts == 0);
    }
    /* a word is matched whole, in any case, with no letter after it */
    CHECK(oct_lang_question_word("Problema", 8) == 8);
    CHECK(oct_lang_question_word("Problems 3", 10) == 0);
    CHECK(oct_lang_question_word("Fragebogen 3", 12) == 0);
    CHECK(oct_lang_question_word("Frageé", strlen("Frageé")) == 0);
    CHECK(oct_lang_question_word("Quest 3", 7) == 0);
    CHECK(oct_lang_total_word("GESAMT: 12", 10) == 6);
    CHECK(oct_lang_total_word("Totals", 6) == 0);
    CHECK(oct_exam_total("Gesamt: 12 Punkte", 17) && st_exam_total("Gesamt: 12 Punkte", 17));
    CHECK(!oct_exam_total("Summenformel 3", 14) && !st_exam_total("Summenformel 3", 14));
}

int main(void)
{
    test_labels();
    test_marks();
    test_lines();
    test_study_side();
    test_shared_words();
    return check_done();
}
