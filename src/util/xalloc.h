/* Checked allocation. octavo is a command-line tool: running out of memory
 * prints one message and exits with status 3 instead of limping on. */
#ifndef OCT_XALLOC_H
#define OCT_XALLOC_H
#include <stddef.h>

void *oct_xmalloc(size_t n);
void *oct_xcalloc(size_t count, size_t size);
/* Zeroed like oct_xcalloc, but written at once: for a hash table, whose
 * probes read a slot before anything is written to it. A fresh page that
 * is read first maps the kernel's shared zero page, and its first write
 * then faults again and, in a build with several threads, interrupts the
 * other cores to flush their TLBs (3.6 ms of CPU in a Django build, 80 ms
 * at 100x, all but a little in hash tables). */
void *oct_xtable(size_t count, size_t size);
void *oct_xrealloc(void *p, size_t n);
/* Returns a malloc'd copy of s (caller frees). */
char *oct_xstrdup(const char *s);
char *oct_xstrndup(const char *s, size_t n);

/* The one way to grow an array: makes room for at least `need` elements of
 * `size` bytes in *p (capacity *cap, doubled from 16), keeping its contents.
 * Usage: OCT_GROW(v, cap, n + 1); v[n++] = x; */
void oct_grow(void **p, size_t *cap, size_t need, size_t size);
/* (the room check is inline: it runs per glyph in the PDF's hot loops) */
#define OCT_GROW(arr, cap, need)                                                                   \
    ((size_t)(need) <= (cap) ? (void)0 : oct_grow((void **)&(arr), &(cap), (need), sizeof *(arr)))

#endif
