#include "tree/tree.h"
#include "util/buf.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

oct_tree *oct_tree_new(void)
{
    oct_tree *t = oct_xcalloc(1, sizeof *t);
    t->arena = oct_arena_new();
    t->root = oct_node_new(t, OCT_DOCUMENT, (oct_span){0, 0, 0});
    return t;
}

void oct_tree_free(oct_tree *t)
{
    if (!t) return;
    free(t->files);
    free(t->images);
    oct_arena_free(t->arena);
    free(t);
}

unsigned oct_tree_add_file(oct_tree *t, const char *path)
{
    t->files = oct_xrealloc(t->files, (t->nfiles + 1) * sizeof *t->files);
    t->files[t->nfiles] = oct_arena_strdup(t->arena, path);
    return (unsigned)t->nfiles++;
}

oct_node *oct_node_new(oct_tree *t, oct_kind kind, oct_span span)
{
    oct_node *n = oct_arena_alloc(t->arena, sizeof *n);
    n->kind = kind;
    n->span = span;
    return n;
}

oct_node *oct_node_new_text(oct_tree *t, oct_kind kind, oct_span span, const char *s, size_t len)
{
    oct_node *n = oct_node_new(t, kind, span);
    n->text = oct_arena_strndup(t->arena, s ? s : "", s ? len : 0);
    return n;
}

void oct_node_unlink(oct_node *n)
{
    if (n->prev)
        n->prev->next = n->next;
    else if (n->parent)
        n->parent->first = n->next;
    if (n->next)
        n->next->prev = n->prev;
    else if (n->parent)
        n->parent->last = n->prev;
    n->parent = n->next = n->prev = NULL;
}

/* child was linked under parent: if it is a block, or brings one, into a
 * node made for inlines, that node and those around it hold a block. */
static void note_block(oct_node *parent, const oct_node *child)
{
    if (oct_kind_is_inline(child->kind) && !child->holds_block) return;
    for (oct_node *a = parent; a && oct_kind_holds_inlines(a->kind) && !a->holds_block;
         a = a->parent)
        a->holds_block = true;
}

void oct_node_set_kind(oct_node *n, oct_kind kind)
{
    n->kind = kind;
    if (oct_kind_holds_inlines(kind)) /* its children may now be blocks in an inline run */
        for (const oct_node *c = n->first; c; c = c->next)
            note_block(n, c);
    if (n->parent) note_block(n->parent, n);
}

void oct_node_append(oct_node *parent, oct_node *child)
{
    if (child->parent) oct_node_unlink(child);
    child->parent = parent;
    child->prev = parent->last;
    child->next = NULL;
    if (parent->last)
        parent->last->next = child;
    else
        parent->first = child;
    parent->last = child;
    note_block(parent, child);
}

void oct_node_insert_before(oct_node *sibling, oct_node *child)
{
    if (child->parent) oct_node_unlink(child);
    child->parent = sibling->parent;
    child->next = sibling;
    child->prev = sibling->prev;
    if (sibling->prev)
        sibling->prev->next = child;
    else if (sibling->parent)
        sibling->parent->first = child;
    sibling->prev = child;
    if (sibling->parent) note_block(sibling->parent, child);
}

bool oct_node_is_break(const oct_node *n)
{
    return n && (n->kind == OCT_SOFT_BREAK || n->kind == OCT_LINE_BREAK);
}

const char *oct_code_block_text(const oct_node *n, size_t *len)
{
    const char *s = n->text ? n->text : "";
    *len = strlen(s);
    if (*len && s[*len - 1] == '\n') (*len)--;
    return s;
}

bool oct_list_has_numbers(const oct_node *list)
{
    for (const oct_node *c = list->first; c; c = c->next)
        if (c->kind == OCT_ITEM && c->u.item.number != 0) return true;
    return list->u.list.start == 0;
}

long oct_list_item_value(bool numbered, const oct_node *item, long *expected)
{
    long value = -1;
    if (numbered && item->kind == OCT_ITEM) {
        if (item->u.item.number != *expected) value = item->u.item.number;
        *expected = item->u.item.number + 1;
    } else {
        (*expected)++;
    }
    /* Markdown has no negative numbers: one only means "unknown" */
    return value < 0 ? -1 : value;
}

static const char *const KIND_NAMES[OCT_KIND_COUNT] = {
    "document",   "part",        "chapter",        "section",      "question",   "answer",
    "paragraph",  "list",        "item",           "code_block",   "table",      "table_row",
    "table_cell", "blockquote",  "thematic_break", "footnote_def", "figure",     "details",
    "summary",    "wording",     "text",           "code",         "emph",       "strong",
    "strike",     "link",        "image",          "footnote_ref", "soft_break", "line_break",
    "index_term", "superscript", "subscript",      "xref",
};

const char *oct_kind_name(oct_kind k)
{
    return (k >= 0 && k < OCT_KIND_COUNT) ? KIND_NAMES[k] : "?";
}

/* Iterative over the source (ENTER/EXIT), so a deep subtree cannot
 * exhaust the C stack; `at` is the copy of the node being entered. */
oct_node *oct_node_clone(oct_tree *t, const oct_node *n)
{
    oct_node *root = NULL, *at = NULL;
    oct_iter it;
    oct_iter_init(&it, n);
    oct_event ev;
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE) {
        if (ev == OCT_EV_EXIT) {
            if (at) at = at->parent;
            continue;
        }
        oct_node *c = oct_node_new(t, it.cur->kind, it.cur->span);
        c->text = it.cur->text; /* arena strings are never changed */
        c->u = it.cur->u;
        c->ends_answer = it.cur->ends_answer;
        c->anchors = NULL; /* an anchor names one place */
        if (at)
            oct_node_append(at, c);
        else
            root = c;
        at = c;
    }
    return root;
}

bool oct_question_has_answer(const oct_node *q)
{
    for (const oct_node *a = q->first; a; a = a->next)
        if (a->kind == OCT_ANSWER && a->first) return true;
    return false;
}

bool oct_tree_in_mode(const oct_tree *t, const char *mode)
{
    return strcmp(t->meta.mode ? t->meta.mode : "study", mode) == 0;
}
