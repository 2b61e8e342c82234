/* The arrays of a pdf_text (characters, glyphs, styles), kept for the
 * next text when one is freed.
 *
 * Every paragraph, heading, cell and code line is a text of its own that
 * grew its arrays from nothing: a dozen reallocations and copies each,
 * 4 % of laying out a booklet of thousands of pages. A freed text's
 * arrays go to a few spares of the thread that freed it, and a new text
 * takes them as it first grows. The spares are the thread's (texts are
 * laid out on several threads when booklets build side by side): freed at
 * the thread's end, or by pdf_text_spares_release. */
#include "pdf/internal.h"
#include "util/xalloc.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

enum { SPARES = 4 };
/* Larger arrays are freed: a rare long text should not stay in memory. */
#define SPARE_MAX_BYTES ((size_t)1 << 20)

typedef struct {
    void *v[SPARES];
    size_t cap[SPARES];
    int n;
} stack;

enum { CHARS, GLYPHS, STYLES, KINDS };

typedef struct {
    stack of[KINDS];
} spares;

static pthread_key_t key;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static bool have_key;

static void release(void *arg)
{
    spares *s = arg;
    for (int k = 0; k < KINDS; k++)
        for (int i = 0; i < s->of[k].n; i++)
            free(s->of[k].v[i]);
    free(s);
}

static void make_key(void)
{
    have_key = pthread_key_create(&key, release) == 0;
}

static spares *mine(bool make)
{
    pthread_once(&once, make_key);
    if (!have_key) return NULL;
    spares *s = pthread_getspecific(key);
    if (!s && make) {
        s = oct_xcalloc(1, sizeof *s);
        if (pthread_setspecific(key, s) != 0) {
            free(s);
            return NULL;
        }
    }
    return s;
}

void pdf_text_spares_release(void)
{
    spares *s = mine(false);
    if (!s) return;
    pthread_setspecific(key, NULL);
    release(s);
}

/* Keeps array v (cap elements of size bytes) as a spare, else frees it. */
static void keep(stack *st, void *v, size_t cap, size_t size)
{
    if (!v) return;
    if (st->n < SPARES && cap * size <= SPARE_MAX_BYTES) {
        st->v[st->n] = v;
        st->cap[st->n++] = cap;
        return;
    }
    free(v);
}

void pdf_text_free(pdf_text *t)
{
    spares *s = t->c || t->g || t->st ? mine(true) : NULL;
    if (s) {
        keep(&s->of[CHARS], t->c, t->cap, sizeof *t->c);
        keep(&s->of[GLYPHS], t->g, t->capg, sizeof *t->g);
        keep(&s->of[STYLES], t->st, t->capst, sizeof *t->st);
    } else {
        free(t->c);
        free(t->g);
        free(t->st);
    }
    memset(t, 0, sizeof *t);
}

/* Room for `need` elements in *v (capacity *cap): a spare if v is new. */
static void grow(int kind, void **v, size_t *cap, size_t need, size_t size)
{
    spares *s = *v ? NULL : mine(false);
    if (s && s->of[kind].n > 0) {
        stack *st = &s->of[kind];
        st->n--;
        *v = st->v[st->n];
        *cap = st->cap[st->n];
    }
    oct_grow(v, cap, need, size);
}

void pdf_text_grow_chars(pdf_text *t, size_t need)
{
    grow(CHARS, (void **)&t->c, &t->cap, need, sizeof *t->c);
}

void pdf_text_grow_glyphs(pdf_text *t, size_t need)
{
    grow(GLYPHS, (void **)&t->g, &t->capg, need, sizeof *t->g);
}

void pdf_text_grow_styles(pdf_text *t, size_t need)
{
    grow(STYLES, (void **)&t->st, &t->capst, need, sizeof *t->st);
}
