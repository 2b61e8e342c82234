/* A Word or OpenDocument text as CommonMark (formats.h,
 * oct_doc_markdown): what `octavo normalize` prints for one, as it prints
 * a notebook's cells, so a handout can become Markdown notes for good.
 * The document is read into a tree as a build reads it, and the tree is
 * written back: headings as "#", lists with their numbers, tables as
 * pipe tables, code blocks fenced, footnotes as [^n], superscripts and
 * line breaks in cells as the HTML octavo reads; text escaped where
 * Markdown would read it as markup (mdwrite.c). Its title and language
 * become front matter. Pictures of the package are linked where the
 * caller writes them out (a folder beside the Markdown), each under a
 * name of its own. */
#include "ingest/formats/docint.h"
#include "ingest/formats/mdwrite.h"
#include "util/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    oct_buf *out;
    const char *first; /* the prefix of the next line (a list marker), else NULL */
} mw;

static void blocks(mw *w, const oct_node *container, const char *prefix);
static void inlines(oct_buf *b, const oct_node *parent, bool *at_start, bool cell);

/* Each line of text (lines end in '\n') after the prefix. */
static void put_lines(mw *w, const char *text, size_t n, const char *prefix)
{
    for (size_t i = 0; i < n;) {
        const char *nl = memchr(text + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - text) : n;
        oct_buf_puts(w->out, w->first ? w->first : prefix);
        w->first = NULL;
        oct_buf_put(w->out, text + i, e - i);
        oct_buf_putc(w->out, '\n');
        i = e + 1;
    }
}

/* A blank line inside the prefix (a quote's ">"). */
static void blank(mw *w, const char *prefix)
{
    size_t n = strlen(prefix);
    while (n && prefix[n - 1] == ' ')
        n--;
    oct_buf_put(w->out, prefix, n);
    oct_buf_putc(w->out, '\n');
}

/* ---- inlines ------------------------------------------------------------ */

/* Emphasis around the children: CommonMark's delimiters must touch the
 * text, so blanks at its ends go outside them. */
static void wrap(oct_buf *b, const oct_node *n, const char *open, const char *close, bool *at_start,
                 bool cell)
{
    oct_buf in = OCT_BUF_INIT;
    bool start = false;
    inlines(&in, n, &start, cell);
    size_t a = 0, e = in.len;
    while (a < e && (in.data[a] == ' ' || in.data[a] == '\t'))
        a++;
    while (e > a && (in.data[e - 1] == ' ' || in.data[e - 1] == '\t'))
        e--;
    oct_buf_put(b, in.data, a);
    if (e > a) {
        oct_buf_puts(b, open);
        oct_buf_put(b, in.data + a, e - a);
        oct_buf_puts(b, close);
        *at_start = false;
    }
    oct_buf_put(b, in.data + e, in.len - e);
    oct_buf_free(&in);
}

/* A link's or picture's destination: <…> when it holds blanks or brackets. */
static void destination(oct_buf *b, const char *url)
{
    url = url ? url : "";
    bool angle = strpbrk(url, " ()") != NULL || !*url;
    if (angle) oct_buf_putc(b, '<');
    for (const char *p = url; *p; p++) {
        if (*p == '<' || *p == '>' || *p == '\n')
            oct_buf_printf(b, "%%%02X", (unsigned char)*p);
        else
            oct_buf_putc(b, *p);
    }
    if (angle) oct_buf_putc(b, '>');
}

/* A footnote's label as Markdown takes one: letters, digits, '-'. */
static void label(oct_buf *b, const char *l)
{
    for (const char *p = l && *l ? l : "note"; *p; p++) {
        bool ok = (*p >= '0' && *p <= '9') || ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z');
        oct_buf_putc(b, ok ? *p : '-');
    }
}

static void code_span(oct_buf *b, const char *s, bool cell)
{
    oct_buf c = OCT_BUF_INIT;
    md_code_span(&c, s ? s : "", s ? strlen(s) : 0);
    for (size_t i = 0; i < c.len; i++) { /* a table splits at pipes before code spans */
        if (cell && c.data[i] == '|') oct_buf_putc(b, '\\');
        oct_buf_putc(b, c.data[i]);
    }
    oct_buf_free(&c);
}

