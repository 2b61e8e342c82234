/* reStructuredText directives that bring in text from elsewhere or for
 * another output (rst_int.h):
 *   - include:: reads a file beside the source as rst (its titles at the
 *     levels of the source's styles, as docutils reads it), or as code
 *     with :literal: / :code:, cut by :start-line:, :end-line:,
 *     :start-after: and :end-before:. Its Markdown lines all map to the
 *     directive's line (the line map names lines of the source); messages
 *     of its own reading name the included file and its lines;
 *   - raw:: html goes the way of a Markdown file's HTML (libxml2 reads
 *     it, the subset GitHub uses is kept, the rest dropped with a
 *     warning); raw text for other outputs (latex...) is dropped with a
 *     note [rst-dropped];
 *   - autodoc's directives (automodule, autoclass...) pull docstrings from
 *     Python code octavo cannot run: dropped with a note [rst-dropped].
 * A file is read only beneath the source's folder (as pictures are),
 * at most OCT_LIMIT_INCLUDE_DEPTH deep, never while it is being read, and
 * the files a source includes hold at most OCT_MAX_SOURCE_BYTES together
 * (include_near.h, shared with Org's #+INCLUDE). */
#define _GNU_SOURCE /* memmem */
#include "ingest/formats/rst_int.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool rst_option_line(const nl_raw_line *l, const char **k, size_t *kn, const char **v, size_t *vn)
{
    const char *s = l->s + l->lead;
    size_t n = l->n - l->lead;
    if (n < 3 || s[0] != ':') return false;
    const char *colon = memchr(s + 1, ':', n - 1);
    if (!colon || colon == s + 1) return false;
    *k = s + 1;
    *kn = (size_t)(colon - s) - 1;
    *vn = n - *kn - 2;
    *v = nl_trim(colon + 1, vn);
    return true;
}

char *rst_read_near(rst_ctx *c, const char *name, size_t nn, int src, const char *what, size_t *len,
                    char **real, char **shown)
{
    oct_incl_asker a = {c->w.diag, c->w.path, src, "rst-include", what};
    return oct_incl_read(&c->file, &a, name, nn, len, real, shown);
}

/* include::'s options. */
typedef struct {
    bool literal;
    const char *code, *after, *before;
    size_t ncode, nafter, nbefore;
    long start_line, end_line; /* docutils' slice: 0-based, end exclusive, <0 from the end */
    bool has_end;
} inc_options;

static size_t include_options(rst_ctx *c, size_t i, size_t end, inc_options *o)
{
    size_t j = i + 1;
    const char *k, *v;
    size_t kn, vn;
    for (; j < end && rst_option_line(&c->v[j], &k, &kn, &v, &vn); j++) {
        md_lines_add(&c->meta, (int)j + 1);
        if (md_eq_nocase(k, kn, "literal")) {
            o->literal = true;
        } else if (md_eq_nocase(k, kn, "code")) {
            o->literal = true;
            o->code = v, o->ncode = nl_word_len(v, vn);
        } else if (md_eq_nocase(k, kn, "start-after")) {
            o->after = v, o->nafter = vn;
        } else if (md_eq_nocase(k, kn, "end-before")) {
            o->before = v, o->nbefore = vn;
        } else if (md_eq_nocase(k, kn, "start-line")) {
            o->start_line = strtol(v, NULL, 10);
        } else if (md_eq_nocase(k, kn, "end-line")) {
            o->end_line = strtol(v, NULL, 10);
            o->has_end = true;
        }
    }
    return j;
}

/* The offset of line k of s[0..n) (k < 0: from the end), clamped. */
static size_t line_offset(const char *s, size_t n, long k)
{
    if (k < 0) {
        long lines = 0;
        for (size_t i = 0; i < n; i++)
            lines += s[i] == '\n';
        if (n && s[n - 1] != '\n') lines++;
        k = lines + k < 0 ? 0 : lines + k;
    }
    size_t i = 0;
    for (long l = 0; l < k && i < n; i++)
        l += s[i] == '\n';
    return i;
}

/* The part of text[0..*len) the options choose: its start (*len cut). */
static const char *choose(const char *text, size_t *len, const inc_options *o)
{
    size_t a = line_offset(text, *len, o->start_line);
    size_t e = o->has_end ? line_offset(text, *len, o->end_line) : *len;
    if (e < a) e = a;
    if (o->nafter) { /* from the line after the marker's */
        const char *at = memmem(text + a, e - a, o->after, o->nafter);
        if (at) a = (size_t)(at - text) + o->nafter;
        if (at && a < e && text[a] == '\n') a++;
    }
    if (o->nbefore) {
        const char *at = memmem(text + a, e - a, o->before, o->nbefore);
        if (at) e = (size_t)(at - text);
    }
    *len = e - a;
    return text + a;
}

