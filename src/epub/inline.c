#include "epub/render.h"
#include "epub/url.h"
#include "tree/anchors.h"
#include "unicode/breaks.h"
#include "util/buf.h"
#include "util/utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Links are where notes and validators disagree most: relative paths,
 * javascript:, broken hosts and fragments naming nothing all occur in real
 * notes. Only a normalized absolute URL with a safe scheme or a link
 * naming a place in the book ("#anchor", "other.md#anchor", see
 * tree/anchors.h) becomes an <a>; anything else keeps its
 * text and loses the link, so epubcheck never sees a broken href. */

static void report_link(const oct_epub_ctx *r, const oct_node *n, const char *why)
{
    if (r->quiet) return;
    const oct_tree *t = r->book->tree;
    const char *file = n->span.file < t->nfiles ? t->files[n->span.file] : NULL;
    /* a long URL is cut for the message, never inside a character */
    const char *url = n->u.link.url ? n->u.link.url : "";
    size_t len = strlen(url), cut = len > 200 ? oct_grapheme_floor_utf8(url, len, 200) : len;
    oct_diag_report(r->book->diag, OCT_NOTE, file, n->span.line, n->span.col, "epub-link-text",
                    "link '%.*s%s' %s; the EPUB shows its text without a link", (int)cut, url,
                    cut < len ? "\xE2\x80\xA6" : "", why);
}

/* The href of the place a link inside the booklet names
 * (tree/anchors.h): the node carrying the anchor, or the nearest node
 * around it that the book gives an id; NULL when there is none. */
static const char *place_href(const oct_epub_ctx *r, const oct_node *link)
{
    const oct_node *n = oct_anchor_resolve(r->book->places, link->u.link.url, link->span.file);
    for (; n; n = n->parent) {
        const char *href = oct_epub_href(r->book, n);
        if (href) return href;
    }
    return NULL;
}

/* The href to write for a LINK, or NULL when it must stay plain text.
 * Arena string. */
static const char *link_href(const oct_epub_ctx *r, const oct_node *n)
{
    const char *url = n->u.link.url ? n->u.link.url : "";
    if (oct_anchor_is_local(url)) {
        const char *href = place_href(r, n);
        if (href) return href;
        report_link(r, n, "names no place in the book");
        return NULL;
    }
    oct_buf b = OCT_BUF_INIT;
    const char *href = NULL;
    if (oct_epub_url_normalize(url, &b) == 0)
        href = oct_arena_strdup(r->book->arena, b.data);
    else
        report_link(r, n, "is not an absolute http, https, ftp or mailto URL");
    oct_buf_free(&b);
    return href;
}

/* Whether rendering n's children shows any text at all. */
static int has_visible_text(const oct_node *n)
{
    oct_iter it;
    oct_event ev;
    oct_iter_init(&it, n);
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE) {
        const oct_node *c = it.cur;
        if (ev != OCT_EV_ENTER) continue;
        if ((c->kind == OCT_TEXT || c->kind == OCT_CODE || c->kind == OCT_CODE_BLOCK) && c->text &&
            strspn(c->text, " \t\n") < strlen(c->text))
            return 1;
        if (c->kind == OCT_IMAGE || c->kind == OCT_FOOTNOTE_REF) return 1;
    }
    return 0;
}

static void write_link(oct_epub_ctx *r, const oct_node *n)
{
    const char *href = r->in_link ? NULL : link_href(r, n);
    if (!href) {
        oct_epub_inlines(r, n->first, NULL);
        return;
    }
    oct_epub_xw_start(r->xw, "a");
    oct_epub_xw_attr(r->xw, "href", href);
    if (n->u.link.title && *n->u.link.title) oct_epub_xw_attr(r->xw, "title", n->u.link.title);
    r->in_link = 1;
    if (has_visible_text(n))
        oct_epub_inlines(r, n->first, NULL);
    else
        oct_epub_xw_text(r->xw, n->u.link.url);
    r->in_link = 0;
    oct_epub_xw_end(r->xw);
}

/* A picture ingest loaded is an <img> of its file in the book; any other
 * (remote, missing, damaged: never fetched) shows its alt text. */
