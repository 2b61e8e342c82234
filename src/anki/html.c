#include "anki/html.h"

#include <stdio.h>
#include <string.h>

void oct_anki_html_text(const char *s, int lines, oct_buf *out)
{
    for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
        switch (*p) {
        case '&':
            oct_buf_puts(out, "&amp;");
            break;
        case '<':
            oct_buf_puts(out, "&lt;");
            break;
        case '>':
            oct_buf_puts(out, "&gt;");
            break;
        case '"':
            oct_buf_puts(out, "&quot;");
            break;
        case '\'':
            oct_buf_puts(out, "&#39;");
            break;
        case '\t':
            oct_buf_puts(out, "&#9;");
            break;
        case '\r':
            if (p[1] == '\n') p++;
            /* fall through */
        case '\n':
            oct_buf_puts(out, lines ? "<br/>" : " ");
            break;
        default:
            /* other C0 controls are not allowed in XML and mean nothing here */
            if (*p >= 0x20) oct_buf_putc(out, (char)*p);
        }
    }
}

/* Only links a card can follow leave an href; others keep their text. */
static int safe_url(const char *u)
{
    return u && (strncmp(u, "https://", 8) == 0 || strncmp(u, "http://", 7) == 0 ||
                 strncmp(u, "mailto:", 7) == 0);
}

static void inline_node(const oct_node *n, oct_buf *out);

static void inline_children(const oct_node *n, oct_buf *out)
{
    for (const oct_node *c = n->first; c; c = c->next)
        if (oct_kind_is_inline(c->kind)) inline_node(c, out);
}

static void wrap(const oct_node *n, const char *tag, oct_buf *out)
{
    oct_buf_printf(out, "<%s>", tag);
    inline_children(n, out);
    oct_buf_printf(out, "</%s>", tag);
}

static void inline_node(const oct_node *n, oct_buf *out)
{
    switch (n->kind) {
    case OCT_TEXT:
        oct_anki_html_text(n->text, 0, out);
        break;
    case OCT_CODE:
        oct_buf_puts(out, "<code>");
        oct_anki_html_text(n->text, 0, out);
        oct_buf_puts(out, "</code>");
        break;
    case OCT_EMPH:
        wrap(n, "i", out);
        break;
    case OCT_STRONG:
        wrap(n, "b", out);
        break;
    case OCT_STRIKE:
        wrap(n, "s", out);
        break;
    case OCT_SUPERSCRIPT:
        wrap(n, "sup", out);
        break;
    case OCT_SUBSCRIPT:
        wrap(n, "sub", out);
        break;
    case OCT_LINK:
        if (safe_url(n->u.link.url)) {
            oct_buf_puts(out, "<a href='");
            oct_anki_html_text(n->u.link.url, 0, out);
            oct_buf_puts(out, "'>");
            inline_children(n, out);
            oct_buf_puts(out, "</a>");
        } else
            inline_children(n, out);
        break;
    case OCT_IMAGE: /* the alt text and title: no media in the deck */
        inline_children(n, out);
        if (n->u.link.title && *n->u.link.title) {
            oct_buf_puts(out, " \xE2\x80\x94 ");
            oct_anki_html_text(n->u.link.title, 0, out);
        }
        break;
    case OCT_SOFT_BREAK:
        oct_buf_putc(out, ' ');
        break;
    case OCT_LINE_BREAK:
        oct_buf_puts(out, "<br/>");
        break;
    case OCT_FOOTNOTE_REF:
        oct_buf_printf(out, "<sup>%d</sup>", n->u.footnote.index);
        break;
    default:
        break; /* INDEX_TERM, XREF: markers, nothing to read */
    }
}

void oct_anki_html_inlines(const oct_node *n, oct_buf *out)
{
    inline_children(n, out);
}

static void block_node(const oct_node *n, oct_buf *out);

