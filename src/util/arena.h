/* Arena: one per build. Owns every tree node and string; freeing the arena
 * frees them all at once, so nothing in the tree is freed on its own. */
#ifndef OCT_ARENA_H
#define OCT_ARENA_H
#include <stddef.h>

typedef struct oct_arena oct_arena;

oct_arena *oct_arena_new(void);
/* Zeroed memory, aligned for any type, owned by the arena. Never NULL. */
void *oct_arena_alloc(oct_arena *a, size_t n);
/* NUL-terminated copies owned by the arena. s may be NULL (returns NULL). */
char *oct_arena_strdup(oct_arena *a, const char *s);
char *oct_arena_strndup(oct_arena *a, const char *s, size_t n);
/* x, y and z one after the other (NULL: nothing) in arena memory: the
 * hrefs and ids made by the thousand, without printf's parsing. */
char *oct_arena_cat(oct_arena *a, const char *x, const char *y, const char *z);
/* printf into arena memory. */
char *oct_arena_printf(oct_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Releases everything; NULL-safe. */
void oct_arena_free(oct_arena *a);

#endif
