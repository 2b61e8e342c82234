/* How an exam paper writes what is not its wording: the number of a
 * question and of its parts ("1", "Q1", "Question 1", "1 (a)", "1(a)",
 * "(b)", "(ii)", "1 a", "1.2", "2 (b) (ii)", "Aufgabe 1 a)", "Part (a)"),
 * the marks a part is worth ("[2]", "(2 marks)", "[2 marks]", "(2)",
 * "(3 Punkte)", "(10 points)"), its totals ("Total: 30 marks", "[Total
 * 6]"), its section lines ("Section A") and the caption of its mark
 * scheme ("MARK SCHEME", "Marking scheme", "Worked solutions", "Lösungen",
 * "Corrigé", "Barème"). Pure readers of one line (exam_labels.c), for
 * normalize_parts.c. */
#ifndef OCT_INGEST_EXAM_LABELS_H
#define OCT_INGEST_EXAM_LABELS_H
#include <stdbool.h>
#include <stddef.h>

enum { OCT_EXAM_DEPTH = 3, OCT_EXAM_TOKEN = 6 };

typedef enum {
    OCT_EXAM_LETTER = 1, /* "a" */
    OCT_EXAM_ROMAN,      /* "ii" (an "i" may still be the letter after "h") */
    OCT_EXAM_DIGIT,      /* "2" of "1.2", or of "1)" under "Exercice 1" */
} oct_exam_kind;

typedef struct {
    int number; /* the question's number, 0 for a part alone ("(b)") */
    int nparts;
    char part[OCT_EXAM_DEPTH][OCT_EXAM_TOKEN]; /* as written, lower case */
    oct_exam_kind kind[OCT_EXAM_DEPTH];
    bool word;      /* opened with a word: "Question", "Problem", "Aufgabe", "Q" */
    size_t wordlen; /* that word's bytes, as written (the label keeps it) */
    bool paren;     /* a bare "3)" (a part under a worded question, else a list item) */
    size_t len;     /* bytes of the label, its delimiter and the blanks after it */
} oct_exam_label;

/* The label opening s[0..n) (no leading blanks), false if none. A bare
 * number must be followed by text that does not open with a digit or
 * (unless lenient: a mark scheme's "3 add excess acid") a lower-case
 * letter ("3 Describe…", not "2 kg of…"); only a worded label may stand
 * alone on its line ("Problem 1"). */
bool oct_exam_read_label(const char *s, size_t n, bool lenient, oct_exam_label *out);
/* Where the marks ending s[0..n) start (blanks before them included), n
 * if none; *marks gets them. bare: "(2)" counts too (a paper's, not a
 * mark scheme's, where "(1)" is a marking point). */
size_t oct_exam_marks(const char *s, size_t n, bool bare, int *marks);
/* "Total: 30 marks", "[Total 6]", "(Total for question 2 = 8 marks)",
 * "Gesamt: 20 Punkte": a line that only adds up. */
bool oct_exam_total(const char *s, size_t n);
/* "Section A", "SECTION B", "Part B", "Teil A", "Partie 2", "Abschnitt A". */
bool oct_exam_section(const char *s, size_t n);
/* The caption of a mark scheme or of a paper's answers, alone on its line
 * ("# MARK SCHEME", "Markscheme", "Answers:", "Lösungen"). */
bool oct_exam_scheme_caption(const char *s, size_t n);

#endif
