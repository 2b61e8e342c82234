#include "study/cluster_int.h"
#include "study/study_int.h"
#include "study/study.h"
#include "util/xalloc.h"

#include <math.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Merging questions that ask the same thing (README "Merging questions").
 *
 * Each question is a set of tokens (cluster_tokens.c) and an intent
 * (cluster_intent.c). Candidates come from an inverted index over the
 * rarer content tokens, so no pair of questions is compared blindly; a
 * candidate pair scores its IDF-weighted Jaccard overlap. Pairs merge best
 * first, and two groups join only when every pair across them still
 * scores (complete linkage): "A ~ B ~ C" never joins A and C that do not
 * match. Precision comes first: a wrong merge hides a question, a missed
 * one only repeats it. */

/* Weighted Jaccard needed to merge, and for every pair across two groups. */
#define CL_MERGE 0.55
#define CL_LINK 0.45
/* A token in more than this share of the questions is no candidate key. */
#define CL_KEY_SHARE 0.05
/* Most postings scanned for one question (bounds the work at scale). */
#define CL_SCAN_LIMIT 2000
/* Most members of each group compared when two groups join. */
#define CL_LINK_MEMBERS 16
/* A content word one side lacks blocks the merge when it weighs this share
 * of the heaviest word both share ("custom middleware" vs "middleware"). */
#define CL_GUARD 0.5

typedef struct {
    oct_node *node;
    size_t tok, ntok; /* tokens: pool[tok .. tok + ntok) */
    ci_intent intent;
    bool neg; /* negated (cluster_negation.c): never merges with one that is not */
    /* names a topic of its own (a content or subject word): "What is it
     * used for?" and "Give an example." have only framing words, and
     * what they ask depends on the heading above them */
    bool topical;
} cl_q;

/* 16 bytes, not 24: there are hundreds of thousands to sort at scale. */
typedef struct {
    double score;
    uint32_t a, b;
} cl_edge;

/* What the candidate scan reads of every candidate, in one cache line
 * rather than four arrays (it visits millions at 100x the notes). */
typedef struct {
    double total;   /* the weight of its tokens */
    double heavy_w; /* the weight of its heaviest content token (0: none) */
    unsigned heavy; /* that token, or UINT_MAX */
    unsigned char intent, neg;
} cl_key;

typedef struct {
    cl_q *q;
    size_t n;
    unsigned *pool;
    size_t npool, cappool;
    double *w;      /* weight per token */
    unsigned *df;   /* questions per token */
    bool *content;  /* per token: a content word (not framing, not subject) */
    cl_key *key;    /* per question: what the candidate scan reads */
    size_t ntokens; /* vocabulary size */
    size_t *parent, *next, *tail;
    const char *lang; /* the booklet's language */
} cl_ctx;

/* Reads question node into q: its tokens appended to the pool. */
static void read_one(ct_lexicon *lx, const char *lang, oct_node *node, oct_buf *text,
                     unsigned **pool, size_t *npool, size_t *cappool, cl_q *q)
{
    unsigned tok[CT_MAX_TOKENS];
    oct_buf_clear(text);
    oct_node_plain_text_to(node, text);
    const char *s = text->data ? text->data : "";
    size_t len = ct_without_marks(s, text->len);
    q->node = node;
    q->ntok = ct_tokens(lx, s, len, tok);
    q->intent = ci_intent_of(s, len);
    q->neg = ct_negated(lang, s, len);
    q->tok = *npool;
    OCT_GROW(*pool, *cappool, *npool + q->ntok + 1);
    memcpy(*pool + *npool, tok, q->ntok * sizeof *tok);
    *npool += q->ntok;
}

static void read_questions(cl_ctx *c, ct_lexicon *lx)
{
    oct_buf text = OCT_BUF_INIT;
    for (size_t i = 0; i < c->n; i++)
        read_one(lx, c->lang, c->q[i].node, &text, &c->pool, &c->npool, &c->cappool, &c->q[i]);
    oct_buf_free(&text);
}

