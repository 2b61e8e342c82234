#include "study/study_int.h"

#include <string.h>

/* Multiple-choice options written as a bullet list under a question:
 *
 *   2. Which blood cells fight infection?
 *      - A. Red blood cells
 *      - B. White blood cells
 *      Answer: B
 *
 * Read as blocks after the prompt, the options were the answer and
 * "Answer: B" a line of it. A list is options, and joins the prompt,
 * only on evidence: an answer label right after it, and either letters
 * in turn ("A.", "b)", "(c)") or three to six short items with a short
 * labelled answer. A bullet list with no label after it ("What are the
 * SOLID principles?" and its five items) stays the answer. */

enum { MAX_OPTION_BYTES = 100, MAX_PLAIN_ANSWER = 60 };

/* The option letter of ITEM it, ' ' for an option without one, 0 when it
 * is no option (more than one short line). */
static char option_of(st_ctx *c, const oct_node *it)
{
    const oct_node *p = it->first;
    if (!p || p != it->last || p->kind != OCT_PARAGRAPH) return 0;
    st_lines_of(p, &c->lines);
    if (c->lines.n != 1) return 0;
    const char *s = st_node_text(p, &c->tmp);
    if (c->tmp.len == 0 || c->tmp.len > MAX_OPTION_BYTES) return 0;
    char l = st_option_letter(s, c->tmp.len);
    return l ? l : ' ';
}

/* Whether items[0..n) read as options; *plain: they have no letters. */
static bool options_of(st_ctx *c, const oct_node *const *items, size_t n, bool *plain)
{
    if (n < 2 || n > 8) return false;
    char first = option_of(c, items[0]);
    *plain = first == ' ';
    for (size_t k = 0; k < n; k++) {
        char l = option_of(c, items[k]);
        if (!l || (*plain ? l != ' ' : l != 'A' + (int)k)) return false;
    }
    return *plain ? n >= 3 && n <= 6 : first == 'A';
}

/* Whether block b opens with an answer label; *rest gets the bytes of
 * its first line after the label. */
static bool labelled(st_ctx *c, const oct_node *b, size_t *rest)
{
    const oct_node *p = b->kind == OCT_PARAGRAPH ? b : NULL;
    if (!p) return false;
    st_lines_of(p, &c->lines);
    if (!c->lines.n || !c->lines.v[0].first) return false;
    oct_buf_clear(&c->tmp);
    st_range_text(c->lines.v[0].first, c->lines.v[0].last, &c->tmp);
    size_t k = st_answer_label(c->tmp.data ? c->tmp.data : "", c->tmp.len);
    *rest = c->tmp.len - k;
    return k > 0;
}

enum { MAX_OPTIONS = 8 };

/* The items of list, at most MAX_OPTIONS (more: no list of options). */
static bool items_of(const oct_node *list, const oct_node **items, size_t *n)
{
    *n = 0;
    if (list->kind != OCT_LIST) return false;
    for (const oct_node *it = list->first; it; it = it->next) {
        if (*n == MAX_OPTIONS) return false;
        items[(*n)++] = it;
    }
    return true;
}

bool st_lettered_options(st_ctx *c, const oct_node *list)
{
    const oct_node *items[MAX_OPTIONS + 1];
    size_t n;
    if (!items_of(list, items, &n)) return false;
    bool plain;
    return options_of(c, items, n, &plain) && !plain;
}

bool st_option_list(st_ctx *c, const oct_node *list)
{
    const oct_node *items[MAX_OPTIONS + 1];
    size_t n;
    if (!items_of(list, items, &n)) return false;
    bool plain;
    size_t rest;
    if (!options_of(c, items, n, &plain) || !list->next || !labelled(c, list->next, &rest))
        return false;
    return !plain || rest <= MAX_PLAIN_ANSWER;
}

size_t st_option_units(st_ctx *c, size_t from)
{
    enum { MAX = 8 };
    const oct_node *items[MAX + 1];
    size_t e = from;
    const oct_node *list = from < c->n ? c->u[from].list : NULL;
    if (!list) return from;
    for (; e < c->n && c->u[e].list == list && e - from < MAX; e++) {
        const st_unit *v = &c->u[e];
        if (v->role != ST_PLAIN || v->owner >= 0 || v->done) return from;
        items[e - from] = v->node;
    }
    bool plain;
    size_t rest;
    if (e >= c->n || c->u[e].list == list || c->u[e].role != ST_ALABEL || c->u[e].owner >= 0)
        return from;
    if (!options_of(c, items, e - from, &plain)) return from;
    const oct_node *p = st_lead_paragraph(c->u[e].node);
    if (plain && (!p || !labelled(c, p, &rest) || rest > MAX_PLAIN_ANSWER)) return from;
    return e;
}
