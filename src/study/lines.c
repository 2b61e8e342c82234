#include "study/study_int.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* Plain-text notes put one question on each line of a paragraph, or a
 * question on the first line and its answer on the next ones, so the pass
 * works on the lines of a paragraph: runs of inline siblings between its
 * top-level soft/hard breaks. */

static void push_line(st_lines *l, oct_node *first, oct_node *last, oct_node *brk, int line)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->v = oct_xrealloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n++] = (st_line){first, last, brk, line};
}

void st_lines_of(const oct_node *para, st_lines *out)
{
    out->n = 0;
    oct_node *first = NULL, *last = NULL;
    int k = 0;
    for (oct_node *c = para->first; c; c = c->next) {
        if (oct_node_is_break(c)) {
            int line = first && first->span.line > para->span.line + k ? first->span.line
                                                                       : para->span.line + k;
            push_line(out, first, last, c, line);
            first = last = NULL;
            k++;
            continue;
        }
        if (!first) first = c;
        last = c;
    }
    int line =
        first && first->span.line > para->span.line + k ? first->span.line : para->span.line + k;
    push_line(out, first, last, NULL, line);
}

void st_lines_free(st_lines *l)
{
    free(l->v);
    l->v = NULL;
    l->n = l->cap = 0;
}

void st_range_text(const oct_node *first, const oct_node *last, oct_buf *out)
{
    for (const oct_node *s = first; s; s = s->next) {
        oct_iter it;
        oct_iter_init(&it, s);
        oct_event ev;
        while ((ev = oct_iter_next(&it)) != OCT_EV_NONE) {
            if (ev != OCT_EV_ENTER) continue;
            const oct_node *c = it.cur;
            if (c->kind == OCT_TEXT || c->kind == OCT_CODE)
                oct_buf_puts(out, c->text);
            else if (oct_node_is_break(c))
                oct_buf_putc(out, ' ');
            else if (c->kind == OCT_ANSWER || c->kind == OCT_FOOTNOTE_REF)
                oct_iter_skip_children(&it);
        }
        if (s == last) break;
    }
}

const char *st_node_text(const oct_node *n, oct_buf *out)
{
    oct_buf_clear(out);
    if (n->first) st_range_text(n->first, n->last, out);
    return out->data ? out->data : "";
}

/* Nodes to unlink after a walk (unlinking during the walk would derail the
 * iterator). */
typedef struct {
    oct_node **v;
    size_t n, cap;
} nodelist;

static void nodelist_push(nodelist *l, oct_node *n)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 8;
        l->v = oct_xrealloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n++] = n;
}

static bool is_blank(char ch)
{
    return ch == ' ' || ch == '\t';
}

/* Empty emphasis left behind by a strip goes too; links keep their URL. */
static void prune_empty(oct_node *n, nodelist *gone)
{
    for (size_t i = 0; i < gone->n; i++)
        oct_node_unlink(gone->v[i]);
    for (bool again = true; again;) {
        again = false;
        oct_iter it;
        oct_iter_init(&it, n);
        oct_event ev;
        while ((ev = oct_iter_next(&it)) != OCT_EV_NONE) {
            oct_node *c = (oct_node *)it.cur;
            if (ev == OCT_EV_ENTER && c != n && !c->first &&
                (c->kind == OCT_STRONG || c->kind == OCT_EMPH || c->kind == OCT_STRIKE)) {
                oct_node_unlink(c);
                again = true;
                break;
            }
        }
    }
}

