#include "study/study.h"
#include "study/study_int.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* The question bank as JSON, for `octavo inspect --json` and for tools.
 * One object per line inside each array, so diffs of two runs read well. */

static void put_string(oct_buf *out, const char *s)
{
    if (!s) {
        oct_buf_puts(out, "null");
        return;
    }
    oct_buf_putc(out, '"');
    size_t n = strlen(s), i = 0, len;
    while (i < n) {
        unsigned char ch = (unsigned char)s[i];
        if (ch < 0x80) {
            if (ch == '"' || ch == '\\')
                oct_buf_printf(out, "\\%c", ch);
            else if (ch == '\n')
                oct_buf_puts(out, "\\n");
            else if (ch == '\t')
                oct_buf_puts(out, "\\t");
            else if (ch == '\r')
                oct_buf_puts(out, "\\r");
            else if (ch < 0x20 || ch == 0x7f)
                oct_buf_printf(out, "\\u%04x", ch);
            else
                oct_buf_putc(out, (char)ch);
            i++;
            continue;
        }
        unsigned cp = oct_utf8_decode(s + i, n - i, &len);
        /* invalid bytes decode to U+FFFD with length 1: write the
         * character, never the byte, so the output stays UTF-8 */
        if (cp == 0x2028 || cp == 0x2029)
            oct_buf_printf(out, "\\u%04x", cp);
        else if (cp == OCT_REPLACEMENT_CHAR)
            oct_buf_put_utf8(out, cp);
        else
            oct_buf_put(out, s + i, len);
        i += len;
    }
    oct_buf_putc(out, '"');
}

/* The prompt as plain text: inlines of the QUESTION (not its ANSWER),
 * runs of white space as one space. */
static void prompt_text(const oct_node *q, oct_buf *tmp, oct_buf *out)
{
    oct_buf_clear(tmp);
    for (const oct_node *c = q->first; c; c = c->next) {
        if (!oct_kind_is_inline(c->kind)) continue;
        oct_iter it;
        oct_iter_init(&it, c);
        oct_event ev;
        while ((ev = oct_iter_next(&it)) != OCT_EV_NONE) {
            if (ev != OCT_EV_ENTER) continue;
            const oct_node *k = it.cur;
            if (k->kind == OCT_TEXT || k->kind == OCT_CODE)
                oct_buf_puts(tmp, k->text);
            else if (k->kind == OCT_SOFT_BREAK || k->kind == OCT_LINE_BREAK)
                oct_buf_putc(tmp, ' ');
            else if (k->kind == OCT_FOOTNOTE_REF)
                oct_iter_skip_children(&it);
        }
    }
    oct_buf_clear(out);
    bool space = false;
    for (size_t i = 0; i < tmp->len; i++) {
        char ch = tmp->data[i];
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
            space = out->len > 0;
            continue;
        }
        if (space) oct_buf_putc(out, ' ');
        space = false;
        oct_buf_putc(out, ch);
    }
    if (!out->data) oct_buf_puts(out, "");
}

static void write_sources(const oct_tree *t, const size_t *asked, const size_t *answered,
                          oct_buf *out)
{
    oct_buf_puts(out, "{\"sources\":[");
    for (size_t f = 0; f < t->nfiles; f++) {
        oct_buf_puts(out, f ? ",\n  {\"path\":" : "\n  {\"path\":");
        put_string(out, t->files[f]);
        oct_buf_printf(out, ",\"questions\":%zu,\"answered\":%zu}", asked[f], answered[f]);
    }
    oct_buf_puts(out, t->nfiles ? "\n ],\n" : "],\n");
}

/* The clusters of the bank: question i (document order) is in cluster
 * cid[i] (1-based); questions the merging pass did not number (a tree
 * studied without it) are each their own. */
typedef struct {
    oct_node **q;
    size_t nq;
    int *cid;
    size_t nclusters;
    size_t *first, *next; /* members: first[c-1], then next[i]; -1 ends */
    size_t *nsources;     /* distinct sources per cluster */
    bool *answered;
} bank;

static void bank_sources(bank *b)
{
    for (size_t c = 0; c < b->nclusters; c++) {
        b->nsources[c] = 0;
        for (size_t i = b->first[c]; i != (size_t)-1; i = b->next[i]) {
            bool seen = false;
            for (size_t j = b->first[c]; j != i && !seen; j = b->next[j])
                seen = b->q[j]->span.file == b->q[i]->span.file;
            if (!seen) b->nsources[c]++;
            if (b->q[i]->u.question.answered) b->answered[c] = true;
        }
    }
}

