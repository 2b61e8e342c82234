/* Whether a word is one of a list's (st_in_set). The study pass asks it
 * for the first words of every line of the notes, against lists of up to
 * a few hundred exam verbs and question words in a dozen languages; a
 * scan of the longest took most of the time spent reading a line. A list
 * of more than a few words is hashed the first time it is asked about
 * and kept for the process (the lists are static arrays, so the pointer
 * names the list, hashed to find its table). Several booklets may be
 * studied at once (--jobs): a table is published with release/acquire
 * ordering, and never changed after. */
#include "study/study_int.h"
#include "util/strmap.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

enum {
    MAX_SETS = 128, /* lists asked about; more are scanned */
    SLOTS = 256,    /* a list's table is found by its pointer's hash */
    SMALL = 8       /* words: scanning is as quick as hashing */
};

typedef struct {
    const char *const *set;
    bool small;
    oct_strmap map;
} table;

static table tables[MAX_SETS];
static size_t ntables;                      /* under `adding` */
static _Atomic(const table *) slots[SLOTS]; /* open addressing by the list's address */
static pthread_mutex_t adding = PTHREAD_MUTEX_INITIALIZER;

static bool scan(const char *w, size_t n, const char *const *set)
{
    for (; *set; set++)
        if ((*set)[0] == w[0] && strncmp(*set, w, n) == 0 && (*set)[n] == '\0') return true;
    return false;
}

/* The slot holding set's table, or the empty one where it would go. */
static size_t slot_of(const char *const *set)
{
    size_t h = ((uintptr_t)set >> 3) * 0x9E3779B97F4A7C15u >> 56; /* 0..255 */
    for (size_t k = 0; k < SLOTS; k++, h = (h + 1) % SLOTS) {
        const table *t = atomic_load_explicit(&slots[h], memory_order_acquire);
        if (!t || t->set == set) return h;
    }
    return SLOTS; /* full (cannot be: MAX_SETS < SLOTS) */
}

/* The table of set, made now if it has none; NULL when there is no room. */
static const table *table_of(const char *const *set)
{
    size_t h = slot_of(set);
    const table *t = h < SLOTS ? atomic_load_explicit(&slots[h], memory_order_acquire) : NULL;
    if (t) return t;
    pthread_mutex_lock(&adding);
    h = slot_of(set); /* another thread may have made it meanwhile */
    t = h < SLOTS ? atomic_load_explicit(&slots[h], memory_order_acquire) : NULL;
    if (!t && h < SLOTS && ntables < MAX_SETS) {
        table *nt = &tables[ntables++];
        nt->set = set;
        size_t count = 0;
        for (const char *const *w = set; *w; w++)
            count++;
        nt->small = count <= SMALL;
        for (size_t i = 0; !nt->small && set[i]; i++)
            oct_strmap_put(&nt->map, set[i], strlen(set[i]), i);
        atomic_store_explicit(&slots[h], nt, memory_order_release);
        t = nt;
    }
    pthread_mutex_unlock(&adding);
    return t;
}

bool st_in_set_n(const char *w, size_t n, const char *const *set)
{
    if (n == 0) return scan("", 0, set);
    const table *t = table_of(set);
    if (!t || t->small) return scan(w, n, set);
    size_t v;
    return oct_strmap_get(&t->map, w, n, &v);
}

bool st_in_set(const char *w, const char *const *set)
{
    return st_in_set_n(w, strlen(w), set);
}