/* A list, its numbers as the source gave them (oct_list_item_value). */
static void list(const oct_node *n, oct_buf *out)
{
    if (n->u.list.ordered && n->u.list.start != 1)
        oct_buf_printf(out, "<ol start='%d'>", n->u.list.start);
    else
        oct_buf_puts(out, n->u.list.ordered ? "<ol>" : "<ul>");
    bool numbered = n->u.list.ordered && oct_list_has_numbers(n);
    long expected = n->u.list.start;
    for (const oct_node *c = n->first; c; c = c->next) {
        long value = oct_list_item_value(numbered, c, &expected);
        if (value >= 0)
            oct_buf_printf(out, "<li value='%ld'>", value);
        else
            oct_buf_puts(out, "<li>");
        if (c->u.item.task != OCT_TASK_NONE)
            oct_buf_puts(out, c->u.item.task == OCT_TASK_DONE ? "&#9745; " : "&#9744; ");
        oct_anki_html_blocks(c, out);
        oct_buf_puts(out, "</li>");
    }
    oct_buf_puts(out, n->u.list.ordered ? "</ol>" : "</ul>");
}

void oct_anki_html_blocks(const oct_node *n, oct_buf *out)
{
    for (const oct_node *c = n->first; c; c = c->next) {
        if (oct_kind_is_inline(c->kind))
            inline_node(c, out);
        else
            block_node(c, out);
    }
}

static void table(const oct_node *n, oct_buf *out)
{
    oct_buf_puts(out, "<table>");
    for (const oct_node *r = n->first; r; r = r->next) {
        if (r->kind != OCT_TABLE_ROW) continue;
        const char *cell = r->u.row.header ? "th" : "td";
        oct_buf_puts(out, "<tr>");
        for (const oct_node *c = r->first; c; c = c->next)
            if (c->kind == OCT_TABLE_CELL) wrap(c, cell, out);
        oct_buf_puts(out, "</tr>");
    }
    oct_buf_puts(out, "</table>");
}

static void block_node(const oct_node *n, oct_buf *out)
{
    switch (n->kind) {
    case OCT_PARAGRAPH:
        wrap(n, "p", out);
        break;
    case OCT_SECTION:
    case OCT_SUMMARY:
        oct_buf_puts(out, "<p><b>");
        inline_children(n, out);
        oct_buf_puts(out, "</b></p>");
        break;
    case OCT_QUESTION: /* a question inside an answer: its prompt, then its answer */
        oct_buf_puts(out, "<p><b>");
        inline_children(n, out);
        oct_buf_puts(out, "</b></p>");
        for (const oct_node *c = n->first; c; c = c->next)
            if (c->kind == OCT_ANSWER) oct_anki_html_blocks(c, out);
        break;
    case OCT_LIST:
        list(n, out);
        break;
    case OCT_CODE_BLOCK:
        oct_buf_puts(out, "<pre><code>");
        {
            /* the last line end would print an empty line */
            size_t len = n->text ? strlen(n->text) : 0;
            while (len && (n->text[len - 1] == '\n' || n->text[len - 1] == '\r'))
                len--;
            oct_buf tmp = OCT_BUF_INIT;
            oct_buf_put(&tmp, n->text ? n->text : "", len);
            oct_anki_html_text(tmp.data, 1, out);
            oct_buf_free(&tmp);
        }
        oct_buf_puts(out, "</code></pre>");
        break;
    case OCT_TABLE:
        table(n, out);
        break;
    case OCT_BLOCKQUOTE:
        oct_buf_puts(out, "<blockquote>");
        oct_anki_html_blocks(n, out);
        oct_buf_puts(out, "</blockquote>");
        break;
    case OCT_THEMATIC_BREAK:
        oct_buf_puts(out, "<hr/>");
        break;
    case OCT_FIGURE:
    case OCT_ITEM:
    case OCT_DETAILS:
    case OCT_ANSWER:
        oct_buf_puts(out, "<div>");
        oct_anki_html_blocks(n, out);
        oct_buf_puts(out, "</div>");
        break;
    default:
        break; /* WORDING, FOOTNOTE_DEF, CHAPTER: not part of a card */
    }
}
