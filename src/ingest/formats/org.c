/* The Org reader's driver (org.h): lines in, Markdown lines out, each
 * with its Org line. Blocks, keywords, drawers, lists and tables here;
 * headings and cards in org_heading.c, inline markup in org_inline.c.
 *
 * Lists: an Org line belongs to the item above it while it is indented
 * more than the item's bullet. Markdown nests by the content column
 * instead, so every line of a list is written at the column its item's
 * content has in the Markdown (items[]), not as typed. */
#define _GNU_SOURCE /* memmem */
#include "ingest/formats/org.h"
#include "ingest/formats/org_int.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

bool oct_org_path(const char *path)
{
    size_t n = strlen(path);
    return n > 4 && md_eq_nocase(path + n - 4, 4, ".org");
}

static const char *text_of(const nl_raw_line *l, size_t *n)
{
    *n = l->n - l->lead;
    return l->s + l->lead;
}

size_t org_drawer_end(org_ctx *c, size_t i)
{
    size_t n;
    const char *s = text_of(&c->v[i], &n);
    nl_trim(s, &n);
    if (n < 3 || s[0] != ':' || s[n - 1] != ':' || md_eq_nocase(s, n, ":END:")) return 0;
    for (size_t k = 1; k + 1 < n; k++)
        if (!nl_is_ident_char((unsigned char)s[k]) && s[k] != '-') return 0;
    if (i < c->no_end_until) return 0; /* a search from above found none */
    size_t j = i + 1;
    for (; j < c->n && !org_heading_level(&c->v[j]); j++) {
        const char *t = text_of(&c->v[j], &n);
        nl_trim(t, &n);
        if (md_eq_nocase(t, n, ":END:")) return j;
    }
    c->no_end_until = j;
    return 0;
}

/* Where a line at Org column `indent` goes in the open list (items[]):
 * the Markdown column of its text. Items it is not part of close; a
 * paragraph after a closed item gets a blank line, else Markdown would
 * run it on in the item. */
static int place(org_ctx *c, const char *prefix, int indent, bool item, int src)
{
    int before = c->nitems;
    while (c->nitems && c->items[c->nitems - 1].indent >= indent)
        c->nitems--;
    if (!item && c->nitems < before) md_blank(&c->w, prefix, src);
    return c->nitems ? c->items[c->nitems - 1].content : 0;
}

static void indent_to(oct_buf *b, int cols)
{
    for (int k = 0; k < cols; k++)
        oct_buf_putc(b, ' ');
}

void org_text_line(org_ctx *c, const char *prefix, int ind, const char *s, size_t n, int src)
{
    oct_buf b = OCT_BUF_INIT;
    indent_to(&b, ind);
    if (c->label) oct_buf_puts(&b, c->label);
    org_inline(&c->inl, &b, s, n, !c->label);
    c->label = NULL;
    md_line(&c->w, prefix, b.data, b.len, src);
    oct_buf_free(&b);
}

/* A card's label waiting for a line of text, when a block comes first:
 * written alone ("A:"), the block after it its answer. */
static void flush_label(org_ctx *c, const char *prefix, int ind, int src)
{
    if (!c->label) return;
    oct_buf b = OCT_BUF_INIT;
    indent_to(&b, ind);
    oct_buf_put(&b, c->label, strlen(c->label) - 1); /* without its space */
    c->label = NULL;
    md_blank(&c->w, prefix, src);
    md_line(&c->w, prefix, b.data, b.len, src);
    md_blank(&c->w, prefix, src);
    oct_buf_free(&b);
}

