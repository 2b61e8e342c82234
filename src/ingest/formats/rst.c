/* The reStructuredText reader's driver (rst.h, rst_int.h): sections,
 * transitions, paragraphs and their "::" literal blocks, line blocks,
 * doctest blocks, block quotes, bullet, enumerated, definition and field
 * lists. Explicit markup is rst_directive.c's, tables rst_table.c's. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "ingest/formats/rst.h"
#include "ingest/formats/rst_int.h"
#include "util/xalloc.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

bool oct_rst_path(const char *path)
{
    size_t n = strlen(path);
    return (n > 4 && md_eq_nocase(path + n - 4, 4, ".rst")) ||
           (n > 5 && md_eq_nocase(path + n - 5, 5, ".rest"));
}

static bool is_blank(const nl_raw_line *l)
{
    return l->lead >= l->n;
}

/* The prefix with the pending list markers in their columns (taken). */
static void marked_prefix(rst_ctx *c, const char *prefix, oct_buf *p)
{
    oct_buf_puts(p, prefix);
    if (!c->pending.len) return;
    size_t at = c->pending_at < p->len ? c->pending_at : p->len;
    size_t over = at + c->pending.len <= p->len ? c->pending.len : p->len - at;
    memcpy(p->data + at, c->pending.data, over);
    if (over < c->pending.len) oct_buf_put(p, c->pending.data + over, c->pending.len - over);
    oct_buf_clear(&c->pending);
}

void rst_flush_label(rst_ctx *c, const char *prefix, int src)
{
    if (!c->label) return;
    oct_buf p = OCT_BUF_INIT;
    marked_prefix(c, prefix, &p);
    md_line(&c->w, p.data, c->label, strlen(c->label), src);
    c->label = NULL;
    oct_buf_free(&p);
}

void rst_out(rst_ctx *c, const char *prefix, const char *s, size_t n, int src)
{
    rst_flush_label(c, prefix, src); /* a term whose definition opens with no paragraph */
    oct_buf p = OCT_BUF_INIT;
    marked_prefix(c, prefix, &p);
    md_line(&c->w, p.data, s, n, src);
    oct_buf_free(&p);
}

void rst_blank(rst_ctx *c, const char *prefix, int src)
{
    if (!c->pending.len) md_blank(&c->w, prefix, src);
}

size_t rst_body_end(const rst_ctx *c, size_t a, int base)
{
    size_t last = a;
    for (size_t j = a; j < c->n; j++) {
        if (is_blank(&c->v[j])) continue;
        if (c->col[j] <= base) break;
        last = j + 1;
    }
    return last;
}

/* A line of one punctuation character repeated (an adornment). */
static bool adornment(const nl_raw_line *l, size_t *len)
{
    size_t n = l->n;
    while (n && (l->s[n - 1] == ' ' || l->s[n - 1] == '\t'))
        n--;
    if (l->lead || n < 2 || !strchr("=-`:'\"~^_*+#<>.!$%&(),/;?@[\\]{|}", l->s[0])) return false;
    for (size_t k = 1; k < n; k++)
        if (l->s[k] != l->s[0]) return false;
    *len = n;
    return true;
}

static int style_level(rst_ctx *c, char ch, bool over)
{
    for (int k = 0; k < c->nstyles; k++)
        if (c->styles[k][0] == ch && c->styles[k][1] == over) return k + 1;
    if (c->nstyles < RST_MAX_STYLES) {
        c->styles[c->nstyles][0] = ch;
        c->styles[c->nstyles][1] = over;
        return ++c->nstyles;
    }
    return RST_MAX_STYLES;
}

