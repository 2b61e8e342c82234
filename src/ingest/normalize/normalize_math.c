/* Display formulas written over several lines, as MathJax, KaTeX,
 * Obsidian, Typora and Jupyter read them:
 *
 *     $$                      \[                  \begin{align}
 *     x + y &= 3 \\           E = mc^2            a &= b \\
 *     x - y &= 1              \]                  c &= d
 *     $$                                          \end{align}
 *
 * Markdown sees paragraphs of TeX there: its underscores and asterisks
 * become emphasis, its backslashes escapes, and the $$ stay. Each such
 * block is written as one line holding the formula between $$ (a code
 * span, as normalize_escape.c keeps inline math), which ingest sets as
 * display math: a row (\\) on a line of its own (markdown.c, texmath.h).
 * A blank line ends a formula (TeX refuses one; MathJax in Markdown sees
 * two paragraphs): a block that meets one before its closing delimiter is
 * left as it was. Lines inside fences, quotes, HTML and indented code are
 * not looked at. */
#include "ingest/normalize/normalize_internal.h"
#include "util/buf.h"

#include <stdio.h>
#include <string.h>

enum { MAX_LINES = 200 }; /* a formula longer than this is left as written */

/* The environments written without $$ that MathJax reads as display math. */
static const char *const DISPLAY_ENVS[] = {"align",    "align*",    "equation", "equation*",
                                           "gather",   "gather*",   "multline", "multline*",
                                           "eqnarray", "eqnarray*", "flalign",  "flalign*",
                                           "alignat",  "alignat*",  NULL};

/* The line's text without its leading and trailing blanks. */
static const char *content(const nl_line *l, size_t *n)
{
    *n = l->len - l->lead;
    return nl_trim(l->s + l->lead, n);
}

static bool ends(const char *s, size_t n, const char *p)
{
    size_t k = strlen(p);
    return n >= k && memcmp(s + n - k, p, k) == 0;
}

/* Whether t[0..n) opens a display formula, and the delimiter that closes
 * it into close: $$ or \[ with nothing closing them on the line, or
 * \begin{ENV} of a display environment. */
static bool opener(const char *t, size_t n, char close[32])
{
    if (nl_starts_with(t, n, "$$") || nl_starts_with(t, n, "\\[")) {
        const char *c = t[0] == '$' ? "$$" : "\\]";
        size_t k = 2;
        for (; k + 1 < n; k++) /* closed on its own line: inline, left to the escaper */
            if (memcmp(t + k, c, 2) == 0 && (c[0] != '$' || t[k - 1] != '\\')) return false;
        snprintf(close, 32, "%s", c);
        return true;
    }
    for (size_t e = 0; DISPLAY_ENVS[e]; e++) {
        char open[32];
        snprintf(open, sizeof open, "\\begin{%s}", DISPLAY_ENVS[e]);
        if (!nl_starts_with(t, n, open)) continue;
        snprintf(close, 32, "\\end{%s}", DISPLAY_ENVS[e]);
        return !ends(t, n, close) || n == strlen(open);
    }
    return false;
}

#define SKIP (NL_FENCE | NL_MDCODE | NL_HTML | NL_QUOTE | NL_PIPE)

void nl_mark_display_math(nl_doc *d)
{
    for (size_t i = 0; i < d->n; i++) {
        nl_line *l = &d->lines[i];
        size_t n;
        const char *t = content(l, &n);
        char close[32];
        if ((l->flags & (SKIP | NL_BLANK)) || (t[0] != '$' && t[0] != '\\') || !opener(t, n, close))
            continue;
        size_t end = i + 1;
        for (; end < d->n && end - i < MAX_LINES; end++) {
            const nl_line *e = &d->lines[end];
            size_t m;
            const char *u = content(e, &m);
            if (e->flags & (SKIP | NL_BLANK)) break;
            if (ends(u, m, close)) break;
        }
        if (end >= d->n || end - i >= MAX_LINES || (d->lines[end].flags & (SKIP | NL_BLANK)))
            continue; /* never closed: as written */
        for (size_t k = i; k <= end; k++)
            d->lines[k].flags |= NL_MATH | NL_FENCE;
        d->lines[end].flags |= NL_MATH_END;
        i = end;
    }
}

/* Appends a line of TeX without its comment (from an unescaped %). */
static void put_tex(oct_buf *b, const char *s, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (s[k] == '%' && (k == 0 || s[k - 1] != '\\')) n = k;
    s = nl_trim(s, &n);
    if (n == 0) return;
    if (b->len) oct_buf_putc(b, ' ');
    oct_buf_put(b, s, n);
}

size_t nl_emit_display_math(const nl_doc *d, size_t first, nl_out *o)
{
    size_t end = first;
    while (end + 1 < d->n && !(d->lines[end].flags & NL_MATH_END))
        end++;
    const nl_line *l = &d->lines[first];
    size_t n;
    const char *t = content(l, &n);
    bool delimited = nl_starts_with(t, n, "$$") || nl_starts_with(t, n, "\\[");
    oct_buf tex = OCT_BUF_INIT;
    for (size_t k = first; k <= end; k++) {
        const char *u = content(&d->lines[k], &n);
        if (delimited && k == first) u += 2, n -= 2;
        if (delimited && k == end && n >= 2) n -= 2;
        put_tex(&tex, u, n);
    }
    oct_buf math = OCT_BUF_INIT;
    oct_buf_puts(&math, "$$");
    oct_buf_put(&math, tex.data ? tex.data : "", tex.len);
    oct_buf_puts(&math, "$$");
    nl_out_math(o, l->s, l->lead, math.data, math.len, l->src);
    oct_buf_free(&math);
    oct_buf_free(&tex);
    return end + 1;
}
