#include "study/study_int.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#include <libstemmer.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

/* Topics: every QUESTION gets the name of the manifest topic its words
 * point to, or "Other". Text is cut into words (letters, digits, '_'),
 * case-folded and stemmed with the Snowball stemmer of the booklet's
 * language, so "Models", "model" and "modelling" meet. A keyword of
 * several words matches as a phrase and weighs its number of words. Each
 * distinct keyword found scores for its topic: W_PROMPT in the prompt,
 * W_NEAR in the nearest heading above the question, W_OUTER in the
 * headings enclosing that one (a heading counts at most HEAD_CAP), W_ANSWER
 * in the answer (at most ANSWER_CAP, so a long answer that mentions
 * everything decides only when nothing else does). Highest score wins;
 * a tie goes to the topic the prompt names first, then to the smaller
 * order; no score at all means "Other".
 *
 * A keyword made only of the booklet's subject words (title and manifest
 * keywords: "Django", "Python") scores a tenth: "What is Django?" still
 * finds a topic that lists "Django", but "What is Django's middleware?"
 * goes where "middleware" points.
 *
 * Only keyword stems are interned, so the work is one hash lookup a word:
 * linear in the size of the notes. */

/* One keyword in the prompt outweighs the headings, and those the answer. */
enum { W_PROMPT = 6, W_NEAR = 3, W_OUTER = 1, W_ANSWER = 1, MAX_LEVEL = 6 };
#define HEAD_CAP 1.5
#define ANSWER_CAP 3.0

typedef struct {
    int topic;
    int n;         /* words in the phrase */
    int *ids;      /* stem ids */
    double weight; /* a phrase of n words is worth n: it says more than one word */
    unsigned seen; /* stamp of the last text it matched in */
} tp_keyword;

typedef struct {
    const oct_tree *t;
    struct sb_stemmer *stem; /* NULL: fold only */
    /* stem → id, open addressing over malloc'd strings */
    char **keys;
    int *vals;
    size_t cap, nstems;
    /* keywords, and for each stem id the keywords starting with it */
    tp_keyword *kw;
    size_t nkw, capkw;
    int *start, *byfirst; /* byfirst[start[id] .. start[id + 1]) */
    unsigned stamp;
    oct_buf word, text;
    int *ids; /* the current text as stem ids (-1: not a keyword stem) */
    size_t nids, capids;
    double *field; /* ntopics scratch scores */
    size_t *first; /* ntopics: first word position matched in the prompt */
    char **ckeys;  /* word cache: folded word → stem id (see word_id) */
    int *cvals;
    size_t ncache, capcache;
} tp_ctx;

/* ---- words ---- */

/* FNV-1a with a final mix: the tables take the low bits, and djb2's low
 * bits put similar words into long probe runs (four million strcmp calls
 * for 660,000 words at 100x the notes). */
static unsigned long hash_str(const char *s)
{
    uint64_t h = 14695981039346656037u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    h ^= h >> 32;
    h *= 0x9E3779B97F4A7C15u;
    return (unsigned long)(h ^ (h >> 29));
}

static int stem_lookup(const tp_ctx *c, const char *s)
{
    if (!c->cap) return -1;
    for (size_t i = hash_str(s) & (c->cap - 1);; i = (i + 1) & (c->cap - 1)) {
        if (!c->keys[i]) return -1;
        if (!strcmp(c->keys[i], s)) return c->vals[i];
    }
}

static int stem_intern(tp_ctx *c, const char *s)
{
    int id = stem_lookup(c, s);
    if (id >= 0) return id;
    size_t i = hash_str(s) & (c->cap - 1);
    while (c->keys[i])
        i = (i + 1) & (c->cap - 1);
    c->keys[i] = oct_xstrdup(s);
    c->vals[i] = (int)c->nstems;
    return (int)c->nstems++;
}

/* The folded, stemmed form of c->word, NUL-terminated in c->word. */
static const char *stem_word(tp_ctx *c)
{
    if (!c->stem || !c->word.len) return c->word.data;
    const sb_symbol *s =
        sb_stemmer_stem(c->stem, (const sb_symbol *)c->word.data, (int)c->word.len);
    if (!s) return c->word.data;
    int len = sb_stemmer_length(c->stem);
    oct_buf_clear(&c->word);
    oct_buf_put(&c->word, (const char *)s, (size_t)len);
    return c->word.data;
}