/* A list item at line i: its marker, checkbox, "term ::"; false if none. */
static bool list_item(org_ctx *c, size_t i, const char *prefix)
{
    size_t n;
    const char *s = text_of(&c->v[i], &n);
    size_t k = 0;
    bool ordered = false;
    if (n >= 2 && (s[0] == '-' || s[0] == '+' || (s[0] == '*' && c->v[i].lead > 0)) &&
        (s[1] == ' ' || s[1] == '\t'))
        k = 1;
    else {
        while (k < n && k < 9 && s[k] >= '0' && s[k] <= '9')
            k++;
        if (!k || k + 1 >= n || (s[k] != '.' && s[k] != ')') || s[k + 1] != ' ') return false;
        ordered = true;
        k++;
    }
    int src = (int)i + 1;
    int col = place(c, prefix, md_indent(&c->v[i]), true, src);
    oct_buf b = OCT_BUF_INIT;
    indent_to(&b, col);
    size_t t = k;
    while (t < n && (s[t] == ' ' || s[t] == '\t'))
        t++;
    if (ordered && t + 4 < n && !memcmp(s + t, "[@", 2)) { /* [@3] starts at 3 */
        size_t e = t + 2;
        while (e < n && s[e] >= '0' && s[e] <= '9')
            e++;
        if (e < n && s[e] == ']' && e > t + 2) {
            oct_buf_put(&b, s + t + 2, e - t - 2);
            oct_buf_putc(&b, s[k - 1]);
            for (t = e + 1; t < n && s[t] == ' ';)
                t++;
        } else
            oct_buf_put(&b, s, k);
    } else
        oct_buf_put(&b, ordered ? s : "-", ordered ? k : 1);
    oct_buf_putc(&b, ' ');
    if (c->nitems < ORG_MAX_LIST)
        c->items[c->nitems++] = (org_item){md_indent(&c->v[i]), col + (int)(b.len - (size_t)col)};
    if (t + 3 <= n && s[t] == '[' && s[t + 2] == ']' && strchr(" xX-", s[t + 1])) {
        oct_buf_puts(&b, s[t + 1] == 'x' || s[t + 1] == 'X' ? "[x] " : "[ ] ");
        for (t += 3; t < n && s[t] == ' ';)
            t++;
    }
    if (c->label) oct_buf_puts(&b, c->label);
    c->label = NULL;
    const char *dd = ordered ? NULL : memmem(s + t, n - t, " :: ", 4);
    size_t rest = t;
    if (dd) { /* "- term :: meaning" */
        oct_buf_puts(&b, "**");
        org_inline(&c->inl, &b, s + t, (size_t)(dd - s) - t, false);
        oct_buf_puts(&b, "**: ");
        rest = (size_t)(dd - s) + 4;
    }
    org_inline(&c->inl, &b, s + rest, n - rest, false);
    md_line(&c->w, prefix, b.data, b.len, src);
    oct_buf_free(&b);
    return true;
}

/* The line closing a block named name[0..nn) opened at line i, else 0. */
static size_t block_end(const org_ctx *c, size_t i, const char *name, size_t nn)
{
    for (size_t j = i + 1; j < c->n; j++) {
        size_t n;
        const char *s = text_of(&c->v[j], &n);
        if (n >= 6 + nn && md_eq_nocase(s, 6, "#+end_") && strncasecmp(s + 6, name, nn) == 0 &&
            (n == 6 + nn || s[6 + nn] == ' '))
            return j;
    }
    return 0;
}

/* Lines a..e as fenced code in language lang, at column ind: their
 * common indentation off, Org's escaping comma (",*", ",#+") off. */