static void heading(rst_ctx *c, int level, const nl_raw_line *t, int src, const char *prefix)
{
    oct_buf b = OCT_BUF_INIT, line = OCT_BUF_INIT;
    for (int k = 0; k < (level > 6 ? 6 : level); k++)
        oct_buf_putc(&b, '#');
    oct_buf_putc(&b, ' ');
    size_t n = t->n - t->lead;
    const char *s = nl_trim(t->s + t->lead, &n);
    rst_inline(c, &line, s, n);
    oct_buf_put(&b, line.data, line.len);
    rst_blank(c, prefix, src);
    rst_out(c, prefix, b.data, b.len, src);
    oct_buf_free(&b);
    oct_buf_free(&line);
}

/* A section title or a transition at line i (only at the margin). */
static size_t section(rst_ctx *c, size_t i, size_t e, const char *prefix)
{
    size_t a, b;
    const nl_raw_line *v = c->v;
    if (adornment(&v[i], &a)) {
        if (i + 2 < e && !is_blank(&v[i + 1]) && adornment(&v[i + 2], &b) &&
            v[i + 2].s[0] == v[i].s[0]) {
            heading(c, style_level(c, v[i].s[0], true), &v[i + 1], (int)i + 2, prefix);
            md_lines_add(&c->meta, (int)i + 1);
            return i + 3;
        }
        if (a >= 4 && (i + 1 >= e || is_blank(&v[i + 1]))) {
            rst_blank(c, prefix, (int)i + 1);
            rst_out(c, prefix, "***", 3, (int)i + 1);
            md_blank(&c->w, prefix, (int)i + 1);
            return i + 1;
        }
        return i;
    }
    if (i + 1 < e && v[i].lead == 0 && adornment(&v[i + 1], &a) &&
        (a >= 3 || a >= v[i].n - v[i].lead)) {
        heading(c, style_level(c, v[i + 1].s[0], false), &v[i], (int)i + 1, prefix);
        return i + 2;
    }
    return i;
}

/* The list marker opening line l: its length with the blanks after it,
 * the Markdown marker into md; 0 if none. */
static size_t marker(const nl_raw_line *l, char *md, size_t cap)
{
    const char *s = l->s + l->lead;
    size_t n = l->n - l->lead, k = 0;
    static const char *const BULLETS[] = {"- ", "* ", "+ ", "\xe2\x80\xa2 ", "\xe2\x80\xa3 "};
    for (size_t b = 0; b < sizeof BULLETS / sizeof *BULLETS; b++) {
        size_t bl = strlen(BULLETS[b]);
        if ((n >= bl && !memcmp(s, BULLETS[b], bl)) || (n == bl - 1 && !memcmp(s, BULLETS[b], n))) {
            snprintf(md, cap, "- ");
            k = bl <= n ? bl : n;
            goto blanks;
        }
    }
    size_t p = s[0] == '(' ? 1 : 0, d = p;
    while (d < n && d - p < 9 && s[d] >= '0' && s[d] <= '9')
        d++;
    int num = d > p ? atoi(s + p) : 1;
    if (d == p && d < n &&
        (s[d] == '#' || (s[d] >= 'a' && s[d] <= 'z') || (s[d] >= 'A' && s[d] <= 'Z'))) {
        d++;
        while (d < n && d - p < 6 && strchr("ivxlcdm", s[d]) && strchr("ivxlcdm", s[p]))
            d++;
    }
    if (d == p || d >= n) return 0;
    if (!(p ? s[d] == ')' : (s[d] == '.' || s[d] == ')')) || d + 1 >= n || s[d + 1] != ' ')
        return 0;
    snprintf(md, cap, "%d. ", num > 0 && num < 1000000000 ? num : 1);
    k = d + 2;
blanks:
    while (k < n && s[k] == ' ')
        k++;
    return l->lead + k;
}

/* Cuts line i in place after its first k bytes: its text starts the
 * body whose column is col. */
static void cut(rst_ctx *c, size_t i, size_t k, int col)
{
    c->v[i].s += k;
    c->v[i].n -= k;
    c->v[i].full = c->v[i].full >= k ? c->v[i].full - k : 0;
    c->v[i].lead = 0;
    while (c->v[i].lead < c->v[i].n && c->v[i].s[c->v[i].lead] == ' ')
        c->v[i].lead++;
    c->col[i] = col;
}

