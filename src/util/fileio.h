/* Whole-file reads and atomic writes. */
#ifndef OCT_FILEIO_H
#define OCT_FILEIO_H
#include <stddef.h>

/* Reads the whole file into a malloc'd buffer (caller frees), NUL-terminated.
 * Returns NULL with errno set on failure. Files over max_bytes fail with EFBIG.
 * Reports the path to the dependency recorder (util/deps.h), as does
 * oct_atomic_commit for what it writes. */
char *oct_read_file(const char *path, size_t max_bytes, size_t *len);
/* The first n bytes at most (fewer if the file is shorter), the same way. */
char *oct_read_head(const char *path, size_t n, size_t *len);

/* Maps a regular, non-empty file read-only (a font of megabytes is paged
 * in only where it is read); NULL with errno (EFBIG over max_bytes).
 * Recorded like oct_read_file. Release with oct_unmap_file. */
void *oct_map_file(const char *path, size_t max_bytes, size_t *len);
void oct_unmap_file(void *p, size_t len);

/* Atomic output: oct_atomic_begin() creates an empty temporary file next to
 * `path` and returns its name (caller frees); write it by name, then
 * oct_atomic_commit() renames it over `path` (fsync first), or
 * oct_atomic_abort() removes it. A failed build thus never leaves a
 * half-written file and never destroys the previous good one. */
char *oct_atomic_begin(const char *path);
int oct_atomic_commit(char *tmp, const char *path);
void oct_atomic_abort(char *tmp);

/* The pieces of the above, for callers that stage several files at once
 * (cli/stage.c): oct_temp_file() creates the file named by `pattern` (a
 * malloc'd mkstemp pattern ending in XXXXXX, mode 0644) and returns it,
 * or frees it and returns NULL; oct_sync_rename() fsyncs tmp and renames
 * it over path (0, or -1 with errno). */
char *oct_temp_file(char *pattern);
int oct_sync_rename(const char *tmp, const char *path);

/* Writes data[0..len) to path (created or truncated): 0, or -1 with errno. */
int oct_write_file(const char *path, const void *data, size_t len);

/* mkdir -p; returns 0 or -1 with errno. */
int oct_mkdirs(const char *path);

#endif