static void fence(org_ctx *c, const char *prefix, int ind, size_t a, size_t e, const char *lang,
                  size_t nlang, size_t skip, int open_src, int close_src)
{
    int common = 1 << 20;
    for (size_t j = a; j < e; j++)
        if (c->v[j].lead < c->v[j].n && md_indent(&c->v[j]) < common) common = md_indent(&c->v[j]);
    oct_buf b = OCT_BUF_INIT;
    size_t len = md_fence_len(c->v, a, e);
    indent_to(&b, ind);
    for (size_t k = 0; k < len; k++)
        oct_buf_putc(&b, '`');
    oct_buf_put(&b, lang, nlang);
    md_blank(&c->w, prefix, open_src);
    md_line(&c->w, prefix, b.data, b.len, open_src);
    size_t fence_bytes = b.len - nlang;
    for (size_t j = a; j < e; j++) {
        oct_buf_clear(&b);
        if (c->v[j].lead < c->v[j].n) {
            indent_to(&b, ind);
            oct_buf d = OCT_BUF_INIT;
            nl_put_dedented(&d, c->v[j].s, c->v[j].n, common);
            size_t off = d.len >= skip ? skip : d.len;
            if (d.len > off && d.data[off] == ',' &&
                (d.len > off + 1 && (d.data[off + 1] == '*' || d.data[off + 1] == '#')))
                off++;
            oct_buf_put(&b, d.data + off, d.len - off);
            oct_buf_free(&d);
        }
        md_line(&c->w, prefix, b.data ? b.data : "", b.len, (int)j + 1);
    }
    oct_buf_clear(&b);
    indent_to(&b, ind);
    for (size_t k = 0; k < len; k++)
        oct_buf_putc(&b, '`');
    md_line(&c->w, prefix, b.data, fence_bytes, close_src);
    c->w.last_blank = false;
    oct_buf_free(&b);
}

static void blocks(org_ctx *c, size_t a, size_t e, const char *prefix);

/* A callout's type for a special block's name (note, tip...), or NULL. */
static const char *callout(const char *s, size_t n)
{
    static const char *const T[] = {"note", "tip",  "warning", "important", "caution",
                                    "info", "hint", "danger",  "attention"};
    for (size_t k = 0; k < sizeof T / sizeof *T; k++)
        if (md_eq_nocase(s, n, T[k])) return T[k];
    return NULL;
}

/* Verse: its lines as written, each ending in a line break. */
static void verse(org_ctx *c, const char *prefix, int ind, size_t a, size_t e)
{
    for (size_t j = a; j < e; j++) {
        size_t n;
        const char *s = text_of(&c->v[j], &n);
        if (!n) {
            md_blank(&c->w, prefix, (int)j + 1);
            continue;
        }
        oct_buf b = OCT_BUF_INIT;
        indent_to(&b, ind);
        org_inline(&c->inl, &b, s, n, true);
        bool more = j + 1 < e && c->v[j + 1].lead < c->v[j + 1].n;
        if (more && (!b.len || b.data[b.len - 1] != '\\')) oct_buf_putc(&b, '\\');
        md_line(&c->w, prefix, b.data, b.len, (int)j + 1);
        oct_buf_free(&b);
    }
}