void st_strip_prefix(oct_tree *t, oct_node *n, size_t nbytes)
{
    nodelist gone = {0};
    bool blanks = true; /* after the prefix, blanks go too */
    oct_iter it;
    oct_iter_init(&it, n);
    oct_event ev;
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE) {
        oct_node *c = (oct_node *)it.cur;
        if (ev != OCT_EV_ENTER || c == n) continue;
        if (c->kind == OCT_ANSWER) break;
        if (oct_node_is_break(c)) {
            if (nbytes == 0 && !blanks) break;
            if (nbytes > 0) nbytes--;
            nodelist_push(&gone, c);
            continue;
        }
        if (c->kind != OCT_TEXT && c->kind != OCT_CODE) {
            if (oct_kind_is_inline(c->kind) && c->first) continue; /* descend */
            if (nbytes == 0) break;
            continue;
        }
        size_t len = strlen(c->text), cut = nbytes < len ? nbytes : len;
        nbytes -= cut;
        if (nbytes == 0 && c->kind == OCT_TEXT)
            while (cut < len && is_blank(c->text[cut]))
                cut++;
        if (cut == len) {
            nodelist_push(&gone, c);
            continue;
        }
        if (cut > 0) c->text = oct_arena_strdup(t->arena, c->text + cut);
        if (nbytes == 0) {
            blanks = false;
            break;
        }
    }
    prune_empty(n, &gone);
    free(gone.v);
}

static bool blank_text(const oct_node *c)
{
    if (c->kind != OCT_TEXT) return false;
    for (const char *s = c->text; *s; s++)
        if (!is_blank(*s)) return false;
    return true;
}

void st_trim_inlines(oct_node *n)
{
    while (n->first && (oct_node_is_break(n->first) || blank_text(n->first)))
        oct_node_unlink(n->first);
    while (n->last && (oct_node_is_break(n->last) || blank_text(n->last)))
        oct_node_unlink(n->last);
    /* leading blanks: the text stays in the arena, the pointer moves */
    if (n->first && n->first->kind == OCT_TEXT)
        while (is_blank(*n->first->text))
            n->first->text++;
}

size_t st_inline_length(const oct_node *t, oct_buf *scratch)
{
    if (t->kind == OCT_TEXT && t->text) return strlen(t->text);
    oct_buf_clear(scratch);
    st_range_text(t, t, scratch);
    return scratch->len;
}

void st_move_range(oct_node *first, oct_node *last, oct_node *dst)
{
    for (oct_node *c = first; c;) {
        oct_node *next = c->next;
        oct_node_append(dst, c);
        if (c == last) break;
        c = next;
    }
}

/* --- splitting paragraphs at the lines that open a question ------------- */

/* What a line opens: 0 nothing, 1 a question, 2 an answer label. */
static int line_opens(const char *s, size_t n, const char *next, size_t nn)
{
    int num;
    if (st_question_label(s, n, &num)) return 1;
    if (st_line_answer_label(s, n, next, nn)) return 2;
    if (st_text_asks(s, n)) return 1;
    return 0;
}

oct_node *st_split_at(oct_tree *t, oct_node *p, const st_lines *l, size_t from)
{
    oct_node *np = oct_node_new(t, OCT_PARAGRAPH, (oct_span){p->span.file, l->v[from].line, 1});
    if (p->next)
        oct_node_insert_before(p->next, np);
    else
        oct_node_append(p->parent, np);
    oct_node *brk = l->v[from - 1].brk;
    oct_node *first = brk->next;
    oct_node_unlink(brk);
    if (first) st_move_range(first, p->last, np);
    np->ends_answer = p->ends_answer; /* the end of an answer is its last part's */
    p->ends_answer = false;
    return np;
}

/* Texts of every line of l, one buffer: line i is text + off[i], len[i]. */
typedef struct {
    oct_buf text;
    size_t *off, *len;
} line_texts;

static void texts_of(const st_lines *l, line_texts *lt)
{
    oct_buf_clear(&lt->text);
    oct_buf_grow(&lt->text, 1); /* data is never NULL below */
    lt->off = oct_xrealloc(lt->off, (l->n + 1) * sizeof *lt->off);
    lt->len = oct_xrealloc(lt->len, (l->n + 1) * sizeof *lt->len);
    for (size_t i = 0; i < l->n; i++) {
        lt->off[i] = lt->text.len;
        if (l->v[i].first) st_range_text(l->v[i].first, l->v[i].last, &lt->text);
        lt->len[i] = lt->text.len - lt->off[i];
    }
}

