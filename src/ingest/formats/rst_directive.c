/* reStructuredText explicit markup (rst_int.h): ".. " opens a footnote
 * or citation ("[1]", "[#]", "[CIT]"), a hyperlink target ("_name: uri",
 * "__ uri"), a substitution definition ("|name| replace:: text"), a
 * directive ("name:: argument", options ":key: value", then its body) or
 * else a comment. Targets and substitutions are collected before the walk
 * (a reference may come first); their lines are metadata. */
#define _GNU_SOURCE /* memmem */
#include "ingest/formats/rst_int.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

static bool blank_line(const nl_raw_line *l)
{
    return l->lead >= l->n;
}

static char *norm_name(const char *s, size_t n)
{
    oct_buf b = OCT_BUF_INIT;
    bool space = false;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (ch == ' ' || ch == '\t' || ch == '\n') {
            space = b.len > 0;
            continue;
        }
        if (space) oct_buf_putc(&b, ' ');
        space = false;
        oct_buf_putc(&b, ch >= 'A' && ch <= 'Z' ? (char)(ch + 32) : ch);
    }
    return b.data ? oct_buf_detach(&b) : oct_xstrdup("");
}

const rst_target *rst_find_target(const rst_ctx *c, const char *s, size_t n)
{
    char *k = norm_name(s, n);
    const rst_target *found = NULL;
    for (size_t i = 0; i < c->ntargets && !found; i++)
        if (!strcmp(c->targets[i].name, k)) found = &c->targets[i];
    free(k);
    return found;
}

/* The text of explicit markup at line i after ".. ", with its body
 * lines (to end) joined by spaces. */
static char *joined(const rst_ctx *c, size_t i, size_t end, size_t skip)
{
    oct_buf b = OCT_BUF_INIT;
    const nl_raw_line *l = &c->v[i];
    size_t off = l->lead + skip < l->n ? l->lead + skip : l->n;
    oct_buf_put(&b, l->s + off, l->n - off);
    for (size_t j = i + 1; j < end; j++) {
        if (blank_line(&c->v[j])) continue;
        oct_buf_putc(&b, ' ');
        oct_buf_put(&b, c->v[j].s + c->v[j].lead, c->v[j].n - c->v[j].lead);
    }
    size_t n = b.len;
    const char *t = nl_trim(b.data ? b.data : "", &n);
    char *r = oct_xstrndup(t, n);
    oct_buf_free(&b);
    return r;
}

void rst_collect(rst_ctx *c)
{
    for (size_t i = 0; i < c->n; i++) {
        const nl_raw_line *l = &c->v[i];
        const char *s = l->s + l->lead;
        size_t n = l->n - l->lead;
        size_t end = rst_body_end(c, i + 1, c->col[i]);
        size_t anon = n > 3 && !memcmp(s, "__ ", 3) ? 3 : n > 6 && !memcmp(s, ".. __: ", 7) ? 7 : 0;
        if (anon) { /* an anonymous target: the next `words`__ links to it */
            char *uri = joined(c, i, end, anon);
            OCT_GROW(c->anon, c->capanon, c->nanon + 1);
            c->anon[c->nanon++] = uri;
            continue;
        }
        if (n < 4 || memcmp(s, ".. ", 3) != 0) continue;
        if (s[3] == '_' && n > 4) {
            const char *colon = NULL;
            bool quoted = s[4] == '`';
            for (size_t k = quoted ? 5 : 4; k < n && !colon; k++)
                if (s[k] == ':' && (k + 1 == n || s[k + 1] == ' ') && s[k - 1] != '\\' &&
                    (!quoted || s[k - 1] == '`'))
                    colon = s + k;
            if (!colon) continue;
            size_t a = quoted ? 5 : 4, e = (size_t)(colon - s) - (quoted ? 1 : 0);
            OCT_GROW(c->targets, c->captargets, c->ntargets + 1);
            rst_target *t = &c->targets[c->ntargets++];
            t->name = norm_name(s + a, e > a ? e - a : 0);
            char *uri = joined(c, i, end, l->lead + (size_t)(colon - s) + 1 - l->lead);
            t->uri = *uri ? uri : NULL;
            if (!*uri) free(uri);
        } else if (s[3] == '|') {
            const char *bar = memchr(s + 4, '|', n - 4);
            const char *dc = bar ? strstr(bar, "::") : NULL;
            if (!bar || !dc || (size_t)(dc - s) > n) continue;
            OCT_GROW(c->substs, c->capsubsts, c->nsubsts + 1);
            rst_subst *d = &c->substs[c->nsubsts++];
            memset(d, 0, sizeof *d);
            d->name = oct_xstrndup(s + 4, (size_t)(bar - s) - 4);
            size_t dn = (size_t)(dc - bar) - 1;
            const char *dir = nl_trim(bar + 1, &dn);
            char *arg = joined(c, i, end, (size_t)(dc - s) + 2);
            if (md_eq_nocase(dir, dn, "image"))
                d->image = arg;
            else if (md_eq_nocase(dir, dn, "replace") || md_eq_nocase(dir, dn, "unicode"))
                d->text = arg;
            else
                free(arg);
        }
    }
}

