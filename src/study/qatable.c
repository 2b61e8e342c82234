/* Question banks written as tables, as many GitHub repositories keep them:
 *
 *   | # | Question                           | Answer | Topic   |
 *   |---|------------------------------------|--------|---------|
 *   | 1 | In which year did the Berlin Wall fall? | 1989 | History |
 *
 * A table whose header names a question column and an answer column
 * (study/words.c: st_column_role, in the languages of the labels) is
 * unfolded in its place into what the rest of the pass reads as cards:
 * per row, a paragraph "Q<number>: <question cell>" and a paragraph
 * "A: <answer cell>", the row's other cells lines of the answer, each
 * after its column's name ("Topic: History"). The labels go again when
 * the cards are read; every cell's text stays. */
#include "study/study_int.h"
#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_COLS = 32 };

typedef struct {
    int q, a, num;                  /* column indices, -1: none */
    const oct_node *head[MAX_COLS]; /* header cells */
    int ncols;
} columns;

/* The header row's roles; false when the table is no question bank. */
static bool read_header(const oct_node *table, columns *c, oct_buf *tmp)
{
    const oct_node *row = table->first;
    c->q = c->a = c->num = -1;
    c->ncols = 0;
    if (!row || row->kind != OCT_TABLE_ROW || !row->u.row.header) return false;
    for (const oct_node *cell = row->first; cell; cell = cell->next) {
        if (c->ncols == MAX_COLS) return false; /* no card has so many sides */
        int k = c->ncols++;
        c->head[k] = cell;
        char role = st_column_role(st_node_text(cell, tmp));
        if (role == 'Q' && c->q < 0) c->q = k;
        if (role == 'A' && c->a < 0) c->a = k;
        if (role == '#' && c->num < 0) c->num = k;
    }
    return c->q >= 0 && c->a >= 0;
}

/* Cell k of row (NULL past its end). */
static oct_node *cell_at(oct_node *row, int k)
{
    oct_node *cell = row->first;
    for (int i = 0; cell && i < k; i++)
        cell = cell->next;
    return cell;
}

/* A paragraph after `before`, opening with text `label`, holding cell's
 * inlines (moved). */
static oct_node *labelled(oct_tree *t, oct_node *before, const char *label, oct_node *cell)
{
    oct_node *p = oct_node_new(t, OCT_PARAGRAPH, cell->span);
    oct_node_insert_before(before, p);
    oct_node_append(p, oct_node_new_text(t, OCT_TEXT, cell->span, label, strlen(label)));
    if (cell->first) st_move_range(cell->first, cell->last, p);
    return p;
}

/* The number in row's number cell, or 0. */
static long row_number(oct_node *row, const columns *c, oct_buf *tmp)
{
    oct_node *cell = c->num >= 0 ? cell_at(row, c->num) : NULL;
    if (!cell) return 0;
    const char *s = st_node_text(cell, tmp);
    char *end;
    long v = strtol(s, &end, 10);
    return end != s && v > 0 && v < 1000000 ? v : 0;
}

static void unfold_row(oct_tree *t, oct_node *table, oct_node *row, const columns *c, oct_buf *tmp)
{
    oct_node *q = cell_at(row, c->q), *a = cell_at(row, c->a);
    if (!q || !q->first) return;
    char label[32];
    long num = row_number(row, c, tmp);
    if (num)
        snprintf(label, sizeof label, "Q%ld: ", num);
    else
        snprintf(label, sizeof label, "Q: ");
    labelled(t, table, label, q);
    oct_node *ap = a && a->first ? labelled(t, table, "A: ", a) : NULL;
    int k = 0;
    for (oct_node *cell = row->first; cell; cell = cell->next, k++) {
        if (k == c->q || k == c->a || k == c->num || !cell->first || k >= c->ncols) continue;
        if (!ap) { /* no answer: the other columns are what the row says */
            ap = oct_node_new(t, OCT_PARAGRAPH, cell->span);
            oct_node_insert_before(table, ap);
            oct_node_append(ap, oct_node_new_text(t, OCT_TEXT, cell->span, "A:", 2));
        }
        oct_node_append(ap, oct_node_new(t, OCT_LINE_BREAK, cell->span));
        st_node_text(c->head[k], tmp);
        if (tmp->len) {
            oct_buf_puts(tmp, ": ");
            oct_node_append(ap, oct_node_new_text(t, OCT_TEXT, cell->span, tmp->data, tmp->len));
        }
        st_move_range(cell->first, cell->last, ap);
    }
}

void st_unfold_qa_tables(oct_tree *t, oct_node *container)
{
    oct_buf tmp = OCT_BUF_INIT;
    columns c;
    for (oct_node *b = container->first; b;) {
        oct_node *next = b->next;
        if (b->kind == OCT_TABLE && read_header(b, &c, &tmp)) {
            for (oct_node *row = b->first->next; row; row = row->next)
                unfold_row(t, b, row, &c, &tmp);
            oct_node_unlink(b);
        }
        b = next;
    }
    oct_buf_free(&tmp);
}