static void bank_init(bank *b, const oct_tree *t)
{
    b->q = oct_node_collect(t->root, OCT_QUESTION, &b->nq);
    b->cid = oct_xcalloc(b->nq + 1, sizeof *b->cid);
    bool numbered = true;
    for (size_t i = 0; i < b->nq; i++) {
        int c = b->q[i]->u.question.cluster;
        if (c < 1 || (size_t)c > b->nq) numbered = false;
        b->cid[i] = c;
    }
    b->nclusters = 0;
    for (size_t i = 0; i < b->nq; i++) {
        if (!numbered) b->cid[i] = (int)i + 1;
        if ((size_t)b->cid[i] > b->nclusters) b->nclusters = (size_t)b->cid[i];
    }
    b->first = oct_xmalloc((b->nclusters + 1) * sizeof *b->first);
    b->next = oct_xmalloc((b->nq + 1) * sizeof *b->next);
    b->nsources = oct_xcalloc(b->nclusters + 1, sizeof *b->nsources);
    b->answered = oct_xcalloc(b->nclusters + 1, sizeof *b->answered);
    size_t *last = oct_xmalloc((b->nclusters + 1) * sizeof *last);
    for (size_t c = 0; c < b->nclusters; c++)
        b->first[c] = last[c] = (size_t)-1;
    for (size_t i = 0; i < b->nq; i++) {
        size_t c = (size_t)b->cid[i] - 1;
        b->next[i] = (size_t)-1;
        if (last[c] == (size_t)-1)
            b->first[c] = i;
        else
            b->next[last[c]] = i;
        last[c] = i;
    }
    free(last);
    bank_sources(b);
}

static void bank_free(bank *b)
{
    free(b->q);
    free(b->cid);
    free(b->first);
    free(b->next);
    free(b->nsources);
    free(b->answered);
}

static void write_questions(const oct_tree *t, const bank *b, oct_buf *out)
{
    oct_buf tmp = OCT_BUF_INIT, prompt = OCT_BUF_INIT;
    bool first = true;
    oct_buf_puts(out, " \"questions\":[");
    for (size_t i = 0; i < b->nq; i++) {
        const oct_node *q = b->q[i];
        oct_buf_puts(out, first ? "\n  {\"id\":" : ",\n  {\"id\":");
        first = false;
        put_string(out, q->id);
        oct_buf_puts(out, ",\"source\":");
        put_string(out, q->span.file < t->nfiles ? t->files[q->span.file] : NULL);
        oct_buf_printf(out, ",\"line\":%d,\"number\":%d,\"label\":", q->span.line,
                       q->u.question.number);
        put_string(out, q->u.question.label);
        oct_buf_puts(out, ",\"prompt\":");
        prompt_text(q, &tmp, &prompt);
        put_string(out, prompt.data);
        oct_buf_printf(out, ",\"answered\":%s,\"cluster\":%d,\"asked_in\":%zu",
                       q->u.question.answered ? "true" : "false", b->cid[i],
                       b->nsources[b->cid[i] - 1]);
        oct_buf_puts(out, ",\"topic\":");
        put_string(out, q->u.question.topic);
        oct_buf_putc(out, '}');
    }
    oct_buf_puts(out, first ? "],\n" : "\n ],\n");
    oct_buf_free(&tmp);
    oct_buf_free(&prompt);
}

/* How clearly a wording asks: a full question ("…?") over a label
 * ("Project vs App:"), one that opens like a question, then the longest
 * that still reads as one line. */
static long prompt_rank(const char *s, size_t n)
{
    long r = 0;
    if (st_ends_question(s, n)) r += 4000;
    if (n && s[n - 1] == ':') r -= 2000;
    if (st_text_asks(s, n)) r += 1000;
    r += n <= 140 ? (long)n : 140 - (long)(n - 140) / 4;
    return r;
}

static void write_cluster(const oct_tree *t, const bank *b, size_t c, oct_buf *tmp, oct_buf *out)
{
    oct_buf text = OCT_BUF_INIT;
    long best = 0;
    size_t pick = b->first[c];
    for (size_t i = b->first[c]; i != (size_t)-1; i = b->next[i]) {
        prompt_text(b->q[i], tmp, &text);
        long r = prompt_rank(text.data, text.len);
        if (i == b->first[c] || r > best) best = r, pick = i;
    }
    oct_buf_printf(out, "%s\n  {\"id\":%zu,\"prompt\":", c ? "," : "", c + 1);
    prompt_text(b->q[pick], tmp, &text);
    put_string(out, text.data);
    oct_buf_puts(out, ",\"members\":[");
    for (size_t i = b->first[c]; i != (size_t)-1; i = b->next[i]) {
        if (i != b->first[c]) oct_buf_putc(out, ',');
        put_string(out, b->q[i]->id);
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
        put_string(out, f < t->nfiles ? t->files[f] : NULL);
    }
    oct_buf_printf(out, "],\"answered\":%s}", b->answered[c] ? "true" : "false");
    oct_buf_free(&text);
}

static void write_clusters(const oct_tree *t, const bank *b, oct_buf *out)
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
    put_string(out, m->group_by ? m->group_by : "source");
    oct_buf_puts(out, ",\n \"topics\":[");
    for (size_t i = 0; n && i <= n; i++) {
        const char *name = i < n ? m->topics[rank[i]].name : "Other";
        oct_buf_puts(out, i ? ",\n  {\"name\":" : "\n  {\"name\":");
        put_string(out, name);
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
        put_string(out, m->file);
        oct_buf_printf(out, ",\"line\":%d,\"col\":%d,\"severity\":", m->line, m->col);
        put_string(out, oct_severity_name(m->severity));
        oct_buf_puts(out, ",\"code\":");
        put_string(out, m->code);
        oct_buf_puts(out, ",\"message\":");
        put_string(out, m->message);
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
    bank b;
    bank_init(&b, t);
    write_sources(t, asked, answered, out);
    write_questions(t, &b, out);
    write_clusters(t, &b, out);
    bank_free(&b);
    write_topics(t, out);
    write_diagnostics(diag, out);
    free(asked);
    free(answered);
}
