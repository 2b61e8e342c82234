/* Obsidian comments: "%%" opens one and the next "%%" closes it, on the
 * same line ("text %%hidden%% text") or lines later (a "%%" line, private
 * notes, a "%%" line). Obsidian shows them only while editing; they are
 * the writer's notes to self, never meant for print. CommonMark would
 * print them signs and all. So they go, before anything else reads the
 * text, and one note per source names the lines that lost text (the word
 * check reads those lines from it).
 *
 * What stays: "%%" in fenced code and in code spans (code is as typed),
 * and a "%%" that nothing closes (Obsidian would hide the rest of the
 * note; a lone "100%%" of prose must not take the chapter with it). A
 * line inside a comment keeps its block-quote signs, so a comment inside
 * a callout does not cut the callout in two. Where a comment joined two
 * words with a blank on each side, one blank goes with it. Markdown
 * sources only: in plain text "%%" is MATLAB's cell marker, a printf
 * format, not a comment. The line count does not change (the line map
 * stays 1:1). */
#include "ingest/normalize/normalize_internal.h"
#include "util/buf.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    oct_buf out;
    bool inside;        /* in a comment */
    char fence;         /* '`' or '~' in fenced code, else 0 */
    size_t fence_len;   /* its opening run */
    int *lines;         /* source lines that lost text */
    size_t nlines, cap; /* entries of lines, room */
    int first_col;      /* column of the first comment */
    const char *end;    /* end of the whole text */
} strip;

static bool blank_char(char c)
{
    return c == ' ' || c == '\t';
}

/* A "%%" somewhere in s[0..end): what closes a comment opened before s. */
static bool closed_later(const char *s, const char *end)
{
    for (; s + 1 < end; s++)
        if (s[0] == '%' && s[1] == '%') return true;
    return false;
}

/* Fenced code: its lines are copied as they are. Returns whether line s
 * [0..n) opens, closes or lies in a fence (outside a comment). */
static bool in_fence(strip *st, const char *s, size_t n)
{
    size_t lead = 0;
    while (lead < n && blank_char(s[lead]))
        lead++;
    char ch;
    size_t run;
    bool marks = lead < 4 && nl_fence_run(s + lead, n - lead, &ch, &run);
    if (st->fence) {
        if (marks && ch == st->fence && run >= st->fence_len) st->fence = 0;
        return true;
    }
    if (!marks || st->inside) return false;
    st->fence = ch;
    st->fence_len = run;
    return true;
}

/* A code span opening at s[i] (a run of backticks closed by a run of the
 * same length on the line): its length, else the run's length and *code
 * false. */
static size_t code_span(const char *s, size_t n, size_t i, bool *code)
{
    size_t k = 0;
    while (i + k < n && s[i + k] == '`')
        k++;
    for (size_t j = i + k; j < n;) {
        size_t m = 0;
        while (j + m < n && s[j + m] == '`')
            m++;
        if (m == k) {
            *code = true;
            return j + m - i;
        }
        j += m ? m : 1;
    }
    *code = false;
    return k;
}

/* s[0..n) holds nothing but blanks and block-quote signs. */
static bool only_signs(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!blank_char(s[i]) && s[i] != '>') return false;
    return true;
}

/* Takes the comment text out of line s[0..n) (the line lineno). */
static void strip_line(strip *st, const char *s, size_t n, int lineno)
{
    size_t i = 0, start = st->out.len;
    bool touched = st->inside;
    if (st->inside) /* keep the quote's signs: the callout goes on */
        while (i < n && (blank_char(s[i]) || s[i] == '>'))
            oct_buf_putc(&st->out, s[i++]);
    while (i < n) {
        if (st->inside) {
            const char *close = NULL;
            for (size_t j = i; j + 1 < n && !close; j++)
                if (s[j] == '%' && s[j + 1] == '%') close = s + j;
            if (!close) break;
            i = (size_t)(close - s) + 2;
            st->inside = false;
            /* (nothing written yet: the buffer may have no bytes at all) */
            if (st->out.len == start || only_signs(st->out.data + start, st->out.len - start))
                while (i < n && blank_char(s[i])) /* the line's text starts after it */
                    i++;
            else if (i == n || blank_char(s[i]) || strchr(".,;:!?)", s[i]))
                /* "a %%x%% b": one blank of the two goes; "a %%x%%." none */
                while (st->out.len > start && blank_char(st->out.data[st->out.len - 1]))
                    st->out.len--;
            continue;
        }
        if (s[i] == '`') {
            bool code;
            size_t k = code_span(s, n, i, &code);
            oct_buf_put(&st->out, s + i, k);
            i += k;
            continue;
        }
        if (s[i] == '%' && i + 1 < n && s[i + 1] == '%' && closed_later(s + i + 2, st->end)) {
            if (!st->nlines) st->first_col = (int)i + 1;
            st->inside = touched = true;
            i += 2;
            continue;
        }
        oct_buf_putc(&st->out, s[i++]);
    }
    if (!touched) return;
    while (st->out.len > start && blank_char(st->out.data[st->out.len - 1]))
        st->out.len--;
    OCT_GROW(st->lines, st->cap, st->nlines + 1);
    st->lines[st->nlines++] = lineno;
}

char *nl_strip_comments(const char *text, size_t len, size_t *outlen, const char *path,
                        oct_diag *diag)
{
    if (len < 4 || !closed_later(text, text + len)) return NULL;
    strip st = {.out = OCT_BUF_INIT, .end = text + len};
    for (size_t at = 0, lineno = 1; at < len; lineno++) {
        const char *nl = memchr(text + at, '\n', len - at);
        size_t n = nl ? (size_t)(nl - text) - at : len - at;
        if (in_fence(&st, text + at, n))
            oct_buf_put(&st.out, text + at, n);
        else
            strip_line(&st, text + at, n, (int)lineno);
        if (nl) oct_buf_putc(&st.out, '\n');
        at += n + (nl != NULL);
    }
    if (!st.nlines) {
        oct_buf_free(&st.out);
        return NULL;
    }
    oct_buf what = OCT_BUF_INIT;
    nl_put_line_ranges(&what, st.lines, st.nlines);
    oct_diag_report(diag, OCT_NOTE, path, st.lines[0], st.first_col, "comment",
                    "Obsidian comments (%s...%s) not printed: line%s %s", "%%", "%%",
                    st.nlines == 1 ? "" : "s", what.data);
    oct_buf_free(&what);
    free(st.lines);
    *outlen = st.out.len;
    return oct_buf_detach(&st.out);
}