/* A body (an item's, a definition's) under a Markdown marker: pending
 * until the line that carries it is written. */
static void nested(rst_ctx *c, size_t a, size_t e, int col, const char *prefix, const char *md)
{
    if (!c->pending.len) c->pending_at = strlen(prefix);
    oct_buf_puts(&c->pending, md);
    oct_buf p = OCT_BUF_INIT;
    oct_buf_puts(&p, prefix);
    for (size_t k = 0; md[k]; k++)
        oct_buf_putc(&p, ' ');
    rst_blocks(c, a, e, col, p.data);
    if (c->pending.len) { /* an item with no text */
        rst_out(c, prefix, "", 0, (int)a + 1);
    }
    oct_buf_free(&p);
}

static size_t list_item(rst_ctx *c, size_t i, size_t e, const char *prefix)
{
    char md[24];
    size_t k = marker(&c->v[i], md, sizeof md);
    if (!k) return i;
    int mcol = c->col[i];
    size_t end = rst_body_end(c, i + 1, mcol);
    if (end > e) end = e;
    int col = k < c->v[i].n ? mcol + (int)(k - c->v[i].lead) : mcol + 2;
    if (k >= c->v[i].n && i + 1 < end) /* text on the next line */
        for (size_t j = i + 1; j < end; j++)
            if (!is_blank(&c->v[j])) {
                col = c->col[j];
                break;
            }
    cut(c, i, k, col);
    c->body_seen = true;
    nested(c, i, end > i + 1 ? end : i + 1, col, prefix, md);
    return end > i + 1 ? end : i + 1;
}

/* "term" over an indented definition, or ":field: body". */
static size_t definition(rst_ctx *c, size_t i, size_t e, const char *prefix)
{
    const nl_raw_line *l = &c->v[i];
    const char *s = l->s + l->lead;
    size_t n = l->n - l->lead, end = rst_body_end(c, i + 1, c->col[i]);
    if (end > e) end = e;
    bool field = n > 2 && s[0] == ':' && memchr(s + 1, ':', n - 1) && s[1] != ' ';
    size_t close = field ? (size_t)((const char *)memchr(s + 1, ':', n - 1) - s) : 0;
    if (field && close + 1 < n && s[close + 1] != ' ') field = false;
    if (!field && (i + 1 >= e || is_blank(&c->v[i + 1]) || c->col[i + 1] <= c->col[i])) return i;
    if (field && !c->body_seen) { /* docinfo: the document's metadata */
        if (md_eq_nocase(s + 1, close - 1, "language") || md_eq_nocase(s + 1, close - 1, "lang")) {
            size_t vn = n - close - 1;
            const char *v = nl_trim(s + close + 1, &vn);
            free(c->lang);
            c->lang = vn ? oct_xstrndup(v, vn) : NULL;
        }
        for (size_t j = i; j < (end > i + 1 ? end : i + 1); j++)
            md_lines_add(&c->meta, (int)j + 1);
        return end > i + 1 ? end : i + 1;
    }
    c->body_seen = true;
    rst_flush_label(c, prefix, (int)i + 1); /* an outer term, before this one takes the buffer */
    oct_buf_clear(&c->label_buf);
    oct_buf_puts(&c->label_buf, "**");
    rst_inline(c, &c->label_buf, field ? s + 1 : s, field ? close - 1 : n);
    /* "**Why is it fast?** Because…": a term that ends in punctuation takes no colon */
    char last = c->label_buf.len > 2 ? c->label_buf.data[c->label_buf.len - 1] : 0;
    oct_buf_puts(&c->label_buf, last && strchr("?!:.", last) ? "** " : "**: ");
    c->label = c->label_buf.data;
    int col = c->col[i] + 2;
    if (field && close + 1 < n) {
        cut(c, i, l->lead + close + 1, c->col[i] + 2);
        nested(c, i, end > i + 1 ? end : i + 1, col, prefix, "- ");
    } else {
        for (size_t j = i + 1; j < end; j++)
            if (!is_blank(&c->v[j])) {
                col = c->col[j];
                break;
            }
        nested(c, i + 1, end, col, prefix, "- ");
    }
    c->label = NULL;
    return end > i + 1 ? end : i + 1;
}