/* The included text as a fenced block, every line at the directive's. */
static void literal(rst_ctx *c, const char *prefix, const char *s, size_t n, const char *lang,
                    size_t nlang, int src)
{
    nl_raw_line *v;
    size_t nl = nl_raw_lines(s, n, &v);
    size_t flen = md_fence_len(v, 0, nl);
    oct_buf b = OCT_BUF_INIT;
    for (size_t k = 0; k < flen; k++)
        oct_buf_putc(&b, '`');
    oct_buf_put(&b, lang, nlang);
    rst_blank(c, prefix, src);
    rst_out(c, prefix, b.data, b.len, src);
    for (size_t j = 0; j < nl; j++)
        rst_out(c, prefix, v[j].s, v[j].n, src);
    rst_out(c, prefix, b.data, flen, src);
    md_blank(&c->w, prefix, src);
    oct_buf_free(&b);
    free(v);
}

void rst_include(rst_ctx *c, size_t i, size_t end, const char *arg, size_t na, const char *prefix)
{
    int src = (int)i + 1;
    inc_options o = {0};
    size_t body = include_options(c, i, end, &o);
    for (size_t j = body; j < end; j++) /* include:: has no body: its lines would vanish */
        if (c->v[j].lead < c->v[j].n) md_lines_add(&c->meta, (int)j + 1);
    size_t len;
    char *real, *shown;
    char *text = rst_read_near(c, arg, na, src, "include", &len, &real, &shown);
    if (!text) return;
    const char *part = choose(text, &len, &o);
    if (o.literal) {
        literal(c, prefix, part, len, o.code, o.ncode, src);
    } else {
        rst_file self = oct_incl_child(&c->file, real);
        oct_normalized sub;
        char *lang = NULL;
        rst_read_file(shown, part, len, &sub, &lang, c->w.diag, &self, c);
        rst_blank(c, prefix, src);
        for (size_t k = 0, at = 0; k < sub.nlines && at <= sub.len; k++) {
            const char *nl = memchr(sub.text + at, '\n', sub.len - at);
            size_t e = nl ? (size_t)(nl - sub.text) : sub.len;
            rst_out(c, prefix, sub.text + at, e - at, src);
            at = e + 1;
        }
        md_blank(&c->w, prefix, src);
        free(lang);
        oct_normalized_release(&sub);
    }
    free(text);
    free(real);
    free(shown);
}

/* "line 4" or "lines 4-9" for lines [i, end) (0-based), into buf. */
static const char *lines_text(char buf[48], size_t i, size_t end)
{
    if (end > i + 1)
        snprintf(buf, 48, "lines %zu-%zu", i + 1, end);
    else
        snprintf(buf, 48, "line %zu", i + 1);
    return buf;
}

void rst_raw(rst_ctx *c, size_t i, size_t end, const char *arg, size_t na, const char *prefix)
{
    int src = (int)i + 1;
    const char *k, *v;
    size_t kn, vn, j = i + 1;
    bool file = false;
    for (; j < end && rst_option_line(&c->v[j], &k, &kn, &v, &vn); j++) {
        md_lines_add(&c->meta, (int)j + 1);
        file |= md_eq_nocase(k, kn, "file") || md_eq_nocase(k, kn, "url");
    }
    while (j < end && c->v[j].lead >= c->v[j].n)
        j++;
    if (!md_eq_nocase(arg, nl_word_len(arg, na), "html") || file || j >= end) {
        char where[48];
        oct_diag_report(c->w.diag, OCT_NOTE, c->w.path, src, 1, "rst-dropped",
                        "raw %.*s%s not printed: %s (%s)", (int)(na > 40 ? 40 : na), arg,
                        na ? "" : "text",
                        file ? "octavo reads no raw file"
                        : na && md_eq_nocase(arg, nl_word_len(arg, na), "html")
                            ? "it is empty"
                            : "it is written for another output",
                        lines_text(where, i, end));
        return;
    }
    /* HTML: its lines dedented, as a Markdown file's HTML block, which
     * the HTML path reads (an element may span blank lines) */
    int common = 1 << 20;
    for (size_t l = j; l < end; l++)
        if (c->v[l].lead < c->v[l].n && c->col[l] < common) common = c->col[l];
    rst_blank(c, prefix, src);
    for (size_t l = j; l < end; l++) {
        oct_buf d = OCT_BUF_INIT;
        if (c->v[l].lead < c->v[l].n) nl_put_dedented(&d, c->v[l].s, c->v[l].n, common);
        rst_out(c, prefix, d.data ? d.data : "", d.len, (int)l + 1);
        oct_buf_free(&d);
    }
    md_blank(&c->w, prefix, (int)end);
}

void rst_autodoc(rst_ctx *c, size_t i, size_t end, const char *name, size_t nn)
{
    char where[48];
    oct_diag_report(c->w.diag, OCT_NOTE, c->w.path, (int)i + 1, 1, "rst-dropped",
                    "%.*s:: not printed: it documents Python code from its docstrings, which "
                    "octavo does not run (%s)",
                    (int)nn, name, lines_text(where, i, end));
}