static void write_image(oct_epub_ctx *r, const oct_node *n)
{
    const char *alt = oct_epub_plain(r->book->arena, n);
    const oct_tree *t = r->book->tree;
    int k = n->u.link.image;
    if (k > 0 && (size_t)k <= t->nimages) {
        oct_epub_xw_start(r->xw, "img");
        oct_epub_xw_attr(r->xw, "src", t->images[k - 1].name);
        oct_epub_xw_attr(r->xw, "alt", alt);
        if (!r->in_figure && n->u.link.title && *n->u.link.title)
            oct_epub_xw_attr(r->xw, "title", n->u.link.title);
        oct_epub_xw_end_empty(r->xw);
        return;
    }
    oct_epub_xw_start(r->xw, "span");
    oct_epub_xw_attr(r->xw, "class", "image-alt");
    oct_epub_xw_text(r->xw, *alt ? "[image: " : "[image");
    oct_epub_xw_text(r->xw, alt);
    /* its title too ("Figure 1. …"), which a drawn picture has below it */
    const char *title = n->u.link.title;
    if (title && *title) {
        oct_epub_xw_text(r->xw, " \xE2\x80\x94 ");
        oct_epub_xw_text(r->xw, title);
    }
    oct_epub_xw_text(r->xw, "]");
    oct_epub_xw_end(r->xw);
}

const char *oct_epub_ref_anchor(const oct_epub_ctx *r, const char *def_anchor, long k)
{
    if (k == 0) return oct_arena_printf(r->book->arena, "fnref-%s", def_anchor);
    return oct_arena_printf(r->book->arena, "fnref%ld-%s", k + 1, def_anchor);
}

static void write_note_ref(oct_epub_ctx *r, const oct_node *n)
{
    const oct_node *def = oct_epub_note_def(r->book, r->unit, n->u.footnote.index);
    const char *def_anchor = def ? oct_epub_anchor(r->book, def) : NULL;
    oct_buf label = OCT_BUF_INIT;
    if (n->u.footnote.index > 0)
        oct_buf_printf(&label, "%d", n->u.footnote.index);
    else
        oct_buf_puts(&label, n->u.footnote.label ? n->u.footnote.label : "*");
    if (def_anchor && !r->in_link) {
        long k = (long)(intptr_t)oct_epub_map_get(&r->refs, def_anchor);
        oct_epub_map_put(&r->refs, def_anchor, (void *)(intptr_t)(k + 1));
        oct_epub_xw_start(r->xw, "a");
        oct_epub_xw_attr(r->xw, "epub:type", "noteref");
        oct_epub_xw_attr(r->xw, "role", "doc-noteref");
        oct_epub_xw_attr(r->xw, "id", oct_epub_ref_anchor(r, def_anchor, k));
        /* every piece referencing a note ends with its own copy (split.c) */
        bool here = r->notes_here && oct_epub_map_has(r->notes_here, def_anchor);
        oct_epub_xw_attr(r->xw, "href",
                         here ? oct_arena_printf(r->book->arena, "#%s", def_anchor)
                              : oct_epub_href_id(r->book, def_anchor, r->unit));
    }
    oct_epub_xw_element(r->xw, "sup", label.data);
    if (def_anchor && !r->in_link) oct_epub_xw_end(r->xw);
    oct_buf_free(&label);
}

static void write_wrapped(oct_epub_ctx *r, const char *tag, const oct_node *n)
{
    oct_epub_xw_start(r->xw, tag);
    oct_epub_inlines(r, n->first, NULL);
    oct_epub_xw_end(r->xw);
}

/* A block node inside inline content (only a malformed tree has these):
 * its text, separated from what follows by a space. */
static void write_block_as_text(oct_epub_ctx *r, const oct_node *n)
{
    if (n->kind == OCT_CODE_BLOCK)
        oct_epub_xw_element(r->xw, "code", n->text);
    else if (n->kind == OCT_FOOTNOTE_DEF)
        return;
    else
        oct_epub_inlines(r, n->first, NULL);
    oct_epub_xw_text(r->xw, " ");
}

/* A reference to a question: its number, linked to it. */
static void write_xref(oct_epub_ctx *r, const oct_node *n)
{
    const oct_node *q = n->u.xref.target;
    char nb[40] = "";
    const char *label = q && *oct_question_name(q, nb, sizeof nb) ? nb : NULL;
    const char *href = q && !r->in_link ? oct_epub_href(r->book, q) : NULL;
    if (!href) {
        oct_epub_xw_text(r->xw, label ? label : "?");
        return;
    }
    oct_epub_xw_start(r->xw, "a");
    oct_epub_xw_attr(r->xw, "href", href);
    oct_epub_xw_text(r->xw, label ? label : "?");
    oct_epub_xw_end(r->xw);
}