/* An ASCII byte's word form: itself lower-cased, 0 if it ends a word (a
 * table: the topic pass reads every answer a character at a time). */
#define W(c) [c] = c
#define U(c) [c] = (char)(c + 32)
static const char ascii_word[128] = {
    W('_'), W('0'), W('1'), W('2'), W('3'), W('4'), W('5'), W('6'), W('7'), W('8'), W('9'),
    W('a'), W('b'), W('c'), W('d'), W('e'), W('f'), W('g'), W('h'), W('i'), W('j'), W('k'),
    W('l'), W('m'), W('n'), W('o'), W('p'), W('q'), W('r'), W('s'), W('t'), W('u'), W('v'),
    W('w'), W('x'), W('y'), W('z'), U('A'), U('B'), U('C'), U('D'), U('E'), U('F'), U('G'),
    U('H'), U('I'), U('J'), U('K'), U('L'), U('M'), U('N'), U('O'), U('P'), U('Q'), U('R'),
    U('S'), U('T'), U('U'), U('V'), U('W'), U('X'), U('Y'), U('Z'),
};
#undef W
#undef U

/* The next word of s[*i..n) into c->word, case-folded; false at the end.
 * ASCII goes the short way; the rest through ICU. */
static bool next_word(tp_ctx *c, const char *s, size_t n, size_t *i)
{
    oct_buf_clear(&c->word);
    size_t len;
    while (*i < n) {
        unsigned char ch = (unsigned char)s[*i];
        unsigned cp = ch;
        len = 1;
        bool in;
        if (ch < 0x80) {
            in = ascii_word[ch] != 0;
            if (in) {
                /* the whole ASCII run at once, lower-cased as it is copied */
                size_t e = *i;
                oct_buf_grow(&c->word, n - *i);
                char *w = c->word.data + c->word.len;
                for (; e < n && (unsigned char)s[e] < 0x80 && ascii_word[(unsigned char)s[e]]; e++)
                    *w++ = ascii_word[(unsigned char)s[e]];
                c->word.len += e - *i;
                c->word.data[c->word.len] = '\0';
                len = e - *i;
            }
        } else {
            cp = oct_utf8_decode(s + *i, n - *i, &len);
            in = u_isalnum((UChar32)cp) || (U_GET_GC_MASK((UChar32)cp) & U_GC_M_MASK);
            if (in)
                oct_buf_put_utf8(&c->word, (unsigned)u_foldCase((UChar32)cp, U_FOLD_CASE_DEFAULT));
        }
        *i += len;
        if (!in && c->word.len) return true;
    }
    return c->word.len > 0;
}

/* Calls each(c, stem, arg) for every word of s, in order. */
static void for_words(tp_ctx *c, const char *s, void (*each)(tp_ctx *, const char *, void *),
                      void *arg)
{
    size_t n = strlen(s), i = 0;
    while (next_word(c, s, n, &i))
        each(c, stem_word(c), arg);
}

/* The keyword stem id of the folded word in c->word (-1: none), through a
 * cache of the words seen, so each distinct word of the notes is stemmed
 * once. */
static int word_id(tp_ctx *c)
{
    if (c->ncache * 2 >= c->capcache) {
        size_t old = c->capcache;
        char **keys = c->ckeys;
        int *vals = c->cvals;
        c->capcache = old ? old * 2 : 1024;
        c->ckeys = oct_xtable(c->capcache, sizeof *c->ckeys);
        c->cvals = oct_xtable(c->capcache, sizeof *c->cvals);
        for (size_t k = 0; k < old; k++) {
            if (!keys[k]) continue;
            size_t j = hash_str(keys[k]) & (c->capcache - 1);
            while (c->ckeys[j])
                j = (j + 1) & (c->capcache - 1);
            c->ckeys[j] = keys[k], c->cvals[j] = vals[k];
        }
        free(keys);
        free(vals);
    }
    size_t j = hash_str(c->word.data) & (c->capcache - 1);
    for (; c->ckeys[j]; j = (j + 1) & (c->capcache - 1))
        if (!strcmp(c->ckeys[j], c->word.data)) return c->cvals[j];
    c->ckeys[j] = oct_xstrdup(c->word.data);
    c->ncache++;
    return c->cvals[j] = stem_lookup(c, stem_word(c));
}

