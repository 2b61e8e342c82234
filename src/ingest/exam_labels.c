/* Readers of an exam paper's labels, marks, totals, sections and mark
 * scheme captions (see exam_labels.h). Each reads one line and nothing
 * around it: whether the file is a paper at all is normalize_parts.c's
 * question, so these may accept "3 Describe…" that a recipe could also
 * write. */
#include "ingest/exam_labels.h"
#include "lang/exam_words.h"

#include <string.h>

static bool blank(char ch)
{
    return ch == ' ' || ch == '\t';
}

static bool digit(char ch)
{
    return ch >= '0' && ch <= '9';
}

static bool lower(char ch)
{
    return ch >= 'a' && ch <= 'z';
}

static char fold(char ch)
{
    return ch >= 'A' && ch <= 'Z' ? (char)(ch | 0x20) : ch;
}

static bool roman(const char *t, size_t n)
{
    static const char *const R[] = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"};
    for (size_t i = 0; i < sizeof R / sizeof *R; i++)
        if (strlen(R[i]) == n && memcmp(R[i], t, n) == 0) return true;
    return false;
}

/* Appends part t[0..n) (letters or digits) to out; false when it is no
 * part (a word, too deep). */
static bool add_part(oct_exam_label *out, const char *t, size_t n)
{
    if (n == 0 || n >= OCT_EXAM_TOKEN || out->nparts >= OCT_EXAM_DEPTH) return false;
    oct_exam_kind k;
    if (digit(t[0])) {
        for (size_t i = 0; i < n; i++)
            if (!digit(t[i])) return false;
        k = OCT_EXAM_DIGIT;
    } else {
        for (size_t i = 0; i < n; i++)
            if (!lower(t[i])) return false;
        if (roman(t, n))
            k = OCT_EXAM_ROMAN;
        else if (n == 1)
            k = OCT_EXAM_LETTER;
        else
            return false;
    }
    memcpy(out->part[out->nparts], t, n);
    out->part[out->nparts][n] = '\0';
    out->kind[out->nparts++] = k;
    return true;
}

/* A part at s[*i..n): "(a)", "(ii)", "a)", "ii)"; *i moves past it. */
static bool read_part(const char *s, size_t n, size_t *i, oct_exam_label *out)
{
    size_t j = *i, open = j < n && s[j] == '(';
    j += open;
    size_t t = j;
    while (j < n && lower(s[j]) && j - t < OCT_EXAM_TOKEN)
        j++;
    if (j >= n || s[j] != ')' || !add_part(out, s + t, j - t)) return false;
    *i = j + 1;
    return true;
}

/* Further parts from s[*i]: "(a)", " (ii)", "a)"; *i moves past them. */
static void more_parts(const char *s, size_t n, size_t *i, oct_exam_label *out)
{
    for (;;) {
        size_t k = *i;
        while (k < n && blank(s[k]))
            k++;
        if (!read_part(s, n, &k, out)) break;
        *i = k;
    }
}

/* The word before a question's number (lang/exam_words.h), length with
 * the blanks after it; *wlen the word's own. A "Q" is one only before a
 * number or a blank ("Q.", "Q:" are a prompt's labels). */
static size_t question_word(const char *s, size_t n, size_t *wlen)
{
    size_t k = oct_lang_question_word(s, n);
    if (!k || (k == 1 && !(k < n && (digit(s[k]) || blank(s[k]))))) return 0;
    *wlen = k;
    while (k < n && blank(s[k]))
        k++;
    return k < n && digit(s[k]) ? k : 0;
}

/* The number and the parts written with it: "1", "1.2", "1 (a)", "1(a)(ii)",
 * "1a", "1 a", "3)"; from s[*i], moved past them. */
