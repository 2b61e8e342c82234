/* An exam paper (ingest's normalize_parts.c found one and wrote each of
 * its labelled lines with the full label first: "1(a) State… [1]"). Every
 * part that asks is a question under its full label, its marks kept
 * apart (u.question.marks: the booklet prints them after the prompt; no
 * wording or card front holds them). A question's stem ("3 A ball is
 * thrown…" before "3(a)", or the text under "### Problem 2") stays a
 * paragraph above its parts, where the paper prints it, and each part
 * points at it (u.question.context), so a card that stands alone in Anki
 * repeats it. Instructions, totals and sections stay what they are; the
 * mark scheme answers the parts by label (exam_scheme.c). The rest of the
 * study pass does not read such a chapter: it has no other questions. */
#include "study/study_int.h"
#include "util/xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef st_exam_seg seg;
typedef st_exam_segs segs;

static void push(segs *s, seg g)
{
    OCT_GROW(s->v, s->cap, s->n + 1);
    s->v[s->n++] = g;
}

static int line_label(st_ctx *c, const st_line *l, int *num, int *parts, size_t *lablen)
{
    oct_buf_clear(&c->tmp);
    if (l->first) st_range_text(l->first, l->last, &c->tmp);
    const char *s = c->tmp.data ? c->tmp.data : "";
    *lablen = st_exam_label(s, c->tmp.len, num, parts);
    if (*lablen) return 1;
    return st_exam_total(s, c->tmp.len) ? 2 : 0;
}

/* The marks " [2]" ending line l's last text, cut off it; 0 if none. */
static int cut_marks(st_ctx *c, const st_line *l)
{
    oct_node *t = l->last;
    if (!t || t->kind != OCT_TEXT || !t->text) return 0;
    int m = 0;
    size_t n = strlen(t->text), at = st_exam_marks(t->text, n, &m);
    if (at == n) return 0;
    t->text = oct_arena_strndup(c->t->arena, t->text, at);
    return m;
}

void st_exam_split(st_ctx *c, oct_node *p, bool marks, segs *out)
{
    st_lines_of(p, &c->lines);
    size_t nl = c->lines.n;
    st_line *v = oct_xmalloc((nl ? nl : 1) * sizeof *v);
    memcpy(v, c->lines.v, nl * sizeof *v);
    for (size_t a = 0; a < nl;) {
        seg g = {0};
        int kind = line_label(c, &v[a], &g.number, &g.parts, &g.lablen);
        size_t b = a + 1;
        while (kind != 2 && b < nl) {
            int num, parts;
            size_t ll;
            if (line_label(c, &v[b], &num, &parts, &ll) != 0) break;
            b++;
        }
        if (kind == 1 && marks)
            for (size_t k = a; k < b && !g.marks; k++)
                g.marks = cut_marks(c, &v[k]);
        if (kind == 1 && g.lablen < sizeof g.label) {
            line_label(c, &v[a], &g.number, &g.parts, &g.lablen);
            size_t ll = g.lablen;
            while (ll > 0 && c->tmp.data[ll - 1] == ' ')
                ll--;
            memcpy(g.label, c->tmp.data, ll);
            g.label[ll] = '\0';
        }
        oct_node *np = oct_node_new(c->t, OCT_PARAGRAPH, p->span);
        np->span.line = v[a].line;
        for (size_t k = a; k < b; k++)
            if (v[k].first)
                st_move_range(v[k].first, k + 1 < b && v[k].brk ? v[k].brk : v[k].last, np);
        st_trim_inlines(np);
        g.node = np;
        if (np->first) push(out, g);
        a = b;
    }
    free(v);
}