/* ---- keywords ---- */

typedef struct {
    int *ids;
    size_t n, cap;
    bool intern;
} id_list;

static void collect_id(tp_ctx *c, const char *stem, void *arg)
{
    id_list *l = arg;
    int id = l->intern ? stem_intern(c, stem) : stem_lookup(c, stem);
    OCT_GROW(l->ids, l->cap, l->n + 1);
    l->ids[l->n++] = id;
}

static bool known_keyword(const tp_ctx *c, int topic, const id_list *l)
{
    for (size_t k = 0; k < c->nkw; k++)
        if (c->kw[k].topic == topic && (size_t)c->kw[k].n == l->n &&
            !memcmp(c->kw[k].ids, l->ids, l->n * sizeof *l->ids))
            return true;
    return false;
}

/* Adds phrase to topic's keywords unless it stems to one it has ("view",
 * "views"): a word counts once, however often it was listed. */
static void add_keyword(tp_ctx *c, int topic, const char *phrase)
{
    id_list l = {.intern = true};
    for_words(c, phrase, collect_id, &l);
    if (!l.n || known_keyword(c, topic, &l)) {
        free(l.ids);
        return;
    }
    OCT_GROW(c->kw, c->capkw, c->nkw + 1);
    c->kw[c->nkw++] = (tp_keyword){topic, (int)l.n, l.ids, (double)l.n, 0};
}

/* A topic's name is a keyword (a phrase) of its own. A topic given
 * without keywords also matches each word of its name of four or more
 * letters ("Models", "Templates"; "and"/"und"/"les" stay out); one with
 * keywords does not, so "REST framework" is not found in "a web framework". */
static void add_name_words(tp_ctx *c, int topic, const char *name)
{
    const char *p = name;
    while (*p) {
        size_t skip = 0, len;
        while (p[skip]) {
            unsigned cp = oct_utf8_decode(p + skip, strlen(p + skip), &len);
            if (u_isalnum((UChar32)cp) || cp == '_') break;
            skip += len;
        }
        p += skip;
        size_t w = 0, chars = 0;
        while (p[w]) {
            unsigned cp = oct_utf8_decode(p + w, strlen(p + w), &len);
            if (!u_isalnum((UChar32)cp) && cp != '_') break;
            w += len, chars++;
        }
        if (chars >= 4) {
            char *word = oct_xstrndup(p, w);
            add_keyword(c, topic, word);
            free(word);
        }
        p += w;
    }
}

static void mark_subject(tp_ctx *c, const char *stem, void *arg)
{
    int id = stem_lookup(c, stem);
    if (id >= 0 && (size_t)id < c->nstems) ((bool *)arg)[id] = true;
}

/* Keywords of subject words only weigh a tenth (see the top). */
static void weigh_subject(tp_ctx *c)
{
    const oct_meta *m = &c->t->meta;
    bool *subject = oct_xcalloc(c->nstems + 1, sizeof *subject);
    if (m->title) for_words(c, m->title, mark_subject, subject);
    for (size_t i = 0; i < m->nkeywords; i++)
        for_words(c, m->keywords[i], mark_subject, subject);
    for (size_t k = 0; k < c->nkw; k++) {
        bool all = true;
        for (int w = 0; w < c->kw[k].n && all; w++)
            all = subject[c->kw[k].ids[w]];
        if (all) c->kw[k].weight /= 10;
    }
    free(subject);
}