/* A directive's options (":key: value" lines after its first line):
 * the line after them. *opt_alt / caption / lang filled when given. */
typedef struct {
    char *alt, *caption, *lang, *target;
} options;

static size_t read_options(rst_ctx *c, size_t i, size_t end, options *o)
{
    size_t j = i + 1;
    for (; j < end; j++) {
        const nl_raw_line *l = &c->v[j];
        const char *s = l->s + l->lead;
        size_t n = l->n - l->lead;
        if (blank_line(l) || s[0] != ':' || n < 3) break;
        const char *colon = memchr(s + 1, ':', n - 1);
        if (!colon) break;
        size_t kn = (size_t)(colon - s) - 1, vn = n - kn - 2;
        const char *v = nl_trim(colon + 1, &vn);
        char **slot = md_eq_nocase(s + 1, kn, "alt")        ? &o->alt
                      : md_eq_nocase(s + 1, kn, "caption")  ? &o->caption
                      : md_eq_nocase(s + 1, kn, "language") ? &o->lang
                      : md_eq_nocase(s + 1, kn, "target")   ? &o->target
                                                            : NULL;
        if (slot && !*slot && vn) *slot = oct_xstrndup(v, vn);
        md_lines_add(&c->meta, (int)j + 1);
    }
    return j;
}

static void free_options(options *o)
{
    free(o->alt);
    free(o->caption);
    free(o->lang);
    free(o->target);
}

static bool in_list(const char *list, const char *s, size_t n)
{
    return nl_in_word_list(list, s, n);
}

/* A bold or italic paragraph of s[0..n) at line src. */
static void styled(rst_ctx *c, const char *prefix, const char *mark, const char *s, size_t n,
                   int src)
{
    if (!n) return;
    oct_buf b = OCT_BUF_INIT;
    oct_buf_puts(&b, mark);
    rst_inline(c, &b, s, n);
    oct_buf_puts(&b, mark);
    rst_blank(c, prefix, src);
    rst_out(c, prefix, b.data, b.len, src);
    md_blank(&c->w, prefix, src);
    oct_buf_free(&b);
}

static void picture(rst_ctx *c, const char *prefix, const char *uri, size_t un, const options *o,
                    int src)
{
    oct_buf b = OCT_BUF_INIT;
    if (o->target) oct_buf_putc(&b, '['); /* a picture that links (a README's badge) */
    oct_buf_puts(&b, "![");
    const char *alt = o->alt ? o->alt : uri;
    md_escape(&b, alt, o->alt ? strlen(o->alt) : un, false);
    oct_buf_puts(&b, "](<");
    oct_buf_put(&b, uri, un);
    oct_buf_puts(&b, ">)");
    if (o->target) {
        oct_buf_puts(&b, "](<");
        for (const char *t = o->target; *t; t++)
            if (*t != '>' && *t != ' ') oct_buf_putc(&b, *t);
        oct_buf_puts(&b, ">)");
    }
    rst_blank(c, prefix, src);
    rst_out(c, prefix, b.data, b.len, src);
    md_blank(&c->w, prefix, src);
    oct_buf_free(&b);
}

