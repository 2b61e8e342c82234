#include "epub/docs.h"
#include "util/xalloc.h"

#include <stdlib.h>

/* The table of contents shared by nav.xhtml and toc.ncx. Questions are
 * listed too: in a study booklet they are what a reader looks for, and
 * many notes have no headings at all. Headings inside questions and
 * footnotes stay out, as do headings below level 3. */

enum { TOC_MAX_HEADING = 3, TOC_LABEL_CHARS = 100 };

typedef struct {
    const oct_epub_book *b;
    oct_epub_toc *t;
    int detail;
    size_t unit, qunits; /* questions are listed in units before qunits */
    int base, heading;   /* heading: level of the last heading, for questions */
} walk;

static void add(oct_epub_toc *t, int level, const char *label, const char *href, size_t unit,
                bool question)
{
    OCT_GROW(t->e, t->cap, t->n + 1);
    t->e[t->n++] = (oct_epub_toc_entry){level, label, href, unit, question};
}

static const char *question_label(oct_arena *a, const oct_node *q)
{
    const char *prompt = oct_epub_shorten(a, oct_epub_plain(a, q), TOC_LABEL_CHARS);
    int num = q->u.question.number;
    /* the number as written ("4a", "12.1") when the source gave one */
    const char *lab = q->u.question.label;
    if (!lab && num > 0) lab = oct_arena_printf(a, "%d", num);
    if (lab && *prompt)
        return oct_arena_printf(a, "%s%s %s", lab, oct_question_label_dot(lab), prompt);
    if (*prompt) return prompt;
    return lab ? oct_arena_printf(a, "Question %s", lab) : "Question";
}

static void add_inner(walk *w, const oct_node *top)
{
    const oct_epub_book *b = w->b;
    const oct_epub_unit *u = &b->units[w->unit];
    oct_iter it;
    oct_iter_init(&it, top);
    for (const oct_node *n; (n = oct_iter_next_node(&it));) {
        if (n->kind == OCT_FOOTNOTE_DEF) {
            oct_iter_skip_children(&it);
        } else if (n->kind == OCT_SECTION && n != u->title_node) {
            int level = n->u.section.level < 1 ? 1 : n->u.section.level;
            w->heading = level;
            const char *href = oct_epub_href_in(b, w->t->arena, n);
            if (level <= TOC_MAX_HEADING && href && w->detail < OCT_EPUB_TOC_CHAPTERS) {
                oct_arena *a = w->t->arena;
                const char *label = oct_epub_shorten(a, oct_epub_plain(a, n), TOC_LABEL_CHARS);
                add(w->t, w->base + level, *label ? label : "Section", href, w->unit, false);
            }
        } else if (n->kind == OCT_QUESTION) {
            bool listed = w->detail == OCT_EPUB_TOC_FULL && w->unit < w->qunits;
            const char *href = listed ? oct_epub_href_in(b, w->t->arena, n) : NULL;
            if (href)
                add(w->t, w->base + w->heading + 1, question_label(w->t->arena, n), href, w->unit,
                    true);
            oct_iter_skip_children(&it);
        }
    }
}

/* Pieces of split documents nothing points into get an entry of their
 * own, "Title (continued)", where they begin: every spine item is
 * reachable from the contents and the NCX. */
static void add_unreached(const oct_epub_book *b, oct_epub_toc *t, const bool *reached, size_t from,
                          size_t to)
{
    for (size_t v = from; v < to; v++) {
        const oct_epub_unit *p = &b->units[v];
        if (reached[v] || !p->piece) continue;
        const oct_epub_unit *g = &b->units[p->group];
        add(t, g->depth + 1,
            oct_arena_printf(t->arena, oct_phrase(b->meta.lang, OCT_PH_CONTINUED), g->title),
            p->file, v, false);
    }
}

static void add_continued(const oct_epub_book *b, oct_epub_toc *t)
{
    bool *reached = oct_xcalloc(b->nunits + 1, sizeof *reached);
    for (size_t i = 0; i < t->n; i++)
        if (t->e[i].unit < b->nunits) reached[t->e[i].unit] = true;
    oct_epub_toc in = *t;
    *t = (oct_epub_toc){.arena = in.arena};
    size_t next = 0; /* units before it are dealt with */
    for (size_t i = 0; i < in.n; i++) {
        const oct_epub_toc_entry *e = &in.e[i];
        if (e->unit < b->nunits && e->unit >= next) {
            add_unreached(b, t, reached, next, e->unit);
            next = e->unit + 1;
        }
        add(t, e->level, e->label, e->href, e->unit, e->question);
    }
    add_unreached(b, t, reached, next, b->nunits);
    free(in.e);
    free(reached);
}

void oct_epub_toc_build(const oct_epub_book *b, int detail, size_t question_units,
                        oct_epub_toc *out)
{
    *out = (oct_epub_toc){.arena = oct_arena_new()};
    const size_t none = (size_t)-1;
    /* The title page and the contents first, as in the spine (epubcheck
     * notes spine items the NCX does not reach). */
    add(out, 0, b->meta.title, OCT_EPUB_TITLE, none, false);
    add(out, 0, oct_phrase(b->meta.lang, OCT_PH_CONTENTS), OCT_EPUB_NAV "#toc", none, false);
    if (oct_epub_has_most_asked(b))
        add(out, 0, oct_phrase(b->meta.lang, OCT_PH_MOST_ASKED), OCT_EPUB_MOST_ASKED, none, false);
    walk w = {b, out, detail, 0, question_units, 0, 0};
    for (size_t i = 0; i < b->nunits; i++) {
        const oct_epub_unit *u = &b->units[i];
        w.unit = i;
        if (u->piece) {
            /* a later piece goes on where the previous one stopped */
        } else if (u->kind == OCT_EPUB_UNIT_RESEARCH || u->kind == OCT_EPUB_UNIT_INDEX) {
            add(out, 0, u->title, u->file, i, false);
            continue;
        } else {
            /* A part's chapters (depth 1) sit beside the part's own
             * headings, both inside the part. */
            w.base = u->depth;
            w.heading = 0;
            add(out, w.base, u->title, u->file, i, false);
        }
        const oct_node *first, *last;
        oct_epub_unit_span(u, &first, &last);
        for (const oct_node *top = first; top; top = top->next) {
            if (oct_epub_unit_holds(u, top)) add_inner(&w, top);
            if (top == last) break;
        }
    }
    add_continued(b, out);
}

void oct_epub_toc_free(oct_epub_toc *t)
{
    free(t->e);
    oct_arena_free(t->arena);
    *t = (oct_epub_toc){0};
}
