/* An answer key typed in plain text under its caption. A quiz sheet lists
 * its numbered questions and, under "ANSWERS" (or "Answer key",
 * "Respuestas", "Lösungen"…), their answers one a line: "A1 Lima",
 * "Q2 Eight", "R3: Cervantes", "1 Lima", sometimes in rounds ("Round 2",
 * "Ronda 2") whose numbers start again. No Markdown reader sees a list in
 * "A1 Lima": the lines ran together into one paragraph, the study pass
 * found no key, and the whole key became one question's answer.
 *
 * Here, only after such a caption (the evidence that these lines are a
 * key, not a recipe's "2 eggs"), each line numbered in turn becomes the
 * ordered item "1. Lima"; a round line between them stays and starts the
 * numbers again. Markdown items ("1. Lima", "1) Lima") are already a list
 * and stay as they are. The line count does not change (the line map
 * stays 1:1); fenced code is left alone. */
#include "ingest/normalize/normalize_internal.h"
#include "util/buf.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

static bool blank(char ch)
{
    return ch == ' ' || ch == '\t';
}

static bool digit(char ch)
{
    return ch >= '0' && ch <= '9';
}

/* Letters and digits of s[0..n), ASCII lower-cased (other bytes kept),
 * into out: "## Answer Key:" → "answerkey". */
static void fold(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch >= 'A' && ch <= 'Z') ch = (unsigned char)(ch | 0x20);
        if (ch >= 0x80 || digit((char)ch) || (ch >= 'a' && ch <= 'z')) out[k++] = (char)ch;
    }
    out[k] = '\0';
}

/* A caption of an answer key, alone on its line (markup and a colon
 * around it ignored). The study pass knows the same words (pairing.c). */
static bool caption_line(const char *s, size_t n)
{
    static const char *const KEYS[] = {"answers",    "answerkey",  "theanswers",  "solutions",
                                       "lösungen",   "antworten",  "réponses",    "corrigé",
                                       "respuestas", "soluciones", "odpowiedzi",  "risposte",
                                       "soluzioni",  "respostas",  "quizanswers", NULL};
    if (n == 0 || n > 40) return false;
    char f[64];
    fold(s, n, f, sizeof f);
    for (size_t i = 0; KEYS[i]; i++)
        if (strcmp(f, KEYS[i]) == 0) return true;
    return false;
}

/* A round's title inside a key: "Round 2", "Round two:", "Ronda 3",
 * "Manche 1", "Runde 4" (a word of these and a short rest). */
static bool round_line(const char *s, size_t n)
{
    static const char *const ROUNDS[] = {"round", "ronda", "manche", "runde", "rodada", NULL};
    while (n > 0 && (s[0] == '#' || s[0] == '*' || blank(s[0])))
        s++, n--;
    for (size_t i = 0; ROUNDS[i]; i++) {
        size_t k = strlen(ROUNDS[i]);
        if (n <= k + 1 || n > k + 40 || !blank(s[k])) continue;
        bool same = true;
        for (size_t j = 0; j < k && same; j++)
            same = (s[j] | 0x20) == ROUNDS[i][j];
        if (same) return true;
    }
    return false;
}

/* "A1 Lima", "Q2. Eight", "R3: Cervantes", "4 - Lima", "5 Lima" at
 * s[0..n): its number into *num; returns where its text starts, 0 when
 * the line is no key item. A Markdown item ("1. ", "1) ") is left to
 * Markdown: 0 too. */