/* The body of a directive: lines [a, end) at their own column. */
static void body(rst_ctx *c, size_t a, size_t end, const char *prefix)
{
    while (a < end && blank_line(&c->v[a]))
        a++;
    if (a < end) rst_blocks(c, a, end, c->col[a], prefix);
}

static void callout(rst_ctx *c, size_t i, size_t end, const char *name, size_t nn, const char *arg,
                    size_t na, const char *prefix)
{
    static const char TYPES[] = " note tip warning important caution danger hint attention "
                                "error seealso todo ";
    oct_buf p = OCT_BUF_INIT, m = OCT_BUF_INIT;
    oct_buf_printf(&p, "%s> ", prefix);
    bool titled = md_eq_nocase(name, nn, "admonition");
    if (titled || !in_list(TYPES, name, nn))
        oct_buf_puts(&m, "[!note]");
    else if (md_eq_nocase(name, nn, "seealso"))
        oct_buf_puts(&m, "[!info] See also");
    else {
        oct_buf_puts(&m, "[!");
        for (size_t k = 0; k < nn; k++)
            oct_buf_putc(&m, name[k] >= 'A' && name[k] <= 'Z' ? (char)(name[k] + 32) : name[k]);
        oct_buf_putc(&m, ']');
    }
    if (titled && na) {
        oct_buf_putc(&m, ' ');
        rst_inline(c, &m, arg, na);
    }
    rst_blank(c, prefix, (int)i + 1);
    rst_out(c, p.data, m.data, m.len, (int)i + 1);
    if (!titled && na) { /* ".. note:: text": the text opens the body */
        const nl_raw_line *l = &c->v[i];
        size_t k = (size_t)(arg - l->s);
        int col = c->col[i] + 3;
        for (size_t j = i + 1; j < end; j++)
            if (!blank_line(&c->v[j])) {
                col = c->col[j];
                break;
            }
        c->v[i].s += k;
        c->v[i].n -= k;
        c->v[i].lead = 0;
        c->col[i] = col;
        rst_blocks(c, i, end, col, p.data);
    } else {
        options o = {0};
        body(c, read_options(c, i, end, &o), end, p.data);
        free_options(&o);
    }
    md_blank(&c->w, prefix, (int)end);
    oct_buf_free(&p);
    oct_buf_free(&m);
}

static const char META[] = " toctree contents sectnum section-numbering index meta highlight "
                           "default-role role currentmodule module tabularcolumns autosummary "
                           "title header footer target-notes ";
static const char CONTENT[] = " container compound only rst-class class hlist glossary "
                              "tabs tab group-tab ";

/* math:: as one display span, as ingest sets it. */
static void math(rst_ctx *c, size_t i, size_t end, const char *arg, size_t na, const char *prefix)
{
    int src = (int)i + 1;
    options o = {0};
    oct_buf m = OCT_BUF_INIT, line = OCT_BUF_INIT;
    oct_buf_puts(&m, "$$");
    oct_buf_put(&m, arg, na);
    size_t b = read_options(c, i, end, &o);
    for (size_t j = b; j < end; j++)
        if (!blank_line(&c->v[j])) {
            if (m.len > 2) oct_buf_putc(&m, ' ');
            oct_buf_put(&m, c->v[j].s + c->v[j].lead, c->v[j].n - c->v[j].lead);
        }
    oct_buf_puts(&m, "$$");
    if (!md_math(&line, m.data, m.len)) md_code_span(&line, m.data, m.len);
    rst_blank(c, prefix, src);
    rst_out(c, prefix, line.data, line.len, src);
    md_blank(&c->w, prefix, (int)end);
    oct_buf_free(&m);
    oct_buf_free(&line);
    free_options(&o);
}