static oct_node *make_question(st_ctx *c, seg *g, const oct_node *context)
{
    oct_buf_clear(&c->tmp);
    st_node_text(g->node, &c->tmp);
    size_t ll = g->lablen;
    while (ll > 0 && c->tmp.data[ll - 1] == ' ')
        ll--;
    oct_node *q = oct_node_new(c->t, OCT_QUESTION, g->node->span);
    q->u.question.number = g->number;
    q->u.question.label = oct_arena_strndup(c->t->arena, c->tmp.data, ll);
    q->u.question.marks = g->marks;
    q->u.question.context = context;
    st_strip_prefix(c->t, g->node, g->lablen);
    st_trim_inlines(g->node);
    if (g->node->first) st_move_range(g->node->first, g->node->last, q);
    return q;
}

/* Label lab opens with stem's ("1(a)(i)" under "1(a)", "1(a)" under "1",
 * "Aufgabe 1(a)" under "1"): the words of their numbers aside. */
static bool under(const char *lab, const char *stem)
{
    lab = st_exam_bare(lab);
    stem = st_exam_bare(stem);
    size_t n = strlen(stem);
    return n && strncmp(lab, stem, n) == 0 && (lab[n] == '(' || lab[n] == '.');
}

/* The next labelled segment after i is a part of i: i is the stem above
 * its parts, no question. */
static bool stem_of_parts(const segs *s, size_t i)
{
    for (size_t k = i + 1; k < s->n; k++)
        if (s->v[k].number) return under(s->v[k].label, s->v[i].label);
    return false;
}

/* The stems above the current part, outermost first. */
typedef struct {
    const oct_node *node[4];
    char label[4][24]; /* "" under a heading: the next part's number */
    int n;
    const oct_node *joined, *joined_for; /* all of them as one, for the innermost */
} stems;

/* The innermost stem that part label lab lies under, NULL if none (the
 * stems it does not lie under are left behind). */
static const oct_node *context_of(stems *st, const char *lab, int number)
{
    if (st->n && !st->label[st->n - 1][0])
        snprintf(st->label[st->n - 1], sizeof st->label[0], "%d", number);
    while (st->n && !under(lab, st->label[st->n - 1]))
        st->n--;
    return st->n ? st->node[st->n - 1] : NULL;
}

/* Part g says nothing after its label ("1(c) [3]" above a blank line):
 * the paragraph after it, when no label opens it and it adds up no
 * marks ("Total: 12 marks"), is its wording. */
static bool wordless(st_ctx *c, const seg *g)
{
    st_node_text(g->node, &c->tmp);
    size_t n = c->tmp.len;
    while (n > 0 && (c->tmp.data[n - 1] == ' ' || c->tmp.data[n - 1] == '\n'))
        n--;
    return n <= g->lablen;
}

/* A part with a label and marks and no wording anywhere: it stays a
 * paragraph as written ("1(d) [2]"), with a warning; no empty question. */
static void keep_wordless(st_ctx *c, oct_node *ch, seg *g)
{
    if (g->marks) {
        char *m = oct_arena_printf(c->t->arena, " [%d]", g->marks);
        oct_node_append(g->node, oct_node_new_text(c->t, OCT_TEXT, g->node->span, m, strlen(m)));
    }
    st_node_text(g->node, &c->tmp);
    oct_diag_report(c->diag, OCT_WARNING, c->path, g->node->span.line, 1, "exam-empty-part",
                    "exam part \"%s\" has no wording under its label: printed as written, no "
                    "question made of it",
                    c->tmp.data ? c->tmp.data : "");
    oct_node_append(ch, g->node);
}

/* The context of a part under the stems st: the one stem, or, under
 * several ("2 Rivers…", "2(b) The hydrograph…" above "2(b)(ii)"), an
 * unlinked paragraph holding a copy of each in order, a blank line
 * between them, so that a card standing alone repeats them all. Parts
 * under the same stems share it. */
