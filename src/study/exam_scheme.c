/* A paper's mark scheme: each labelled line answers the part of the same
 * label ("1(a) F = ma (1)" answers "1(a)"), with the lines after it; its
 * marking points ("(1)", "M1 A1", "✓", ";" between points) stay as
 * written. A table "Question | Answer | Marks" answers row by row, the
 * label folded ("1 (a) (ii)", "1aii", a row's "(ii)" under the "1(a)(i)"
 * row above), each other column a line of the answer ("Marks: 2").
 * What answers no part (a stem's note, a total, a heading) stays under the
 * scheme's caption, or ends the answer it follows. */
#include "study/study_int.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

static oct_node *find(const st_exam_questions *qs, const char *key)
{
    size_t at;
    return oct_strmap_get(&qs->keys, key, strlen(key), &at) ? qs->v[at] : NULL;
}

/* Block b joins q's answer (made on first use). */
static void answer_with(st_ctx *c, oct_node *q, oct_node *b)
{
    oct_node *a = q->last && q->last->kind == OCT_ANSWER ? q->last : NULL;
    if (!a) {
        a = oct_node_new(c->t, OCT_ANSWER, b->span);
        oct_node_append(q, a);
        q->u.question.answered = true;
    }
    oct_node_append(a, b);
}

/* The cells' roles: *qc the label column, *ac the answer's; false when the
 * table is no scheme. */
static bool scheme_columns(st_ctx *c, const oct_node *table, int *qc, int *ac)
{
    const oct_node *row = table->first;
    *qc = *ac = -1;
    if (!row || !row->u.row.header) return false;
    int k = 0;
    for (const oct_node *cell = row->first; cell; cell = cell->next, k++) {
        char r = st_column_role(st_node_text(cell, &c->tmp));
        if ((r == 'Q' || r == '#') && *qc < 0) *qc = k;
        if (r == 'A' && *ac < 0) *ac = k;
    }
    return *qc >= 0 && *ac >= 0 && *qc != *ac;
}

static oct_node *cell_at(const oct_node *row, int k)
{
    oct_node *cell = row->first;
    while (cell && k-- > 0)
        cell = cell->next;
    return cell;
}

/* The row's label folded, "(ii)" completed from the row above (prev). */
static void row_key(st_ctx *c, const oct_node *cell, oct_buf *prev, oct_buf *key)
{
    const char *s = st_node_text(cell, &c->tmp);
    st_exam_key(s, c->tmp.len, key);
    if (key->len == 0 || (key->data[0] >= '0' && key->data[0] <= '9') || !prev->len) return;
    oct_buf full = OCT_BUF_INIT;
    size_t d = strspn(prev->data, "0123456789"), keep = d;
    if (strlen(key->data) > 1 && prev->len > d) keep = d + 1; /* "ii" under "1a…" */
    oct_buf_put(&full, prev->data, keep);
    oct_buf_puts(&full, key->data);
    oct_buf_clear(key);
    oct_buf_puts(key, full.data);
    oct_buf_free(&full);
}

/* The rows' answers, when every row names a part; false (the table stays
 * as it is) when one does not. */
