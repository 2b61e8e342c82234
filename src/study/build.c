#include "study/study_int.h"
#include "tree/anchors.h"

#include <string.h>

/* Turning a question unit into a QUESTION node: its prompt inlines move into
 * the QUESTION, everything that answers it into an ANSWER. Nodes move; none
 * is copied, so spans stay and no text is lost. */

static void inline_block(st_ctx *c, oct_node *q, oct_node *b);

bool st_inlinable(const oct_node *b)
{
    if (b->kind == OCT_PARAGRAPH || b->kind == OCT_CODE_BLOCK) return true;
    if (b->kind != OCT_ITEM && b->kind != OCT_LIST) return false;
    for (const oct_node *k = b->first; k; k = k->next)
        if (!st_inlinable(k)) return false;
    return true;
}

/* Appends the inlines of paragraph p to the prompt q, on a new line; its
 * soft breaks become hard ones (options are one per line). */
static void inline_paragraph(st_ctx *c, oct_node *q, oct_node *p)
{
    st_trim_inlines(p);
    if (!p->first) return;
    oct_node_append(q, oct_node_new(c->t, OCT_LINE_BREAK, p->span));
    for (oct_node *k = p->first; k; k = k->next)
        if (k->kind == OCT_SOFT_BREAK) k->kind = OCT_LINE_BREAK;
    st_move_range(p->first, p->last, q);
}

/* b must be st_inlinable: everything it holds moves into the prompt. */
static void inline_block(st_ctx *c, oct_node *q, oct_node *b)
{
    if (b->kind == OCT_PARAGRAPH) {
        inline_paragraph(c, q, b);
    } else if (b->kind == OCT_CODE_BLOCK) {
        oct_node_append(q, oct_node_new(c->t, OCT_LINE_BREAK, b->span));
        const char *s = b->text ? b->text : "";
        oct_node_append(q, oct_node_new_text(c->t, OCT_CODE, b->span, s, strlen(s)));
    } else {
        for (oct_node *k = b->first; k;) {
            oct_node *next = k->next;
            inline_block(c, q, k);
            k = next;
        }
    }
}

/* Line of the first line of l with content (a prompt moved out leaves its
 * own line empty). */
static int content_line(const st_lines *l, int fallback)
{
    for (size_t k = 0; k < l->n; k++) {
        const oct_node *f = l->v[k].first;
        if (f && (f->kind != OCT_TEXT || strspn(f->text, " \t") < strlen(f->text)))
            return l->v[k].line;
    }
    return fallback;
}

/* Moves the prompt of unit u into q. What remains of the unit's paragraph
 * (the answer on the lines after the prompt) stays in u->para. */
static void take_prompt(st_ctx *c, st_unit *u, oct_node *q)
{
    if (u->pk == ST_PROMPT_SECTION) {
        if (u->node->first) st_move_range(u->node->first, u->node->last, q);
    } else if (u->pk == ST_PROMPT_BOLD) {
        oct_node *s = u->para->first;
        if (s->first) st_move_range(s->first, s->last, q);
        oct_node_unlink(s);
        st_lines_of(u->para, &c->lines);
        u->para->span.line = content_line(&c->lines, u->para->span.line);
        u->para->span.col = 1;
    } else if (u->pk == ST_PROMPT_SUMMARY) {
        oct_node *s = u->node->first;
        if (s && s->kind == OCT_SUMMARY) {
            if (s->first) st_move_range(s->first, s->last, q);
            oct_node_unlink(s);
        }
    } else if (u->pk == ST_PROMPT_LINES) {
        st_lines_of(u->para, &c->lines);
        size_t np = (size_t)u->nprompt;
        if (np > c->lines.n) np = c->lines.n;
        oct_node *last = c->lines.v[np - 1].last, *brk = c->lines.v[np - 1].brk;
        if (u->para->first && last) st_move_range(u->para->first, last, q);
        if (brk) oct_node_unlink(brk);
        /* what is left starts on the line after the prompt */
        if (np < c->lines.n) u->para->span = (oct_span){u->para->span.file, c->lines.v[np].line, 1};
    }
    /* a label or number is never all there is to a prompt */
    const char *pt = st_node_text(q, &c->tmp);
    if (u->strip && u->strip < c->tmp.len && strspn(pt + u->strip, " \t") < c->tmp.len - u->strip) {
        st_strip_prefix(c->t, q, u->strip);
        /* symbols before the number (an emoji) stay; only the number goes */
        if (u->lead && *u->lead) {
            oct_node *f = q->first;
            if (f && f->kind == OCT_TEXT) { /* one TEXT, as ingest leaves adjacent text */
                f->text = oct_arena_printf(c->t->arena, "%s %s", u->lead, f->text ? f->text : "");
            } else {
                const char *ls = oct_arena_printf(c->t->arena, "%s ", u->lead);
                oct_node *lead = oct_node_new_text(c->t, OCT_TEXT, q->span, ls, strlen(ls));
                if (f)
                    oct_node_insert_before(f, lead);
                else
                    oct_node_append(q, lead);
            }
        }
    }
    st_trim_inlines(q);
}

/* Appends block b to the answer; of an "Answer" box only its body. */
static void answer_block(st_ctx *c, oct_node *a, oct_node *b, bool details)
{
    if (details && st_opens_details(c, b)) {
        st_details_unwrap(c, b, a);
        return;
    }
    if (b->kind == OCT_PARAGRAPH) {
        st_trim_inlines(b);
        if (!b->first) return;
    }
    oct_node_append(a, b);
}

/* The blocks of an ITEM after its prompt paragraph: options and code
 * before a <details> answer join the prompt, and so does a list of
 * options right before an answer label (options.c); the rest is the
 * answer. */
