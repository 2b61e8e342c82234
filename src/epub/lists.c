#include "epub/render.h"

/* Ordered lists keep the numbers the source gave (oct_list_item_value). */

static int has_tasks(const oct_node *list)
{
    for (const oct_node *c = list->first; c; c = c->next)
        if (c->kind == OCT_ITEM && c->u.item.task != OCT_TASK_NONE) return 1;
    return 0;
}

/* The checkbox as text: readers cannot tick an <input>, and some drop it. */
static void write_task_box(oct_epub_ctx *r, oct_task task)
{
    oct_epub_xw_start(r->xw, "span");
    oct_epub_xw_attr(r->xw, "class", "task-box");
    oct_epub_xw_text(r->xw, task == OCT_TASK_DONE ? "\xE2\x98\x91" : "\xE2\x98\x90");
    oct_epub_xw_end(r->xw);
    oct_epub_xw_text(r->xw, " ");
}

static void write_item(oct_epub_ctx *r, const oct_node *item, bool tight, long value)
{
    oct_epub_xw_start(r->xw, "li");
    oct_task task = item->kind == OCT_ITEM ? item->u.item.task : OCT_TASK_NONE;
    if (task != OCT_TASK_NONE) oct_epub_xw_attr(r->xw, "class", "task");
    if (value >= 0) oct_epub_xw_attr_int(r->xw, "value", value);
    if (item->kind != OCT_ITEM) {
        /* a stray non-item child of a list still needs an <li> */
        oct_epub_blocks(r, item, item, tight);
        oct_epub_xw_end(r->xw);
        return;
    }
    const oct_node *rest = item->first;
    if (task != OCT_TASK_NONE && rest && rest->kind == OCT_PARAGRAPH) {
        /* The box goes inside the first paragraph, in front of its text. */
        if (!tight) oct_epub_xw_start(r->xw, "p");
        write_task_box(r, task);
        oct_epub_inlines(r, rest->first, NULL);
        if (!tight) oct_epub_xw_end(r->xw);
        rest = rest->next;
        if (rest) oct_epub_xw_nl(r->xw);
    } else if (task != OCT_TASK_NONE) {
        write_task_box(r, task);
    }
    if (rest) oct_epub_blocks(r, rest, NULL, tight);
    oct_epub_xw_end(r->xw);
}

void oct_epub_list(oct_epub_ctx *r, const oct_node *list)
{
    bool ordered = list->u.list.ordered, tight = list->u.list.tight;
    long start = list->u.list.start;
    bool numbered = ordered && oct_list_has_numbers(list);
    oct_epub_xw_start(r->xw, ordered ? "ol" : "ul");
    if (has_tasks(list)) oct_epub_xw_attr(r->xw, "class", "task-list");
    if (ordered && start != 1) oct_epub_xw_attr_int(r->xw, "start", start);
    oct_epub_xw_nl(r->xw);
    long expected = start;
    for (const oct_node *c = list->first; c; c = c->next) {
        write_item(r, c, tight, oct_list_item_value(numbered, c, &expected));
        oct_epub_xw_nl(r->xw);
    }
    oct_epub_xw_end(r->xw);
}
