#include "study/study_int.h"
#include "util/utf8.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* The heading of a worksheet's exercise ("True or False?", "Part B –
 * Multiple choice", "Fill in the blanks:", "Vrai ou faux ?") tells how to
 * answer the items below it; it asks nothing itself. Read as a question,
 * "True or False?" took the statements under it for its answer. A line is
 * such an instruction when it is one of these phrases, with at most a
 * short title before it and a separator ("Astronomy — True or false?"),
 * and after it only words like "questions" and a remark in brackets ("(2
 * points each)"). "True or false: zero is even." goes on with a
 * statement: that is an item, not an instruction. */

/* Phrases as folded words, one string each, words split by one space. */
static const char *const PHRASES[] = {
    "true or false", "true false", "t f", "right or wrong", "yes or no", "multiple choice",
    "multiple choice questions", "mcq", "mcqs", "fill in the blanks", "fill in the blank",
    "fill in the gaps", "fill in the gap", "fill in the missing words", "fill in the missing word",
    "matching", "match the following", "match the pairs", "short answer", "short answers",
    "choose the correct answer", "choose the right answer", "choose the correct option",
    "select the correct answer", "circle the correct answer", "tick the correct answer",
    /* French, German, Spanish, Italian, Portuguese, Dutch */
    "vrai ou faux", "qcm", "questions à choix multiples", "texte à trous", "richtig oder falsch",
    "wahr oder falsch", "lückentext", "verdadero o falso", "opción múltiple", "selección múltiple",
    "vero o falso", "verdadeiro ou falso", "waar of niet waar", "juist of onjuist",
    "prawda czy fałsz", NULL};

/* Words that may follow the phrase: "True/False questions", "MCQ section". */
static const char *const AFTER[] = {
    "question", "questions", "section", "quiz",   "statements", "items",   "exercise", "exercises",
    "round",    "part",      "test",    "fragen", "aufgaben",   "answers", "type",     NULL};

enum { MAX_WORDS = 24 };

typedef struct {
    size_t start[MAX_WORDS], end[MAX_WORDS];
    size_t n;
} words;

static bool letter_or_digit(const char *s, size_t i, size_t n, size_t *len)
{
    if ((unsigned char)s[i] < 0x80) { /* a byte, not a call, for most text */
        *len = 1;
        return oct_utf8_is_word_char((unsigned char)s[i]);
    }
    return oct_utf8_is_word_char(oct_utf8_decode(s + i, n - i, len));
}

/* Words of f[0..n) outside brackets; false when there are too many. */
static bool split(const char *f, size_t n, words *w)
{
    int depth = 0;
    w->n = 0;
    for (size_t i = 0; i < n;) {
        size_t l;
        if (f[i] == '(' || f[i] == '[') depth++;
        if ((f[i] == ')' || f[i] == ']') && depth > 0) depth--;
        if (!letter_or_digit(f, i, n, &l)) {
            i += l;
            continue;
        }
        size_t s = i;
        while (i < n && letter_or_digit(f, i, n, &l))
            i += l;
        if (depth) continue;
        if (w->n == MAX_WORDS) return false;
        w->start[w->n] = s;
        w->end[w->n++] = i;
    }
    return true;
}

static bool word_is(const char *f, const words *w, size_t k, const char *s, size_t n)
{
    return w->end[k] - w->start[k] == n && memcmp(f + w->start[k], s, n) == 0;
}

/* Words of the phrase p matched at word k of f: how many, 0 if not. */
static size_t phrase_at(const char *f, const words *w, size_t k, const char *p)
{
    if (k >= w->n || f[w->start[k]] != p[0]) return 0; /* most differ at once */
    size_t m = 0;
    while (*p) {
        size_t len = strcspn(p, " ");
        if (k + m >= w->n || !word_is(f, w, k + m, p, len)) return 0;
        m++;
        p += len + (p[len] == ' ');
    }
    return m;
}

static bool after_word(const char *f, const words *w, size_t k)
{
    for (size_t i = 0; AFTER[i]; i++)
        if (word_is(f, w, k, AFTER[i], strlen(AFTER[i]))) return true;
    return false;
}

/* A separator between a title and the phrase: ':', '-', '—', '–', '|',
 * '.', or a number ending the title ("Part 2 True or false"). */
static bool separated(const char *f, const words *w, size_t k)
{
    for (size_t i = w->end[k - 1]; i < w->start[k]; i++)
        if (strchr(":-.|/", f[i]) || (unsigned char)f[i] == 0xE2) return true;
    size_t last = w->end[k - 1] - 1;
    return f[last] >= '0' && f[last] <= '9';
}