/* Questions read ahead, chapter by chapter, while the study pass goes on
 * (study.c): the reading is most of the merging's work. */
struct ct_reader {
    ct_lexicon *lx;
    const char *lang;
    cl_q *q;
    size_t n, cap;
    unsigned *pool;
    size_t npool, cappool;
    oct_buf text;
};

ct_reader *ct_reader_new(const oct_tree *t)
{
    ct_reader *r = oct_xcalloc(1, sizeof *r);
    r->lx = ct_lexicon_new(t);
    r->lang = t->meta.lang;
    r->text = (oct_buf)OCT_BUF_INIT;
    return r;
}

void ct_reader_add(ct_reader *r, oct_node *const *qs, size_t n)
{
    OCT_GROW(r->q, r->cap, r->n + n + 1);
    for (size_t i = 0; i < n; i++) {
        r->q[r->n] = (cl_q){0};
        read_one(r->lx, r->lang, qs[i], &r->text, &r->pool, &r->npool, &r->cappool, &r->q[r->n]);
        r->n++;
    }
}

void ct_reader_free(ct_reader *r)
{
    if (!r) return;
    ct_lexicon_free(r->lx);
    free(r->q);
    free(r->pool);
    oct_buf_free(&r->text);
    free(r);
}

/* Takes what r read when it read exactly the questions c merges (none
 * was printed as a paragraph since: the limit), and its lexicon. */
static ct_lexicon *take_read(cl_ctx *c, ct_reader *r)
{
    if (!r || r->n != c->n) return NULL;
    for (size_t i = 0; i < c->n; i++)
        if (r->q[i].node != c->q[i].node) return NULL;
    memcpy(c->q, r->q, c->n * sizeof *c->q);
    c->pool = r->pool, c->npool = r->npool, c->cappool = r->cappool;
    r->pool = NULL, r->npool = r->cappool = 0;
    ct_lexicon *lx = r->lx;
    r->lx = NULL;
    return lx;
}

/* IDF weights, framing and subject words scaled down. */
static void weigh(cl_ctx *c, const ct_lexicon *lx)
{
    c->ntokens = ct_token_count(lx);
    c->df = oct_xcalloc(c->ntokens + 1, sizeof *c->df);
    c->w = oct_xcalloc(c->ntokens + 1, sizeof *c->w);
    c->content = oct_xcalloc(c->ntokens + 1, sizeof *c->content);
    c->key = oct_xcalloc(c->n + 1, sizeof *c->key);
    for (size_t i = 0; i < c->npool; i++)
        c->df[c->pool[i]]++;
    for (size_t t = 0; t < c->ntokens; t++) {
        double idf = log(((double)c->n + 1.0) / ((double)c->df[t] + 0.5));
        if (idf < 0.05) idf = 0.05;
        int k = ct_token_kind(lx, (unsigned)t);
        c->w[t] = idf * (k == CT_FRAME ? 0.12 : k == CT_SUBJECT ? 0.2 : 1.0);
        c->content[t] = k == CT_CONTENT;
    }
    for (size_t i = 0; i < c->n; i++) {
        c->key[i].intent = (unsigned char)c->q[i].intent;
        c->key[i].neg = c->q[i].neg;
        c->key[i].heavy = UINT_MAX;
        for (size_t k = 0; k < c->q[i].ntok; k++) {
            unsigned t = c->pool[c->q[i].tok + k];
            c->q[i].topical |= ct_token_kind(lx, t) != CT_FRAME;
            c->key[i].total += c->w[t];
            if (c->content[t] && c->w[t] > c->key[i].heavy_w)
                c->key[i].heavy = t, c->key[i].heavy_w = c->w[t];
        }
    }
}

/* A table look-up, not a call per token: pair_score runs millions of times
 * at 100x the notes. */
static inline bool is_content(const cl_ctx *c, unsigned t, const ct_lexicon *lx)
{
    (void)lx;
    return c->content[t];
}

