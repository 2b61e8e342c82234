/* List items written without a Markdown marker. Text pasted from chats,
 * slides and word processors marks its items with "•", "◦", "▪", "●",
 * "➤" and the like, and a vocabulary list puts one "term - meaning" on
 * each line; no Markdown reader knows either, and the lines ran together
 * into one justified paragraph. Here such lines get a "-" marker:
 *
 *   - a line opening with a bullet symbol: the symbol becomes the marker
 *     (in its column, so a deeper indent still makes a sublist);
 *   - a glossary: a block of three or more lines (between blank lines)
 *     each of which is "term - meaning" ("–" and "—" too) or "Term:
 *     meaning" (normalize_glossary.c), its term written bold;
 *   - two or more lines enumerated in turn in one form ("(a)", "(b)";
 *     "a)", "b)"; "i.", "ii."; "(iv)"), the enumerator kept ("- (a) ..."),
 *     unless they follow a question (its options, which study/ reads);
 *   - two or more lines led by a dash ("– ", "— "): the dash becomes the
 *     marker.
 * And a block of two or more lines numbered in turn as "1 - Nairobi",
 * "2 – Santiago" or "3: Lima" (an answer key typed without Markdown)
 * becomes the ordered list "1. Nairobi"...
 *
 * Fenced code is left alone, and the line count does not change (the
 * line map stays 1:1). */
#include "ingest/normalize/normalize_internal.h"
#include "util/buf.h"
#include "util/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Symbols used as bullets (UTF-8). Dashes and arrows that also stand in
 * running text ("–", "→") are not among them. */
static const char *const BULLETS[] = {
    "\xE2\x80\xA2", /* • */ "\xE2\x97\xA6", /* ◦ */ "\xE2\x96\xAA", /* ▪ */
    "\xE2\x96\xAB", /* ▫ */ "\xE2\x80\xA3", /* ‣ */ "\xE2\x97\x8F", /* ● */
    "\xE2\x97\x8B", /* ○ */ "\xE2\x96\xA0", /* ■ */ "\xE2\x96\xA1", /* □ */
    "\xE2\x96\xBA", /* ► */ "\xE2\x96\xB8", /* ▸ */ "\xE2\x9E\xA4", /* ➤ */
    "\xE2\x9E\xA2", /* ➢ */ "\xE2\x81\x83",                         /* ⁃ */
};

typedef nl_raw_line line;

static bool blank(char ch)
{
    return ch == ' ' || ch == '\t';
}

/* Bytes of the bullet symbol at t[0..n) with the blanks after it, 0 if
 * none (or nothing follows it). */
static size_t bullet_at(const char *t, size_t n)
{
    if (n < 3 || (unsigned char)t[0] != 0xE2) return 0; /* every bullet's first byte */
    for (size_t i = 0; i < sizeof BULLETS / sizeof *BULLETS; i++) {
        size_t k = strlen(BULLETS[i]);
        if (n < k || memcmp(t, BULLETS[i], k) != 0) continue;
        while (k < n && blank(t[k]))
            k++;
        return k < n ? k : 0;
    }
    return 0;
}

/* "3 - Lima" at t[0..n) (also "3 – ", "3 — ", "3: "): an answer key's or a
 * list's item numbered in plain text, which Markdown reads as a line of
 * text. Its number into *num; returns where its text starts, 0 if none. */
static size_t numbered_line(const char *t, size_t n, long *num)
{
    size_t i = 0;
    long v = 0;
    while (i < n && i < 4 && t[i] >= '0' && t[i] <= '9')
        v = v * 10 + (t[i++] - '0');
    if (i == 0 || i >= n || (t[i] >= '0' && t[i] <= '9')) return 0;
    size_t j = i;
    while (j < n && blank(t[j]))
        j++;
    size_t d = 0;
    if (j < n && (t[j] == '-' || t[j] == ':'))
        d = 1;
    else if (j + 3 <= n &&
             (memcmp(t + j, "\xE2\x80\x93", 3) == 0 || memcmp(t + j, "\xE2\x80\x94", 3) == 0))
        d = 3;
    if (!d || (t[j] != ':' && j == i) || j + d >= n || !blank(t[j + d])) return 0;
    j += d;
    while (j < n && blank(t[j]))
        j++;
    if (j >= n || nl_count_words(t + j, n - j, "", NULL) < 1) return 0;
    *num = v;
    return j;
}

