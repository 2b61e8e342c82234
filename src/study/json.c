#include "study/study.h"
#include "study/bank.h"
#include "study/study_int.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* The question bank as JSON, for `octavo inspect --json` and for tools.
 * One object per line inside each array, so diffs of two runs read well. */

static void write_sources(const oct_tree *t, const size_t *asked, const size_t *answered,
                          oct_buf *out)
{
    oct_buf_puts(out, "{\"sources\":[");
    for (size_t f = 0; f < t->nfiles; f++) {
        oct_buf_puts(out, f ? ",\n  {\"path\":" : "\n  {\"path\":");
        oct_buf_put_json(out, t->files[f]);
        oct_buf_printf(out, ",\"questions\":%zu,\"answered\":%zu}", asked[f], answered[f]);
    }
    oct_buf_puts(out, t->nfiles ? "\n ],\n" : "],\n");
}

static void write_questions(const oct_tree *t, const oct_bank *b, oct_buf *out)
{
    oct_buf tmp = OCT_BUF_INIT, prompt = OCT_BUF_INIT;
    bool first = true;
    oct_buf_puts(out, " \"questions\":[");
    for (size_t i = 0; i < b->nq; i++) {
        const oct_node *q = b->q[i];
        oct_buf_puts(out, first ? "\n  {\"id\":" : ",\n  {\"id\":");
        first = false;
        oct_buf_put_json(out, q->id);
        oct_buf_puts(out, ",\"source\":");
        oct_buf_put_json(out, q->span.file < t->nfiles ? t->files[q->span.file] : NULL);
        oct_buf_printf(out, ",\"line\":%d,\"number\":%d,\"label\":", q->span.line,
                       q->u.question.number);
        oct_buf_put_json(out, q->u.question.label);
        oct_buf_puts(out, ",\"prompt\":");
        oct_bank_prompt_text(q, &tmp, &prompt);
        oct_buf_put_json(out, prompt.data);
        oct_buf_printf(out, ",\"answered\":%s,\"cluster\":%d,\"asked_in\":%zu",
                       q->u.question.answered ? "true" : "false", b->cid[i],
                       b->nsources[b->cid[i] - 1]);
        oct_buf_puts(out, ",\"topic\":");
        oct_buf_put_json(out, q->u.question.topic);
        oct_buf_puts(out, ",\"answer\":");
        oct_buf_clear(&tmp);
        oct_node_block_text_to(q, &tmp);
        oct_buf_put_json(out, q->u.question.answered && tmp.len ? tmp.data : NULL);
        /* an exam part's marks: only there when the paper gives them */
        if (q->u.question.marks > 0) oct_buf_printf(out, ",\"marks\":%d", q->u.question.marks);
        oct_buf_putc(out, '}');
    }
    oct_buf_puts(out, first ? "],\n" : "\n ],\n");
    oct_buf_free(&tmp);
    oct_buf_free(&prompt);
}

static void write_cluster(const oct_tree *t, const oct_bank *b, size_t c, oct_buf *tmp,
                          oct_buf *out)
{
    oct_buf text = OCT_BUF_INIT;
    size_t pick = oct_bank_pick(b, c);
    oct_buf_printf(out, "%s\n  {\"id\":%zu,\"prompt\":", c ? "," : "", c + 1);
    oct_bank_prompt_text(b->q[pick], tmp, &text);
    oct_buf_put_json(out, text.data);
    oct_buf_puts(out, ",\"members\":[");
    for (size_t i = b->first[c]; i != (size_t)-1; i = b->next[i]) {
        if (i != b->first[c]) oct_buf_putc(out, ',');
        oct_buf_put_json(out, b->q[i]->id);
    }
    oct_buf_puts(out, "],\"sources\":[");
    bool any = false;
    for (size_t i = b->first[c]; i != (size_t)-1; i = b->next[i]) {
        bool seen = false;
        for (size_t j = b->first[c]; j != i && !seen; j = b->next[j])
            seen = b->q[j]->span.file == b->q[i]->span.file;
        if (seen) continue;
        if (any) oct_buf_putc(out, ',');
        any = true;
        unsigned f = b->q[i]->span.file;
        oct_buf_put_json(out, f < t->nfiles ? t->files[f] : NULL);
    }
    oct_buf_printf(out, "],\"answered\":%s,\"answers\":[", b->answered[c] ? "true" : "false");
    /* every member's answer: where it is, so a reader of the bank finds
     * each one (the booklet prints them all under the chosen wording) */
    any = false;
    for (size_t i = b->first[c]; i != (size_t)-1; i = b->next[i]) {
        const oct_node *q = b->q[i], *a = q->last;
        if (!a || a->kind != OCT_ANSWER || !a->first) continue;
        oct_buf_puts(out, any ? ",{\"question\":" : "{\"question\":");
        any = true;
        oct_buf_put_json(out, q->id);
        oct_buf_puts(out, ",\"source\":");
        oct_buf_put_json(out, a->span.file < t->nfiles ? t->files[a->span.file] : NULL);
        oct_buf_printf(out, ",\"line\":%d}", a->span.line);
    }
    oct_buf_puts(out, "]}");
    oct_buf_free(&text);
}