/* Score of questions a and b: 1 for the same words; else weighted Jaccard,
 * 0 when their intents differ, one is negated and the other not ("Is zero
 * even?", "Is zero not even?": the same words, opposite answers), they
 * share no content word, or a rare content word is only on one side. */
static double pair_score(const cl_ctx *c, const ct_lexicon *lx, size_t a, size_t b)
{
    const cl_q *x = &c->q[a], *y = &c->q[b];
    if (x->intent != y->intent || x->neg != y->neg || !x->topical || !y->topical) return 0;
    const unsigned *p = c->pool + x->tok, *r = c->pool + y->tok;
    size_t i = 0, j = 0;
    double shared = 0, only = 0, max_shared = 0, max_only = 0;
    while (i < x->ntok || j < y->ntok) {
        unsigned t;
        bool both = false;
        if (j >= y->ntok || (i < x->ntok && p[i] < r[j]))
            t = p[i++];
        else if (i >= x->ntok || r[j] < p[i])
            t = r[j++];
        else {
            t = p[i++];
            j++;
            both = true;
        }
        double w = c->w[t];
        bool content = is_content(c, t, lx);
        if (both) {
            shared += w;
            if (content && w > max_shared) max_shared = w;
        } else {
            only += w;
            if (content && w > max_only) max_only = w;
        }
    }
    /* the same words (framing and subject words only, as in "What is
     * Django, and why is it used?") ask the same thing */
    if (only == 0 && shared > 0) return 1.0;
    if (max_shared <= 0 || max_only >= CL_GUARD * max_shared) return 0;
    return shared / (shared + only);
}

static size_t find(cl_ctx *c, size_t i)
{
    while (c->parent[i] != i) {
        c->parent[i] = c->parent[c->parent[i]];
        i = c->parent[i];
    }
    return i;
}

/* Complete linkage over (at most CL_LINK_MEMBERS of) each group. */
static bool groups_match(cl_ctx *c, const ct_lexicon *lx, size_t ra, size_t rb)
{
    size_t na = 0;
    for (size_t x = ra; x != (size_t)-1 && na < CL_LINK_MEMBERS; x = c->next[x], na++) {
        size_t nb = 0;
        for (size_t y = rb; y != (size_t)-1 && nb < CL_LINK_MEMBERS; y = c->next[y], nb++)
            if (pair_score(c, lx, x, y) < CL_LINK) return false;
    }
    return true;
}

static void join(cl_ctx *c, size_t ra, size_t rb)
{
    if (rb < ra) {
        size_t s = ra;
        ra = rb;
        rb = s;
    }
    c->parent[rb] = ra;
    c->next[c->tail[ra]] = rb;
    c->tail[ra] = c->tail[rb];
}

/* Inverted index (CSR) over each question's key tokens: content tokens in
 * at most CL_KEY_SHARE of the questions, or its rarest token if none. */
typedef struct {
    size_t *start; /* per token: first posting; start[t+1] its end */
    size_t *post;
} cl_index;

static bool is_key(const cl_ctx *c, const ct_lexicon *lx, const cl_q *q, unsigned t)
{
    size_t cap = (size_t)(CL_KEY_SHARE * (double)c->n);
    if (cap < 8) cap = 8;
    if (is_content(c, t, lx) && c->df[t] <= cap) return true;
    /* no rare content word: the question's rarest token stands in */
    for (size_t i = 0; i < q->ntok; i++) {
        unsigned u = c->pool[q->tok + i];
        if (is_content(c, u, lx) && c->df[u] <= cap) return false;
    }
    for (size_t i = 0; i < q->ntok; i++)
        if (c->df[c->pool[q->tok + i]] < c->df[t]) return false;
    return true;
}