static bool scheme_table(st_ctx *c, oct_node *table, const st_exam_questions *qs)
{
    int qc, ac;
    if (!scheme_columns(c, table, &qc, &ac)) return false;
    oct_buf prev = OCT_BUF_INIT, key = OCT_BUF_INIT;
    size_t nrows = 0, cap = 0;
    oct_node **hit = NULL;
    bool all = true;
    for (oct_node *row = table->first->next; row && all; row = row->next) {
        oct_node *cell = cell_at(row, qc);
        if (!cell) break;
        row_key(c, cell, &prev, &key);
        OCT_GROW(hit, cap, nrows + 1);
        hit[nrows++] = key.len ? find(qs, key.data) : NULL;
        all = hit[nrows - 1] != NULL;
        oct_buf_clear(&prev);
        oct_buf_puts(&prev, key.data ? key.data : "");
    }
    all = all && nrows > 0;
    size_t r = 0;
    for (oct_node *row = table->first->next; all && row; row = row->next, r++) {
        int k = 0;
        for (oct_node *cell = cell_at(row, ac); cell; cell = NULL) {
            oct_node *p = oct_node_new(c->t, OCT_PARAGRAPH, cell->span);
            if (cell->first) st_move_range(cell->first, cell->last, p);
            answer_with(c, hit[r], p);
        }
        for (oct_node *cell = row->first; cell; cell = cell->next, k++) {
            if (k == qc || k == ac || !cell->first) continue;
            oct_node *h = cell_at(table->first, k);
            oct_node *p = oct_node_new(c->t, OCT_PARAGRAPH, cell->span);
            const char *name = h ? st_node_text(h, &c->tmp) : "";
            char *lead = oct_arena_printf(c->t->arena, "%s: ", name);
            oct_node_append(p, oct_node_new_text(c->t, OCT_TEXT, cell->span, lead, strlen(lead)));
            st_move_range(cell->first, cell->last, p);
            answer_with(c, hit[r], p);
        }
    }
    free(hit);
    oct_buf_free(&prev);
    oct_buf_free(&key);
    return all;
}

/* When the whole scheme went to its questions, its caption ("MARK
 * SCHEME") and the headings left under it ("Problem 1") would stand alone
 * on the page: they go, with a note. */
static void drop_empty_scheme(st_ctx *c, oct_node *caption, const st_exam_questions *qs)
{
    for (oct_node *k = caption; k; k = k->next)
        if (k->kind != OCT_SECTION) return;
    size_t answered = 0;
    for (size_t i = 0; i < qs->n; i++)
        answered += qs->v[i]->u.question.answered;
    oct_buf lines = OCT_BUF_INIT;
    for (oct_node *k = caption; k; k = k->next)
        oct_buf_printf(&lines, "%s%d", lines.len ? ", " : "", k->span.line);
    const char *s = st_node_text(caption, &c->tmp);
    oct_diag_report(c->diag, OCT_NOTE, c->path, caption->span.line, 1, "mark-scheme",
                    "the mark scheme answers %zu of %zu questions, printed under each; its "
                    "caption \"%s\" and the headings under it left out: lines %s",
                    answered, qs->n, s, lines.data);
    oct_buf_free(&lines);
    while (caption->next)
        oct_node_unlink(caption->next);
    oct_node_unlink(caption);
}

void st_exam_scheme(st_ctx *c, oct_node *ch, oct_node **b, size_t n, const st_exam_questions *qs)
{
    oct_node *caption = ch->last;
    oct_node *last = NULL; /* the question the scheme answered last */
    oct_buf key = OCT_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        if (b[i]->kind == OCT_TABLE && scheme_table(c, b[i], qs)) {
            last = NULL;
            continue;
        }
        if (b[i]->kind != OCT_PARAGRAPH) {
            if (b[i]->kind == OCT_SECTION) last = NULL;
            if (last)
                answer_with(c, last, b[i]);
            else
                oct_node_append(ch, b[i]);
            continue;
        }
        st_exam_segs s = {0};
        st_exam_split(c, b[i], false, &s);
        for (size_t k = 0; k < s.n; k++) {
            st_exam_seg *g = &s.v[k];
            oct_node *q = NULL;
            if (g->number) {
                st_node_text(g->node, &c->tmp);
                st_exam_key(c->tmp.data, g->lablen, &key);
                q = find(qs, key.data);
                if (q) {
                    st_strip_prefix(c->t, g->node, g->lablen);
                    st_trim_inlines(g->node);
                }
                last = q;
            }
            if (!g->node->first) continue; /* a label and nothing after it */
            if (q || (last && !g->number))
                answer_with(c, q ? q : last, g->node);
            else
                oct_node_append(ch, g->node);
        }
        free(s.v);
    }
    oct_buf_free(&key);
    if (caption && caption->kind == OCT_SECTION) drop_empty_scheme(c, caption, qs);
}
