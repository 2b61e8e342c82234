/* Admonitions of the site generators, written as the callouts that
 * alerts.c reads ("> [!type] Title"), so that they print as the same
 * titled boxes and a question among them becomes a question:
 *
 *   !!! note "Title"          mkdocs (Python-Markdown): the body indented
 *       body                  4 columns; "???" folds it ("???+" open),
 *   ??? question "Why...?"    pymdownx.details; words between the type and
 *       body                  the quoted title are CSS classes, not text
 *   :::tip Title              Docusaurus: the body up to a line of as many
 *   body                      colons (":::tip[Title]" in version 3)
 *   :::
 *
 * (Hugo's shortcodes, normalize_shortcodes.c, open and close as Docusaurus
 * does.) Each marker becomes "> [!type] Title" (the fold sign kept, the
 * quotes around the title not printed), each body line "> " and the line
 * without the body's indentation, a closing line a blank one; nested
 * blocks nest quotes. A marker inside fenced code is code, and a
 * Docusaurus block nothing closes is text. Markdown sources only. The line
 * count does not change (the line map stays 1:1). */
#include "ingest/normalize/normalize_internal.h"
#include "util/buf.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

enum { MAX_LEVELS = 16 };

typedef struct {
    int col;     /* column of its marker */
    int base;    /* column its body lines start at (an indented body) */
    bool closed; /* a line closes it (else its body's indentation ends it) */
    size_t end;  /* that line */
} level;

static bool blank(char c)
{
    return c == ' ' || c == '\t';
}

static bool word_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
}

/* Columns of s[0..n)'s indentation (tabs to multiples of 4). */
static int columns(const char *s, size_t n, size_t *bytes)
{
    int col = 0;
    size_t i = 0;
    for (; i < n && blank(s[i]); i++)
        col = s[i] == ' ' ? col + 1 : col + 4 - col % 4;
    if (bytes) *bytes = i;
    return col;
}

void nl_adm_marker(oct_buf *out, const char *type, size_t ntype, char fold, const char *title,
                   size_t ntitle)
{
    oct_buf_puts(out, "> [!");
    for (size_t i = 0; i < ntype; i++)
        oct_buf_putc(out, type[i] >= 'A' && type[i] <= 'Z' ? (char)(type[i] + 32) : type[i]);
    oct_buf_putc(out, ']');
    if (fold) oct_buf_putc(out, fold);
    while (ntitle && blank(*title))
        title++, ntitle--;
    while (ntitle && blank(title[ntitle - 1]))
        ntitle--;
    if (ntitle) oct_buf_putc(out, ' ');
    oct_buf_put(out, title, ntitle);
}

/* "!!! type classes "Title"" (or "???", "???+"), alone on s[0..n): the
 * callout's marker into out. */
static bool mkdocs_marker(const char *s, size_t n, oct_buf *out)
{
    size_t i = 3;
    if (n < 4 || (memcmp(s, "!!!", 3) != 0 && memcmp(s, "???", 3) != 0)) return false;
    char fold = s[0] == '?' ? '-' : 0;
    if (fold && s[3] == '+') fold = '+', i++;
    if (i < n && s[i] == ' ') i++;
    size_t t = i;
    while (i < n && word_char(s[i]))
        i++;
    if (i == t) return false;
    size_t tend = i;
    for (;;) { /* classes */
        size_t k = i;
        while (k < n && s[k] == ' ')
            k++;
        if (k == i || k == n || !word_char(s[k])) {
            i = k;
            break;
        }
        while (k < n && word_char(s[k]))
            k++;
        i = k;
    }
    const char *title = NULL;
    size_t ntitle = 0;
    if (i < n && s[i] == '"') {
        const char *q = memchr(s + i + 1, '"', n - i - 1);
        if (!q) return false;
        title = s + i + 1;
        ntitle = (size_t)(q - title);
        i = (size_t)(q - s) + 1;
        while (i < n && blank(s[i]))
            i++;
    }
    if (i != n) return false;
    nl_adm_marker(out, s + t, tend - t, fold, title, ntitle);
    return true;
}

/* A line of colons only (three or more): their number, else 0. */
static size_t colon_line(const char *s, size_t n)
{
    size_t k = 0;
    while (k < n && s[k] == ':')
        k++;
    while (n > k && blank(s[n - 1]))
        n--;
    return k >= 3 && k == n ? k : 0;
}

/* ":::type Title" or ":::type[Title]" on s[0..n): its colons (0: none);
 * the marker into out when out is not NULL. */
static size_t docusaurus_marker(const char *s, size_t n, oct_buf *out)
{
    size_t k = 0;
    while (k < n && s[k] == ':')
        k++;
    size_t t = k + (k < n && s[k] == ' '), i = t;
    while (i < n && word_char(s[i]))
        i++;
    if (k < 3 || i == t || (i < n && s[i] != ' ' && s[i] != '[' && s[i] != '{')) return 0;
    if (!out) return k;
    const char *title = s + i;
    size_t ntitle = n - i;
    if (i < n && s[i] == '[') {
        const char *e = memchr(s + i, ']', n - i);
        title = s + i + 1;
        ntitle = e ? (size_t)(e - title) : n - i - 1;
    } else if (i < n && s[i] == '{') { /* ":::note{#id}": no title */
        ntitle = 0;
    }
    nl_adm_marker(out, s + t, i - t, 0, title, ntitle);
    return k;
}

/* Pairs each Docusaurus opener with the line of as many colons that
 * closes it (ends[i]: that line's index + 1, else 0), outside fences. */
