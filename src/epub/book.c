#include "tree/anchors.h"
#include "epub/book.h"
#include "study/index.h"
#include "util/xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Anchors come from node->id (content-derived, stable) whenever it is a
 * usable XML id; a hand-built or damaged tree may lack ids or repeat them,
 * so such nodes get generated ones. Ids beginning with "fnref" are kept
 * free for footnote reference anchors, which the XHTML writer creates. */

/* ASCII NCName: usable as an XML id, a URL fragment and a file name. */
static int is_usable_id(const char *s)
{
    if (!s || !*s || strncmp(s, "fnref", 5) == 0) return 0;
    if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || *s == '_')) return 0;
    for (; *s; s++) {
        char c = *s;
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-' || c == '.'))
            return 0;
    }
    return 1;
}

static oct_epub_unit *add_unit(oct_epub_book *b, oct_epub_unit_kind kind, const oct_node *n,
                               int depth)
{
    OCT_GROW(b->units, b->units_cap, b->nunits + 1);
    oct_epub_unit *u = &b->units[b->nunits++];
    *u = (oct_epub_unit){.kind = kind, .node = n, .last = n, .depth = depth};
    u->group = b->nunits - 1;
    return u;
}

static void collect_units(oct_epub_book *b)
{
    for (const oct_node *n = b->tree->root->first; n; n = n->next) {
        if (n->kind == OCT_CHAPTER) {
            add_unit(b, OCT_EPUB_UNIT_CHAPTER, n, 0);
        } else if (n->kind == OCT_PART) {
            oct_epub_unit *p = add_unit(b, OCT_EPUB_UNIT_PART, n, 0);
            if (n->first && n->first->kind == OCT_SECTION) p->title_node = n->first;
            for (const oct_node *c = n->first; c; c = c->next)
                if (c->kind == OCT_CHAPTER) add_unit(b, OCT_EPUB_UNIT_CHAPTER, c, 1);
        } else if (b->nunits && b->units[b->nunits - 1].kind == OCT_EPUB_UNIT_LOOSE &&
                   b->units[b->nunits - 1].last == n->prev) {
            b->units[b->nunits - 1].last = n;
        } else {
            add_unit(b, OCT_EPUB_UNIT_LOOSE, n, 0);
        }
    }
}

static void assign_anchors(oct_epub_book *b, oct_epub_map *seen)
{
    static const char *const reserved[] = {"title", "nav",      "toc",  "content",
                                           "style", "research", "index"};
    for (size_t i = 0; i < sizeof reserved / sizeof *reserved; i++)
        oct_epub_map_put(seen, reserved[i], (void *)1);
    oct_iter it;
    oct_event ev;
    oct_iter_init(&it, b->tree->root);
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE) {
        const oct_node *n = it.cur;
        if (ev != OCT_EV_ENTER || !oct_kind_id_prefix(n->kind)) continue;
        if (!is_usable_id(n->id) || oct_epub_map_has(seen, n->id)) continue;
        oct_epub_map_put(seen, n->id, (void *)1);
        oct_epub_map_put(&b->anchor_of, n, (void *)n->id);
    }
    unsigned counter = 0;
    oct_iter_init(&it, b->tree->root);
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE) {
        const oct_node *n = it.cur;
        if (ev != OCT_EV_ENTER || !oct_kind_id_prefix(n->kind)) continue;
        if (oct_epub_map_has(&b->anchor_of, n)) continue;
        const char *id;
        do
            id = oct_arena_printf(b->arena, "%s-x%u", oct_kind_id_prefix(n->kind), ++counter);
        while (oct_epub_map_has(seen, id));
        oct_epub_map_put(seen, id, (void *)1);
        oct_epub_map_put(&b->anchor_of, n, (void *)id);
    }
}

static void name_units(oct_epub_book *b, oct_epub_map *seen)
{
    unsigned chapters = 0, parts = 0, loose = 0;
    for (size_t i = 0; i < b->nunits; i++) {
        oct_epub_unit *u = &b->units[i];
        const char *base;
        if (u->kind == OCT_EPUB_UNIT_LOOSE) {
            do
                base = oct_arena_printf(b->arena, "notes-%u", ++loose);
            while (oct_epub_map_has(seen, base));
            oct_epub_map_put(seen, base, (void *)1);
            u->title = "Notes";
        } else {
            base = u->anchor = oct_epub_anchor(b, u->node);
            if (u->kind == OCT_EPUB_UNIT_CHAPTER) {
                chapters++;
                u->title = oct_epub_squash(b->arena, u->node->u.chapter.title);
                if (!u->title || !*u->title)
                    u->title = oct_arena_printf(b->arena, "Chapter %u", chapters);
            } else {
                parts++;
                u->title = u->title_node ? oct_epub_plain(b->arena, u->title_node) : "";
                if (!*u->title) u->title = oct_arena_printf(b->arena, "Part %u", parts);
            }
        }
        u->file = oct_arena_printf(b->arena, "%s.xhtml", base);
        u->item_id = oct_arena_printf(b->arena, "i-%s", base);
    }
}

static const char *note_key(oct_epub_book *b, size_t group, int index)
{
    return oct_arena_printf(b->arena, "%zu/%d", group, index);
}

