/* Small open-addressing hash maps used while planning an EPUB: string keys
 * (anchor ids, footnote keys) and pointer keys (tree nodes). Keys are
 * borrowed and must outlive the map; values are opaque pointers. A zeroed
 * map is empty and ready to use. */
#ifndef OCT_EPUB_MAP_H
#define OCT_EPUB_MAP_H
#include <stddef.h>

typedef struct {
    const void *key;
    void *val;
} oct_epub_slot;

typedef struct {
    oct_epub_slot *slots;
    size_t cap, len;
    int by_pointer; /* 0: keys are C strings; 1: keys compare as pointers */
} oct_epub_map;

/* Inserts or replaces. */
void oct_epub_map_put(oct_epub_map *m, const void *key, void *val);
/* Returns the stored value, or NULL when the key is absent. */
void *oct_epub_map_get(const oct_epub_map *m, const void *key);
int oct_epub_map_has(const oct_epub_map *m, const void *key);
/* Frees the slot array (not the keys or values); NULL-safe. */
void oct_epub_map_free(oct_epub_map *m);

#endif