/* "[10] This element…": a part of a quiz bowl bonus, worth its points. */
static bool points_part(const char *s, size_t n)
{
    size_t i = 1;
    if (n < 5 || s[0] != '[') return false;
    while (i < n && i < 4 && s[i] >= '0' && s[i] <= '9')
        i++;
    return i > 1 && i + 1 < n && s[i] == ']' && s[i + 1] == ' ';
}

static void presplit_paragraph(oct_tree *t, oct_node *p, st_lines *l, line_texts *lt)
{
    st_lines_of(p, l);
    if (l->n < 2) return;
    texts_of(l, lt);
    size_t *cuts = oct_xmalloc(l->n * sizeof *cuts), ncuts = 0;
    bool in_prompt = false; /* the current group is still its question */
    bool asked = false;     /* the current group opened with a question */
    bool answered = false;  /* ... with an answer label */
    for (size_t i = 0; i < l->n; i++) {
        const char *s = lt->text.data + lt->off[i];
        size_t len = lt->len[i];
        const char *nx = i + 1 < l->n ? lt->text.data + lt->off[i + 1] : NULL;
        size_t nn = nx ? lt->len[i + 1] : 0;
        int opens = line_opens(s, len, nx, nn);
        /* a question asked inside a labelled answer ("Ans. … / Does this
         * apply in space? Yes, …") is the answer's own, unless it has a
         * label of its own or an answer label follows it */
        int num;
        if (opens == 1 && answered && !st_question_label(s, len, &num) &&
            !(nx && st_line_answer_label(nx, nn, NULL, 0)))
            opens = 0;
        /* a question wrapped over two lines goes on in lower case */
        bool cont = in_prompt && st_starts_lower(s, len);
        if (cont) opens = 0;
        /* "A) Sydney" then "B) Canberra" under a question: its options,
         * a paragraph of their own (questions.c keeps them with it) */
        bool options = !opens && asked && st_option_letter(s, len) == 'A' && nx &&
                       st_option_letter(nx, nn) == 'B';
        /* the next part of a bonus after the last one's "ANSWER:" line */
        if (!opens && answered && points_part(s, len)) opens = 3;
        if ((opens || options) && i > 0) cuts[ncuts++] = i;
        if (opens) asked = opens == 1, answered = opens == 2;
        if (options) asked = false;
        if (opens)
            in_prompt = opens == 1;
        else if (!cont)
            in_prompt = false;
        if (in_prompt && st_ends_sentence(s, len)) in_prompt = false;
    }
    /* from the last cut backwards, so the line records stay valid */
    for (size_t k = ncuts; k-- > 0;)
        st_split_at(t, p, l, cuts[k]);
    free(cuts);
}

/* The items of a list (and of the lists in them) that open with a
 * question and its answer on one line: "- What is X? It is Y." becomes an
 * item with its answer, as if written on the next line, indented. */
static void split_items(oct_tree *t, oct_node *list, st_lines *l, int depth)
{
    for (oct_node *it = list->first; it && depth < 8; it = it->next) {
        if (it->kind != OCT_ITEM) continue;
        if (it->first && it->first->kind == OCT_PARAGRAPH) st_split_asked_line(t, it->first, l);
        for (oct_node *k = it->first; k; k = k->next)
            if (k->kind == OCT_LIST) split_items(t, k, l, depth + 1);
    }
}

void st_presplit(oct_tree *t, oct_node *container)
{
    st_lines l = {0};
    line_texts lt = {OCT_BUF_INIT, NULL, NULL};
    st_unwrap_quoted_cards(t, container, &l);
    for (oct_node *p = container->first; p;) {
        oct_node *next = p->next;
        if (p->kind == OCT_LIST) split_items(t, p, &l, 0);
        if (p->kind == OCT_PARAGRAPH) {
            /* "Q: … A: …": the answer and what follows go to a paragraph
             * of their own, split in turn */
            oct_node *rest = st_split_inline_card(t, p, &l);
            if (!rest) rest = st_split_asked_line(t, p, &l); /* "…? The skin." */
            if (rest) next = rest;
            presplit_paragraph(t, p, &l, &lt);
        }
        p = next;
    }
    st_lines_free(&l);
    oct_buf_free(&lt.text);
    free(lt.off);
    free(lt.len);
}
