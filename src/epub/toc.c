#include "epub/docs.h"
#include "util/xalloc.h"

#include <stdlib.h>

/* The table of contents shared by nav.xhtml and toc.ncx. Questions are
 * listed too: in a study booklet they are what a reader looks for, and
 * many notes have no headings at all. Headings inside questions and
 * footnotes stay out, as do headings below level 3. */

enum { TOC_MAX_HEADING = 3, TOC_LABEL_CHARS = 100 };

static void add(oct_epub_toc *t, int level, const char *label, const char *href)
{
    OCT_GROW(t->e, t->cap, t->n + 1);
    t->e[t->n++] = (oct_epub_toc_entry){level, label, href};
}

static const char *question_label(const oct_epub_book *b, const oct_node *q)
{
    const char *prompt = oct_epub_shorten(b->arena, oct_epub_plain(b->arena, q), TOC_LABEL_CHARS);
    int num = q->u.question.number;
    /* the number as written ("4a", "12.1") when the source gave one */
    const char *lab = q->u.question.label;
    if (!lab && num > 0) lab = oct_arena_printf(b->arena, "%d", num);
    if (lab && *prompt)
        return oct_arena_printf(b->arena, "%s%s %s", lab, oct_question_label_dot(lab), prompt);
    if (*prompt) return prompt;
    return lab ? oct_arena_printf(b->arena, "Question %s", lab) : "Question";
}

static void add_inner(const oct_epub_book *b, const oct_epub_unit *u, const oct_node *top, int base,
                      int *heading, oct_epub_toc *t)
{
    oct_iter it;
    oct_event ev;
    oct_iter_init(&it, top);
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE) {
        const oct_node *n = it.cur;
        if (ev != OCT_EV_ENTER) continue;
        const char *anchor = oct_epub_anchor(b, n);
        if (n->kind == OCT_FOOTNOTE_DEF) {
            oct_iter_skip_children(&it);
        } else if (n->kind == OCT_SECTION && n != u->title_node) {
            int level = n->u.section.level < 1 ? 1 : n->u.section.level;
            *heading = level;
            if (level <= TOC_MAX_HEADING && anchor) {
                const char *label =
                    oct_epub_shorten(b->arena, oct_epub_plain(b->arena, n), TOC_LABEL_CHARS);
                add(t, base + level, *label ? label : "Section",
                    oct_arena_printf(b->arena, "%s#%s", u->file, anchor));
            }
        } else if (n->kind == OCT_QUESTION) {
            if (anchor)
                add(t, base + *heading + 1, question_label(b, n),
                    oct_arena_printf(b->arena, "%s#%s", u->file, anchor));
            oct_iter_skip_children(&it);
        }
    }
}

void oct_epub_toc_build(const oct_epub_book *b, oct_epub_toc *out)
{
    *out = (oct_epub_toc){0};
    /* The title page and the contents first, as in the spine (epubcheck
     * notes spine items the NCX does not reach). */
    add(out, 0, b->meta.title, OCT_EPUB_TITLE);
    add(out, 0, oct_phrase(b->meta.lang, OCT_PH_CONTENTS), OCT_EPUB_NAV "#toc");
    if (oct_epub_has_most_asked(b))
        add(out, 0, oct_phrase(b->meta.lang, OCT_PH_MOST_ASKED), OCT_EPUB_MOST_ASKED);
    for (size_t i = 0; i < b->nunits; i++) {
        const oct_epub_unit *u = &b->units[i];
        /* A part's chapters (depth 1) sit beside the part's own headings,
         * both inside the part. */
        int base = u->depth;
        add(out, base, u->title, u->file);
        const oct_node *first, *last;
        oct_epub_unit_span(u, &first, &last);
        int heading = 0;
        for (const oct_node *top = first; top; top = top->next) {
            if (oct_epub_unit_holds(u, top)) add_inner(b, u, top, base, &heading, out);
            if (top == last) break;
        }
    }
    if (oct_epub_has_research(b))
        add(out, 0, oct_phrase(b->meta.lang, OCT_PH_TO_RESEARCH), OCT_EPUB_RESEARCH);
    if (oct_epub_has_index(b)) add(out, 0, oct_phrase(b->meta.lang, OCT_PH_INDEX), OCT_EPUB_INDEX);
}

void oct_epub_toc_free(oct_epub_toc *t)
{
    free(t->e);
    *t = (oct_epub_toc){0};
}