void rst_fence(rst_ctx *c, const char *prefix, size_t a, size_t e, const char *lang, int src)
{
    while (e > a && is_blank(&c->v[e - 1]))
        e--;
    while (a < e && is_blank(&c->v[a]))
        a++;
    int common = 1 << 20;
    for (size_t j = a; j < e; j++)
        if (!is_blank(&c->v[j]) && c->col[j] < common) common = c->col[j];
    size_t len = md_fence_len(c->v, a, e);
    oct_buf b = OCT_BUF_INIT;
    for (size_t k = 0; k < len; k++)
        oct_buf_putc(&b, '`');
    size_t ticks = b.len;
    if (lang) oct_buf_put(&b, lang, strcspn(lang, " \t")); /* its first word, "c++" whole */
    rst_blank(c, prefix, src);
    rst_out(c, prefix, b.data, b.len, src);
    for (size_t j = a; j < e; j++) {
        oct_buf_clear(&b);
        if (!is_blank(&c->v[j])) {
            int extra = c->col[j] - common;
            for (int k = 0; k < extra; k++)
                oct_buf_putc(&b, ' ');
            oct_buf_put(&b, c->v[j].s + c->v[j].lead, c->v[j].n - c->v[j].lead);
        }
        rst_out(c, prefix, b.data ? b.data : "", b.len, (int)j + 1);
    }
    oct_buf_clear(&b);
    for (size_t k = 0; k < ticks; k++)
        oct_buf_putc(&b, '`');
    rst_out(c, prefix, b.data, b.len, (int)(e > a ? e : (size_t)src));
    oct_buf_free(&b);
}

/* Writes Markdown text t (lines joined by '\n', from source lines
 * first...) line by line, each guarded against opening a block. */
static void put_lines(rst_ctx *c, const char *prefix, const char *t, size_t first, size_t last)
{
    size_t src = first;
    for (const char *p = t;; src++) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        oct_buf b = OCT_BUF_INIT;
        md_guard_line(&b, p, n);
        rst_out(c, prefix, b.data ? b.data : "", b.len, (int)(src < last ? src : last) + 1);
        oct_buf_free(&b);
        if (!nl) break;
        p = nl + 1;
    }
}

/* A paragraph from line i: its lines joined, its inline markup read; a
 * closing "::" opens a literal block; ">>> " a doctest. */
static size_t paragraph(rst_ctx *c, size_t i, size_t e, int base, const char *prefix)
{
    size_t j = i;
    oct_buf text = OCT_BUF_INIT, md = OCT_BUF_INIT;
    while (j < e && !is_blank(&c->v[j]) && c->col[j] >= base) {
        size_t n = c->v[j].n - c->v[j].lead;
        const char *s = nl_trim(c->v[j].s + c->v[j].lead, &n);
        if (j > i) oct_buf_putc(&text, '\n');
        oct_buf_put(&text, s, n);
        j++;
    }
    c->body_seen = true;
    if (nl_starts_with(text.data, text.len, ">>> ")) {
        rst_fence(c, prefix, i, j, "python", (int)i + 1);
        oct_buf_free(&text);
        return j;
    }
    bool literal = text.len >= 2 && !memcmp(text.data + text.len - 2, "::", 2);
    if (literal) {
        text.len -= text.len >= 3 && text.data[text.len - 3] == ' ' ? 3 : 1;
        if (text.len == 1 && text.data[0] == ':') text.len = 0; /* "::" alone */
        text.data[text.len] = '\0';
    }
    if (c->label) oct_buf_puts(&md, c->label);
    c->label = NULL;
    rst_inline(c, &md, text.data ? text.data : "", text.len);
    rst_blank(c, prefix, (int)i + 1);
    if (text.len)
        put_lines(c, prefix, md.data, i, j - 1);
    else
        md_lines_add(&c->meta, (int)i + 1);
    oct_buf_free(&text);
    oct_buf_free(&md);
    if (literal) {
        size_t k = j;
        while (k < e && is_blank(&c->v[k]))
            k++;
        if (k < e && c->col[k] > base) {
            size_t end = rst_body_end(c, k, base);
            rst_fence(c, prefix, k, end < e ? end : e, c->highlight, (int)j);
            return end < e ? end : e;
        }
    }
    return j;
}

