#include "study/bank.h"
#include "study/study_int.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

static bool is_ws(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

/* The prompt as plain text: inlines of the QUESTION (not its ANSWER),
 * runs of white space as one space. */
void oct_bank_prompt_text(const oct_node *q, oct_buf *tmp, oct_buf *out)
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
    for (size_t i = 0; i < tmp->len;) {
        if (is_ws(tmp->data[i])) {
            space = out->len > 0;
            i++;
            continue;
        }
        if (space) oct_buf_putc(out, ' ');
        space = false;
        size_t e = i + 1; /* the word whole */
        while (e < tmp->len && !is_ws(tmp->data[e]))
            e++;
        oct_buf_put(out, tmp->data + i, e - i);
        i = e;
    }
    if (!out->data) oct_buf_puts(out, "");
}

/* The clusters of the bank: question i (document order) is in cluster
 * cid[i] (1-based); questions the merging pass did not number (a tree
 * studied without it) are each their own. */

/* Distinct sources of each cluster: its questions' files and, in an
 * arranged booklet, the files of their WORDINGs. A stamp per file keeps
 * it linear. */
static void bank_sources(oct_bank *b, size_t nfiles)
{
    size_t *stamp = oct_xcalloc(nfiles + 1, sizeof *stamp);
    for (size_t c = 0; c < b->nclusters; c++) {
        b->nsources[c] = 0;
        for (size_t i = b->first[c]; i != (size_t)-1; i = b->next[i]) {
            const oct_node *q = b->q[i];
            for (const oct_node *w = q; w; w = w == q ? q->first : w->next) {
                if (w != q && w->kind != OCT_WORDING) continue;
                size_t f = w->span.file < nfiles ? w->span.file : nfiles;
                if (stamp[f] != c + 1) b->nsources[c]++;
                stamp[f] = c + 1;
            }
            if (q->u.question.answered) b->answered[c] = true;
        }
    }
    free(stamp);
}

static void bank_answers(oct_bank *b)
{
    b->answered_by = oct_xcalloc(b->nclusters + 1, sizeof *b->answered_by);
    b->nanswering = oct_xcalloc(b->nclusters + 1, sizeof *b->nanswering);
    b->todo = oct_xmalloc((b->nclusters + 1) * sizeof *b->todo);
    b->ntodo = 0;
    for (size_t i = 0; i < b->nq; i++) {
        size_t c = (size_t)b->cid[i] - 1;
        if (!oct_question_has_answer(b->q[i])) continue;
        if (!b->answered_by[c]) b->answered_by[c] = b->q[i];
        b->nanswering[c]++;
    }
    for (size_t i = 0; i < b->nq; i++) {
        size_t c = (size_t)b->cid[i] - 1;
        if (b->answered_by[c]) b->answered[c] = true;
        if (b->first[c] == i && !b->answered[c]) b->todo[b->ntodo++] = c;
    }
}

void oct_bank_init(oct_bank *b, const oct_tree *t)
{
    size_t n;
    oct_node **qs = oct_node_collect(t->root, OCT_QUESTION, &n);
    oct_bank_init_with(b, t, qs, n);
}

void oct_bank_init_with(oct_bank *b, const oct_tree *t, oct_node **qs, size_t n)
{
    b->q = qs;
    b->nq = n;
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
    bank_sources(b, t->nfiles);
    bank_answers(b);
}

const oct_node *oct_bank_first(const oct_bank *b, size_t c)
{
    return c < b->nclusters && b->first[c] != (size_t)-1 ? b->q[b->first[c]] : NULL;
}

const oct_node *oct_bank_answer_for(const oct_bank *b, const oct_node *q)
{
    int k = q->u.question.cluster;
    if (oct_question_has_answer(q) || k <= 0 || (size_t)k > b->nclusters) return NULL;
    const oct_node *to = b->answered_by[k - 1];
    return to != q ? to : NULL;
}

void oct_bank_free(oct_bank *b)
{
    free(b->answered_by);
    free(b->nanswering);
    free(b->todo);
    free(b->q);
    free(b->cid);
    free(b->first);
    free(b->next);
    free(b->nsources);
    free(b->answered);
}

/* Openers of a chat message rather than of a question ("Can someone
 * explain …", "Please help: …"), folded to lower case. */
static const char *const CHATTY[] = {"can someone ",  "can anyone ",    "could someone ",
                                     "could anyone ", "does anyone ",   "please ",
                                     "help ",         "quick question", "hi ",
                                     "hello ",        "hey ",           NULL};