static void build_index(tp_ctx *c)
{
    const oct_meta *m = &c->t->meta;
    /* a text of n bytes has at most (n + 1) / 2 words: the table never fills */
    size_t words = 8;
    for (size_t i = 0; i < m->ntopics; i++) {
        words += (strlen(m->topics[i].name) + 1) / 2 * 2;
        for (size_t k = 0; k < m->topics[i].nkeywords; k++)
            words += (strlen(m->topics[i].keywords[k]) + 1) / 2;
    }
    for (c->cap = 16; c->cap < words * 2; c->cap *= 2) {
    }
    c->keys = oct_xtable(c->cap, sizeof *c->keys);
    c->vals = oct_xtable(c->cap, sizeof *c->vals);
    for (size_t i = 0; i < m->ntopics; i++) {
        add_keyword(c, (int)i, m->topics[i].name);
        if (!m->topics[i].nkeywords) add_name_words(c, (int)i, m->topics[i].name);
        for (size_t k = 0; k < m->topics[i].nkeywords; k++)
            add_keyword(c, (int)i, m->topics[i].keywords[k]);
    }
    weigh_subject(c);
    /* counting sort of keywords by first stem */
    c->start = oct_xcalloc(c->nstems + 2, sizeof *c->start);
    c->byfirst = oct_xcalloc(c->nkw + 1, sizeof *c->byfirst);
    for (size_t k = 0; k < c->nkw; k++)
        c->start[c->kw[k].ids[0] + 1]++;
    for (size_t s = 0; s < c->nstems; s++)
        c->start[s + 1] += c->start[s];
    int *fill = oct_xcalloc(c->nstems + 1, sizeof *fill);
    for (size_t k = 0; k < c->nkw; k++) {
        int f = c->kw[k].ids[0];
        c->byfirst[c->start[f] + fill[f]++] = (int)k;
    }
    free(fill);
}

/* ---- scoring ---- */

/* s as keyword stem ids in c->ids. */
static void text_ids(tp_ctx *c, const char *s)
{
    size_t n = strlen(s), i = 0;
    c->nids = 0;
    while (next_word(c, s, n, &i)) {
        OCT_GROW(c->ids, c->capids, c->nids + 1);
        c->ids[c->nids++] = word_id(c);
    }
}

static bool matches_at(const tp_ctx *c, const tp_keyword *k, size_t i)
{
    if (i + (size_t)k->n > c->nids) return false;
    for (int w = 1; w < k->n; w++)
        if (c->ids[i + (size_t)w] != k->ids[w]) return false;
    return true;
}

/* Adds weight × (each distinct keyword found in s) to score[topic]; the
 * field's total is capped at cap (0: no cap). Matches are leftmost-longest:
 * where "django admin" (a command) matches, "admin" inside it does not.
 * When first is not NULL it gets, per topic, the word position of the
 * topic's first match (for ties: the question's subject comes first). */
static void score_text(tp_ctx *c, const char *s, int weight, double cap, double *score,
                       size_t *first)
{
    c->stamp++;
    text_ids(c, s);
    size_t nt = c->t->meta.ntopics;
    double *f = c->field; /* per topic, this field only, before the cap */
    memset(f, 0, nt * sizeof *f);
    for (size_t i = 0; i < c->nids;) {
        int id = c->ids[i], longest = 0;
        for (int j = id < 0 ? 0 : c->start[id]; id >= 0 && j < c->start[id + 1]; j++) {
            const tp_keyword *k = &c->kw[c->byfirst[j]];
            if (k->n > longest && matches_at(c, k, i)) longest = k->n;
        }
        for (int j = id < 0 ? 0 : c->start[id]; longest && j < c->start[id + 1]; j++) {
            tp_keyword *k = &c->kw[c->byfirst[j]];
            if (k->n != longest || k->seen == c->stamp || !matches_at(c, k, i)) continue;
            k->seen = c->stamp;
            f[k->topic] += k->weight;
            if (first && first[k->topic] > i && k->weight >= 1) first[k->topic] = i;
        }
        i += longest ? (size_t)longest : 1;
    }
    for (size_t t = 0; t < nt; t++)
        score[t] += weight * (cap && f[t] > cap ? cap : f[t]);
}

static void plain(tp_ctx *c, const oct_node *n)
{
    oct_buf_clear(&c->text);
    oct_node_plain_text_to(n, &c->text);
    if (!c->text.data) oct_buf_puts(&c->text, "");
}

/* Of two topics with the same score: the one the prompt names first, then
 * the smaller order, then the one listed first. */
static bool earlier(const tp_ctx *c, size_t a, size_t b)
{
    if (c->first[a] != c->first[b]) return c->first[a] < c->first[b];
    return c->t->meta.topics[a].order < c->t->meta.topics[b].order;
}

