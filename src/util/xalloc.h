/* Checked allocation. octavo is a command-line tool: running out of memory
 * prints one message and exits with status 3 instead of limping on. */
#ifndef OCT_XALLOC_H
#define OCT_XALLOC_H
#include <stddef.h>

void *oct_xmalloc(size_t n);
void *oct_xcalloc(size_t count, size_t size);
void *oct_xrealloc(void *p, size_t n);
/* Returns a malloc'd copy of s (caller frees). */
char *oct_xstrdup(const char *s);
char *oct_xstrndup(const char *s, size_t n);

#endif
