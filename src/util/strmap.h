/* A map from byte strings to numbers (ids, positions): open addressing on
 * a 64-bit FNV-1a hash, keys copied into one pool, so a pass that looks
 * up a word per word of the notes stays linear. Zero-initialise
 * (OCT_STRMAP_INIT) before use; free with oct_strmap_free. */
#ifndef OCT_UTIL_STRMAP_H
#define OCT_UTIL_STRMAP_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    struct oct_strmap_slot *slots;
    size_t cap, n;
    char *pool; /* the keys, each followed by a NUL */
    size_t used, poolcap;
} oct_strmap;

#define OCT_STRMAP_INIT                                                                            \
    {                                                                                              \
        0                                                                                          \
    }

/* The value stored for s[0..n) into *value; false when there is none. */
bool oct_strmap_get(const oct_strmap *m, const char *s, size_t n, size_t *value);
/* Stores value for s[0..n), replacing an earlier one. */
void oct_strmap_put(oct_strmap *m, const char *s, size_t n, size_t value);
/* Forgets every key, keeping the room (for a map reused per item). */
void oct_strmap_clear(oct_strmap *m);
/* Number of keys. */
size_t oct_strmap_count(const oct_strmap *m);
void oct_strmap_free(oct_strmap *m);

#endif
