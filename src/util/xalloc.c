#include "util/xalloc.h"

#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void die_oom(size_t n)
{
    fprintf(stderr, "octavo: error: out of memory (allocating %zu bytes) [oom]\n", n);
    exit(3);
}

void *oct_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) die_oom(n);
    return p;
}

void *oct_xcalloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p) die_oom(count * size);
    return p;
}

void *oct_xtable(size_t count, size_t size)
{
    if (!count) count = 1;
    if (!size) size = 1;
    if (count > SIZE_MAX / size) die_oom(SIZE_MAX);
    void *p = oct_xmalloc(count * size);
    memset(p, 0, count * size);
    return p;
}

void *oct_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) die_oom(n);
    return q;
}

char *oct_xstrndup(const char *s, size_t n)
{
    char *p = oct_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *oct_xstrdup(const char *s)
{
    return oct_xstrndup(s, strlen(s));
}

void oct_grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap) return;
    size_t c = *cap ? *cap : 16;
    while (c < need) {
        if (c > (size_t)-1 / 2 / (size ? size : 1)) die_oom((size_t)-1);
        c *= 2;
    }
    *p = oct_xrealloc(*p, c * size);
    *cap = c;
}