static void write_clusters(const oct_tree *t, const oct_bank *b, oct_buf *out)
{
    oct_buf tmp = OCT_BUF_INIT;
    size_t unanswered = 0;
    oct_buf_puts(out, " \"clusters\":[");
    for (size_t c = 0; c < b->nclusters; c++) {
        write_cluster(t, b, c, &tmp, out);
        if (!b->answered[c]) unanswered++;
    }
    oct_buf_printf(out, "%s \"unanswered_clusters\":%zu,\n", b->nclusters ? "\n ],\n" : "],\n",
                   unanswered);
    oct_buf_free(&tmp);
}

/* The taxonomy in print order (order, then list position), each with its
 * number of questions; "Other" last. Empty without a taxonomy. */
static void write_topics(const oct_tree *t, oct_buf *out)
{
    const oct_meta *m = &t->meta;
    size_t n = m->ntopics;
    size_t *count = oct_xcalloc(n + 1, sizeof *count), *rank = oct_xcalloc(n + 1, sizeof *rank);
    oct_iter it;
    oct_iter_init(&it, t->root);
    oct_event ev;
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE) {
        const oct_node *q = it.cur;
        if (ev != OCT_EV_ENTER || q->kind != OCT_QUESTION || !q->u.question.topic) continue;
        size_t i = 0;
        while (i < n && strcmp(m->topics[i].name, q->u.question.topic) != 0)
            i++;
        count[i]++; /* i == n: Other */
    }
    for (size_t i = 0; i < n; i++)
        rank[i] = i;
    for (size_t i = 1; i < n; i++) /* stable insertion sort by order */
        for (size_t j = i; j > 0 && m->topics[rank[j - 1]].order > m->topics[rank[j]].order; j--) {
            size_t k = rank[j];
            rank[j] = rank[j - 1], rank[j - 1] = k;
        }
    oct_buf_puts(out, " \"group_by\":");
    oct_buf_put_json(out, m->group_by ? m->group_by : "source");
    oct_buf_puts(out, ",\n \"topics\":[");
    for (size_t i = 0; n && i <= n; i++) {
        const char *name = i < n ? m->topics[rank[i]].name : "Other";
        oct_buf_puts(out, i ? ",\n  {\"name\":" : "\n  {\"name\":");
        oct_buf_put_json(out, name);
        if (i < n)
            oct_buf_printf(out, ",\"order\":%d", m->topics[rank[i]].order);
        else
            oct_buf_puts(out, ",\"order\":null");
        oct_buf_printf(out, ",\"questions\":%zu}", count[i < n ? rank[i] : n]);
    }
    oct_buf_puts(out, n ? "\n ],\n" : "],\n");
    free(count);
    free(rank);
}

static void write_diagnostics(const oct_diag *diag, oct_buf *out)
{
    size_t n = diag ? oct_diag_size(diag) : 0;
    oct_buf_puts(out, " \"diagnostics\":[");
    for (size_t i = 0; i < n; i++) {
        const oct_diag_msg *m = oct_diag_at(diag, i);
        oct_buf_puts(out, i ? ",\n  {\"file\":" : "\n  {\"file\":");
        oct_buf_put_json(out, m->file);
        oct_buf_printf(out, ",\"line\":%d,\"col\":%d,\"severity\":", m->line, m->col);
        oct_buf_put_json(out, oct_severity_name(m->severity));
        oct_buf_puts(out, ",\"code\":");
        oct_buf_put_json(out, m->code);
        oct_buf_puts(out, ",\"message\":");
        oct_buf_put_json(out, m->message);
        oct_buf_putc(out, '}');
    }
    oct_buf_puts(out, n ? "\n ]}\n" : "]}\n");
}

void oct_study_write_json(const oct_tree *t, const oct_diag *diag, oct_buf *out)
{
    size_t *asked = oct_xcalloc(t->nfiles + 1, sizeof *asked);
    size_t *answered = oct_xcalloc(t->nfiles + 1, sizeof *answered);
    oct_iter it;
    oct_iter_init(&it, t->root);
    oct_event ev;
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE) {
        const oct_node *q = it.cur;
        if (ev != OCT_EV_ENTER || q->kind != OCT_QUESTION || q->span.file >= t->nfiles) continue;
        asked[q->span.file]++;
        if (q->u.question.answered) answered[q->span.file]++;
    }
    oct_bank b;
    oct_bank_init(&b, t);
    write_sources(t, asked, answered, out);
    write_questions(t, &b, out);
    write_clusters(t, &b, out);
    oct_bank_free(&b);
    write_topics(t, out);
    write_diagnostics(diag, out);
    free(asked);
    free(answered);
}