static void build_index(const cl_ctx *c, const ct_lexicon *lx, cl_index *ix)
{
    ix->start = oct_xcalloc(c->ntokens + 2, sizeof *ix->start);
    for (size_t i = 0; i < c->n; i++)
        for (size_t k = 0; k < c->q[i].ntok; k++) {
            unsigned t = c->pool[c->q[i].tok + k];
            if (is_key(c, lx, &c->q[i], t)) ix->start[t + 2]++;
        }
    for (size_t t = 0; t < c->ntokens; t++)
        ix->start[t + 2] += ix->start[t + 1];
    ix->post = oct_xmalloc((ix->start[c->ntokens + 1] + 1) * sizeof *ix->post);
    for (size_t i = 0; i < c->n; i++)
        for (size_t k = 0; k < c->q[i].ntok; k++) {
            unsigned t = c->pool[c->q[i].tok + k];
            if (is_key(c, lx, &c->q[i], t)) ix->post[ix->start[t + 1]++] = i;
        }
}

/* A quick necessary condition for pair_score(j, i) >= CL_MERGE, reading
 * only j's tokens (mark[t] == i for each token t of question i): the weight
 * j shares with i must allow the score, and no content word of j missing
 * from i may trip the guard. Counting j's tokens can only overstate what
 * is shared, so a pair it rejects never scores; the rest are scored. */
