/* Readers of an exam paper's lines as ingest wrote them out
 * (ingest/normalize/normalize_parts.c): the full label first ("1(a)(ii) ", "1.2 ",
 * "3 "), the marks last (" [2]"); and of what a mark scheme's table or a
 * paper's running text may still say ("1 (a) (ii)" in a cell, "[Total
 * 6]"). The words of a question's number and of a total are ingest's
 * too (lang/exam_words.h). */
#include "lang/exam_words.h"
#include "study/study_int.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

static bool digit(char ch)
{
    return ch >= '0' && ch <= '9';
}

static bool lower(char ch)
{
    return ch >= 'a' && ch <= 'z';
}

/* The word ingest keeps before a question's number ("Problem 3",
 * "Aufgabe 1(a)", "Q2"; lang/exam_words.h), with the blank after it:
 * its length, 0 if none. */
static size_t number_word(const char *s, size_t n)
{
    size_t k = oct_lang_question_word(s, n);
    if (!k) return 0;
    if (k < n && s[k] == ' ') k++;
    return k < n && digit(s[k]) ? k : 0;
}

const char *st_exam_bare(const char *s)
{
    return s + number_word(s, strlen(s));
}

size_t st_exam_label(const char *s, size_t n, int *num, int *parts)
{
    size_t w = number_word(s, n), i = w;
    int v = 0, np = 0;
    while (i < n && digit(s[i]) && i - w < 3)
        v = v * 10 + (s[i++] - '0');
    if (i == w || v == 0 || (i < n && digit(s[i]))) return 0;
    for (;;) {
        if (i + 1 < n && s[i] == '.' && digit(s[i + 1])) {
            i++;
            while (i < n && digit(s[i]))
                i++;
        } else if (i < n && s[i] == '(') {
            size_t j = i + 1;
            while (j < n && lower(s[j]) && j - i <= 5)
                j++;
            if (j == i + 1 || j >= n || s[j] != ')') return 0;
            i = j + 1;
        } else {
            break;
        }
        np++;
    }
    if (i < n && s[i] != ' ') return 0;
    *num = v;
    *parts = np;
    return i < n ? i + 1 : i;
}

void st_exam_key(const char *s, size_t n, oct_buf *out)
{
    oct_buf_clear(out);
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '*'))
        i++;
    /* "Q1", "Question 1", "Frage 1", "Ejercicio 1": the word is no part */
    while (i < n && !digit(s[i]) && s[i] != '(' && i < 14)
        i++;
    if (i == 14 || i >= n) i = 0;
    for (; i < n; i++) {
        char ch = s[i];
        if (ch >= 'A' && ch <= 'Z') ch = (char)(ch | 0x20);
        if (digit(ch) || lower(ch) || (ch == '.' && i + 1 < n && digit(s[i + 1])))
            oct_buf_putc(out, ch);
    }
    if (!out->data) oct_buf_puts(out, "");
}

size_t st_exam_marks(const char *s, size_t n, int *marks)
{
    if (n < 4 || s[n - 1] != ']') return n;
    size_t i = n - 1, v = 0;
    while (i > 0 && digit(s[i - 1]) && n - i < 4)
        i--;
    if (i == n - 1 || i < 2 || s[i - 1] != '[' || s[i - 2] != ' ') return n;
    for (size_t k = i; k < n - 1; k++)
        v = v * 10 + (size_t)(s[k] - '0');
    *marks = (int)v;
    return i - 2;
}

bool st_exam_total(const char *s, size_t n)
{
    if (n > 60) return false;
    size_t i = 0;
    while (i < n && (s[i] == '[' || s[i] == '(' || s[i] == ' '))
        i++;
    if (!oct_lang_total_word(s + i, n - i)) return false;
    for (; i < n; i++)
        if (digit(s[i])) return true;
    return false;
}

bool st_exam_caption(const char *s, size_t n)
{
    static const char *const PRE[] = {
        "markscheme",         "markingscheme", "workedsolution", "modelanswer", "musterlösung",
        "erwartungshorizont", "barème",        "corrigé",        "lösung",      NULL};
    if (st_is_key_caption(s, n)) return true;
    if (n > 60) return false;
    oct_buf f = OCT_BUF_INIT;
    char *c = oct_xstrndup(s, n);
    st_fold_alnum(c, &f);
    bool yes = false;
    for (size_t i = 0; PRE[i] && f.data && !yes; i++)
        yes = strncmp(f.data, PRE[i], strlen(PRE[i])) == 0;
    free(c);
    oct_buf_free(&f);
    return yes;
}
