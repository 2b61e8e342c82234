/* The "Sources" chapter of an arranged booklet: each source under its
 * title, with what it holds besides questions (introductions, section
 * headings, notes) and, where its questions stood, their numbers in the
 * booklet. A reader sees how each set of notes was organised, and every
 * heading and paragraph of it stays in the booklet. */
#include "study/arrange_int.h"
#include "tree/anchors.h"
#include "tree/phrases.h"

#include <string.h>

static void move_source(oct_tree *t, oct_node *ch, oct_node *into)
{
    oct_node *h = oct_node_new(t, OCT_SECTION, ch->span);
    h->u.section.level = 1;
    h->u.section.source = true;
    const char *title = oct_tree_source_title(t, ch->span.file);
    if (ch->u.chapter.title && *ch->u.chapter.title) title = ch->u.chapter.title;
    oct_node_append(h, oct_node_new_text(t, OCT_TEXT, ch->span, title, strlen(title)));
    oct_node_move_anchors(t, ch, h);
    oct_node_append(into, h);
    while (ch->first) {
        oct_node *b = ch->first;
        if (b->kind == OCT_SECTION && b->u.section.level < 6) b->u.section.level++;
        oct_node_append(into, b);
    }
    oct_node_unlink(ch);
}

oct_node *ar_sources_chapter(oct_tree *t, oct_node **chapters, size_t nchapters)
{
    oct_span at = nchapters ? chapters[0]->span : t->root->span;
    oct_node *src = oct_node_new(t, OCT_CHAPTER, at);
    src->u.chapter.title = oct_phrase(t->meta.lang, OCT_PH_SOURCES);
    src->u.chapter.arranged = true;
    oct_node *n = t->root->first;
    while (n) {
        oct_node *next = n->next;
        if (n->kind == OCT_CHAPTER && n->u.chapter.arranged) {
            /* a topic chapter: stays */
        } else if (n->kind == OCT_CHAPTER) {
            move_source(t, n, src);
        } else if (n->kind == OCT_PART) {
            while (n->first) {
                if (n->first->kind == OCT_CHAPTER)
                    move_source(t, n->first, src);
                else
                    oct_node_append(src, n->first);
            }
            oct_node_unlink(n);
        } else {
            oct_node_append(src, n);
        }
        n = next;
    }
    oct_node_append(t->root, src);
    return src;
}