/* Inline code short enough to fit any line is kept whole: a reader breaks
 * it after its hyphens and slashes like prose, and `--trusted-host` cut
 * into "--trusted-" / "host" reads as a word hyphenated at the line's end
 * (the PDF never cuts code there). Longer code may still wrap. */
#define CODE_KEEP_WHOLE 24 /* code points: 14em of monospace, a phone's line is 20 */

static void write_code(oct_epub_ctx *r, const char *text)
{
    text = text ? text : "";
    oct_epub_xw_start(r->xw, "code");
    if (oct_utf8_count(text, strlen(text)) <= CODE_KEEP_WHOLE)
        oct_epub_xw_attr(r->xw, "class", "nb");
    oct_epub_xw_text(r->xw, text);
    oct_epub_xw_end(r->xw);
}

static void write_inline(oct_epub_ctx *r, const oct_node *n)
{
    switch (n->kind) {
    case OCT_TEXT:
        oct_epub_xw_text(r->xw, n->text);
        break;
    case OCT_CODE:
        write_code(r, n->text);
        break;
    case OCT_EMPH:
        write_wrapped(r, "em", n);
        break;
    case OCT_STRONG:
        write_wrapped(r, "strong", n);
        break;
    case OCT_STRIKE:
        write_wrapped(r, "del", n);
        break;
    case OCT_SUPERSCRIPT:
        write_wrapped(r, "sup", n);
        break;
    case OCT_SUBSCRIPT:
        write_wrapped(r, "sub", n);
        break;
    case OCT_LINK:
        write_link(r, n);
        break;
    case OCT_IMAGE:
        write_image(r, n);
        break;
    case OCT_FOOTNOTE_REF:
        write_note_ref(r, n);
        break;
    case OCT_SOFT_BREAK:
        oct_epub_xw_text(r->xw, "\n");
        break;
    case OCT_LINE_BREAK:
        oct_epub_xw_start(r->xw, "br");
        oct_epub_xw_end_empty(r->xw);
        oct_epub_xw_text(r->xw, "\n");
        break;
    case OCT_INDEX_TERM:
        break; /* a marker for the index, not text of its own */
    case OCT_XREF:
        write_xref(r, n);
        break;
    default:
        write_block_as_text(r, n);
        break;
    }
}

static bool is_script(const oct_node *n)
{
    return n && (n->kind == OCT_SUPERSCRIPT || n->kind == OCT_SUBSCRIPT);
}

/* A subscript and a superscript on one symbol (x_i^2, H_2^+) stand one
 * above the other (css.c, .scripts), the superscript on top; a reader
 * without the style sets them side by side, as before. */
static void write_stacked(oct_epub_ctx *r, const oct_node *a, const oct_node *b)
{
    const oct_node *sup = a->kind == OCT_SUPERSCRIPT ? a : b, *sub = sup == a ? b : a;
    oct_epub_xw_start(r->xw, "span");
    oct_epub_xw_attr(r->xw, "class", "scripts");
    write_wrapped(r, "sup", sup);
    write_wrapped(r, "sub", sub);
    oct_epub_xw_end(r->xw);
}

void oct_epub_inlines(oct_epub_ctx *r, const oct_node *first, const oct_node *stop)
{
    for (const oct_node *n = first; n && n != stop; n = n->next) {
        if (r->depth >= OCT_EPUB_MAX_DEPTH) {
            oct_epub_flat_text(r, n);
            continue;
        }
        r->depth++;
        if (is_script(n) && is_script(n->next) && n->next != stop && n->next->kind != n->kind) {
            write_stacked(r, n, n->next);
            n = n->next;
        } else {
            write_inline(r, n);
        }
        r->depth--;
    }
}

void oct_epub_flat_text(oct_epub_ctx *r, const oct_node *n)
{
    oct_iter it;
    oct_event ev;
    oct_iter_init(&it, n);
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE) {
        const oct_node *c = it.cur;
        if (ev == OCT_EV_EXIT) {
            if (c->kind != OCT_TEXT && c->kind != OCT_CODE && !oct_kind_is_inline(c->kind))
                oct_epub_xw_text(r->xw, " ");
            continue;
        }
        if (c->kind == OCT_FOOTNOTE_DEF)
            oct_iter_skip_children(&it);
        else if (c->kind == OCT_TEXT || c->kind == OCT_CODE || c->kind == OCT_CODE_BLOCK)
            oct_epub_xw_text(r->xw, c->text);
        else if (c->kind == OCT_SOFT_BREAK || c->kind == OCT_LINE_BREAK)
            oct_epub_xw_text(r->xw, " ");
    }
}