static bool has_token(const cl_ctx *c, size_t q, unsigned t)
{
    const unsigned *p = c->pool + c->q[q].tok;
    size_t lo = 0, hi = c->q[q].ntok;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (p[mid] < t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < c->q[q].ntok && p[lo] == t;
}

static bool may_score(const cl_ctx *c, const size_t *mark, size_t i, size_t j)
{
    /* First in O(1): a question's heaviest content word missing from the
     * other trips the guard when it weighs CL_GUARD of the other's heaviest
     * (what they share weighs no more than that). Tokens are unique in a
     * question, so such a word is "only" on its side. */
    unsigned hj = c->key[j].heavy, hi = c->key[i].heavy;
    if (hj != UINT_MAX && mark[hj] != i && c->key[j].heavy_w >= CL_GUARD * c->key[i].heavy_w)
        return false;
    if (hi != UINT_MAX && c->key[i].heavy_w >= CL_GUARD * c->key[j].heavy_w && !has_token(c, j, hi))
        return false;
    const cl_q *y = &c->q[j];
    double shared = 0, max_shared = 0, max_only = 0;
    for (size_t k = 0; k < y->ntok; k++) {
        unsigned t = c->pool[y->tok + k];
        double w = c->w[t];
        if (mark[t] == i) {
            shared += w;
            if (c->content[t] && w > max_shared) max_shared = w;
        } else if (c->content[t] && w > max_only)
            max_only = w;
    }
    if (shared <= 0) return false;
    if (max_shared > 0 && max_only >= CL_GUARD * max_shared) return false;
    double rest = c->key[i].total + c->key[j].total - shared;
    return !(rest > 0 && shared < (CL_MERGE - 1e-9) * rest);
}

/* Every candidate pair (earlier question first) that scores CL_MERGE. */
static cl_edge *candidates(const cl_ctx *c, const ct_lexicon *lx, size_t *nedges)
{
    cl_index ix;
    build_index(c, lx, &ix);
    uint32_t *seen = oct_xmalloc((c->n + 1) * sizeof *seen);
    size_t *mark = oct_xmalloc((c->ntokens + 1) * sizeof *mark), n = 0, cap = 0;
    for (size_t i = 0; i < c->n; i++)
        seen[i] = UINT32_MAX;
    for (size_t t = 0; t <= c->ntokens; t++)
        mark[t] = (size_t)-1;
    /* Two questions of weights Wa, Wb cannot score CL_MERGE whatever they
     * share: score = shared / (Wa + Wb - shared) >= CL_MERGE needs shared,
     * at most min(Wa, Wb), to reach CL_MERGE / (1 + CL_MERGE) of Wa + Wb,
     * so Wj must lie in [lo, hi] around Wi (the margins cover rounding;
     * equal token sets always pass). */
    const double k = CL_MERGE / (1.0 + CL_MERGE) - 1e-3, lo_f = k / (1 - k) * (1 - 1e-9),
                 hi_f = (1 - k) / k * (1 + 1e-9);
    cl_edge *e = NULL;
    for (size_t i = 0; i < c->n; i++) {
        size_t scanned = 0;
        for (size_t x = 0; x < c->q[i].ntok; x++)
            mark[c->pool[c->q[i].tok + x]] = i;
        const unsigned char intent = c->key[i].intent, neg = c->key[i].neg;
        const double lo = c->key[i].total * lo_f, hi = c->key[i].total * hi_f;
        for (size_t x = 0; x < c->q[i].ntok && scanned < CL_SCAN_LIMIT; x++) {
            unsigned t = c->pool[c->q[i].tok + x];
            for (size_t p = ix.start[t]; p < ix.start[t + 1] && scanned < CL_SCAN_LIMIT; p++) {
                size_t j = ix.post[p];
                if (j >= i) break;
                if (seen[j] == (uint32_t)i) continue;
                seen[j] = (uint32_t)i;
                scanned++;
                /* cheap tests first: most candidates end here */
                if (c->key[j].intent != intent || c->key[j].neg != neg || c->key[j].total < lo ||
                    c->key[j].total > hi)
                    continue;
                if (!may_score(c, mark, i, j)) continue;
                double s = pair_score(c, lx, j, i);
                if (s < CL_MERGE) continue;
                OCT_GROW(e, cap, n + 1);
                e[n++] = (cl_edge){s, (uint32_t)j, (uint32_t)i};
            }
        }
    }
    free(seen);
    free(mark);
    free(ix.start);
    free(ix.post);
    *nedges = n;
    return e;
}

/* Best score first, then document order: the order pairs merge in. */
static inline bool edge_before(const cl_edge *x, const cl_edge *y)
{
    if (x->score != y->score) return x->score > y->score;
    if (x->a != y->a) return x->a < y->a;
    return x->b < y->b;
}

/* Bottom-up merge sort by edge_before (tmp: n edges of scratch). qsort's
 * indirect comparison was a fifth of the clustering time with the 585,000
 * edges of 100x the notes. Every edge is distinct (a, b), so the order is
 * total and the result the same as any other sort's. */
static void merge_sort_edges(cl_edge *e, size_t n, cl_edge *tmp)
{
    cl_edge *src = e, *dst = tmp;
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) {
                /* without a branch: which side wins is unpredictable */
                bool right = edge_before(&src[j], &src[i]);
                dst[k++] = right ? src[j] : src[i];
                j += right;
                i += !right;
            }
            while (i < mid)
                dst[k++] = src[i++];
            while (j < hi)
                dst[k++] = src[j++];
        }
        cl_edge *s = src;
        src = dst;
        dst = s;
    }
    if (src != e) memcpy(e, src, n * sizeof *e);
}

/* Scores lie in [CL_MERGE, 1]. Edges come in order of b; a stable
 * counting pass by a puts them in (a, b) order, a second one by score range
 * (CL_BUCKETS, best first; the bucket falls as the score rises) keeps that
 * order inside each range, so a range is left to merge-sort only when its
 * scores are not already in order. Many edges score exactly 1 (the same
 * words in many copies): their range needs no sorting at all. */
enum { CL_BUCKETS = 4096 };

static size_t bucket_of(double score)
{
    double x = (1.0 - score) / (1.0 - CL_MERGE) * (CL_BUCKETS - 1);
    return x <= 0 ? 0 : x >= CL_BUCKETS - 1 ? CL_BUCKETS - 1 : (size_t)x;
}