static void pair_docusaurus(const nl_raw_line *v, size_t n, size_t *ends)
{
    size_t stack[MAX_LEVELS], colons[MAX_LEVELS], depth = 0;
    for (size_t i = 0; i < n; i++) {
        const char *s = v[i].s + v[i].lead;
        size_t len = v[i].n - v[i].lead, k;
        if (v[i].fenced) continue;
        if ((k = colon_line(s, len))) {
            size_t d = depth;
            while (d > 0 && colons[d - 1] != k)
                d--;
            if (d == 0) continue;
            ends[stack[d - 1]] = i + 1;
            depth = d - 1;
        } else if ((k = docusaurus_marker(s, len, NULL)) && depth < MAX_LEVELS) {
            stack[depth] = i;
            colons[depth++] = k;
        }
    }
}

/* The quotes of the open levels, each at its marker's indentation. */
static void put_prefix(oct_buf *out, const level *lv, size_t depth)
{
    int at = 0;
    for (size_t k = 0; k < depth; k++) {
        for (int c = at; c < lv[k].col; c++)
            oct_buf_putc(out, ' ');
        oct_buf_puts(out, "> ");
        at = lv[k].base;
    }
}

static void trim(oct_buf *out)
{
    while (out->len && out->data[out->len - 1] == ' ')
        out->len--;
}

/* Indented bodies the line at column col leaves (a blank line: the next
 * line that is not blank). */
static size_t open_for(const level *lv, size_t depth, int col)
{
    while (depth > 0 && !lv[depth - 1].closed && col < lv[depth - 1].base)
        depth--;
    return depth;
}

/* Rewrites line i; returns the new depth. */
static size_t rewrite(const nl_raw_line *v, size_t n, size_t i, const nl_adm_env *env, level *lv,
                      size_t depth, oct_buf *out)
{
    const nl_raw_line *l = &v[i];
    size_t lead;
    int col = columns(l->s, l->n, &lead);
    if (lead == l->n) { /* blank: inside while the next line is */
        size_t j = i + 1, k;
        while (j < n && columns(v[j].s, v[j].n, &k) >= 0 && k == v[j].n)
            j++;
        depth = j < n ? open_for(lv, depth, columns(v[j].s, v[j].n, NULL)) : 0;
        put_prefix(out, lv, depth);
        trim(out);
        return depth;
    }
    depth = open_for(lv, depth, col);
    if (depth && lv[depth - 1].closed && lv[depth - 1].end == i + 1) {
        put_prefix(out, lv, depth - 1); /* the closing line: a blank */
        trim(out);
        return depth - 1;
    }
    int rel = depth ? lv[depth - 1].base : 0;
    size_t mark = out->len, ends = env->ends[i];
    put_prefix(out, lv, depth);
    for (int c = rel; c < col; c++)
        oct_buf_putc(out, ' ');
    bool opens = !l->fenced && depth < MAX_LEVELS &&
                 ((ends && env->marker(l->s + lead, l->n - lead, out, env->ctx)) ||
                  (!ends && mkdocs_marker(l->s + lead, l->n - lead, out)));
    if (!opens) {
        out->len = mark;
        put_prefix(out, lv, depth);
        nl_put_dedented(out, l->s, l->n, rel);
        return depth;
    }
    lv[depth] = (level){col, ends ? col : col + 4, ends != 0, ends};
    return depth + 1;
}

static bool docusaurus(const char *s, size_t n, oct_buf *out, void *ctx)
{
    (void)ctx;
    return docusaurus_marker(s, n, out) != 0;
}

char *nl_rewrite_admonitions(const char *text, size_t len, size_t *outlen, const nl_adm_env *env)
{
    nl_raw_line *v;
    size_t n = nl_raw_lines(text, len, &v);
    oct_buf out = OCT_BUF_INIT;
    level lv[MAX_LEVELS];
    size_t depth = 0;
    for (size_t i = 0; i < n; i++) {
        depth = rewrite(v, n, i, env, lv, depth, &out);
        if (v[i].full > v[i].n) oct_buf_putc(&out, '\n');
    }
    free(v);
    *outlen = out.len;
    return oct_buf_detach(&out);
}

char *nl_mark_admonitions(const char *text, size_t len, size_t *outlen)
{
    bool mk = false, docu = false;
    for (const char *p = text; p < text + len; p++) {
        const char *e = memchr(p, '\n', (size_t)(text + len - p));
        size_t lead = 0, n = (e ? (size_t)(e - p) : (size_t)(text + len - p));
        while (lead < n && blank(p[lead]))
            lead++;
        mk |= n - lead > 3 && (!memcmp(p + lead, "!!!", 3) || !memcmp(p + lead, "???", 3));
        docu |= n - lead > 3 && !memcmp(p + lead, ":::", 3);
        if (!e) break;
        p = e;
    }
    if (!mk && !docu) return NULL;
    nl_raw_line *v;
    size_t n = nl_raw_lines(text, len, &v);
    size_t *ends = oct_xcalloc(n ? n : 1, sizeof *ends);
    if (docu) pair_docusaurus(v, n, ends);
    free(v);
    nl_adm_env env = {.ends = ends, .marker = docusaurus};
    size_t outl;
    char *r = nl_rewrite_admonitions(text, len, &outl, &env);
    free(ends);
    if (outl == len && !memcmp(r, text, len)) {
        free(r);
        return NULL;
    }
    *outlen = outl;
    return r;
}
