#include "study/study_int.h"

#include <string.h>

/* What each unit is: a heading that asks or not, a paragraph or item whose
 * first line asks, a bold prompt, a label, the start of a <details> answer.
 * Only the unit's own text is read here; how units group is decided later
 * (questions.c, pairing.c). */

oct_node *st_lead_paragraph(const oct_node *n)
{
    if (n->kind == OCT_PARAGRAPH) return (oct_node *)n;
    if (n->kind == OCT_ITEM && n->first && n->first->kind == OCT_PARAGRAPH) return n->first;
    return NULL;
}

/* Number of lines forming the prompt: a question wrapped over several
 * lines goes on in lower case after a line that does not end a sentence. */
static int prompt_lines(const st_lines *l, oct_buf *b)
{
    int np = 1;
    oct_buf_clear(b);
    if (l->v[0].first) st_range_text(l->v[0].first, l->v[0].last, b);
    while ((size_t)np < l->n && !st_ends_sentence(b->data ? b->data : "", b->len)) {
        oct_buf_clear(b);
        const st_line *ln = &l->v[np];
        if (ln->first) st_range_text(ln->first, ln->last, b);
        if (!st_starts_lower(b->data ? b->data : "", b->len)) break;
        np++;
    }
    return np;
}

static bool item_has_details(st_ctx *c, const oct_node *item)
{
    for (const oct_node *b = item->first ? item->first->next : NULL; b; b = b->next)
        if (st_opens_details(c, b)) return true;
    return false;
}

/* The number a heading opens with, after any symbols (emoji) before it:
 * sets u->numbered, number, label and lead; returns the bytes to strip
 * from the prompt (symbols and number), 0 if none. */
static size_t heading_number(st_ctx *c, st_unit *u, const char *s, size_t n)
{
    size_t sym = st_leading_symbols(s, n), lab, lablen;
    int num = 0;
    size_t k = st_heading_number(s + sym, n - sym, &num, &lab, &lablen);
    if (!k) return 0;
    u->numbered = true;
    u->number = num;
    u->label = oct_arena_strndup(c->t->arena, s + sym + lab, lablen);
    if (sym) {
        size_t ln = sym;
        while (ln > 0 && (s[ln - 1] == ' ' || s[ln - 1] == '\t'))
            ln--;
        u->lead = oct_arena_strndup(c->t->arena, s, ln);
    }
    return sym + k;
}

static void classify_section(st_ctx *c, st_unit *u)
{
    const char *s = st_node_text(u->node, &c->tmp);
    size_t n = c->tmp.len;
    int num = 0;
    u->level = u->node->u.section.level;
    u->pk = ST_PROMPT_SECTION;
    size_t k = st_question_label(s, n, &num);
    if (k) {
        u->role = ST_QUESTION;
        size_t lab, lablen;
        int hn;
        /* "Q4a." / "Q12." keep their number as written */
        if (st_heading_number(s, n, &hn, &lab, &lablen) && hn == num)
            u->label = oct_arena_strndup(c->t->arena, s + lab, lablen);
        u->numbered = num > 0; /* "Question 12:" joins a run too */
        u->number = num;
    } else if ((k = st_answer_label(s, n)) != 0) {
        u->role = ST_ALABEL;
    } else {
        k = heading_number(c, u, s, n);
        u->role = st_text_asks(s + k, n - k) ? ST_QUESTION : ST_SECTION;
    }
    u->strip = k;
}

/* The option run "A: …" / "B: …" is not an answer label. */
static bool starts_options(st_ctx *c, const st_lines *l, const st_unit *next)
{
    oct_buf b = OCT_BUF_INIT;
    bool yes = false;
    if (l->n > 1) {
        if (l->v[1].first) st_range_text(l->v[1].first, l->v[1].last, &b);
    } else if (next) {
        oct_node *p = st_lead_paragraph(next->node);
        st_lines nl = {0};
        if (p) {
            st_lines_of(p, &nl);
            if (nl.v[0].first) st_range_text(nl.v[0].first, nl.v[0].last, &b);
        }
        st_lines_free(&nl);
    }
    yes = b.data && st_option_letter(b.data, b.len) == 'B';
    oct_buf_free(&b);
    (void)c;
    return yes;
}

/* "**Define a model:**" opening an ordered item, or a bold question. */
static bool bold_prompt(st_ctx *c, st_unit *u, const st_line *l0)
{
    oct_node *s = u->para->first;
    if (!s || s->kind != OCT_STRONG) return false;
    const char *t = st_node_text(s, &c->tmp);
    size_t n = c->tmp.len;
    bool alone = s == l0->last || (s->next == l0->last && s->next->kind == OCT_TEXT &&
                                   strspn(s->next->text, " \t") == strlen(s->next->text));
    int num = 0;
    size_t k = st_leading_number(t, n, &num);
    bool asks = st_text_asks(t + k, n - k);
    bool ordered = u->list && u->list->u.list.ordered;
    while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\t'))
        n--;
    bool ends = n > 0 && (t[n - 1] == ':' || t[n - 1] == '?');
    if (!(ordered && alone && (ends || asks)) && !(asks && (alone || (n > 0 && t[n - 1] == '?'))))
        return false;
    u->pk = ST_PROMPT_BOLD;
    u->strip = k;
    if (k && !u->number) u->number = num;
    u->has_rest = !alone || l0->brk != NULL;
    return true;
}