/* A roman numeral of i, v and x, lower case, up to 39; 0 if w[0..n) is
 * none. */
static int roman(const char *w, size_t n)
{
    static const char *const R[] = {"",   "i", "ii", "iii", "iv",   "v",   "vi", "vii", "viii",
                                    "ix", "x", "xi", "xii", "xiii", "xiv", "xv", NULL};
    for (int k = 1; R[k]; k++)
        if (strlen(R[k]) == n && memcmp(R[k], w, n) == 0) return k;
    return 0;
}

/* An enumerator opening t[0..n): "(a) ", "a) ", "(iv) ", "iv) ", "iv. ".
 * Its form into *form (1: "(x)", 2: "x)", 3: "x."), its place in the
 * alphabet (*letter, 0 when longer than a letter) and as a roman numeral
 * (*num, 0 when none); "x." only as a numeral ("a. m." is no item).
 * Returns 0 when there is none or nothing follows it. */
static size_t enumerator(const char *t, size_t n, int *form, int *letter, int *num)
{
    size_t i = t[0] == '(' ? 1 : 0, k = 0;
    while (i + k < n && k < 5 && t[i + k] >= 'a' && t[i + k] <= 'z')
        k++;
    if (!k || i + k >= n) return 0;
    char close = t[i + k];
    if (i ? close != ')' : close != ')' && close != '.') return 0;
    size_t j = i + k + 1;
    if (j >= n || !blank(t[j])) return 0;
    while (j < n && blank(t[j]))
        j++;
    if (j >= n) return 0;
    *form = i ? 1 : close == ')' ? 2 : 3;
    *letter = k == 1 ? t[i] - 'a' + 1 : 0;
    *num = roman(t + i, k);
    return *form == 3 && !*num ? 0 : j;
}

/* Lines i.. enumerated in turn in one form ("(a)", "(b)"...; "i.",
 * "ii."...): how many, 0 when fewer than two. */
static size_t enumerated_run(const line *v, size_t n, size_t i)
{
    int form0 = 0;
    bool by_letter = true, by_numeral = true;
    size_t e = i;
    for (; e < n && v[e].lead == v[i].lead; e++) {
        int form, letter, num;
        if (!enumerator(v[e].s + v[e].lead, v[e].n - v[e].lead, &form, &letter, &num)) break;
        if (e == i) form0 = form;
        if (form != form0) break;
        bool l = by_letter && letter == (int)(e - i) + 1, r = by_numeral && num == (int)(e - i) + 1;
        if (!l && !r) break;
        by_letter = l;
        by_numeral = r;
    }
    return e - i >= 2 ? e - i : 0;
}

/* "– item", "— item" at t[0..n): the dash and the blanks after it. */
static size_t dash_at(const char *t, size_t n)
{
    if (n < 5 || memcmp(t, "\xE2\x80", 2) != 0 ||
        ((unsigned char)t[2] != 0x93 && (unsigned char)t[2] != 0x94) || !blank(t[3]))
        return 0;
    size_t k = 3;
    while (k < n && blank(t[k]))
        k++;
    return k < n ? k : 0;
}

/* Whether the line before i (skipping blanks) asks: options under a
 * question ("a) The Niger") stay its lines (study/ reads them). */
static bool after_question(const line *v, size_t i)
{
    while (i > 0 && v[i - 1].n == v[i - 1].lead)
        i--;
    if (i == 0) return false;
    const line *l = &v[i - 1];
    size_t n = l->n;
    while (n > l->lead && blank(l->s[n - 1]))
        n--;
    return n > l->lead && (l->s[n - 1] == '?' || l->s[n - 1] == ':');
}

/* marker[i]: bytes of line i to replace by "- " (0: none; SIZE_MAX: put
 * "- " before the text, keeping all of it); numbered[i]: where the text of
 * a numbered line starts, its number written "N. " before it (0: none). */