static void map_subtree(oct_epub_book *b, const oct_node *top, size_t u)
{
    oct_iter it;
    oct_iter_init(&it, top);
    for (const oct_node *n; (n = oct_iter_next_node(&it));) {
        const char *anchor = oct_epub_anchor(b, n);
        if (anchor) oct_epub_map_put(&b->unit_of, anchor, (void *)(uintptr_t)(u + 1));
        if (n->kind == OCT_FOOTNOTE_DEF) {
            const char *key = note_key(b, b->units[u].group, n->u.footnote.index);
            if (!oct_epub_map_has(&b->note_defs, key))
                oct_epub_map_put(&b->note_defs, key, (void *)n);
        }
    }
}

/* Records, for every anchor, the unit whose file holds it, and indexes
 * footnote definitions by (group, number). Run again after splitting. */
void oct_epub_book_map(oct_epub_book *b)
{
    oct_epub_map_free(&b->unit_of);
    oct_epub_map_free(&b->note_defs);
    oct_epub_book_map_from(b, 0);
}

void oct_epub_book_map_from(oct_epub_book *b, size_t first)
{
    for (size_t i = first; i < b->nunits; i++) {
        const oct_epub_unit *u = &b->units[i];
        if (u->kind == OCT_EPUB_UNIT_RESEARCH) {
            for (size_t k = u->lo; k < u->hi; k++)
                oct_epub_map_put(&b->unit_of,
                                 oct_arena_printf(b->arena, "research-%zu", b->bank.todo[k] + 1),
                                 (void *)(uintptr_t)(i + 1));
            continue;
        }
        if (u->kind == OCT_EPUB_UNIT_INDEX) continue;
        if (u->piece == 0 && u->kind != OCT_EPUB_UNIT_LOOSE)
            oct_epub_map_put(&b->unit_of, oct_epub_anchor(b, u->node), (void *)(uintptr_t)(i + 1));
        for (const oct_node *top = u->from; top; top = top->next) {
            if (oct_epub_unit_holds(u, top)) map_subtree(b, top, i);
            if (top == u->to) break;
        }
    }
}

int oct_epub_book_plan(oct_epub_book *b, const oct_tree *tree, const struct oct_index *index,
                       oct_diag *diag)
{
    memset(b, 0, sizeof *b);
    b->tree = tree;
    b->diag = diag;
    b->arena = oct_arena_new();
    b->anchor_of.by_pointer = 1;
    if (!tree || !tree->root) {
        oct_diag_report(diag, OCT_ERROR, NULL, 0, 0, "epub-no-tree", "no document to render");
        return -1;
    }
    oct_epub_meta_init(&b->meta, &tree->meta, b->arena, diag);
    collect_units(b);
    assign_anchors(b, &b->seen);
    name_units(b, &b->seen);
    for (size_t i = 0; i < b->nunits; i++) {
        oct_epub_unit *u = &b->units[i];
        oct_epub_unit_span(u, &u->from, &u->to); /* the whole unit, until split */
    }
    oct_epub_book_map(b);
    b->places = oct_anchor_table_build(tree);
    oct_bank_init(&b->bank, tree);
    b->index = index ? index : (b->own_index = oct_index_build(tree));
    return oct_epub_split(b);
}

void oct_epub_book_release(oct_epub_book *b)
{
    if (!b) return;
    free(b->units);
    oct_epub_map_free(&b->anchor_of);
    oct_epub_map_free(&b->unit_of);
    oct_epub_map_free(&b->note_defs);
    oct_epub_map_free(&b->seen);
    oct_anchor_table_free(b->places);
    oct_bank_free(&b->bank);
    oct_index_free(b->own_index);
    oct_arena_free(b->arena);
    memset(b, 0, sizeof *b);
}

const char *oct_epub_anchor(const oct_epub_book *b, const oct_node *n)
{
    return oct_epub_map_get(&b->anchor_of, n);
}

const char *oct_epub_href(const oct_epub_book *b, const oct_node *n)
{
    return oct_epub_href_in(b, b->arena, n);
}

/* The href of anchor, in arena a. */
static const char *href_of(const oct_epub_book *b, oct_arena *a, const char *anchor, size_t from)
{
    uintptr_t u = (uintptr_t)oct_epub_map_get(&b->unit_of, anchor);
    if (!u) return NULL;
    if (u - 1 == from) return oct_arena_cat(a, "#", anchor, NULL);
    return oct_arena_cat(a, b->units[u - 1].file, "#", anchor);
}

const char *oct_epub_href_in(const oct_epub_book *b, oct_arena *a, const oct_node *n)
{
    const char *anchor = oct_epub_anchor(b, n);
    return anchor ? href_of(b, a, anchor, (size_t)-1) : NULL;
}

const char *oct_epub_href_id(const oct_epub_book *b, const char *anchor, size_t from)
{
    return href_of(b, b->arena, anchor, from);
}

const oct_node *oct_epub_note_def(const oct_epub_book *b, size_t u, int index)
{
    char key[48];
    snprintf(key, sizeof key, "%zu/%d", b->units[u].group, index);
    return oct_epub_map_get(&b->note_defs, key);
}

void oct_epub_unit_span(const oct_epub_unit *u, const oct_node **first, const oct_node **last)
{
    if (u->from) {
        *first = u->from;
        *last = u->to;
    } else if (u->kind == OCT_EPUB_UNIT_RESEARCH || u->kind == OCT_EPUB_UNIT_INDEX) {
        *first = *last = NULL;
    } else if (u->kind == OCT_EPUB_UNIT_LOOSE) {
        *first = u->node;
        *last = u->last;
    } else {
        *first = u->node->first;
        *last = u->node->last;
    }
}

int oct_epub_unit_holds(const oct_epub_unit *u, const oct_node *top)
{
    return u->kind != OCT_EPUB_UNIT_PART || top->kind != OCT_CHAPTER;
}
