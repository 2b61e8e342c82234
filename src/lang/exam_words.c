/* The words of an exam paper's labels and totals (exam_words.h). A word
 * is matched whole: "Problema" is not "Problem" followed by a letter, so
 * at most one word of a list opens a line. */
#include "lang/exam_words.h"

#include <string.h>

/* Words before a question's number, lower case: English, German, French,
 * Spanish, Italian, Dutch (Portuguese "problema" is Spanish's too). */
static const char *const QUESTION[] = {"question", "problem", "exercise",  "aufgabe",  "frage",
                                       "exercice", "task",    "ejercicio", "problema", "esercizio",
                                       "opgave",   "vraag",   "q",         NULL};

static const char *const TOTAL[] = {"total", "gesamt", "insgesamt", "summe", NULL};

static char fold(char ch)
{
    return ch >= 'A' && ch <= 'Z' ? (char)(ch | 0x20) : ch;
}

/* s[0..n) opens with word w (lower case) in any case, and no letter
 * follows it (a byte of a non-ASCII character counts as one). */
size_t oct_lang_word_at(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    if (n < k) return 0;
    for (size_t i = 0; i < k; i++)
        if (fold(s[i]) != w[i]) return 0;
    if (k < n) {
        char after = fold(s[k]);
        if ((after >= 'a' && after <= 'z') || (unsigned char)after >= 0x80) return 0;
    }
    return k;
}

static size_t one_of(const char *const *words, const char *s, size_t n)
{
    for (size_t i = 0; words[i]; i++) {
        size_t k = oct_lang_word_at(s, n, words[i]);
        if (k) return k;
    }
    return 0;
}

size_t oct_lang_question_word(const char *s, size_t n)
{
    return one_of(QUESTION, s, n);
}

size_t oct_lang_total_word(const char *s, size_t n)
{
    return one_of(TOTAL, s, n);
}