static void inline_node(oct_buf *b, const oct_node *n, bool *at_start, bool cell)
{
    switch (n->kind) {
    case OCT_TEXT: {
        size_t len = n->text ? strlen(n->text) : 0;
        md_escape(b, n->text ? n->text : "", len, *at_start);
        if (len) *at_start = false;
        break;
    }
    case OCT_CODE:
        code_span(b, n->text, cell);
        *at_start = false;
        break;
    case OCT_EMPH:
        wrap(b, n, "*", "*", at_start, cell);
        break;
    case OCT_STRONG:
        wrap(b, n, "**", "**", at_start, cell);
        break;
    case OCT_STRIKE:
        wrap(b, n, "~~", "~~", at_start, cell);
        break;
    case OCT_SUPERSCRIPT:
        wrap(b, n, "<sup>", "</sup>", at_start, cell);
        break;
    case OCT_SUBSCRIPT:
        wrap(b, n, "<sub>", "</sub>", at_start, cell);
        break;
    case OCT_LINK:
    case OCT_IMAGE:
        oct_buf_puts(b, n->kind == OCT_IMAGE ? "![" : "[");
        bool in = false;
        inlines(b, n, &in, cell);
        oct_buf_puts(b, "](");
        destination(b, n->u.link.url);
        oct_buf_putc(b, ')');
        *at_start = false;
        break;
    case OCT_FOOTNOTE_REF:
        oct_buf_puts(b, "[^");
        label(b, n->u.footnote.label);
        oct_buf_putc(b, ']');
        *at_start = false;
        break;
    case OCT_LINE_BREAK:
    case OCT_SOFT_BREAK:
        oct_buf_puts(b, cell ? "<br>" : n->kind == OCT_LINE_BREAK ? "\\\n" : "\n");
        *at_start = !cell;
        break;
    default:
        inlines(b, n, at_start, cell);
    }
}

static void inlines(oct_buf *b, const oct_node *parent, bool *at_start, bool cell)
{
    for (const oct_node *c = parent->first; c; c = c->next)
        inline_node(b, c, at_start, cell);
}

/* ---- blocks ------------------------------------------------------------- */

static void paragraph(mw *w, const oct_node *p, const char *prefix)
{
    oct_buf t = OCT_BUF_INIT;
    bool start = true;
    if (p->kind == OCT_SECTION) {
        for (int k = 0; k < p->u.section.level; k++)
            oct_buf_putc(&t, '#');
        oct_buf_putc(&t, ' ');
        start = false;
        oct_buf lines = OCT_BUF_INIT;
        inlines(&lines, p, &start, true); /* a heading is one line: breaks as <br> */
        oct_buf_put(&t, lines.data, lines.len);
        oct_buf_free(&lines);
    } else {
        inlines(&t, p, &start, false);
        while (t.len >= 2 && !memcmp(t.data + t.len - 2, "\\\n", 2)) /* a break ending it */
            t.len -= 2;
    }
    put_lines(w, t.data ? t.data : "", t.len, prefix);
    oct_buf_free(&t);
}

static void code_block(mw *w, const oct_node *n, const char *prefix)
{
    const char *text = n->text ? n->text : "";
    size_t run = 0, longest = 0;
    for (const char *p = text; *p; p++) {
        run = *p == '`' ? run + 1 : 0;
        if (run > longest) longest = run;
    }
    oct_buf t = OCT_BUF_INIT, fence = OCT_BUF_INIT;
    for (size_t k = 0; k < (longest >= 3 ? longest + 1 : 3); k++)
        oct_buf_putc(&fence, '`');
    oct_buf_put(&t, fence.data, fence.len);
    if (n->u.code.lang) oct_buf_puts(&t, n->u.code.lang);
    oct_buf_putc(&t, '\n');
    oct_buf_puts(&t, text);
    if (t.data[t.len - 1] != '\n') oct_buf_putc(&t, '\n');
    oct_buf_put(&t, fence.data, fence.len);
    oct_buf_free(&fence);
    put_lines(w, t.data, t.len, prefix);
    oct_buf_free(&t);
}

static void table_row(oct_buf *t, const oct_node *row, int ncols, bool empty)
{
    oct_buf_putc(t, '|');
    const oct_node *c = empty ? NULL : row->first;
    for (int k = 0; k < ncols; k++) {
        oct_buf_putc(t, ' ');
        bool start = false;
        if (c) inlines(t, c, &start, true);
        oct_buf_puts(t, " |");
        c = c ? c->next : NULL;
    }
    oct_buf_putc(t, '\n');
}