static bool chatty(const char *s)
{
    for (size_t i = 0; CHATTY[i]; i++) {
        size_t k = strlen(CHATTY[i]), j = 0;
        while (j < k && s[j] && (s[j] | 0x20) == CHATTY[i][j])
            j++;
        if (j == k) return true;
    }
    return false;
}

/* How carelessly a wording is typed: opened in lower case ("who wrote
 * Hamlet?"), a blank before its question mark ("… Hamlet ?"; French sets
 * one by rule, but then in every wording alike), words in capitals
 * ("HAMLET"; an acronym too is in every wording alike). */
static long sloppiness(const char *s, size_t n)
{
    long r = 0;
    if (n && s[0] >= 'a' && s[0] <= 'z') r += 200;
    if (n >= 2 && s[n - 1] == '?' && s[n - 2] == ' ') r += 200;
    for (size_t i = 0; i < n;) {
        size_t e = i, caps = 0;
        while (e < n && ((s[e] | 0x20) >= 'a' && (s[e] | 0x20) <= 'z'))
            caps += s[e++] <= 'Z';
        if (e - i >= 4 && caps == e - i) r += 40;
        i = e + (e == i);
    }
    return r;
}

/* How clearly a wording asks: a full question ("…?") over a label
 * ("Project vs App:"), one that opens like a question and not like a chat
 * message, one typed with care, then the fuller one up to a long line's
 * length. */
static long prompt_rank(const char *s, size_t n)
{
    long r = 0;
    if (st_ends_question(s, n)) r += 4000;
    if (n && s[n - 1] == ':') r -= 2000;
    if (st_text_asks(s, n)) r += 1000;
    if (chatty(s)) r -= 1500;
    r -= sloppiness(s, n);
    r += n <= 140 ? (long)n : 140 - (long)(n - 140) / 4;
    return r;
}

size_t oct_bank_pick(const oct_bank *b, size_t c)
{
    oct_buf tmp = OCT_BUF_INIT, text = OCT_BUF_INIT;
    long best = 0;
    size_t pick = b->first[c];
    for (size_t i = b->first[c]; i != (size_t)-1; i = b->next[i]) {
        oct_bank_prompt_text(b->q[i], &tmp, &text);
        long r = prompt_rank(text.data, text.len);
        if (i == b->first[c] || r > best) best = r, pick = i;
    }
    oct_buf_free(&tmp);
    oct_buf_free(&text);
    return pick;
}

typedef struct {
    size_t sources, cluster;
} asked_key;

/* most sources first, then document order of the cluster's first member
 * (clusters are numbered in that order) */
static int cmp_asked(const void *x, const void *y)
{
    const asked_key *a = x, *b = y;
    if (a->sources != b->sources) return a->sources > b->sources ? -1 : 1;
    return (a->cluster > b->cluster) - (a->cluster < b->cluster);
}

size_t oct_bank_most_asked(const oct_bank *b, size_t max, oct_asked **out)
{
    *out = NULL;
    asked_key *order = oct_xmalloc((b->nclusters + 1) * sizeof *order);
    size_t n = 0;
    for (size_t c = 0; c < b->nclusters; c++)
        if (b->first[c] != (size_t)-1 && b->nsources[c] >= 2)
            order[n++] = (asked_key){b->nsources[c], c};
    qsort(order, n, sizeof *order, cmp_asked);
    if (n > max) n = max;
    oct_asked *a = n ? oct_xcalloc(n, sizeof *a) : NULL;
    oct_buf tmp = OCT_BUF_INIT, text = OCT_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        a[i].q = b->q[oct_bank_pick(b, order[i].cluster)];
        a[i].asked_in = order[i].sources;
        oct_bank_prompt_text(a[i].q, &tmp, &text);
        /* an arranged booklet numbers its questions 1.. throughout: the
         * number finds it in print as the page does */
        const oct_node *ch = a[i].q->parent;
        const char *lab = a[i].q->u.question.label;
        oct_buf_clear(&tmp);
        if (ch && ch->kind == OCT_CHAPTER && ch->u.chapter.arranged && lab)
            oct_buf_printf(&tmp, "%s%s ", lab, oct_question_label_dot(lab));
        a[i].label_len = tmp.len;
        oct_buf_puts(&tmp, text.data ? text.data : "");
        a[i].prompt = oct_xstrdup(tmp.data);
    }
    oct_buf_free(&tmp);
    oct_buf_free(&text);
    free(order);
    *out = a;
    return n;
}

void oct_asked_free(oct_asked *a, size_t n)
{
    for (size_t i = 0; a && i < n; i++)
        free(a[i].prompt);
    free(a);
}