/* A block "#+BEGIN_name args" at line i: written; returns the line after. */
static size_t block(org_ctx *c, size_t i, const char *prefix)
{
    size_t n;
    const char *s = text_of(&c->v[i], &n);
    size_t nn = 0;
    while (8 + nn < n && s[8 + nn] != ' ' && s[8 + nn] != '\t')
        nn++;
    const char *name = s + 8, *args = s + 8 + nn;
    size_t na = n - 8 - nn;
    args = nl_trim(args, &na);
    int src = (int)i + 1;
    if (c->depth >= ORG_MAX_DEPTH) { /* deeper blocks' lines print as text */
        if (!c->too_deep)
            oct_diag_report(c->w.diag, OCT_WARNING, c->w.path, src, 1, "org-unknown",
                            "blocks nested more than %d deep: the deeper ones print as text",
                            ORG_MAX_DEPTH);
        c->too_deep = true;
        org_text_line(c, prefix, place(c, prefix, md_indent(&c->v[i]), false, src), s, n, src);
        return i + 1;
    }
    size_t end = block_end(c, i, name, nn);
    if (!end) {
        oct_diag_report(c->w.diag, OCT_WARNING, c->w.path, src, 1, "org-unknown",
                        "#+BEGIN_%.*s is never closed: the block runs to the end of the file",
                        (int)nn, name);
        end = c->n;
    }
    int ind = place(c, prefix, md_indent(&c->v[i]), false, src);
    flush_label(c, prefix, ind, src);
    int close_src = end < c->n ? (int)end + 1 : (int)c->n;
    if (md_eq_nocase(name, nn, "src") || md_eq_nocase(name, nn, "export")) {
        size_t nl = 0; /* the language: its first word, "c++" whole */
        while (nl < na && args[nl] != ' ' && args[nl] != '\t')
            nl++;
        fence(c, prefix, ind, i + 1, end, args, nl, 0, src, close_src);
    } else if (md_eq_nocase(name, nn, "example")) {
        fence(c, prefix, ind, i + 1, end, "", 0, 0, src, close_src);
    } else if (md_eq_nocase(name, nn, "comment")) {
        for (size_t j = i; j <= end && j < c->n; j++)
            md_lines_add(&c->comments, (int)j + 1);
    } else if (md_eq_nocase(name, nn, "verse")) {
        md_blank(&c->w, prefix, src);
        verse(c, prefix, ind, i + 1, end);
    } else {
        oct_buf p = OCT_BUF_INIT;
        oct_buf_puts(&p, prefix);
        indent_to(&p, ind);
        const char *type = callout(name, nn);
        bool quote = md_eq_nocase(name, nn, "quote") || type;
        if (quote) oct_buf_puts(&p, "> ");
        md_blank(&c->w, prefix, src);
        if (type) {
            oct_buf t = OCT_BUF_INIT;
            oct_buf_printf(&t, "[!%s]%s", type, na ? " " : "");
            org_inline(&c->inl, &t, args, na, false);
            md_line(&c->w, p.data, t.data, t.len, src);
            oct_buf_free(&t);
        } else if (!md_eq_nocase(name, nn, "quote") && !md_eq_nocase(name, nn, "center")) {
            oct_diag_report(c->w.diag, OCT_WARNING, c->w.path, src, 1, "org-unknown",
                            "#+BEGIN_%.*s: a block octavo does not know; its text is printed",
                            (int)nn, name);
        }
        int saved = c->nitems;
        c->nitems = 0;
        c->depth++;
        blocks(c, i + 1, end, p.data ? p.data : "");
        c->depth--;
        c->nitems = saved;
        md_blank(&c->w, prefix, close_src);
        oct_buf_free(&p);
    }
    return end + 1;
}

/* "#+KEY: value": the title, the language and the TODO keywords are
 * read; a caption prints; #+INCLUDE brings its file in (org_include.c);
 * the rest is metadata for Org's exporters. */
static void keyword(org_ctx *c, size_t i, const char *prefix, const char *s, size_t n)
{
    const char *colon = memchr(s, ':', n);
    size_t kn = (size_t)(colon - s) - 2, vn = n - (size_t)(colon - s) - 1;
    const char *k = s + 2, *v = nl_trim(colon + 1, &vn);
    int src = (int)i + 1;
    if (md_eq_nocase(k, kn, "caption")) {
        oct_buf b = OCT_BUF_INIT;
        oct_buf_putc(&b, '*');
        org_inline(&c->inl, &b, v, vn, false);
        oct_buf_putc(&b, '*');
        md_blank(&c->w, prefix, src);
        md_line(&c->w, prefix, b.data, vn ? b.len : 0, src);
        md_blank(&c->w, prefix, src);
        oct_buf_free(&b);
        return;
    }
    if (md_eq_nocase(k, kn, "include")) { /* a file not read: the line prints, as written */
        if (!org_include(c, i, prefix, v, vn)) {
            md_blank(&c->w, prefix, src); /* its own paragraph, not a list item's */
            org_text_line(c, prefix, 0, s, n, src);
            md_blank(&c->w, prefix, src);
        }
        return;
    }
    md_lines_add(&c->meta, src);
    if (md_eq_nocase(k, kn, "title") && vn) {
        if (!c->title) c->title = oct_xstrndup(v, vn);
    } else if (md_eq_nocase(k, kn, "language") && vn) {
        free(c->lang);
        c->lang = oct_xstrndup(v, nl_word_len(v, vn) ? nl_word_len(v, vn) : vn);
    } else if (md_eq_nocase(k, kn, "todo") || md_eq_nocase(k, kn, "seq_todo") ||
               md_eq_nocase(k, kn, "typ_todo")) {
        for (size_t a = 0; a < vn;) {
            size_t w = 0;
            while (a + w < vn && v[a + w] != ' ' && v[a + w] != '(')
                w++;
            if (w && !(w == 1 && v[a] == '|')) oct_buf_printf(&c->todo, "%.*s ", (int)w, v + a);
            while (a + w < vn && v[a + w] != ' ')
                w++;
            a += w + 1;
        }
    }
}