/* A pipe table; one without a header row gets an empty one, which ingest
 * drops (as the normalizer writes a headless table). */
static void table(mw *w, const oct_node *n, const char *prefix)
{
    int ncols = n->u.table.ncols > 0 ? n->u.table.ncols : 1;
    oct_buf t = OCT_BUF_INIT;
    const oct_node *r = n->first;
    bool header = r && r->u.row.header;
    table_row(&t, r, ncols, !header);
    oct_buf_putc(&t, '|');
    for (int k = 0; k < ncols; k++)
        oct_buf_puts(&t, " --- |");
    oct_buf_putc(&t, '\n');
    for (r = header ? r->next : r; r; r = r->next)
        table_row(&t, r, ncols, false);
    put_lines(w, t.data, t.len, prefix);
    oct_buf_free(&t);
}

/* Each item's first line after its marker, the rest under it. */
static void list(mw *w, const oct_node *l, const char *prefix)
{
    int number = l->u.list.start;
    for (const oct_node *it = l->first; it; it = it->next, number++) {
        if (it->kind != OCT_ITEM) continue;
        if (it != l->first && !l->u.list.tight) blank(w, prefix);
        char marker[32];
        if (l->u.list.ordered)
            snprintf(marker, sizeof marker, "%d. ", it->u.item.number ? it->u.item.number : number);
        else
            snprintf(marker, sizeof marker, "- ");
        oct_buf first = OCT_BUF_INIT, inner = OCT_BUF_INIT;
        /* a list opening an item or a note: its marker after theirs */
        oct_buf_printf(&first, "%s%s", it == l->first && w->first ? w->first : prefix, marker);
        oct_buf_printf(&inner, "%s%*s", prefix, (int)strlen(marker), "");
        w->first = first.data;
        if (!it->first) put_lines(w, "\n", 1, inner.data);
        blocks(w, it, inner.data);
        w->first = NULL;
        oct_buf_free(&first);
        oct_buf_free(&inner);
    }
}

static void block(mw *w, const oct_node *n, const char *prefix)
{
    oct_buf p = OCT_BUF_INIT;
    switch (n->kind) {
    case OCT_PARAGRAPH:
    case OCT_SECTION:
    case OCT_FIGURE:
        paragraph(w, n, prefix);
        break;
    case OCT_CODE_BLOCK:
        code_block(w, n, prefix);
        break;
    case OCT_TABLE:
        table(w, n, prefix);
        break;
    case OCT_LIST:
        list(w, n, prefix);
        break;
    case OCT_BLOCKQUOTE: {
        oct_buf first = OCT_BUF_INIT;
        if (w->first) { /* a quote opening an item: its ">" after the marker */
            oct_buf_printf(&first, "%s> ", w->first);
            w->first = first.data;
        }
        oct_buf_printf(&p, "%s> ", prefix);
        blocks(w, n, p.data);
        w->first = NULL;
        oct_buf_free(&first);
        break;
    }
    case OCT_THEMATIC_BREAK:
        put_lines(w, "***\n", 4, prefix);
        break;
    case OCT_FOOTNOTE_DEF: {
        oct_buf first = OCT_BUF_INIT;
        oct_buf_printf(&first, "%s[^", prefix);
        label(&first, n->u.footnote.label);
        oct_buf_puts(&first, "]: ");
        w->first = first.data;
        oct_buf_printf(&p, "%s    ", prefix);
        blocks(w, n, p.data);
        w->first = NULL;
        oct_buf_free(&first);
        break;
    }
    default:
        blocks(w, n, prefix);
    }
    oct_buf_free(&p);
}

static void blocks(mw *w, const oct_node *container, const char *prefix)
{
    bool tight = container->kind == OCT_ITEM && container->parent &&
                 container->parent->kind == OCT_LIST && container->parent->u.list.tight;
    for (const oct_node *c = container->first; c; c = c->next) {
        if (c != container->first && !tight) blank(w, prefix);
        block(w, c, prefix);
    }
}

/* "title": YAML's double-quoted scalar. */
static void yaml_string(oct_buf *b, const char *key, const char *s)
{
    oct_buf_printf(b, "%s: \"", key);
    for (const char *p = s; *p; p++) {
        if (*p == '"' || *p == '\\') oct_buf_putc(b, '\\');
        oct_buf_putc(b, *p == '\n' || *p == '\t' ? ' ' : *p);
    }
    oct_buf_puts(b, "\"\n");
}