static const oct_node *context_node(st_ctx *c, stems *st)
{
    if (st->n <= 1) return st->n ? st->node[0] : NULL;
    const oct_node *inner = st->node[st->n - 1];
    if (st->joined_for == inner) return st->joined;
    oct_node *p = oct_node_new(c->t, OCT_PARAGRAPH, st->node[0]->span);
    for (int i = 0; i < st->n; i++) {
        for (int k = 0; i > 0 && k < 2; k++)
            oct_node_append(p, oct_node_new(c->t, OCT_LINE_BREAK, st->node[i]->span));
        for (const oct_node *k = st->node[i]->first; k; k = k->next)
            oct_node_append(p, oct_node_clone(c->t, k));
    }
    st->joined = p;
    st->joined_for = inner;
    return p;
}

static void emit_paper(st_ctx *c, oct_node *ch, segs *s, st_exam_questions *qs)
{
    stems st = {0};
    bool after_head = false;
    for (size_t i = 0; i < s->n; i++) {
        seg *g = &s->v[i];
        if (g->number && !stem_of_parts(s, i) && wordless(c, g)) {
            seg *w = i + 1 < s->n ? &s->v[i + 1] : NULL;
            if (w) st_node_text(w->node, &c->tmp);
            if (!w || w->number || w->node->kind != OCT_PARAGRAPH ||
                st_exam_total(c->tmp.data, c->tmp.len)) {
                keep_wordless(c, ch, g);
                continue;
            }
            oct_node_append(g->node, oct_node_new(c->t, OCT_LINE_BREAK, g->node->span));
            st_move_range(w->node->first, w->node->last, g->node);
            w->node = NULL;
        }
        if (!g->node) continue; /* the wording of the part before it */
        if (!g->number || stem_of_parts(s, i)) {
            oct_node_append(ch, g->node);
            if (g->node->kind == OCT_SECTION) {
                after_head = g->node->u.section.level >= 3; /* "### Problem 2" */
                st.n = 0;
            } else if (g->number || (after_head && g->node->kind == OCT_PARAGRAPH)) {
                if (g->number) context_of(&st, g->label, g->number);
                if (st.n == 4) st.n--;
                st.node[st.n] = g->node;
                memcpy(st.label[st.n++], g->label, sizeof st.label[0]);
                after_head = false;
            }
            continue;
        }
        after_head = false;
        context_of(&st, g->label, g->number);
        oct_node *q = make_question(c, g, context_node(c, &st));
        oct_node_append(ch, q);
        size_t at;
        st_exam_key(q->u.question.label, strlen(q->u.question.label), &c->tmp);
        if (!oct_strmap_get(&qs->keys, c->tmp.data, c->tmp.len, &at))
            oct_strmap_put(&qs->keys, c->tmp.data, c->tmp.len, qs->n);
        OCT_GROW(qs->v, qs->cap, qs->n + 1);
        qs->v[qs->n++] = q;
    }
}

bool st_exam_paper(st_ctx *c, oct_node *ch)
{
    if (!ch->u.chapter.exam) return false;
    size_t nb = 0, cap = 0, scheme = SIZE_MAX;
    oct_node **b = NULL;
    while (ch->first) {
        oct_node *k = ch->first;
        oct_node_unlink(k);
        if (scheme == SIZE_MAX && k->kind == OCT_SECTION) {
            const char *s = st_node_text(k, &c->tmp);
            if (st_exam_caption(s, c->tmp.len)) scheme = nb;
        }
        OCT_GROW(b, cap, nb + 1);
        b[nb++] = k;
    }
    size_t end = scheme < nb ? scheme : nb;
    segs s = {0};
    for (size_t i = 0; i < end; i++) {
        if (b[i]->kind == OCT_PARAGRAPH)
            st_exam_split(c, b[i], true, &s);
        else
            push(&s, (seg){.node = b[i]});
    }
    st_exam_questions qs = {0};
    emit_paper(c, ch, &s, &qs);
    if (scheme < nb) {
        oct_node_append(ch, b[scheme]);
        st_exam_scheme(c, ch, b + scheme + 1, nb - scheme - 1, &qs);
    }
    free(s.v);
    free(qs.v);
    oct_strmap_free(&qs.keys);
    free(b);
    return true;
}