static bool read_numbered(const char *s, size_t n, size_t *i, bool lenient, oct_exam_label *out)
{
    size_t j = *i;
    int v = 0;
    while (j < n && digit(s[j]) && j - *i < 3)
        v = v * 10 + (s[j++] - '0');
    if (j == *i || (j < n && digit(s[j])) || v == 0) return false;
    out->number = v;
    while (j + 1 < n && s[j] == '.' && digit(s[j + 1])) { /* "1.2", "1.2.3" */
        size_t t = ++j;
        while (j < n && digit(s[j]))
            j++;
        if (!add_part(out, s + t, j - t)) return false;
    }
    if (j < n && s[j] == ')' && !out->word && out->nparts == 0) {
        out->paren = true;
        *i = j + 1;
        oct_exam_label more = {0}; /* "3) (a)": no part of a worded question */
        size_t k = *i;
        more_parts(s, n, &k, &more);
        return more.nparts == 0;
    }
    if (j < n && lower(s[j]) && (j + 1 >= n || !lower(s[j + 1]))) /* "1a", "1a)" */
        add_part(out, s + j, 1), j += 1 + (j + 1 < n && s[j + 1] == ')');
    /* "1 a Define…", "2 b (i)": one letter between blanks */
    if (out->nparts == 0 && j + 3 < n && blank(s[j]) && lower(s[j + 1]) && s[j + 1] <= 'h' &&
        blank(s[j + 2]) && ((s[j + 3] >= 'A' && s[j + 3] <= 'Z') || s[j + 3] == '(' || lenient))
        add_part(out, s + j + 1, 1), j += 2;
    more_parts(s, n, &j, out);
    *i = j;
    return true;
}

/* After the label: a delimiter, blanks, and text a prompt can open with. */
static bool read_rest(const char *s, size_t n, size_t j, bool lenient, oct_exam_label *out)
{
    if (j < n && (s[j] == ':' || s[j] == '.')) {
        j++;
        if (!out->paren) more_parts(s, n, &j, out); /* "Problem 3: (a) Find…" */
    }
    size_t k = j;
    while (k < n && blank(s[k]))
        k++;
    if (k < n && (s[k] == '-' || !strncmp(s + k, "\xE2\x80\x93", 3)) && k > j) {
        k += s[k] == '-' ? 1 : 3;
        while (k < n && blank(s[k]))
            k++;
    }
    out->len = k;
    if (k >= n) return out->word || (out->nparts > 0 && out->number > 0);
    if (k == j) return false; /* "3rd", "1.5kg" */
    /* "3 Describe", "1.2 Define": a number that could be a quantity */
    bool bare = out->number && !out->word && !out->paren &&
                (out->nparts == 0 || out->kind[0] == OCT_EXAM_DIGIT);
    return !(bare && (digit(s[k]) || (lower(s[k]) && !lenient) || s[k] == '.' || s[k] == '%'));
}

bool oct_exam_read_label(const char *s, size_t n, bool lenient, oct_exam_label *out)
{
    memset(out, 0, sizeof *out);
    size_t i = question_word(s, n, &out->wordlen);
    out->word = i > 0;
    if (!out->word) out->wordlen = 0;
    if (digit(i < n ? s[i] : 0))
        return read_numbered(s, n, &i, lenient, out) && read_rest(s, n, i, lenient, out);
    size_t k = oct_lang_word_at(s, n, "part");
    if (!k) k = oct_lang_word_at(s, n, "teil");
    if (k) {
        while (k < n && blank(s[k]))
            k++;
        i = k;
        if (i < n && lower(s[i]) && (i + 1 >= n || !lower(s[i + 1]))) { /* "Part a" */
            add_part(out, s + i, 1);
            i++;
            more_parts(s, n, &i, out);
            return read_rest(s, n, i, lenient, out) && out->len < n;
        }
    }
    if (!read_part(s, n, &i, out)) return false;
    more_parts(s, n, &i, out);
    return read_rest(s, n, i, lenient, out) && out->len < n;
}

/* The unit after a number of marks: "marks", "pts", "Punkte", "P." */
static bool mark_unit(const char *s, size_t n)
{
    static const char *const U[] = {"mark",  "marks",  "pt",     "pts",   "point",  "points",
                                    "punkt", "punkte", "p",      "p.",    "pkt",    "pkt.",
                                    "be",    "punto",  "puntos", "punti", "pontos", NULL};
    for (size_t i = 0; U[i]; i++) {
        size_t k = strlen(U[i]);
        if (k != n) continue;
        size_t j = 0;
        while (j < k && fold(s[j]) == U[i][j])
            j++;
        if (j == k) return true;
    }
    return false;
}