static void find_items(const line *v, size_t n, size_t *marker, size_t *numbered, size_t *bold)
{
    for (size_t i = 0; i < n;) {
        const line *l = &v[i];
        const char *t = l->s + l->lead;
        size_t tn = l->n - l->lead;
        if (l->fenced || tn == 0) {
            i++;
            continue;
        }
        marker[i] = bullet_at(t, tn);
        /* two or more lines enumerated in turn, or led by a dash: items
         * (the enumerator kept: "- (a) ...") */
        size_t each = marker[i] ? 0 : enumerated_run(v, n, i);
        if (each && !after_question(v, i)) {
            for (size_t k = i; k < i + each; k++)
                marker[k] = SIZE_MAX;
            i += each;
            continue;
        }
        size_t d = 0;
        while (i + d < n && dash_at(v[i + d].s + v[i + d].lead, v[i + d].n - v[i + d].lead))
            d++;
        if (d >= 2) {
            for (size_t k = i; k < i + d; k++)
                marker[k] = dash_at(v[k].s + v[k].lead, v[k].n - v[k].lead);
            i += d;
            continue;
        }
        /* a glossary block (after a blank line): every line of it, at the
         * margin; only a block's first line is tried alone */
        if (i > 0 && v[i - 1].n != v[i - 1].lead) {
            i++;
            continue;
        }
        size_t e = i;
        long num = 0, prev = 0;
        while (e < n && v[e].lead == 0 && numbered_line(v[e].s, v[e].n, &num) &&
               (e == i || num == prev + 1))
            prev = num, e++;
        if (e - i >= 2 && (e == n || v[e].n == v[e].lead)) {
            for (size_t k = i; k < e; k++)
                numbered[k] = numbered_line(v[k].s, v[k].n, &num);
            i = e;
            continue;
        }
        size_t run = nl_glossary_run(v, n, i, bold);
        if (!run) {
            i++;
            continue;
        }
        for (size_t k = i; k < i + run; k++)
            marker[k] = SIZE_MAX;
        i += run;
    }
}

char *nl_mark_plain_items(const char *text, size_t len, size_t *outlen)
{
    line *v;
    size_t n = nl_raw_lines(text, len, &v);
    size_t *marker = oct_xcalloc(n ? n : 1, sizeof *marker);
    size_t *numbered = oct_xcalloc(n ? n : 1, sizeof *numbered);
    size_t *bold = oct_xcalloc(n ? n : 1, sizeof *bold);
    find_items(v, n, marker, numbered, bold);
    bool any = false;
    for (size_t i = 0; i < n && !any; i++)
        any = marker[i] != 0 || numbered[i] != 0;
    char *result = NULL;
    if (any) {
        oct_buf out = OCT_BUF_INIT;
        for (size_t i = 0; i < n; i++) {
            const line *l = &v[i];
            size_t k = marker[i] == SIZE_MAX ? 0 : marker[i];
            size_t full = l->full; /* with its newline */
            if (numbered[i]) {
                size_t d = 0;
                while (l->s[d] >= '0' && l->s[d] <= '9')
                    d++;
                oct_buf_put(&out, l->s, d);
                oct_buf_puts(&out, ". ");
                oct_buf_put(&out, l->s + numbered[i], full - numbered[i]);
            } else if (marker[i] && bold[i]) { /* a glossary's term */
                oct_buf_puts(&out, "- **");
                oct_buf_put(&out, l->s, bold[i]);
                oct_buf_puts(&out, "**");
                oct_buf_put(&out, l->s + bold[i], full - bold[i]);
            } else if (marker[i]) {
                oct_buf_put(&out, l->s, l->lead);
                oct_buf_puts(&out, "- ");
                oct_buf_put(&out, l->s + l->lead + k, full - l->lead - k);
            } else {
                oct_buf_put(&out, l->s, full);
            }
        }
        *outlen = out.len;
        result = oct_buf_detach(&out);
    }
    free(v);
    free(marker);
    free(numbered);
    free(bold);
    return result;
}