/* "[What is Django?](#what-is-django)": an entry of a table of contents
 * that points at the question further down, not a question of its own. */
static bool contents_entry(const oct_node *p)
{
    const oct_node *link = NULL;
    for (const oct_node *k = p->first; k; k = k->next) {
        if (k->kind == OCT_LINK && !link)
            link = k;
        else if (k->kind != OCT_TEXT || strspn(k->text, " \t") != strlen(k->text))
            return false;
    }
    return link && link->u.link.url && link->u.link.url[0] == '#';
}

/* Item i is a glossary's: its paragraph opens with a bold term and a
 * separator after it ("**hola** - hello", "**Osmosis**: water…"). *asks:
 * the term ends with '?'. */
static bool term_item(const oct_node *item, bool *asks)
{
    const oct_node *p = item->first;
    if (!p || p->kind != OCT_PARAGRAPH || !p->first || p->first->kind != OCT_STRONG) return false;
    const oct_node *t = p->first->next;
    if (!t || t->kind != OCT_TEXT || !t->text) return false;
    const char *x = t->text;
    bool sep = x[0] == ':' || !strncmp(x, " - ", 3) || !strncmp(x, " \xE2\x80\x93 ", 5) ||
               !strncmp(x, " \xE2\x80\x94 ", 5);
    const oct_node *last = p->first->last;
    const char *lt = last && last->kind == OCT_TEXT && last->text ? last->text : "";
    size_t n = strlen(lt);
    *asks = n > 0 && lt[n - 1] == '?';
    return sep;
}

/* An item of a glossary list (every item a bold term and its meaning,
 * most terms asking nothing): a vocabulary phrase that asks ("¿Dónde
 * está…? - where is…?") is an entry, not a question of the notes. A
 * list of bold questions and their answers asks in most items. */
static bool glossary_entry(const st_ctx *c, const st_unit *u)
{
    if (u->node->kind != OCT_ITEM || !u->list) return false;
    size_t a = (size_t)(u - c->u), b = a; /* the list's items are units in a row */
    while (a > 0 && c->u[a - 1].list == u->list)
        a--;
    while (b + 1 < c->n && c->u[b + 1].list == u->list)
        b++;
    int items = 0, asking = 0;
    for (size_t i = a; i <= b; i++) {
        bool asks;
        if (c->u[i].node->kind != OCT_ITEM || !term_item(c->u[i].node, &asks)) return false;
        items++;
        asking += asks;
    }
    return items >= 3 && 2 * asking < items;
}

static void classify_block(st_ctx *c, st_unit *u, const st_unit *next)
{
    u->para = st_lead_paragraph(u->node);
    if (!u->para || contents_entry(u->para)) return;
    if (u->node->kind == OCT_PARAGRAPH && st_opens_details(c, u->para)) {
        u->role = ST_DETAILS;
        return;
    }
    st_lines *l = &c->lines;
    st_lines_of(u->para, l);
    oct_buf_clear(&c->tmp);
    if (l->v[0].first) st_range_text(l->v[0].first, l->v[0].last, &c->tmp);
    const char *s = c->tmp.data ? c->tmp.data : "";
    size_t n = c->tmp.len;
    if (u->list && u->list->u.list.ordered) u->number = u->node->u.item.number;
    bool more_blocks = u->node->kind == OCT_ITEM && u->para->next;
    int num = 0;
    size_t k;
    if ((k = st_question_label(s, n, &num)) != 0) {
        u->role = ST_QUESTION;
        if (num) u->number = num;
    } else if ((k = st_answer_label(s, n)) != 0 && !starts_options(c, l, next)) {
        u->role = ST_ALABEL;
        u->strip = k;
        return;
    } else if (glossary_entry(c, u)) {
        return;
    } else if (bold_prompt(c, u, &l->v[0])) {
        u->role = ST_QUESTION;
        u->has_rest = u->has_rest || more_blocks;
        return;
    } else {
        k = st_leading_number(s, n, &num);
        bool asks = st_text_asks(s + k, n - k);
        bool mcq = u->node->kind == OCT_ITEM && item_has_details(c, u->node);
        if (!asks && !mcq) return;
        if (k && !u->number) u->number = num;
        u->role = ST_QUESTION;
    }
    u->strip = k;
    u->pk = ST_PROMPT_LINES;
    u->nprompt = prompt_lines(l, &c->tmp);
    u->has_rest = (size_t)u->nprompt < l->n || more_blocks;
}

void st_classify(st_ctx *c, st_unit *u, const st_unit *next)
{
    u->role = ST_PLAIN;
    u->pk = ST_PROMPT_NONE;
    switch (u->node->kind) {
    case OCT_SECTION:
        classify_section(c, u);
        break;
    case OCT_THEMATIC_BREAK:
        u->role = ST_BREAK;
        break;
    case OCT_FOOTNOTE_DEF:
        u->role = ST_END;
        break;
    case OCT_DETAILS:
        st_classify_details(c, u);
        break;
    case OCT_PARAGRAPH:
    case OCT_ITEM:
        classify_block(c, u, next);
        break;
    default:
        break;
    }
}
