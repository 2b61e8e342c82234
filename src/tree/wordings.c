#include "tree/wordings.h"
#include "tree/phrases.h"

#include <string.h>

static void put_label(const oct_node *w, oct_buf *out)
{
    char nb[40];
    if (*oct_question_name(w, nb, sizeof nb)) oct_buf_printf(out, "#%s", nb);
}

static bool has_label(const oct_node *w)
{
    return w->u.question.label || w->u.question.number > 0;
}

void oct_wording_cite(const oct_tree *t, const oct_node *w, oct_buf *out)
{
    oct_buf_puts(out, oct_tree_source_title(t, w->span.file));
    if (has_label(w)) oct_buf_putc(out, ' ');
    put_label(w, out);
}

/* Sources named in an "Asked in" line; the rest are counted. */
#define MAX_CITED 12

/* Wordings grouped by source in order of first appearance: a source
 * that asks twice is named once, its numbers listed; after MAX_CITED
 * sources, "and N more". Linear in the wordings. */
static void put_sources(const oct_tree *t, const oct_node *q, const char *sep, oct_buf *out)
{
    const oct_node *first[MAX_CITED];
    size_t nf = 0;
    for (const oct_node *w = q->first; w && nf < MAX_CITED; w = w->next) {
        if (w->kind != OCT_WORDING) continue;
        bool seen = false;
        for (size_t i = 0; i < nf && !seen; i++)
            seen = first[i]->span.file == w->span.file;
        if (!seen) first[nf++] = w;
    }
    for (size_t i = 0; i < nf; i++) {
        if (i) oct_buf_puts(out, sep);
        oct_wording_cite(t, first[i], out);
        for (const oct_node *v = first[i]->next; v; v = v->next)
            if (v->kind == OCT_WORDING && v->span.file == first[i]->span.file && has_label(v)) {
                oct_buf_puts(out, ", ");
                put_label(v, out);
            }
    }
    if (q->u.question.asked_in > (int)nf)
        oct_buf_printf(out, oct_phrase(t->meta.lang, OCT_PH_AND_MORE),
                       q->u.question.asked_in - (int)nf);
}

void oct_question_asked_line(const oct_tree *t, const oct_node *q, oct_buf *out)
{
    int n = q->u.question.asked_in;
    const oct_node *w = q->first;
    while (w && w->kind != OCT_WORDING)
        w = w->next;
    if (!w || n < 2) return;
    oct_buf_printf(out, oct_phrase(t->meta.lang, OCT_PH_ASKED_IN_SOURCES), n);
    put_sources(t, q, " \xC2\xB7 ", out);
}

bool oct_question_cites_answers(const oct_node *q)
{
    int answers = 0;
    for (const oct_node *a = q->first; a; a = a->next)
        answers += a->kind == OCT_ANSWER && a->first;
    return answers > 1 || q->u.question.asked_in > 1;
}

void oct_answer_source_line(const oct_tree *t, const oct_node *a, oct_buf *out)
{
    if (!a->u.answer.from) return;
    oct_buf_puts(out, oct_phrase(t->meta.lang, OCT_PH_ANSWER_FROM));
    oct_wording_cite(t, a->u.answer.from, out);
    bool any = false;
    for (const oct_node *d = a->next; d; d = d->next)
        if (d->kind == OCT_ANSWER && d->u.answer.same_as == a && d->u.answer.from) {
            oct_buf_puts(out, any ? ", " : oct_phrase(t->meta.lang, OCT_PH_SAME_IN));
            oct_wording_cite(t, d->u.answer.from, out);
            any = true;
        }
    if (any) oct_buf_putc(out, ')');
}

const oct_node *oct_question_other_wording(const oct_node *q, const oct_node *after)
{
    for (const oct_node *w = after ? after->next : q->first; w; w = w->next)
        if (w->kind == OCT_WORDING && w->first) return w;
    return NULL;
}

void oct_wording_also_asked(const oct_tree *t, const oct_node *w, oct_buf *lead, oct_buf *tail)
{
    oct_buf_clear(lead);
    oct_buf_clear(tail);
    const char *open, *close;
    oct_quote_marks(t->meta.lang, &open, &close);
    oct_buf_puts(lead, oct_phrase(t->meta.lang, OCT_PH_ALSO_ASKED));
    oct_buf_puts(lead, open);
    oct_buf_puts(tail, close);
    oct_buf_puts(tail, " \xE2\x80\x94 "); /* em dash */
    oct_wording_cite(t, w, tail);
}
