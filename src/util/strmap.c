#include "util/strmap.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

struct oct_strmap_slot {
    uint64_t hash;
    size_t key, len; /* key: offset into the pool + 1; 0 = empty slot */
    size_t value;
};

static uint64_t hash_of(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h ^ (h >> 29); /* the low bits pick the slot: mix the high ones in */
}

/* The slot holding s, or the empty one where it would go. */
static struct oct_strmap_slot *slot_of(const oct_strmap *m, const char *s, size_t n, uint64_t h)
{
    size_t i = (size_t)h & (m->cap - 1);
    for (;; i = (i + 1) & (m->cap - 1)) {
        struct oct_strmap_slot *sl = &m->slots[i];
        if (!sl->key) return sl;
        if (sl->hash == h && sl->len == n && memcmp(m->pool + sl->key - 1, s, n) == 0) return sl;
    }
}

static void grow(oct_strmap *m)
{
    struct oct_strmap_slot *old = m->slots;
    size_t oldcap = m->cap;
    m->cap = m->cap ? m->cap * 2 : 64;
    m->slots = oct_xtable(m->cap, sizeof *m->slots);
    for (size_t i = 0; i < oldcap; i++)
        if (old[i].key) {
            size_t k = (size_t)old[i].hash & (m->cap - 1);
            while (m->slots[k].key)
                k = (k + 1) & (m->cap - 1);
            m->slots[k] = old[i];
        }
    free(old);
}

bool oct_strmap_get(const oct_strmap *m, const char *s, size_t n, size_t *value)
{
    if (!m->cap) return false;
    const struct oct_strmap_slot *sl = slot_of(m, s, n, hash_of(s, n));
    if (!sl->key) return false;
    if (value) *value = sl->value;
    return true;
}

void oct_strmap_put(oct_strmap *m, const char *s, size_t n, size_t value)
{
    if ((m->n + 1) * 2 > m->cap) grow(m);
    uint64_t h = hash_of(s, n);
    struct oct_strmap_slot *sl = slot_of(m, s, n, h);
    if (!sl->key) {
        OCT_GROW(m->pool, m->poolcap, m->used + n + 1);
        memcpy(m->pool + m->used, s, n);
        m->pool[m->used + n] = 0;
        *sl = (struct oct_strmap_slot){h, m->used + 1, n, value};
        m->used += n + 1;
        m->n++;
    }
    sl->value = value;
}

void oct_strmap_clear(oct_strmap *m)
{
    /* a map once grown for a big item, now reused for small ones: start
     * small again rather than wipe the big table every time */
    if (m->cap > 256 && m->n * 8 < m->cap) {
        free(m->slots);
        m->slots = NULL;
        m->cap = 0;
    } else if (m->n && m->slots) {
        memset(m->slots, 0, m->cap * sizeof *m->slots);
    }
    m->n = 0;
    m->used = 0;
}

size_t oct_strmap_count(const oct_strmap *m)
{
    return m->n;
}

void oct_strmap_free(oct_strmap *m)
{
    free(m->slots);
    free(m->pool);
    memset(m, 0, sizeof *m);
}
