#include "epub/render.h"
#include "unicode/script.h"

#include <string.h>

/* xml:lang and dir of a block whose letters say it is in another language
 * or runs right to left (unicode/script.h), so readers pick a font for its
 * script and set it from the right. Its first 2 KB of text decide, read
 * here rather than through oct_node_plain_text_to: inline code is left out
 * (`SELECT` opening an Arabic sentence does not make it English) and
 * nothing past 2 KB is copied. */
void oct_epub_lang_attrs(oct_epub_ctx *r, const oct_node *n)
{
    char text[2048];
    size_t len = 0;
    oct_iter it;
    oct_iter_init(&it, n);
    for (oct_event ev; len < sizeof text && (ev = oct_iter_next(&it)) != OCT_EV_NONE;) {
        const oct_node *c = it.cur;
        if (ev != OCT_EV_ENTER) continue;
        if (c != n && !oct_kind_is_inline(c->kind)) {
            oct_iter_skip_children(&it); /* nested blocks speak for themselves */
            continue;
        }
        if (!c->text || c->kind == OCT_CODE) continue;
        size_t k = strlen(c->text);
        if (k > sizeof text - len) k = sizeof text - len;
        memcpy(text + len, c->text, k);
        len += k;
    }
    bool rtl;
    const char *tag = oct_text_language(text, len, &rtl);
    const char *book = r->book->meta.lang ? r->book->meta.lang : "";
    if (tag && !oct_language_same(tag, book)) {
        oct_epub_xw_attr(r->xw, "xml:lang", tag);
        oct_epub_xw_attr(r->xw, "lang", tag);
    }
    if (rtl) oct_epub_xw_attr(r->xw, "dir", "rtl");
}

/* Block context. Every element that a block node opens is closed before
 * returning, and inline runs never hold block elements, so the XHTML
 * content models hold whatever the tree looks like. */

static void write_heading(oct_epub_ctx *r, const oct_node *n)
{
    static const char *const tags[] = {"h2", "h2", "h3", "h4", "h5", "h6"};
    int level = n->u.section.level;
    oct_epub_xw_start(r->xw, tags[level < 1 ? 0 : level > 5 ? 5 : level]);
    oct_epub_xw_attr(r->xw, "id", oct_epub_anchor(r->book, n));
    oct_epub_lang_attrs(r, n);
    oct_epub_inlines(r, n->first, NULL);
    oct_epub_xw_end(r->xw);
}

/* The class token for a fenced code language: its first word, restricted
 * to characters that are safe in a class name. */
static void code_class(const char *lang, char *out, size_t cap)
{
    size_t n = 0;
    if (lang) {
        const char *prefix = "language-";
        size_t plen = strlen(prefix);
        memcpy(out, prefix, plen);
        n = plen;
        for (; *lang == ' ' || *lang == '\t'; lang++) {
        }
        for (; *lang && *lang != ' ' && *lang != '\t' && n + 1 < cap; lang++) {
            char c = *lang;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                strchr("+-_#.", c))
                out[n++] = c;
        }
        if (n == plen) n = 0;
    }
    out[n] = '\0';
}

static void write_code_block(oct_epub_ctx *r, const oct_node *n)
{
    char cls[64];
    code_class(n->u.code.lang, cls, sizeof cls);
    size_t len;
    const char *text = oct_code_block_text(n, &len);
    /* a program's output is what it printed: <samp>, set apart (css.c) */
    oct_epub_xw_start(r->xw, "pre");
    if (n->u.code.output) oct_epub_xw_attr(r->xw, "class", "output");
    oct_epub_xw_start(r->xw, n->u.code.output ? "samp" : "code");
    if (*cls) oct_epub_xw_attr(r->xw, "class", cls);
    oct_epub_code_text(r, n->u.code.lang, text, len);
    oct_epub_xw_end(r->xw);
    oct_epub_xw_end(r->xw);
}

static void write_container(oct_epub_ctx *r, const char *tag, const char *cls, const oct_node *n)
{
    oct_epub_xw_start(r->xw, tag);
    if (cls) oct_epub_xw_attr(r->xw, "class", cls);
    oct_epub_xw_attr(r->xw, "id", oct_epub_anchor(r->book, n));
    oct_epub_xw_nl(r->xw);
    oct_epub_blocks(r, n->first, NULL, false);
    oct_epub_xw_end(r->xw);
}

