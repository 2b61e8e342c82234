/* The contents of a chapter split into several documents (split.c), at
 * the top of its first one: a line for each piece, "Questions 58–120"
 * (or its first heading, or "Title (continued)"), linked to where it
 * begins. A long book's navigation document leaves questions out; this
 * list, a few lines long whatever the chapter's size, takes the reader
 * near any question in two steps, and each piece stays under its budget
 * (a list of every question would be as long as the nav was). */
#include "epub/render.h"
#include "tree/phrases.h"

#include <stdio.h>

size_t oct_epub_group_pieces(const oct_epub_book *b, size_t u)
{
    size_t g = b->units[u].group, n = 0;
    for (size_t i = g; i < b->nunits && b->units[i].group == g; i++)
        n++;
    return n;
}

/* The label and target of piece p. */
static const char *piece_label(const oct_epub_book *b, const oct_epub_unit *p, const char **href)
{
    const oct_node *first_q = NULL, *last_q = NULL, *heading = NULL;
    for (const oct_node *top = p->from; top; top = top->next) {
        if (oct_epub_unit_holds(p, top)) {
            if (top->kind == OCT_QUESTION) {
                if (!first_q) first_q = top;
                last_q = top;
            } else if (top->kind == OCT_SECTION && !heading) {
                heading = top;
            }
        }
        if (top == p->to) break;
    }
    char a[40], z[40];
    const oct_node *to = first_q ? first_q : heading;
    *href = to ? oct_epub_href(b, to) : NULL;
    if (!*href) *href = p->file;
    const char *lead = oct_phrase(b->meta.lang, OCT_PH_QUESTIONS_LEAD);
    if (first_q && *oct_question_name(first_q, a, sizeof a) &&
        *oct_question_name(last_q, z, sizeof z))
        return first_q == last_q ? oct_arena_printf(b->arena, "%s%s", lead, a)
                                 : oct_arena_printf(b->arena, "%s%s\u2013%s", lead, a, z);
    if (heading) {
        const char *h = oct_epub_shorten(b->arena, oct_epub_plain(b->arena, heading), 60);
        if (*h) return h;
    }
    return oct_arena_printf(b->arena, oct_phrase(b->meta.lang, OCT_PH_CONTINUED), p->title);
}

void oct_epub_piece_list(oct_epub_ctx *r)
{
    const oct_epub_book *b = r->book;
    size_t n = oct_epub_group_pieces(b, r->unit);
    if (n < 2 || b->units[r->unit].piece) return;
    oct_epub_xw_start(r->xw, "ol");
    oct_epub_xw_attr(r->xw, "class", "chapter-contents");
    oct_epub_xw_nl(r->xw);
    for (size_t i = r->unit; i < r->unit + n; i++) {
        const char *href;
        const char *label = piece_label(b, &b->units[i], &href);
        oct_epub_xw_start(r->xw, "li");
        oct_epub_xw_start(r->xw, "a");
        oct_epub_xw_attr(r->xw, "href", href);
        oct_epub_xw_text(r->xw, label);
        oct_epub_xw_end(r->xw);
        oct_epub_xw_end(r->xw);
        oct_epub_xw_nl(r->xw);
    }
    oct_epub_xw_end(r->xw);
    oct_epub_xw_nl(r->xw);
}
