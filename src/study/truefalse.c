#include "study/study_int.h"

#include <string.h>

/* A worksheet's "True or false?" section lists statements, not
 * questions: "1. Sound travels faster in water than in air." asks nothing
 * by its words, yet the instruction above it asks the reader to judge
 * each one, and the key further down ("1. True", "2. F – a diverging
 * lens is concave") answers them. Under such an instruction (a heading or
 * a line of its own, st_verdict_instruction), each list item that is one
 * line and nothing else is a question; the numbered-list pairing then
 * finds its key (pairing.c). The items end where the section does: a
 * heading of the same level or higher, a thematic break, another
 * instruction, or the first block that is no list item. */

/* The instruction's text, or NULL when unit u is none. */
static bool verdict_unit(st_ctx *c, const st_unit *u)
{
    if (u->list) return false;
    if (u->node->kind != OCT_SECTION && u->node->kind != OCT_PARAGRAPH) return false;
    const char *s = st_node_text(u->node, &c->tmp);
    return st_verdict_instruction(s, c->tmp.len);
}

/* An item that states one thing: one paragraph of one line. */
static bool statement_item(st_ctx *c, st_unit *u)
{
    if (!u->list || u->role != ST_PLAIN || !u->para || u->para != u->node->first) return false;
    if (u->node->first != u->node->last) return false;
    st_lines_of(u->para, &c->lines);
    return c->lines.n == 1 && c->lines.v[0].first;
}

/* Units from i on, under the instruction at unit i: made questions. */
static void mark_statements(st_ctx *c, size_t i)
{
    int level = c->u[i].node->kind == OCT_SECTION ? c->u[i].level : 99;
    if (c->u[i].node->kind == OCT_SECTION && !level) level = c->u[i].node->u.section.level;
    for (size_t j = i + 1; j < c->n; j++) {
        st_unit *u = &c->u[j];
        if (u->role == ST_BREAK || u->role == ST_END) return;
        if (u->node->kind == OCT_SECTION) {
            int lv = u->level ? u->level : u->node->u.section.level;
            if (lv <= level || verdict_unit(c, u)) return;
            continue; /* a sub-heading ("Part 1") */
        }
        if (!u->list) {
            if (level == 99) return; /* a line's items follow it straight */
            continue;
        }
        if (!statement_item(c, u)) continue;
        u->role = ST_QUESTION;
        u->pk = ST_PROMPT_LINES;
        u->nprompt = 1;
        u->strip = 0;
        u->has_rest = false;
        if (u->list->u.list.ordered) u->number = u->node->u.item.number;
    }
}

void st_true_false(st_ctx *c)
{
    for (size_t i = 0; i < c->n; i++)
        if (c->u[i].role != ST_QUESTION && verdict_unit(c, &c->u[i])) mark_statements(c, i);
}