/* <figure><img/><figcaption>title</figcaption></figure> */
static void write_figure(oct_epub_ctx *r, const oct_node *n)
{
    const oct_node *img = n->first;
    oct_epub_xw_start(r->xw, "figure");
    oct_epub_xw_attr(r->xw, "class", "picture");
    r->in_figure = 1;
    oct_epub_inlines(r, n->first, NULL);
    r->in_figure = 0;
    const char *title = img && img->kind == OCT_IMAGE ? img->u.link.title : NULL;
    if (title && *title) oct_epub_xw_element(r->xw, "figcaption", title);
    oct_epub_xw_end(r->xw);
}

static void write_flat(oct_epub_ctx *r, const oct_node *n, bool tight)
{
    if (!tight) oct_epub_xw_start(r->xw, "p");
    oct_epub_flat_text(r, n);
    if (!tight) oct_epub_xw_end(r->xw);
}

static void write_block(oct_epub_ctx *r, const oct_node *n, bool tight)
{
    switch (n->kind) {
    case OCT_PARAGRAPH:
        if (tight) {
            /* no line break after the item's last words: "</li>" follows */
            oct_epub_inlines(r, n->first, NULL);
            if (n->next) oct_epub_xw_nl(r->xw);
            return;
        }
        oct_epub_xw_start(r->xw, "p");
        oct_epub_lang_attrs(r, n);
        oct_epub_inlines(r, n->first, NULL);
        oct_epub_xw_end(r->xw);
        break;
    case OCT_SECTION:
        write_heading(r, n);
        break;
    case OCT_LIST:
        oct_epub_list(r, n);
        break;
    case OCT_TABLE:
        oct_epub_table(r, n);
        break;
    case OCT_QUESTION:
        oct_epub_question(r, n);
        break;
    case OCT_CODE_BLOCK:
        write_code_block(r, n);
        break;
    case OCT_BLOCKQUOTE:
        write_container(r, "blockquote", NULL, n);
        break;
    case OCT_THEMATIC_BREAK:
        oct_epub_xw_start(r->xw, "hr");
        oct_epub_xw_end_empty(r->xw);
        break;
    case OCT_FOOTNOTE_DEF:
        return; /* written at the end of the unit */
    case OCT_ANSWER:
        write_container(r, "div", "answer", n);
        break;
    case OCT_FIGURE:
        write_figure(r, n);
        break;
    case OCT_DETAILS: /* only in a tree the study pass has not seen */
        oct_epub_blocks(r, n->first, NULL, false);
        break;
    case OCT_SUMMARY:
        oct_epub_xw_start(r->xw, "p");
        oct_epub_xw_start(r->xw, "strong");
        oct_epub_inlines(r, n->first, NULL);
        oct_epub_xw_end(r->xw);
        oct_epub_xw_end(r->xw);
        break;
    case OCT_ITEM:
        write_container(r, "div", "item", n);
        break;
    case OCT_DOCUMENT:
    case OCT_PART:
    case OCT_CHAPTER:
        write_container(r, "div", NULL, n);
        break;
    default:
        write_flat(r, n, tight);
        break; /* stray rows and cells */
    }
    oct_epub_xw_nl(r->xw);
}

void oct_epub_blocks(oct_epub_ctx *r, const oct_node *first, const oct_node *last, bool tight)
{
    for (const oct_node *n = first; n; n = n->next) {
        if (oct_kind_is_inline(n->kind)) {
            /* A run of inlines where blocks belong becomes one paragraph. */
            const oct_node *end = n;
            while (end != last && end->next && oct_kind_is_inline(end->next->kind))
                end = end->next;
            if (!tight) oct_epub_xw_start(r->xw, "p");
            oct_epub_inlines(r, n, end->next);
            if (!tight) oct_epub_xw_end(r->xw);
            oct_epub_xw_nl(r->xw);
            n = end;
        } else if (n->kind == OCT_FOOTNOTE_DEF) {
            /* written at the end of the unit */
        } else if (r->depth >= OCT_EPUB_MAX_DEPTH || r->block_depth >= OCT_EPUB_MAX_BLOCK_DEPTH) {
            write_flat(r, n, tight);
            oct_epub_xw_nl(r->xw);
        } else {
            r->depth++;
            r->block_depth++;
            write_block(r, n, tight);
            r->block_depth--;
            r->depth--;
        }
        if (n == last) break;
    }
}