/* versionadded::, Sphinx's signatures (function::, py:class::) and the
 * directives octavo does not know: their argument and body printed. */
static void other(rst_ctx *c, size_t i, size_t end, const char *name, size_t nn, const char *arg,
                  size_t na, const char *prefix)
{
    int src = (int)i + 1;
    options o = {0};
    bool version = in_list(" versionadded versionchanged deprecated ", name, nn);
    bool sig = in_list(" function class method attribute data exception decorator staticmethod "
                       "classmethod ",
                       name, nn) ||
               memchr(name, ':', nn);
    if (!version && !sig)
        oct_diag_report(c->w.diag, OCT_WARNING, c->w.path, src, 1, "rst-unknown",
                        "directive '%.*s' is not one octavo knows: its text is printed", (int)nn,
                        name);
    oct_buf t = OCT_BUF_INIT;
    if (version)
        oct_buf_printf(&t, "%s %.*s",
                       md_eq_nocase(name, nn, "versionadded") ? "New in version"
                       : md_eq_nocase(name, nn, "deprecated") ? "Deprecated since version"
                                                              : "Changed in version",
                       (int)na, arg);
    else
        oct_buf_printf(&t, "%.*s", (int)na, arg);
    if (sig && na) {
        oct_buf m = OCT_BUF_INIT;
        md_code_span(&m, arg, na);
        rst_blank(c, prefix, src);
        rst_out(c, prefix, m.data, m.len, src);
        md_blank(&c->w, prefix, src);
        oct_buf_free(&m);
    } else {
        styled(c, prefix, version ? "*" : "", t.data ? t.data : "", t.len, src);
    }
    oct_buf_free(&t);
    body(c, read_options(c, i, end, &o), end, prefix);
    free_options(&o);
}

/* Sphinx's autodoc directives (automodule, autoclass, autofunction...,
 * and extensions' autoprogram...): their text comes from code. */
static bool autodoc(const char *name, size_t nn)
{
    if (nn > 3 && !memcmp(name, "py:", 3)) name += 3, nn -= 3;
    if (nn <= 4 || memcmp(name, "auto", 4) != 0) return false;
    for (size_t k = 4; k < nn; k++)
        if (!(name[k] >= 'a' && name[k] <= 'z')) return false;
    return true;
}

/* ".. name:: arg" at line i, body to end. */
static void directive(rst_ctx *c, size_t i, size_t end, const char *name, size_t nn,
                      const char *arg, size_t na, const char *prefix)
{
    int src = (int)i + 1;
    options o = {0};
    if (in_list(" code-block code sourcecode ipython code-cell ", name, nn)) {
        size_t b = read_options(c, i, end, &o);
        if (o.caption) styled(c, prefix, "*", o.caption, strlen(o.caption), src);
        char *lang = na ? oct_xstrndup(arg, na) : NULL;
        rst_fence(c, prefix, b, end, lang ? lang : c->highlight, src);
        free(lang);
    } else if (in_list(" image figure ", name, nn)) {
        size_t b = read_options(c, i, end, &o);
        picture(c, prefix, arg, na, &o, src);
        body(c, b, end, prefix);
    } else if (in_list(" note tip warning important caution danger hint attention error seealso "
                       "admonition todo ",
                       name, nn)) {
        callout(c, i, end, name, nn, arg, na, prefix);
    } else if (in_list(META, name, nn)) {
        if (md_eq_nocase(name, nn, "highlight") && na) {
            free(c->highlight);
            c->highlight = oct_xstrndup(arg, na);
        }
        for (size_t j = i; j < end; j++)
            md_lines_add(&c->meta, (int)j + 1);
    } else if (in_list(CONTENT, name, nn) || in_list(" rubric topic sidebar centered ", name, nn)) {
        md_lines_add(&c->meta, src);
        styled(c, prefix, "**", arg, na, src);
        body(c, read_options(c, i, end, &o), end, prefix);
    } else if (in_list(" epigraph pull-quote highlights ", name, nn)) {
        oct_buf p = OCT_BUF_INIT;
        oct_buf_printf(&p, "%s> ", prefix);
        rst_blank(c, prefix, src);
        body(c, read_options(c, i, end, &o), end, p.data);
        md_blank(&c->w, prefix, (int)end);
        oct_buf_free(&p);
    } else if (in_list(" math ", name, nn)) {
        math(c, i, end, arg, na, prefix);
    } else if (in_list(" include ", name, nn)) {
        rst_include(c, i, end, arg, na, prefix);
    } else if (in_list(" csv-table ", name, nn)) {
        rst_csv_table(c, i, end, arg, na, prefix);
    } else if (in_list(" list-table ", name, nn)) {
        rst_list_table(c, i, end, arg, na, prefix);
    } else if (in_list(" raw ", name, nn)) {
        rst_raw(c, i, end, arg, na, prefix);
    } else if (autodoc(name, nn)) {
        size_t b = read_options(c, i, end, &o);
        rst_autodoc(c, i, b, name, nn);
        body(c, b, end, prefix); /* the writer's own words under it print */
    } else {
        other(c, i, end, name, nn, arg, na, prefix);
    }
    free_options(&o);
}