/* "| line" lines: each line kept, with a line break. */
static size_t line_block(rst_ctx *c, size_t i, size_t e, const char *prefix)
{
    size_t j = i;
    rst_blank(c, prefix, (int)i + 1);
    while (j < e && !is_blank(&c->v[j])) {
        const char *s = c->v[j].s + c->v[j].lead;
        size_t n = c->v[j].n - c->v[j].lead;
        if (s[0] == '|') s += n > 1 ? 2 : 1, n -= n > 1 ? 2 : 1;
        oct_buf b = OCT_BUF_INIT, m = OCT_BUF_INIT;
        rst_inline(c, &m, s, n);
        md_guard_line(&b, m.data ? m.data : "", m.len);
        bool more = j + 1 < e && !is_blank(&c->v[j + 1]);
        if (more && b.len) oct_buf_putc(&b, '\\');
        rst_out(c, prefix, b.data ? b.data : "", b.len, (int)j + 1);
        oct_buf_free(&b);
        oct_buf_free(&m);
        j++;
    }
    return j;
}

/* Lines [a, e) beyond the depth limit: their text, as paragraphs. */
static void flat(rst_ctx *c, size_t a, size_t e, const char *prefix)
{
    for (size_t j = a; j < e; j++) {
        if (is_blank(&c->v[j])) {
            rst_blank(c, prefix, (int)j + 1);
            continue;
        }
        oct_buf b = OCT_BUF_INIT, m = OCT_BUF_INIT;
        md_escape(&m, c->v[j].s + c->v[j].lead, c->v[j].n - c->v[j].lead, true);
        md_guard_line(&b, m.data, m.len);
        rst_out(c, prefix, b.data, b.len, (int)j + 1);
        oct_buf_free(&b);
        oct_buf_free(&m);
    }
}

static size_t one_block(rst_ctx *c, size_t i, size_t e, int base, const char *prefix)
{
    const nl_raw_line *l = &c->v[i];
    const char *s = l->s + l->lead;
    size_t n = l->n - l->lead, next;
    if (c->col[i] > base) { /* a block quote */
        size_t end = rst_body_end(c, i, base);
        oct_buf p = OCT_BUF_INIT;
        oct_buf_printf(&p, "%s> ", prefix);
        rst_blank(c, prefix, (int)i + 1);
        rst_blocks(c, i, end < e ? end : e, c->col[i], p.data);
        md_blank(&c->w, prefix, (int)i + 1);
        oct_buf_free(&p);
        return end < e ? end : e;
    }
    if (n >= 2 && s[0] == '.' && s[1] == '.' && (n == 2 || s[2] == ' '))
        return rst_explicit(c, i, e, base, prefix);
    if (n > 3 && !memcmp(s, "__ ", 3)) { /* an anonymous target (rst_collect) */
        size_t end = rst_body_end(c, i + 1, c->col[i]);
        for (size_t j = i; j < (end > i + 1 ? end : i + 1); j++)
            md_lines_add(&c->meta, (int)j + 1);
        return end > i + 1 ? end : i + 1;
    }
    if (base == 0 && !c->pending.len && (next = section(c, i, e, prefix)) > i) return next;
    if ((next = rst_table(c, i, e, prefix)) > i) return next;
    if (s[0] == '|' && (n == 1 || s[1] == ' ')) return line_block(c, i, e, prefix);
    if ((next = list_item(c, i, e, prefix)) > i) return next;
    if ((next = definition(c, i, e, prefix)) > i) return next;
    return paragraph(c, i, e, base, prefix);
}