/* Lines ": text" from line i on as fenced text; returns the line after. */
static size_t fixed_width(org_ctx *c, size_t i, const char *prefix, int ind)
{
    size_t e = i;
    size_t n;
    for (; e < c->n; e++) {
        const char *s = text_of(&c->v[e], &n);
        if (!(n >= 1 && s[0] == ':' && (n == 1 || s[1] == ' '))) break;
    }
    fence(c, prefix, ind, i, e, "", 0, 2, (int)i + 1, (int)e);
    return e;
}

/* The line is one of the forms fixed_width reads. */
static bool fixed_line(const char *s, size_t n)
{
    return n >= 1 && s[0] == ':' && (n == 1 || s[1] == ' ');
}

static bool planning(const char *s, size_t n)
{
    return nl_starts_with(s, n, "SCHEDULED:") || nl_starts_with(s, n, "DEADLINE:") ||
           nl_starts_with(s, n, "CLOSED:");
}

/* One line that is not a heading: written; returns the line after what
 * it opened. */
static size_t one_line(org_ctx *c, size_t i, const char *prefix)
{
    size_t n;
    const char *s = text_of(&c->v[i], &n);
    int src = (int)i + 1, indent = md_indent(&c->v[i]);
    size_t end;
    if (n > 8 && md_eq_nocase(s, 8, "#+begin_")) return block(c, i, prefix);
    if (n > 3 && s[0] == '#' && s[1] == '+' && memchr(s, ':', n) &&
        nl_word_len(s + 2, n - 2) + 2 == (size_t)((const char *)memchr(s, ':', n) - s)) {
        keyword(c, i, prefix, s, n);
        return i + 1;
    }
    if (s[0] == '#' && (n == 1 || s[1] == ' ')) {
        md_lines_add(&c->comments, src);
        return i + 1;
    }
    if ((end = org_drawer_end(c, i))) {
        for (size_t j = i; j <= end; j++)
            md_lines_add(&c->meta, (int)j + 1);
        return end + 1;
    }
    if (planning(s, n)) {
        md_lines_add(&c->meta, src);
        return i + 1;
    }
    if (fixed_line(s, n) || s[0] == '|') {
        int ind = place(c, prefix, indent, false, src);
        flush_label(c, prefix, ind, src);
        return s[0] == '|' ? org_table(c, i, prefix, ind) : fixed_width(c, i, prefix, ind);
    }
    if (n >= 5 && strspn(s, "-") >= n) {
        place(c, prefix, indent, false, src);
        md_blank(&c->w, prefix, src);
        md_line(&c->w, prefix, "***", 3, src);
        md_blank(&c->w, prefix, src);
        return i + 1;
    }
    if (c->v[i].lead == 0 && n > 5 && !memcmp(s, "[fn:", 4) && memchr(s, ']', n)) {
        const char *close = memchr(s, ']', n);
        size_t after = (size_t)(close - s) + 1;
        while (after < n && s[after] == ' ')
            after++;
        oct_buf b = OCT_BUF_INIT;
        oct_buf_printf(&b, "[^%.*s]: ", (int)((size_t)(close - s) - 4), s + 4);
        org_inline(&c->inl, &b, s + after, n - after, false);
        place(c, prefix, 0, false, src);
        md_blank(&c->w, prefix, src);
        md_line(&c->w, prefix, b.data, b.len, src);
        oct_buf_free(&b);
        return i + 1;
    }
    if (list_item(c, i, prefix)) return i + 1;
    org_text_line(c, prefix, place(c, prefix, indent, false, src), s, n, src);
    return i + 1;
}

