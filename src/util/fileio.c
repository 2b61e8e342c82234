#define _POSIX_C_SOURCE 200809L
#include "util/fileio.h"
#include "util/buf.h"
#include "util/deps.h"
#include "util/xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <stdint.h>
#include <unistd.h>

/* Reads fd to its end into b (which may hold a first part already);
 * 0, or -1 with errno set (EFBIG past max_bytes, EIO on a read error). */
static int read_rest(int fd, oct_buf *b, size_t max_bytes)
{
    for (;;) {
        if (b->cap < b->len + 2) oct_buf_grow(b, 65536); /* room for a byte and the NUL */
        ssize_t n = read(fd, b->data + b->len, b->cap - b->len - 1);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            errno = EIO;
            return -1;
        }
        if (n == 0) {
            b->data[b->len] = '\0';
            return 0;
        }
        b->len += (size_t)n;
        if (b->len > max_bytes) {
            errno = EFBIG;
            return -1;
        }
    }
}

char *oct_read_file(const char *path, size_t max_bytes, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    oct_deps_note(fd >= 0 ? OCT_DEP_INPUT : OCT_DEP_MISSING, path);
    if (fd < 0) return NULL;
    oct_buf b = OCT_BUF_INIT;
    /* A regular file's size is known: one allocation of the right size
     * (fonts are read whole; growing by doubling copied them twice over). */
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
        if ((unsigned long long)st.st_size > max_bytes) {
            close(fd);
            errno = EFBIG;
            return NULL;
        }
        oct_buf_grow(&b, (size_t)st.st_size + 1);
    }
    int rc = read_rest(fd, &b, max_bytes);
    int e = errno;
    close(fd);
    if (rc != 0) {
        oct_buf_free(&b);
        errno = e;
        return NULL;
    }
    *len = b.len;
    return oct_buf_detach(&b);
}

char *oct_read_head(const char *path, size_t n, size_t *len)
{
    FILE *f = fopen(path, "rb");
    oct_deps_note(f ? OCT_DEP_INPUT : OCT_DEP_MISSING, path);
    if (!f) return NULL;
    char *data = oct_xmalloc(n + 1);
    *len = fread(data, 1, n, f);
    data[*len] = '\0';
    fclose(f);
    return data;
}

void *oct_map_file(const char *path, size_t max_bytes, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    oct_deps_note(fd >= 0 ? OCT_DEP_INPUT : OCT_DEP_MISSING, path);
    if (fd < 0) return NULL;
    struct stat st;
    void *m = NULL;
    if (fstat(fd, &st) != 0) {
        m = NULL;
    } else if (!S_ISREG(st.st_mode) || st.st_size <= 0) {
        errno = EINVAL;
    } else if ((uint64_t)st.st_size > max_bytes) {
        errno = EFBIG;
    } else {
        m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (m == MAP_FAILED)
            m = NULL;
        else
            *len = (size_t)st.st_size;
    }
    int err = errno;
    close(fd);
    errno = err;
    return m;
}

void oct_unmap_file(void *p, size_t len)
{
    if (p) munmap(p, len);
}

char *oct_temp_file(char *pattern)
{
    int fd = mkstemp(pattern);
    if (fd < 0) {
        free(pattern);
        return NULL;
    }
    /* mkstemp creates 0600; outputs are ordinary files. */
    fchmod(fd, 0644);
    close(fd);
    return pattern;
}

int oct_sync_rename(const char *tmp, const char *path)
{
    int fd = open(tmp, O_RDONLY);
    if (fd >= 0) {
        fsync(fd); /* before the rename: a crash never leaves an empty file */
        close(fd);
    }
    return rename(tmp, path);
}

int oct_write_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    bool ok = f && fwrite(data, 1, len, f) == len;
    int e = errno;
    if (f && fclose(f) != 0 && ok) {
        ok = false;
        e = errno;
    }
    errno = e;
    return ok ? 0 : -1;
}

char *oct_atomic_begin(const char *path)
{
    size_t n = strlen(path);
    char *tmp = oct_xmalloc(n + 16);
    snprintf(tmp, n + 16, "%s.tmp.XXXXXX", path);
    return oct_temp_file(tmp);
}

int oct_atomic_commit(char *tmp, const char *path)
{
    int rc = oct_sync_rename(tmp, path);
    if (rc != 0) {
        int e = errno;
        unlink(tmp);
        errno = e;
    }
    free(tmp);
    if (rc == 0) oct_deps_note(OCT_DEP_OUTPUT, path);
    return rc == 0 ? 0 : -1;
}

void oct_atomic_abort(char *tmp)
{
    if (!tmp) return;
    unlink(tmp);
    free(tmp);
}

int oct_mkdirs(const char *path)
{
    char *p = oct_xstrdup(path);
    for (char *s = p + 1; *s; s++) {
        if (*s != '/') continue;
        *s = '\0';
        if (mkdir(p, 0755) != 0 && errno != EEXIST) {
            free(p);
            return -1;
        }
        *s = '/';
    }
    int rc = mkdir(p, 0755);
    free(p);
    return (rc == 0 || errno == EEXIST) ? 0 : -1;
}
