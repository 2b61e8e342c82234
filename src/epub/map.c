#include "epub/map.h"
#include "util/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint64_t hash_key(const oct_epub_map *m, const void *key)
{
    uint64_t h = 1469598103934665603ull;
    if (m->by_pointer) {
        uintptr_t p = (uintptr_t)key;
        for (size_t i = 0; i < sizeof p; i++, p >>= 8)
            h = (h ^ (p & 0xff)) * 1099511628211ull;
        return h;
    }
    for (const unsigned char *s = key; *s; s++)
        h = (h ^ *s) * 1099511628211ull;
    return h;
}

static int same_key(const oct_epub_map *m, const void *a, const void *b)
{
    return m->by_pointer ? a == b : strcmp(a, b) == 0;
}

/* Index of key's slot, or of the empty slot where it would go. */
static size_t find_slot(const oct_epub_map *m, const void *key)
{
    size_t i = hash_key(m, key) & (m->cap - 1);
    while (m->slots[i].key && !same_key(m, m->slots[i].key, key))
        i = (i + 1) & (m->cap - 1);
    return i;
}

static void grow(oct_epub_map *m)
{
    oct_epub_slot *old = m->slots;
    size_t ocap = m->cap;
    m->cap = ocap ? ocap * 2 : 64;
    m->slots = oct_xtable(m->cap, sizeof *m->slots);
    for (size_t i = 0; i < ocap; i++)
        if (old[i].key) m->slots[find_slot(m, old[i].key)] = old[i];
    free(old);
}

void oct_epub_map_put(oct_epub_map *m, const void *key, void *val)
{
    if ((m->len + 1) * 2 > m->cap) grow(m);
    size_t i = find_slot(m, key);
    if (!m->slots[i].key) {
        m->slots[i].key = key;
        m->len++;
    }
    m->slots[i].val = val;
}

void *oct_epub_map_get(const oct_epub_map *m, const void *key)
{
    if (!m->cap || !key) return NULL;
    size_t i = find_slot(m, key);
    return m->slots[i].key ? m->slots[i].val : NULL;
}

int oct_epub_map_has(const oct_epub_map *m, const void *key)
{
    if (!m->cap || !key) return 0;
    return m->slots[find_slot(m, key)].key != NULL;
}

void oct_epub_map_free(oct_epub_map *m)
{
    if (!m) return;
    free(m->slots);
    m->slots = NULL;
    m->cap = m->len = 0;
}