/* ".. [label] text": a footnote's or citation's definition. */
static void footnote(rst_ctx *c, size_t i, size_t end, const char *s, size_t n, const char *prefix)
{
    const char *close = memchr(s, ']', n);
    size_t ln = (size_t)(close - s) - 1;
    oct_buf b = OCT_BUF_INIT;
    if (ln == 1 && (s[1] == '#' || s[1] == '*'))
        oct_buf_printf(&b, "[^auto-%d]: ", ++c->auto_defs);
    else
        oct_buf_printf(&b, "[^%.*s]: ", (int)(ln - (s[1] == '#')), s + 1 + (s[1] == '#'));
    char *text = joined(c, i, end, (size_t)(close - c->v[i].s) + 1 - c->v[i].lead);
    rst_inline(c, &b, text, strlen(text));
    free(text);
    rst_blank(c, prefix, (int)i + 1);
    rst_out(c, prefix, b.data, b.len, (int)i + 1);
    md_blank(&c->w, prefix, (int)i + 1);
    oct_buf_free(&b);
}

size_t rst_explicit(rst_ctx *c, size_t i, size_t e, int base, const char *prefix)
{
    const nl_raw_line *l = &c->v[i];
    const char *s = l->s + l->lead + 2;
    size_t n = l->n - l->lead - 2;
    while (n && *s == ' ')
        s++, n--;
    size_t end = rst_body_end(c, i + 1, c->col[i]);
    if (end > e) end = e;
    if (end <= i) end = i + 1;
    (void)base;
    const char *dc = NULL;
    size_t nn = 0;
    while (nn < n && (nl_is_ident_char((unsigned char)s[nn]) || s[nn] == '-' || s[nn] == ':'))
        nn++;
    while (nn > 0 && s[nn - 1] == ':') /* "note::" */
        nn--;
    if (nn + 2 <= n && s[nn] == ':' && s[nn + 1] == ':' && (nn + 2 == n || s[nn + 2] == ' '))
        dc = s + nn;
    if (n > 2 && s[0] == '[' && memchr(s, ']', n)) {
        footnote(c, i, end, s, n, prefix);
    } else if ((n && s[0] == '_') || (n && s[0] == '|' && memmem(s, n, "::", 2))) {
        for (size_t j = i; j < end; j++)
            md_lines_add(&c->meta, (int)j + 1);
    } else if (dc) {
        size_t na = n - nn - 2;
        const char *arg = nl_trim(dc + 2, &na);
        c->body_seen = true;
        directive(c, i, end, s, nn, arg, na, prefix);
    } else {
        bool text = n > 0;
        for (size_t j = i + 1; j < end && !text; j++)
            text = !blank_line(&c->v[j]);
        for (size_t j = i; text && j < end; j++)
            md_lines_add(&c->comments, (int)j + 1);
    }
    return end;
}
