/* The words of an exam paper that ingest reads when it writes a paper out
 * (ingest/exam_labels.c) and the study pass reads again in what ingest
 * wrote (study/exam_labels.c): the word before a question's number
 * ("Question 3", "Aufgabe 1", "Ejercicio 2", "Q4") and the word of a
 * line that adds up ("Total: 30 marks", "Gesamt: 12 Punkte"). One list
 * for both, so that a word one side learns the other knows too. Pure
 * readers of bytes; include only libc, so that both may include them. */
#ifndef OCT_LANG_EXAM_WORDS_H
#define OCT_LANG_EXAM_WORDS_H
#include <stdbool.h>
#include <stddef.h>

/* The length of w (ASCII, lower case) when s[0..n) opens with it in any
 * case and no letter follows it (a byte of a non-ASCII character counts
 * as one); 0 if not. */
size_t oct_lang_word_at(const char *s, size_t n, const char *w);

/* The length of the word before a question's number that opens s[0..n)
 * ("question", "problem", "aufgabe", "exercice", "ejercicio", "q"…, in
 * any case) with no letter after it (ASCII or not); 0 if none. "Q" is a
 * word here; whether a number must follow is the caller's to say. */
size_t oct_lang_question_word(const char *s, size_t n);

/* The length of the word of a total ("total", "gesamt", "insgesamt",
 * "summe", in any case) that opens s[0..n) with no letter after it; 0 if
 * none. */
size_t oct_lang_total_word(const char *s, size_t n);

#endif