static void item_rest(st_ctx *c, oct_node *item, oct_node *q, oct_node *a)
{
    oct_node *d = NULL, *lead = item->first;
    for (oct_node *b = lead; b && !d; b = b->next)
        if (b != lead && st_opens_details(c, b)) d = b;
    if (!d && lead && lead->next && lead->next->next && st_option_list(c, lead->next))
        d = lead->next->next;
    bool in_details = false;
    for (oct_node *b = lead; b;) {
        oct_node *next = b->next;
        if (b == d) in_details = true;
        if (d && !in_details && b != lead && st_inlinable(b)) {
            inline_block(c, q, b);
        } else {
            oct_node_unlink(b);
            answer_block(c, a, b, in_details);
            if (in_details && st_closes_details(c, b)) in_details = false;
        }
        b = next;
    }
}

/* The other wording of a paired question: it becomes the prompt when it is
 * the fuller one, and the wording it replaces opens the answer, in italics. */
static void place_alt(st_ctx *c, st_unit *u, oct_node *q, oct_node *a)
{
    oct_node *alt = st_lead_paragraph(u->alt);
    if (!alt) return;
    oct_node *keep = oct_node_new(c->t, OCT_PARAGRAPH, q->span);
    oct_node *em = oct_node_new(c->t, OCT_EMPH, q->span);
    oct_node_append(keep, em);
    if (u->alt_is_prompt) {
        if (q->first) st_move_range(q->first, q->last, em);
        if (alt->first) st_move_range(alt->first, alt->last, q);
        q->span.line = u->alt->span.line; /* where its prompt is written */
        q->span.col = u->alt->span.col;
    } else if (alt->first) {
        st_move_range(alt->first, alt->last, em);
    }
    /* the listed question's options (pairing.c) are the question's too */
    for (oct_node *b = alt->next, *next; b; b = next) {
        next = b->next;
        if (st_inlinable(b)) inline_block(c, q, b);
    }
    if (!em->first) return;
    if (a->first)
        oct_node_insert_before(a->first, keep);
    else
        oct_node_append(a, keep);
}

/* "Q: …" then "A: …" inside one list item or paragraph: the answer's
 * label goes, as it does from an answer of its own paragraph (but "A: …"
 * followed by "B: …" lists options). */
static void strip_answer_label(st_ctx *c, oct_node *a)
{
    oct_node *p = a->first;
    if (!p || p->kind != OCT_PARAGRAPH) return;
    st_lines_of(p, &c->lines);
    if (!c->lines.n || !c->lines.v[0].first) return;
    oct_buf_clear(&c->tmp);
    st_range_text(c->lines.v[0].first, c->lines.v[0].last, &c->tmp);
    const char *s = c->tmp.data ? c->tmp.data : "";
    oct_buf next = OCT_BUF_INIT;
    if (c->lines.n > 1 && c->lines.v[1].first)
        st_range_text(c->lines.v[1].first, c->lines.v[1].last, &next);
    size_t k = st_line_answer_label(s, c->tmp.len, next.data, next.len);
    oct_buf_free(&next);
    if (k && k < c->tmp.len) st_strip_prefix(c->t, p, k);
}

size_t st_build_question(st_ctx *c, size_t i, oct_node *target)
{
    st_unit *u = &c->u[i];
    oct_node *q = oct_node_new(c->t, OCT_QUESTION, u->para ? u->para->span : u->node->span);
    if (u->node->kind == OCT_ITEM) q->span = u->node->span;
    q->u.question.number = u->number;
    q->u.question.label = u->label;
    if (!u->label && u->number > 0)
        q->u.question.label = oct_arena_printf(c->t->arena, "%d", u->number);
    oct_node *a = oct_node_new(c->t, OCT_ANSWER, u->node->span);
    /* a link to the heading, item or box names the question now */
    oct_node_move_anchors(c->t, u->node, q);
    if (u->para) oct_node_move_anchors(c->t, u->para, q);
    if (u->node->kind == OCT_DETAILS && u->node->first && u->node->first->kind == OCT_SUMMARY)
        oct_node_move_anchors(c->t, u->node->first, q);
    take_prompt(c, u, q);
    if (u->node->kind == OCT_ITEM)
        item_rest(c, u->node, q, a);
    else if (u->node->kind == OCT_PARAGRAPH)
        answer_block(c, a, u->node, false);
    else if (u->node->kind == OCT_DETAILS)
        st_details_unwrap(c, u->node, a);
    if (u->node->kind != OCT_DETAILS) strip_answer_label(c, a);
    size_t j = i + 1;
    st_open open = {NULL, NULL};
    for (; j < c->n && c->u[j].owner == (int)i; j++) {
        st_unit *v = &c->u[j];
        if (v->stem) {
            inline_block(c, q, v->node);
            continue;
        }
        if (v->role == ST_ALABEL && v->strip && !v->in_details) {
            oct_node *p = v->node->kind == OCT_SECTION ? v->node : st_lead_paragraph(v->node);
            if (p) st_strip_prefix(c->t, p, v->strip);
            if (p && !p->first) {
                if (p == v->node) continue; /* the label was all there was */
                oct_node_unlink(p);
            }
        }
        if (v->in_details && !v->list && st_opens_details(c, v->node)) {
            st_details_unwrap(c, v->node, a);
            continue;
        }
        if (v->node->kind == OCT_PARAGRAPH) {
            st_trim_inlines(v->node);
            if (!v->node->first) continue;
        }
        st_emit_unit(c, v, a, &open);
    }
    if (u->alt) place_alt(c, u, q, a);
    if (a->first) {
        a->span = a->first->span;
        oct_node_append(q, a);
        q->u.question.answered = true;
    }
    oct_node_append(target, q);
    return j;
}