size_t oct_exam_marks(const char *s, size_t n, bool bare, int *marks)
{
    size_t e = n;
    while (e > 0 && blank(s[e - 1]))
        e--;
    if (e < 3 || (s[e - 1] != ']' && s[e - 1] != ')')) return n;
    char open = s[e - 1] == ']' ? '[' : '(';
    size_t o = e - 1;
    while (o > 0 && s[o - 1] != open && e - o < 24)
        o--;
    if (o == 0 || s[o - 1] != open) return n;
    size_t i = o;
    while (i < e - 1 && blank(s[i]))
        i++;
    int v = 0;
    size_t d = i;
    while (i < e - 1 && digit(s[i]) && i - d < 2)
        v = v * 10 + (s[i++] - '0');
    if (i == d || v == 0) return n;
    size_t u = i;
    while (u < e - 1 && blank(s[u]))
        u++;
    size_t ue = e - 1;
    while (ue > u && blank(s[ue - 1]))
        ue--;
    bool unit = ue > u && u > i && mark_unit(s + u, ue - u);
    if (!(unit || (ue == i && (open == '[' || bare)))) return n;
    size_t start = o - 1;
    while (start > 0 && blank(s[start - 1]))
        start--;
    *marks = v;
    return start;
}

bool oct_exam_total(const char *s, size_t n)
{
    if (n > 60) return false;
    size_t i = 0;
    while (i < n && (s[i] == '[' || s[i] == '(' || blank(s[i])))
        i++;
    if (!oct_lang_total_word(s + i, n - i)) return false;
    for (; i < n; i++)
        if (digit(s[i])) return true;
    return false;
}

bool oct_exam_section(const char *s, size_t n)
{
    static const char *const W[] = {"section", "part", "teil", "partie", "abschnitt", NULL};
    if (n > 60) return false;
    for (size_t w = 0; W[w]; w++) {
        size_t k = oct_lang_word_at(s, n, W[w]);
        if (!k || k >= n || !blank(s[k])) continue;
        while (k < n && blank(s[k]))
            k++;
        size_t t = k;
        while (k < n && ((s[k] >= 'A' && s[k] <= 'Z') || digit(s[k])) && k - t < 4)
            k++;
        if (k == t || (k < n && lower(s[k]))) continue;
        if (k == n || s[k] == ':' || s[k] == '.' ||
            (blank(s[k]) && k + 1 < n &&
             (s[k + 1] == '-' || s[k + 1] == '(' || (unsigned char)s[k + 1] == 0xE2)))
            return true;
    }
    return false;
}

bool oct_exam_scheme_caption(const char *s, size_t n)
{
    static const char *const EQ[] = {"answers",
                                     "answerkey",
                                     "solutions",
                                     "workedsolutions",
                                     "modelanswers",
                                     "lösungen",
                                     "lösung",
                                     "musterlösung",
                                     "lösungshinweise",
                                     "erwartungshorizont",
                                     "corrigé",
                                     "réponses",
                                     "correction",
                                     "respuestas",
                                     "soluciones",
                                     "soluzioni",
                                     "markscheme",
                                     "markschemes",
                                     "markingscheme",
                                     "markingschemes",
                                     "barème",
                                     "corrigéetbarème",
                                     NULL};
    static const char *const PRE[] = {"markscheme", "markingscheme", "corrigé", "barème", NULL};
    while (n > 0 && (s[0] == '#' || blank(s[0])))
        s++, n--;
    if (n == 0 || n > 60) return false;
    char f[80];
    size_t k = 0;
    for (size_t i = 0; i < n && k + 2 < sizeof f; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == 0xC3 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
            (unsigned char)s[i + 1] <= 0x9E) { /* "Ö", "É": Latin-1 capitals */
            f[k++] = (char)ch;
            f[k++] = (char)(s[++i] + 0x20);
        } else if (ch >= 0x80 || digit((char)ch) || lower(fold((char)ch))) {
            f[k++] = ch >= 0x80 ? (char)ch : fold((char)ch);
        }
    }
    f[k] = '\0';
    for (size_t i = 0; EQ[i]; i++)
        if (strcmp(f, EQ[i]) == 0) return true;
    for (size_t i = 0; PRE[i]; i++)
        if (strncmp(f, PRE[i], strlen(PRE[i])) == 0) return true;
    return false;
}