/* Stable counting sort of e[0..n) into out by key(e) < nkeys. */
static void count_sort(const cl_edge *e, size_t n, cl_edge *out, size_t nkeys, bool by_a,
                       size_t *start)
{
    memset(start, 0, (nkeys + 1) * sizeof *start);
    for (size_t k = 0; k < n; k++)
        start[(by_a ? e[k].a : bucket_of(e[k].score)) + 1]++;
    for (size_t b = 0; b < nkeys; b++)
        start[b + 1] += start[b];
    size_t *at = oct_xmalloc((nkeys + 1) * sizeof *at);
    memcpy(at, start, (nkeys + 1) * sizeof *at);
    for (size_t k = 0; k < n; k++)
        out[at[by_a ? e[k].a : bucket_of(e[k].score)]++] = e[k];
    free(at);
}

static void sort_edges(cl_edge *e, size_t n, size_t nquestions)
{
    if (n < 2) return;
    size_t nkeys = nquestions > CL_BUCKETS ? nquestions : CL_BUCKETS;
    size_t *start = oct_xmalloc((nkeys + 1) * sizeof *start);
    cl_edge *tmp = oct_xmalloc(n * sizeof *tmp);
    count_sort(e, n, tmp, nquestions, true, start);
    count_sort(tmp, n, e, CL_BUCKETS, false, start);
    for (size_t b = 0; b < CL_BUCKETS; b++) {
        size_t lo = start[b], hi = start[b + 1], k = lo + 1;
        while (k < hi && !edge_before(&e[k], &e[k - 1]))
            k++;
        if (k < hi) merge_sort_edges(e + lo, hi - lo, tmp);
    }
    free(start);
    free(tmp);
}

static void merge(cl_ctx *c, const ct_lexicon *lx)
{
    size_t ne = 0;
    cl_edge *e = candidates(c, lx, &ne);
    sort_edges(e, ne, c->n);
    for (size_t k = 0; k < ne; k++) {
        size_t ra = find(c, e[k].a), rb = find(c, e[k].b);
        if (ra != rb && groups_match(c, lx, ra, rb)) join(c, ra, rb);
    }
    free(e);
}

void oct_study_cluster(oct_tree *t, bool merge_questions)
{
    size_t n;
    oct_node **qs = oct_node_collect(t->root, OCT_QUESTION, &n);
    st_cluster_questions(t, merge_questions, qs, n);
    free(qs);
}

void st_cluster_questions(oct_tree *t, bool merge_questions, oct_node **qs, size_t n)
{
    st_cluster_questions_read(t, merge_questions, qs, n, NULL);
}

void st_cluster_questions_read(oct_tree *t, bool merge_questions, oct_node **qs, size_t n,
                               ct_reader *read)
{
    cl_ctx c = {.n = n, .lang = t->meta.lang};
    c.q = oct_xcalloc(c.n + 1, sizeof *c.q);
    c.parent = oct_xmalloc((c.n + 1) * sizeof *c.parent);
    c.next = oct_xmalloc((c.n + 1) * sizeof *c.next);
    c.tail = oct_xmalloc((c.n + 1) * sizeof *c.tail);
    for (size_t i = 0; i < c.n; i++) {
        c.q[i].node = qs[i];
        c.parent[i] = c.tail[i] = i;
        c.next[i] = (size_t)-1;
    }
    if (merge_questions && c.n > 1 && c.n < UINT32_MAX) {
        ct_lexicon *lx = take_read(&c, read);
        if (!lx) {
            lx = ct_lexicon_new(t);
            read_questions(&c, lx);
        }
        weigh(&c, lx);
        merge(&c, lx);
        ct_lexicon_free(lx);
    }
    /* clusters numbered in document order of their first member */
    int *number = oct_xcalloc(c.n + 1, sizeof *number), next = 0;
    for (size_t i = 0; i < c.n; i++) {
        size_t r = find(&c, i);
        if (!number[r]) number[r] = ++next;
        qs[i]->u.question.cluster = number[r];
    }
    free(number);
    free(c.q);
    free(c.pool);
    free(c.w);
    free(c.df);
    free(c.content);
    free(c.key);
    free(c.parent);
    free(c.next);
    free(c.tail);
}
