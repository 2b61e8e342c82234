/* Code blocks highlighted ahead (hlahead.h). */
#include "cli/hlahead.h"
#include "highlight/highlight.h"
#include "util/xalloc.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>

typedef struct {
    char *lang, *text; /* copies */
    size_t len;
} block;

struct oct_hl_ahead {
    pthread_mutex_t mu; /* guards everything below */
    pthread_cond_t cv;  /* a block was added, or the queue closed or stopped */
    block *v;
    size_t n, cap, next; /* v[next..n) wait for the worker */
    bool closed, stop, started;
    pthread_t th;
};

/* The next block to highlight, or false when there is none to come. */
static bool take(oct_hl_ahead *h, block *b)
{
    pthread_mutex_lock(&h->mu);
    while (h->next == h->n && !h->closed && !h->stop)
        pthread_cond_wait(&h->cv, &h->mu);
    bool got = h->next < h->n && !h->stop;
    if (got) *b = h->v[h->next++];
    pthread_mutex_unlock(&h->mu);
    return got;
}

static void *run(void *arg)
{
    oct_hl_ahead *h = arg;
    block b;
    while (take(h, &b)) {
        oct_hl_span *spans = NULL;
        oct_hl_spans(b.lang, b.text, b.len, &spans);
        free(spans); /* what counts is the cache */
    }
    return NULL;
}

oct_hl_ahead *oct_hl_ahead_new(void)
{
    oct_hl_ahead *h = oct_xcalloc(1, sizeof *h);
    pthread_mutex_init(&h->mu, NULL);
    pthread_cond_init(&h->cv, NULL);
    return h;
}

void oct_hl_ahead_add(oct_hl_ahead *h, oct_node *n)
{
    if (!h || !n) return;
    size_t count;
    oct_node **code = oct_node_collect(n, OCT_CODE_BLOCK, &count);
    pthread_mutex_lock(&h->mu);
    for (size_t i = 0; i < count; i++) {
        size_t len;
        const char *text = oct_code_block_text(code[i], &len);
        const char *lang = code[i]->u.code.lang;
        if (!lang || !*lang || !len) continue;
        OCT_GROW(h->v, h->cap, h->n + 1);
        h->v[h->n++] = (block){oct_xstrdup(lang), oct_xstrndup(text, len), len};
    }
    free(code);
    /* no thread (none could be made): the backends highlight as they go */
    if (h->n > h->next && !h->started) h->started = pthread_create(&h->th, NULL, run, h) == 0;
    pthread_cond_signal(&h->cv);
    pthread_mutex_unlock(&h->mu);
}

static void finish(oct_hl_ahead *h, bool stop)
{
    pthread_mutex_lock(&h->mu);
    h->closed = true;
    h->stop |= stop;
    pthread_cond_signal(&h->cv);
    pthread_mutex_unlock(&h->mu);
}

void oct_hl_ahead_close(oct_hl_ahead *h)
{
    if (h) finish(h, false);
}

void oct_hl_ahead_free(oct_hl_ahead *h)
{
    if (!h) return;
    finish(h, true);
    if (h->started) pthread_join(h->th, NULL);
    for (size_t i = 0; i < h->n; i++) {
        free(h->v[i].lang);
        free(h->v[i].text);
    }
    free(h->v);
    pthread_cond_destroy(&h->cv);
    pthread_mutex_destroy(&h->mu);
    free(h);
}