/* ---- pictures ----------------------------------------------------------- */

/* The file name of part as a name in the pictures' folder: its last
 * component, letters, digits, '.', '-' and '_' kept and others '-', never
 * starting with a dot; "image-N.png" if nothing is left; "-2", "-3"…
 * before the extension when another picture has it. */
static char *picture_name(const char *part, oct_strmap *names, size_t nth)
{
    const char *base = strrchr(part, '/') ? strrchr(part, '/') + 1 : part;
    oct_buf b = OCT_BUF_INIT;
    for (const char *p = base; *p && b.len < 80; p++) {
        bool ok = (*p >= '0' && *p <= '9') || ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z') ||
                  *p == '-' || *p == '_' || (*p == '.' && b.len);
        oct_buf_putc(&b, ok ? *p : '-');
    }
    if (!b.len || strspn(b.data, "-.") == b.len) {
        oct_buf_clear(&b);
        oct_buf_printf(&b, "image-%zu.png", nth + 1);
    }
    const char *dot = strrchr(b.data, '.');
    size_t stem = dot && dot != b.data ? (size_t)(dot - b.data) : b.len;
    oct_buf name = OCT_BUF_INIT;
    size_t old;
    for (int k = 1; !name.len || oct_strmap_get(names, name.data, name.len, &old); k++) {
        oct_buf_clear(&name);
        oct_buf_put(&name, b.data, stem);
        if (k > 1) oct_buf_printf(&name, "-%d", k);
        oct_buf_puts(&name, b.data + stem);
    }
    oct_strmap_put(names, name.data, name.len, nth);
    oct_buf_free(&b);
    return oct_buf_detach(&name);
}

/* Each IMAGE whose url is a part of the package now links to its name
 * in pics->dir; the parts are listed once each, in order of first use. */
static void link_pictures(oct_tree *t, oct_node *ch, oct_doc *doc, oct_doc_pictures *pics)
{
    size_t n, cap = 0;
    oct_node **imgs = oct_node_collect(ch, OCT_IMAGE, &n);
    oct_strmap parts = OCT_STRMAP_INIT, names = OCT_STRMAP_INIT;
    for (size_t i = 0; i < n; i++) {
        const char *url = imgs[i]->u.link.url;
        size_t at;
        if (!url || !oct_unzip_has(doc->zip, url)) continue; /* linked, or missing */
        if (!oct_strmap_get(&parts, url, strlen(url), &at)) {
            at = pics->npics;
            OCT_GROW(pics->pics, cap, pics->npics + 1);
            pics->pics[at] =
                (oct_doc_pic){oct_xstrdup(url), picture_name(url, &names, at), imgs[i]->span.line};
            pics->npics++;
            oct_strmap_put(&parts, url, strlen(url), at);
        }
        oct_buf link = OCT_BUF_INIT;
        oct_buf_printf(&link, "%s/%s", pics->dir, pics->pics[at].name);
        imgs[i]->u.link.url = oct_arena_strdup(t->arena, link.data);
        oct_buf_free(&link);
    }
    oct_strmap_free(&parts);
    oct_strmap_free(&names);
    free(imgs);
}

void oct_doc_pictures_release(oct_doc_pictures *p)
{
    if (!p) return;
    for (size_t i = 0; i < p->npics; i++) {
        free(p->pics[i].part);
        free(p->pics[i].name);
    }
    free(p->pics);
    p->pics = NULL;
    p->npics = 0;
}

int oct_doc_markdown(oct_doc *doc, const char *path, oct_doc_pictures *pics, oct_buf *out,
                     oct_diag *diag)
{
    oct_tree *t = oct_tree_new();
    oct_node *ch = oct_node_new(t, OCT_CHAPTER, (oct_span){oct_tree_add_file(t, path), 1, 1});
    int rc = oct_doc_build(t, ch, doc, path, diag);
    if (rc == 0 && pics && pics->dir) link_pictures(t, ch, doc, pics);
    if (rc == 0) {
        if (doc->title || doc->lang) {
            oct_buf_puts(out, "---\n");
            if (doc->title) yaml_string(out, "title", doc->title);
            if (doc->lang) yaml_string(out, "lang", doc->lang);
            oct_buf_puts(out, "---\n\n");
        }
        mw w = {.out = out};
        blocks(&w, ch, "");
    }
    oct_tree_free(t);
    return rc;
}