static size_t key_item(const char *s, size_t n, long *num)
{
    size_t i = 0;
    if (n > 1 && (s[0] == 'A' || s[0] == 'Q' || s[0] == 'R' || s[0] == 'P') && digit(s[1])) i = 1;
    size_t d0 = i;
    long v = 0;
    while (i < n && i - d0 < 3 && digit(s[i]))
        v = v * 10 + (s[i++] - '0');
    if (i == d0 || i >= n || digit(s[i])) return 0;
    bool md = d0 == 0 && (s[i] == '.' || s[i] == ')');
    if (s[i] == '.' || s[i] == ')' || s[i] == ':') i++;
    size_t j = i;
    while (j < n && blank(s[j]))
        j++;
    if (j < n && s[j] == '-' && j + 1 < n && blank(s[j + 1])) j++; /* "4 - Lima" */
    while (j < n && blank(s[j]))
        j++;
    if (md || j == i || j >= n) return 0; /* no blank after the number: "3rd", "1.5" */
    *num = v;
    return j;
}

/* out[i]: where line i's text starts when it is a key item (0: none). */
static void find_keys(const nl_raw_line *v, size_t n, size_t *out)
{
    for (size_t i = 0; i < n; i++) {
        if (v[i].fenced || !caption_line(v[i].s + v[i].lead, v[i].n - v[i].lead)) continue;
        long prev = 0, num = 0;
        size_t k = i + 1, marked = 0;
        for (; k < n && !v[k].fenced; k++) {
            const char *s = v[k].s + v[k].lead;
            size_t len = v[k].n - v[k].lead, at;
            if (len == 0) continue;
            if (round_line(s, len)) {
                prev = 0;
                continue;
            }
            if (v[k].lead > 3) break;
            if ((at = key_item(s, len, &num)) != 0 && num == prev + 1) {
                out[k] = v[k].lead + at;
                prev = num;
                marked++;
                continue;
            }
            /* a Markdown item of the key: keeps the count going */
            char *e = NULL;
            long m = digit(s[0]) ? strtol(s, &e, 10) : 0;
            if (m == prev + 1 && e && (*e == '.' || *e == ')')) {
                prev = m;
                continue;
            }
            break;
        }
        /* one line is no key ("1 in 5 people…" under "Answers") */
        for (size_t j = i + 1; marked < 2 && j < k; j++)
            out[j] = 0;
        i = k - 1;
    }
}

/* Names the lines whose label ("A1", "Q2") was left out, so no reader
 * (and no word check) wonders where it went. */
static void report(const nl_raw_line *v, size_t n, const size_t *at, const char *path,
                   oct_diag *diag)
{
    oct_buf lines = OCT_BUF_INIT;
    int first = 0;
    for (size_t i = 0; i < n; i++) {
        if (!at[i] || digit(v[i].s[v[i].lead])) continue;
        if (!first) first = (int)i + 1;
        oct_buf_printf(&lines, "%s%zu", lines.len ? ", " : "", i + 1);
    }
    if (first)
        oct_diag_report(diag, OCT_NOTE, path, first, 1, "answer-key",
                        "an answer key's items read as a numbered list, their labels (\"A1\", "
                        "\"Q2\") left out: lines %s",
                        lines.data);
    oct_buf_free(&lines);
}

char *nl_mark_answer_keys(const char *text, size_t len, size_t *outlen, const char *path,
                          oct_diag *diag)
{
    nl_raw_line *v;
    size_t n = nl_raw_lines(text, len, &v);
    size_t *at = oct_xcalloc(n ? n : 1, sizeof *at);
    find_keys(v, n, at);
    bool any = false;
    for (size_t i = 0; i < n && !any; i++)
        any = at[i] != 0;
    char *result = NULL;
    if (any) {
        report(v, n, at, path, diag);
        oct_buf out = OCT_BUF_INIT;
        for (size_t i = 0; i < n; i++) {
            const nl_raw_line *l = &v[i];
            if (!at[i]) {
                oct_buf_put(&out, l->s, l->full);
                continue;
            }
            long num = 0;
            key_item(l->s + l->lead, l->n - l->lead, &num);
            oct_buf_printf(&out, "%ld. ", num);
            oct_buf_put(&out, l->s + at[i], l->full - at[i]);
        }
        *outlen = out.len;
        result = oct_buf_detach(&out);
    }
    free(v);
    free(at);
    return result;
}