void rst_blocks(rst_ctx *c, size_t a, size_t e, int base, const char *prefix)
{
    if (++c->depth > RST_MAX_DEPTH) {
        if (c->depth == RST_MAX_DEPTH + 1)
            oct_diag_report(c->w.diag, OCT_WARNING, c->w.path, (int)a + 1, 1, "rst-unknown",
                            "nested more than %d deep: the deeper text is printed as paragraphs",
                            RST_MAX_DEPTH);
        flat(c, a, e, prefix);
        c->depth--;
        return;
    }
    for (size_t i = a; i < e;) {
        if (is_blank(&c->v[i])) {
            rst_blank(c, prefix, (int)i + 1);
            i++;
            continue;
        }
        size_t next = one_block(c, i, e, base, prefix);
        i = next > i ? next : i + 1;
    }
    c->depth--;
}

void oct_rst_read(const char *path, const char *text, size_t len, oct_normalized *out, char **lang,
                  oct_diag *diag)
{
    size_t included = 0;
    rst_file self;
    oct_incl_begin(&self, path, &included);
    rst_read_file(path, text, len, out, lang, diag, &self, NULL);
    oct_incl_end(&self);
}

void rst_read_file(const char *path, const char *text, size_t len, oct_normalized *out, char **lang,
                   oct_diag *diag, const rst_file *self, rst_ctx *includer)
{
    memset(out, 0, sizeof *out);
    rst_ctx c;
    memset(&c, 0, sizeof c);
    c.w.path = path;
    c.w.diag = diag;
    c.file = *self;
    if (includer) { /* an included file's titles take the includer's levels */
        memcpy(c.styles, includer->styles, sizeof c.styles);
        c.nstyles = includer->nstyles;
        c.highlight = includer->highlight ? oct_xstrdup(includer->highlight) : NULL;
    }
    c.n = nl_raw_lines(text, len, &c.v);
    c.col = oct_xcalloc(c.n ? c.n : 1, sizeof *c.col);
    for (size_t i = 0; i < c.n; i++)
        c.col[i] = md_indent(&c.v[i]);
    rst_collect(&c);
    rst_blocks(&c, 0, c.n, 0, "");
    md_lines_note(&c.w, &c.meta, "rst-metadata",
                  "reStructuredText metadata not printed (fields, targets, substitutions, "
                  "directives' options)");
    md_lines_note(&c.w, &c.comments, "rst-comment", "reStructuredText comments not printed");
    md_finish(&c.w, out);
    *lang = c.lang;
    if (includer) {
        memcpy(includer->styles, c.styles, sizeof c.styles);
        includer->nstyles = c.nstyles;
    }
    for (size_t k = 0; k < c.ntargets; k++) {
        free(c.targets[k].name);
        free(c.targets[k].uri);
    }
    for (size_t k = 0; k < c.nsubsts; k++) {
        free(c.substs[k].name);
        free(c.substs[k].text);
        free(c.substs[k].image);
    }
    for (size_t k = 0; k < c.nanon; k++)
        free(c.anon[k]);
    free(c.anon);
    free(c.targets);
    free(c.substs);
    free(c.v);
    free(c.col);
    free(c.highlight);
    oct_buf_free(&c.pending);
    oct_buf_free(&c.label_buf);
}
