#include "util/arena.h"
#include "util/xalloc.h"

#include <stdarg.h>
#include <stdalign.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Blocks are chained; big requests get a block of their own so a large
 * string never wastes the tail of a shared block. */
enum { BLOCK_SIZE = 64 * 1024 };

typedef struct block {
    struct block *next;
    size_t used, size;
    alignas(max_align_t) unsigned char data[];
} block;

struct oct_arena {
    block *head;
};

oct_arena *oct_arena_new(void)
{
    return oct_xcalloc(1, sizeof(oct_arena));
}

static block *new_block(size_t size)
{
    block *b = oct_xmalloc(sizeof(block) + size);
    b->next = NULL;
    b->used = 0;
    b->size = size;
    return b;
}

void *oct_arena_alloc(oct_arena *a, size_t n)
{
    const size_t align = alignof(max_align_t);
    n = (n + align - 1) & ~(align - 1);
    if (n == 0) n = align;
    block *b = a->head;
    if (!b || b->size - b->used < n) {
        if (n > BLOCK_SIZE / 4) {
            /* Dedicated block, linked behind the head so the head keeps serving. */
            block *big = new_block(n);
            big->used = n;
            if (b) {
                big->next = b->next;
                b->next = big;
            } else {
                a->head = big;
            }
            memset(big->data, 0, n);
            return big->data;
        }
        b = new_block(BLOCK_SIZE);
        b->next = a->head;
        a->head = b;
    }
    void *p = b->data + b->used;
    b->used += n;
    memset(p, 0, n);
    return p;
}

char *oct_arena_strndup(oct_arena *a, const char *s, size_t n)
{
    if (!s) return NULL;
    char *p = oct_arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *oct_arena_strdup(oct_arena *a, const char *s)
{
    return s ? oct_arena_strndup(a, s, strlen(s)) : NULL;
}

char *oct_arena_cat(oct_arena *a, const char *x, const char *y, const char *z)
{
    size_t nx = x ? strlen(x) : 0, ny = y ? strlen(y) : 0, nz = z ? strlen(z) : 0;
    char *p = oct_arena_alloc(a, nx + ny + nz + 1);
    if (nx) memcpy(p, x, nx);
    if (ny) memcpy(p + nx, y, ny);
    if (nz) memcpy(p + nx + ny, z, nz);
    p[nx + ny + nz] = '\0';
    return p;
}

char *oct_arena_printf(oct_arena *a, const char *fmt, ...)
{
    /* formatted once into a local buffer when it fits (labels, ids: nearly
     * always), rather than measured by one vsnprintf and written by another */
    char local[256];
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(local, sizeof local, fmt, ap);
    va_end(ap);
    char *p = oct_arena_alloc(a, (size_t)(n < 0 ? 0 : n) + 1);
    if (n < 0)
        p[0] = '\0';
    else if ((size_t)n < sizeof local)
        memcpy(p, local, (size_t)n + 1);
    else
        vsnprintf(p, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return p;
}

void oct_arena_free(oct_arena *a)
{
    if (!a) return;
    block *b = a->head;
    while (b) {
        block *next = b->next;
        free(b);
        b = next;
    }
    free(a);
}