static void blocks(org_ctx *c, size_t a, size_t e, const char *prefix)
{
    for (size_t i = a; i < e && i < c->n;) {
        const nl_raw_line *l = &c->v[i];
        if (l->lead == l->n) {
            md_blank(&c->w, prefix, (int)i + 1);
            i++;
        } else if (org_heading_level(l)) {
            c->nitems = 0;
            size_t after = org_export_skip(c, i); /* a subtree Org's export leaves out */
            if (after > i)
                i = after;
            else
                org_heading(c, i++, prefix);
        } else {
            size_t next = one_line(c, i, prefix);
            i = next > i ? next : i + 1;
        }
    }
}

void oct_org_read(const char *path, const char *text, size_t len, oct_normalized *out, char **lang,
                  oct_diag *diag)
{
    size_t included = 0;
    oct_incl self;
    oct_incl_begin(&self, path, &included);
    org_read_file(path, text, len, out, lang, diag, &self);
    oct_incl_end(&self);
}

void org_read_file(const char *path, const char *text, size_t len, oct_normalized *out, char **lang,
                   oct_diag *diag, const oct_incl *self)
{
    memset(out, 0, sizeof *out);
    org_ctx c;
    memset(&c, 0, sizeof c);
    c.w.path = path;
    c.w.diag = diag;
    c.file = *self;
    nl_raw_line *v;
    c.n = nl_raw_lines(text, len, &v);
    c.v = v;
    oct_buf_puts(&c.todo, " TODO DONE ");
    for (size_t i = 0; i < c.n; i++) { /* #+TODO: lines hold for the whole file */
        size_t n;
        const char *s = text_of(&v[i], &n);
        if (n > 7 && s[0] == '#' && s[1] == '+' && memchr(s, ':', n)) {
            const char *k = s + 2;
            size_t kn = (size_t)((const char *)memchr(s, ':', n) - k);
            if (md_eq_nocase(k, kn, "todo") || md_eq_nocase(k, kn, "seq_todo") ||
                md_eq_nocase(k, kn, "typ_todo"))
                keyword(&c, i, "", s, n);
        }
    }
    c.meta.n = 0;
    org_export_scan(&c);
    blocks(&c, 0, c.n, "");
    if (c.inl.defs.len) { /* inline footnotes' definitions, at the end */
        md_blank(&c.w, "", (int)c.n);
        for (char *p = c.inl.defs.data; *p;) {
            char *nl = strchr(p, '\n');
            md_line(&c.w, "", p, (size_t)(nl - p), (int)c.n);
            md_blank(&c.w, "", (int)c.n);
            p = nl + 1;
        }
    }
    md_lines_note(
        &c.w, &c.meta, "org-metadata",
        "Org metadata not printed (keywords, drawers, planning, TODO states, priorities)");
    md_lines_note(&c.w, &c.comments, "org-comment", "Org comments not printed");
    if (c.taglines.n) {
        oct_buf what = OCT_BUF_INIT;
        oct_buf_printf(&what, "tags not printed (%s)", c.tagnames.data);
        md_lines_note(&c.w, &c.taglines, "tags", what.data);
        oct_buf_free(&what);
    }
    md_finish(&c.w, out);
    out->title = c.title;
    out->deck_tag = c.deck;
    *lang = c.lang;
    free(v);
    free(c.drop_to);
    free(c.drop_why);
    oct_buf_free(&c.todo);
    oct_buf_free(&c.tagnames);
    oct_buf_free(&c.inl.defs);
}
