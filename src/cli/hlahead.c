/* Code blocks highlighted ahead (hlahead.h). */
#include "cli/hlahead.h"
#include "highlight/highlight.h"
#include "util/xalloc.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

typedef struct {
    char *lang, *text; /* copies */
    size_t len;
} block;

struct oct_hl_ahead {
    block *v;
    size_t n;
    atomic_bool stop;
    pthread_t th;
};

static void *run(void *arg)
{
    oct_hl_ahead *h = arg;
    for (size_t i = 0; i < h->n && !atomic_load(&h->stop); i++) {
        oct_hl_span *spans = NULL;
        oct_hl_spans(h->v[i].lang, h->v[i].text, h->v[i].len, &spans);
        free(spans); /* what counts is the cache */
    }
    return NULL;
}

/* The block's text as the backends ask for its colours. */
static void add_block(oct_hl_ahead *h, size_t *cap, const oct_node *n)
{
    size_t len;
    const char *text = oct_code_block_text(n, &len);
    if (!len) return;
    OCT_GROW(h->v, *cap, h->n + 1);
    h->v[h->n++] = (block){oct_xstrdup(n->u.code.lang), oct_xstrndup(text, len), len};
}

oct_hl_ahead *oct_hl_ahead_start(const oct_tree *t)
{
    oct_hl_ahead *h = oct_xcalloc(1, sizeof *h);
    size_t cap = 0, n;
    oct_node **code = oct_node_collect(t->root, OCT_CODE_BLOCK, &n);
    for (size_t i = 0; i < n; i++) /* (the worker loads the languages' definitions) */
        if (code[i]->u.code.lang && *code[i]->u.code.lang) add_block(h, &cap, code[i]);
    free(code);
    atomic_init(&h->stop, false);
    if (h->n && pthread_create(&h->th, NULL, run, h) == 0) return h;
    for (size_t i = 0; i < h->n; i++) {
        free(h->v[i].lang);
        free(h->v[i].text);
    }
    free(h->v);
    free(h);
    return NULL;
}

void oct_hl_ahead_free(oct_hl_ahead *h)
{
    if (!h) return;
    atomic_store(&h->stop, true);
    pthread_join(h->th, NULL);
    for (size_t i = 0; i < h->n; i++) {
        free(h->v[i].lang);
        free(h->v[i].text);
    }
    free(h->v);
    free(h);
}