/* The best topic for q, given the heading scores above it; -1: none. */
static int best_topic(tp_ctx *c, const oct_node *q, double *score, double *head[MAX_LEVEL + 1],
                      int nearest)
{
    size_t nt = c->t->meta.ntopics;
    memset(score, 0, nt * sizeof *score);
    plain(c, q);
    for (size_t t = 0; t < nt; t++)
        c->first[t] = (size_t)-1;
    score_text(c, c->text.data, W_PROMPT, 0, score, c->first);
    for (const oct_node *a = q->first; a; a = a->next)
        if (a->kind == OCT_ANSWER) {
            plain(c, a);
            score_text(c, c->text.data, W_ANSWER, ANSWER_CAP, score, NULL);
        }
    for (int l = 1; l <= MAX_LEVEL; l++)
        if (head[l])
            for (size_t t = 0; t < nt; t++)
                score[t] += (l == nearest ? W_NEAR : W_OUTER) * head[l][t];
    int best = -1;
    for (size_t t = 0; t < nt; t++) {
        if (score[t] <= 0) continue;
        if (best < 0 || score[t] > score[best] ||
            (score[t] == score[best] && earlier(c, (size_t)t, (size_t)best)))
            best = (int)t;
    }
    return best;
}

/* Walks the tree in document order, keeping the headings above the
 * current point (one per level, reset at each chapter). */
static void assign(tp_ctx *c, oct_tree *t, const char *other)
{
    size_t nt = t->meta.ntopics;
    double *store = oct_xcalloc((MAX_LEVEL + 1) * nt, sizeof *store);
    double *head[MAX_LEVEL + 1] = {0}, *score = oct_xcalloc(nt, sizeof *score);
    int nearest = 0;
    oct_iter it;
    oct_iter_init(&it, t->root);
    oct_event ev;
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE) {
        oct_node *n = (oct_node *)it.cur;
        if (ev != OCT_EV_ENTER) continue;
        if (n->kind == OCT_CHAPTER) {
            memset(head, 0, sizeof head);
            nearest = 0;
        } else if (n->kind == OCT_SECTION) {
            int l = n->u.section.level < 1           ? 1
                    : n->u.section.level > MAX_LEVEL ? MAX_LEVEL
                                                     : n->u.section.level;
            for (int d = l; d <= MAX_LEVEL; d++)
                head[d] = NULL;
            head[l] = store + (size_t)l * nt;
            memset(head[l], 0, nt * sizeof *store);
            plain(c, n);
            score_text(c, c->text.data, 1, HEAD_CAP, head[l], NULL);
            nearest = l;
            oct_iter_skip_children(&it);
        } else if (n->kind == OCT_QUESTION) {
            int b = best_topic(c, n, score, head, nearest);
            n->u.question.topic = b >= 0 ? t->meta.topics[b].name : other;
            oct_iter_skip_children(&it);
        }
    }
    free(store);
    free(score);
}

void st_assign_topics(oct_tree *t)
{
    if (!t->meta.ntopics) return;
    tp_ctx c = {
        .t = t, .stem = st_stemmer_for(t->meta.lang), .word = OCT_BUF_INIT, .text = OCT_BUF_INIT};
    c.field = oct_xcalloc(t->meta.ntopics, sizeof *c.field);
    c.first = oct_xcalloc(t->meta.ntopics, sizeof *c.first);
    build_index(&c);
    assign(&c, t, oct_arena_strdup(t->arena, "Other"));
    for (size_t i = 0; i < c.cap; i++)
        free(c.keys[i]);
    for (size_t k = 0; k < c.nkw; k++)
        free(c.kw[k].ids);
    for (size_t i = 0; i < c.capcache; i++)
        free(c.ckeys[i]);
    free(c.ckeys);
    free(c.cvals);
    free(c.keys);
    free(c.vals);
    free(c.kw);
    free(c.start);
    free(c.byfirst);
    free(c.ids);
    free(c.field);
    free(c.first);
    oct_buf_free(&c.word);
    oct_buf_free(&c.text);
    if (c.stem) sb_stemmer_delete(c.stem);
}
