#include "study/study_int.h"
#include "tree/anchors.h"

#include <stdio.h>
#include <string.h>

/* Plain-text notes mark their topics with a short line ("1. Django Basics",
 * "🧱 1. Django Basics") right before a run of questions. Such a line is a
 * heading, not a question and not a list of one item: it becomes a SECTION
 * at the level the chapter's own headings use (2 when it has none but its
 * title), so it ends the answer before it and shows in the outline. */

enum { TOPIC_MAX_BYTES = 80, TOPIC_MAX_WORDS = 8 };

static size_t count_words(const char *s, size_t n)
{
    size_t w = 0;
    bool in = false;
    for (size_t i = 0; i < n; i++) {
        bool blank = s[i] == ' ' || s[i] == '\t';
        if (!blank && !in) w++;
        in = !blank;
    }
    return w;
}

/* A one-line unit that reads as a title. */
static bool topic_line(st_ctx *c, const st_unit *u)
{
    if (u->role != ST_PLAIN || u->owner >= 0 || u->consumed) return false;
    if (u->list && (!u->single || !u->list->u.list.ordered)) return false;
    oct_node *p = st_lead_paragraph(u->node);
    if (!p || (u->list && p->next)) return false;
    st_lines_of(p, &c->lines);
    if (c->lines.n != 1) return false;
    for (const oct_node *k = p->first; k; k = k->next)
        if (k->kind != OCT_TEXT && k->kind != OCT_STRONG && k->kind != OCT_EMPH) return false;
    const char *s = st_node_text(p, &c->tmp);
    size_t n = c->tmp.len;
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    if (n == 0 || n > TOPIC_MAX_BYTES || count_words(s, n) > TOPIC_MAX_WORDS) return false;
    if (s[n - 1] == ',' || st_ends_sentence(s, n)) return false;
    return !st_text_asks(s, n);
}

static oct_node *to_section(st_ctx *c, st_unit *u, int level)
{
    oct_node *p = st_lead_paragraph(u->node);
    oct_node *h = oct_node_new(c->t, OCT_SECTION, u->node->span);
    h->u.section.level = level;
    if (u->list) {
        /* the list marker was the topic's number: it stays visible */
        char num[32];
        int len = snprintf(num, sizeof num, "%d%c ", u->node->u.item.number,
                           u->list->u.list.delim ? u->list->u.list.delim : '.');
        if (p->first && p->first->kind == OCT_TEXT)
            p->first->text = oct_arena_printf(c->t->arena, "%s%s", num, p->first->text);
        else
            oct_node_append(h, oct_node_new_text(c->t, OCT_TEXT, u->node->span, num, (size_t)len));
    }
    if (p->first) st_move_range(p->first, p->last, h);
    oct_node_move_anchors(c->t, u->node, h);
    oct_node_move_anchors(c->t, p, h);
    return h;
}

/* Whether unit i is the chapter's title heading: a first unit that is the
 * only level-1 heading (folded into the chapter once titled by it). */
static bool title_heading(const st_ctx *c, size_t i)
{
    if (i != 0 || c->u[0].role != ST_SECTION || c->u[0].level != 1) return false;
    for (size_t k = 1; k < c->n; k++)
        if (c->u[k].role == ST_SECTION && c->u[k].level == 1) return false;
    return true;
}

void st_promote_topics(st_ctx *c)
{
    int level = 0;
    size_t cand = 0;
    for (size_t i = 0; i < c->n; i++) {
        const st_unit *u = &c->u[i];
        /* topics go under the title, not beside it */
        if (u->role == ST_SECTION && !title_heading(c, i) && (level == 0 || u->level < level))
            level = u->level;
        if (i + 1 < c->n && c->u[i + 1].role == ST_QUESTION && topic_line(c, u)) cand++;
    }
    /* one stray short line before a question is not yet a pattern */
    if (cand < 2 && level == 0) return;
    if (level == 0) level = 2;
    for (size_t i = 0; i + 1 < c->n; i++) {
        st_unit *u = &c->u[i];
        if (c->u[i + 1].role != ST_QUESTION || c->u[i + 1].owner >= 0 || !topic_line(c, u))
            continue;
        /* a heading question has its own structure: the line before it
         * ends an answer, it is no topic */
        if (c->u[i + 1].pk == ST_PROMPT_SECTION) continue;
        u->node = to_section(c, u, level);
        u->list = NULL;
        u->para = NULL;
        u->role = ST_SECTION;
        u->level = level;
    }
}