/* The phrases that ask for a verdict on each statement below. */
static const char *const VERDICTS[] = {"true or false",
                                       "true false",
                                       "t f",
                                       "right or wrong",
                                       "vrai ou faux",
                                       "richtig oder falsch",
                                       "wahr oder falsch",
                                       "verdadero o falso",
                                       "vero o falso",
                                       "verdadeiro ou falso",
                                       "waar of niet waar",
                                       "juist of onjuist",
                                       "prawda czy fałsz",
                                       NULL};

static bool matches(const char *f, size_t n, const char *const *phrases)
{
    words w;
    if (!split(f, n, &w) || w.n == 0) return false;
    for (size_t k = 0; k < w.n && k <= 4; k++) {
        if (k > 0 && !separated(f, &w, k)) continue;
        for (size_t i = 0; phrases[i]; i++) {
            size_t m = phrase_at(f, &w, k, phrases[i]);
            if (!m) continue;
            size_t j = k + m;
            while (j < w.n && after_word(f, &w, j))
                j++;
            if (j == w.n) return true;
        }
    }
    return false;
}

/* The words a matching line can end in: the last word of a phrase (of
 * PHRASES, which holds every verdict's too) or a word that may follow
 * one; worked out once. */
enum { MAX_ENDS = 96 };
typedef struct {
    const char *w;
    size_t n;
} end_word;
static end_word ends[MAX_ENDS];
static size_t nends;
static bool too_many; /* then every word may: the test is only a shortcut */
static pthread_once_t ends_once = PTHREAD_ONCE_INIT;

static void add_end(const char *w)
{
    size_t n = strlen(w);
    for (size_t i = 0; i < nends; i++)
        if (ends[i].n == n && memcmp(ends[i].w, w, n) == 0) return;
    if (nends < MAX_ENDS)
        ends[nends++] = (end_word){w, n};
    else
        too_many = true;
}

static void find_ends(void)
{
    for (size_t i = 0; AFTER[i]; i++)
        add_end(AFTER[i]);
    for (size_t i = 0; PHRASES[i]; i++) {
        const char *last = strrchr(PHRASES[i], ' ');
        add_end(last ? last + 1 : PHRASES[i]);
    }
}

/* Whether word w (folded, n bytes) can end a matching line. */
static bool may_end(const char *w, size_t n)
{
    pthread_once(&ends_once, find_ends);
    if (too_many) return true;
    for (size_t i = 0; i < nends; i++)
        if (ends[i].n == n && ends[i].w[0] == w[0] && memcmp(ends[i].w, w, n) == 0) return true;
    return false;
}

/* Most lines tested (every question) end in some other word: only the
 * last word outside brackets is folded to see, not the whole line. Too
 * many words is never a match either: folding makes no words. */
static bool could_match(const char *s, size_t n)
{
    /* a line of ASCII at its end and no brackets: its last word, as is */
    size_t b = n, a;
    while (b > 0 && (unsigned char)s[b - 1] < 0x80 &&
           !oct_utf8_is_word_char((unsigned char)s[b - 1]))
        b--;
    for (a = b;
         a > 0 && (unsigned char)s[a - 1] < 0x80 && oct_utf8_is_word_char((unsigned char)s[a - 1]);)
        a--;
    if (a < b && b - a <= 48 && (a == 0 || (unsigned char)s[a - 1] < 0x80) && !memchr(s, '(', n) &&
        !memchr(s, '[', n)) {
        char low[49];
        for (size_t i = a; i < b; i++)
            low[i - a] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] | 0x20 : s[i]);
        return may_end(low, b - a);
    }
    words w;
    if (!split(s, n, &w) || w.n == 0) return false;
    size_t len, k = w.end[w.n - 1] - w.start[w.n - 1];
    if (k > 48) return false; /* folds to more than any phrase's word */
    char buf[64];
    char *f = st_casefold(s + w.start[w.n - 1], k, buf, sizeof buf, false, &len);
    if (!f) return true; /* not worked out here: the whole line is */
    bool yes = may_end(f, len);
    if (f != buf) free(f);
    return yes;
}

static bool folded_matches(const char *s, size_t n, const char *const *phrases)
{
    if (n == 0 || n > 200 || !could_match(s, n)) return false;
    char buf[208];
    size_t len;
    char *f = st_casefold(s, n, buf, sizeof buf, false, &len);
    if (!f) return false;
    bool yes = matches(f, len, phrases);
    if (f != buf) free(f);
    return yes;
}

bool st_quiz_instruction(const char *s, size_t n)
{
    return folded_matches(s, n, PHRASES);
}

bool st_verdict_instruction(const char *s, size_t n)
{
    return folded_matches(s, n, VERDICTS);
}
