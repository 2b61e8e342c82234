#include "study/cluster_int.h"

#include <string.h>

/* An exam question's marks, "What does DNS stand for? [1 mark]", say what
 * the question is worth, not what it asks: read as words, "1" and "mark"
 * kept it from merging with "What does DNS stand for?" and its answer.
 * They are left out of what merging compares (the prompt keeps them). */

/* Words of a mark count, folded to ASCII lower case. */
static const char *const UNITS[] = {"mark", "marks", "m",      "pt",  "pts",   "point",  "points",
                                    "p",    "punkt", "punkte", "pkt", "punto", "puntos", NULL};

static bool blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool unit_word(const char *s, size_t n)
{
    char w[8];
    if (n == 0 || n >= sizeof w) return false;
    for (size_t i = 0; i < n; i++)
        w[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] | 0x20 : s[i]);
    w[n] = 0;
    for (size_t i = 0; UNITS[i]; i++)
        if (strcmp(w, UNITS[i]) == 0) return true;
    return false;
}

/* s[0..n), what is inside the brackets, is a mark count: "2", "1 mark",
 * "10 points", "2-3 marks", "[4m]". */
static bool mark_count(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && blank(s[i]))
        i++;
    size_t d = i;
    while (i < n && (digit(s[i]) || ((s[i] == '-' || s[i] == '/' || s[i] == '.') && i > d)))
        i++;
    if (i == d || !digit(s[i - 1])) return false;
    while (i < n && blank(s[i]))
        i++;
    size_t w = i;
    while (i < n && ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'))
        i++;
    if (i > w && !unit_word(s + w, i - w)) return false;
    if (i < n && s[i] == '.') i++; /* "2 pts." */
    while (i < n && blank(s[i]))
        i++;
    return i == n;
}

size_t ct_without_marks(const char *s, size_t n)
{
    for (;;) {
        while (n > 0 && blank(s[n - 1]))
            n--;
        if (n < 3 || (s[n - 1] != ']' && s[n - 1] != ')')) return n;
        char open = s[n - 1] == ']' ? '[' : '(';
        size_t o = n - 1;
        while (o > 0 && s[o - 1] != open && s[o - 1] != ')' && s[o - 1] != ']' && n - o < 24)
            o--;
        /* "f(5)" is a call, not marks: a blank goes first; and marks alone
         * are all there is to compare */
        if (o < 2 || s[o - 1] != open || !blank(s[o - 2])) return n;
        if (!mark_count(s + o, n - 1 - o)) return n;
        n = o - 1;
    }
}
