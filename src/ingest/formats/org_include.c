/* Org's #+INCLUDE (org_int.h), as Org's exporters follow it:
 *   #+INCLUDE: "chapter.org"             the file's Org, read in its place
 *   #+INCLUDE: "run.py" src python       its text as code in a language
 *   #+INCLUDE: "log.txt" example         its text as code without one
 *   #+INCLUDE: "notes.org" :lines "3-10" lines 3 to 9 (Org's end is
 *                                        exclusive; "-10", "3-" open)
 * The file is read by include_near.h, with rst's include limits (beneath
 * the source's folder, 8 deep, no cycle, 8 MiB in all); one refused gets
 * a warning [org-include] and the line prints as written. Every line the
 * file adds maps to the #+INCLUDE line (the line map names lines of the
 * source); messages of its own reading name the included file. A search
 * option ("file.org::*Heading") and :minlevel are not honoured: the
 * whole file is read at its own levels, with a warning. */
#include "ingest/formats/org_int.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *file, *lang, *lines;
    size_t nfile, nlang, nlines;
    bool code, has_lines, unsupported;
} inc_options;

/* The next word of v[*k..vn), a quoted one without its quotes. */
static const char *word(const char *v, size_t vn, size_t *k, size_t *n)
{
    while (*k < vn && (v[*k] == ' ' || v[*k] == '\t'))
        ++*k;
    if (*k >= vn) return NULL;
    size_t a = *k;
    if (v[a] == '"') {
        const char *q = memchr(v + a + 1, '"', vn - a - 1);
        size_t e = q ? (size_t)(q - v) : vn;
        *k = q ? e + 1 : vn;
        *n = e - a - 1;
        return v + a + 1;
    }
    while (*k < vn && v[*k] != ' ' && v[*k] != '\t')
        ++*k;
    *n = *k - a;
    return v + a;
}

static void read_options(const char *v, size_t vn, inc_options *o)
{
    size_t k = 0, n;
    const char *w;
    o->file = word(v, vn, &k, &o->nfile);
    while ((w = word(v, vn, &k, &n))) {
        if (md_eq_nocase(w, n, "src") || md_eq_nocase(w, n, "export")) {
            o->code = true;
            size_t save = k;
            o->lang = word(v, vn, &k, &o->nlang);
            if (o->lang && o->lang[0] == ':') o->lang = NULL, o->nlang = 0, k = save;
        } else if (md_eq_nocase(w, n, "example")) {
            o->code = true;
        } else if (md_eq_nocase(w, n, ":lines")) {
            o->lines = word(v, vn, &k, &o->nlines);
            o->has_lines = o->lines != NULL;
        } else if (md_eq_nocase(w, n, ":minlevel") || md_eq_nocase(w, n, ":only-contents")) {
            o->unsupported = true;
            word(v, vn, &k, &n);
        }
    }
}

/* The part of text[0..*len) that :lines "a-b" chooses (1-based, b
 * excluded): its start, *len cut. */
static const char *choose_lines(const char *text, size_t *len, const char *spec, size_t n)
{
    char buf[48];
    snprintf(buf, sizeof buf, "%.*s", (int)(n < 47 ? n : 47), spec);
    char *dash = strchr(buf, '-'), *end = buf;
    /* "-10" is lines 1 to 9, not line -10 */
    long from = buf[0] == '-' ? 1 : strtol(buf, &end, 10);
    long to = dash && dash[1] ? strtol(dash + 1, NULL, 10) : 0;
    if (buf[0] != '-' && end == buf) from = 1;
    if (!dash) to = from + 1; /* "5": line 5 alone */
    size_t a = 0, e = *len, line = 1;
    for (size_t i = 0; i < *len; i++)
        if (text[i] == '\n') {
            line++;
            if ((long)line == from) a = i + 1;
            if (to > 0 && (long)line == to) {
                e = i + 1;
                break;
            }
        }
    if (from > (long)line) a = *len;
    if (e < a) e = a;
    *len = e - a;
    return text + a;
}

/* The text as fenced code, every line at the #+INCLUDE line. */
static void fenced(org_ctx *c, const char *prefix, const char *s, size_t n, const inc_options *o,
                   int src)
{
    nl_raw_line *v;
    size_t nl = nl_raw_lines(s, n, &v);
    size_t flen = md_fence_len(v, 0, nl);
    oct_buf b = OCT_BUF_INIT;
    for (size_t k = 0; k < flen; k++)
        oct_buf_putc(&b, '`');
    oct_buf_put(&b, o->lang ? o->lang : "", o->nlang);
    md_blank(&c->w, prefix, src);
    md_line(&c->w, prefix, b.data, b.len, src);
    for (size_t j = 0; j < nl; j++)
        md_line(&c->w, prefix, v[j].s, v[j].n, src);
    md_line(&c->w, prefix, b.data, flen, src);
    md_blank(&c->w, prefix, src);
    oct_buf_free(&b);
    free(v);
}

/* The file's Org read as a file of its own, its Markdown written here. */
static void as_org(org_ctx *c, const char *prefix, const char *part, size_t len, const char *real,
                   const char *shown, int src)
{
    oct_incl self = oct_incl_child(&c->file, real);
    oct_normalized sub;
    char *lang = NULL;
    org_read_file(shown, part, len, &sub, &lang, c->w.diag, &self);
    md_blank(&c->w, prefix, src);
    for (size_t k = 0, at = 0; k < sub.nlines && at <= sub.len; k++) {
        const char *nl = memchr(sub.text + at, '\n', sub.len - at);
        size_t e = nl ? (size_t)(nl - sub.text) : sub.len;
        md_line(&c->w, prefix, sub.text + at, e - at, src);
        at = e + 1;
    }
    md_blank(&c->w, prefix, src);
    c->deck |= sub.deck_tag;
    free(lang);
    oct_normalized_release(&sub);
}

bool org_include(org_ctx *c, size_t i, const char *prefix, const char *v, size_t vn)
{
    int src = (int)i + 1;
    inc_options o = {0};
    read_options(v, vn, &o);
    size_t nfile = o.file ? o.nfile : 0;
    const char *search = o.file && nfile > 2 ? strstr(o.file, "::") : NULL;
    if (search && search < o.file + nfile) {
        oct_diag_report(c->w.diag, OCT_WARNING, c->w.path, src, 1, "org-include",
                        "#+INCLUDE: the search option '%.*s' is not honoured: the whole file "
                        "is read",
                        (int)(o.file + nfile - search > 80 ? 80 : o.file + nfile - search), search);
        nfile = (size_t)(search - o.file);
    }
    if (o.unsupported)
        oct_diag_report(c->w.diag, OCT_WARNING, c->w.path, src, 1, "org-include",
                        "#+INCLUDE: :minlevel and :only-contents are not honoured: the file is "
                        "read as written");
    oct_incl_asker a = {c->w.diag, c->w.path, src, "org-include", "#+INCLUDE file"};
    size_t len = 0;
    char *real, *shown;
    char *text = oct_incl_read(&c->file, &a, o.file ? o.file : "", nfile, &len, &real, &shown);
    if (!text) return false;
    const char *part = o.has_lines ? choose_lines(text, &len, o.lines, o.nlines) : text;
    if (o.code)
        fenced(c, prefix, part, len, &o, src);
    else
        as_org(c, prefix, part, len, real, shown, src);
    free(text);
    free(real);
    free(shown);
    return true;
}
