/* Where an image URL may lead: only to a regular file beneath the
 * booklet's directory. The URL is percent-decoded, joined to the source's
 * directory and normalised without touching the disk (a `..` that climbs
 * out is refused before anything is looked up), then resolved with
 * realpath() and checked again, so a symbolic link cannot lead out
 * either. The file is opened without following links, as a regular file
 * only (a FIFO or a device would block or never end). */
#define _XOPEN_SOURCE 700 /* realpath */
#include "ingest/images/images_path.h"
#include "util/buf.h"
#include "util/deps.h"
#include "util/xalloc.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    c = tolower(c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* The scheme of url ("http" for "http://…"), or 0 chars when it has none.
 * A single letter before ':' is a Windows drive, not a scheme. */
static size_t scheme_len(const char *url)
{
    size_t i = 0;
    if (!isalpha((unsigned char)url[0])) return 0;
    while (isalnum((unsigned char)url[i]) || url[i] == '+' || url[i] == '-' || url[i] == '.')
        i++;
    return url[i] == ':' && i > 1 ? i : 0;
}

oct_url_kind oct_image_url_kind(const char *url)
{
    if (!url || !*url) return OCT_URL_EMPTY;
    if (!strncmp(url, "//", 2)) return OCT_URL_REMOTE;
    size_t s = scheme_len(url);
    if (s == 4 && !strncasecmp(url, "file", 4)) return OCT_URL_ABSOLUTE;
    if (s) return OCT_URL_REMOTE;
    if (url[0] == '/' || url[0] == '\\' || (isalpha((unsigned char)url[0]) && url[1] == ':'))
        return OCT_URL_ABSOLUTE;
    return OCT_URL_LOCAL;
}

/* Path part of a relative URL, percent-decoded, '\' read as '/'. NULL
 * when it decodes to a NUL byte. */
static char *decode_path(const char *url)
{
    oct_buf b = OCT_BUF_INIT;
    for (const char *s = url; *s && *s != '?' && *s != '#'; s++) {
        int hi, lo;
        char c = *s;
        if (c == '%' && (hi = hexval((unsigned char)s[1])) >= 0 &&
            (lo = hexval((unsigned char)s[2])) >= 0) {
            c = (char)(hi * 16 + lo);
            s += 2;
            if (c == '\0') {
                oct_buf_free(&b);
                return NULL;
            }
        }
        oct_buf_putc(&b, c == '\\' ? '/' : c);
    }
    return oct_buf_detach(&b);
}

/* dir (absolute, no trailing slash) + rel with "." and ".." folded, never
 * above "/". */
static char *lexical_join(const char *dir, const char *rel)
{
    oct_buf b = OCT_BUF_INIT;
    oct_buf_puts(&b, dir);
    const char *s = rel;
    while (*s) {
        const char *e = strchr(s, '/');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        if (n == 0 || (n == 1 && s[0] == '.')) {
            /* nothing */
        } else if (n == 2 && s[0] == '.' && s[1] == '.') {
            char *slash = strrchr(b.data, '/');
            if (slash) b.len = (size_t)(slash - b.data);
            b.data[b.len] = '\0';
        } else {
            oct_buf_putc(&b, '/');
            oct_buf_put(&b, s, n);
        }
        s += n;
        if (*s == '/') s++;
    }
    if (b.len == 0) oct_buf_putc(&b, '/');
    return oct_buf_detach(&b);
}

bool oct_path_beneath(const char *path, const char *root)
{
    size_t n = strlen(root);
    if (n == 1 && root[0] == '/') return path[0] == '/';
    return strncmp(path, root, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

static void set_msg(oct_image_path *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void set_msg(oct_image_path *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->why, sizeof r->why, fmt, ap);
    va_end(ap);
}

int oct_image_resolve(const char *url, const char *srcdir, const char *root, oct_image_path *r)
{
    memset(r, 0, sizeof *r);
    char *rel = decode_path(url);
    if (!rel || !*rel) {
        r->code = "image-missing";
        set_msg(r, "names no file");
        free(rel);
        return -1;
    }
    char *joined = lexical_join(srcdir, rel);
    free(rel);
    if (!oct_path_beneath(joined, root)) {
        r->code = "image-outside";
        set_msg(r, "leads out of the booklet directory '%s' and is not read", root);
        free(joined);
        return -1;
    }
    char *real = realpath(joined, NULL);
    if (!real) {
        int e = errno;
        r->code = "image-missing";
        oct_deps_note(OCT_DEP_MISSING, joined); /* `octavo watch` sees it appear */
        if (e == ENOENT || e == ENOTDIR)
            set_msg(r, "not found (no file %s)", joined);
        else
            set_msg(r, "cannot be looked up: %s", strerror(e));
        free(joined);
        return -1;
    }
    free(joined);
    if (!oct_path_beneath(real, root)) {
        r->code = "image-outside";
        set_msg(r, "is a symbolic link leading out of the booklet directory '%s' and is not read",
                root);
        free(real);
        return -1;
    }
    r->real = real;
    return 0;
}

unsigned char *oct_image_read(const char *real, size_t max, size_t *len, oct_image_path *r)
{
    *len = 0;
    int fd = open(real, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    oct_deps_note(fd >= 0 ? OCT_DEP_INPUT : OCT_DEP_MISSING, real);
    if (fd < 0 || fstat(fd, &st) != 0) {
        r->code = "image-missing";
        set_msg(r, "cannot be read: %s", strerror(errno));
        if (fd >= 0) close(fd);
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        r->code = "image-missing";
        set_msg(r, "is not a regular file");
        close(fd);
        return NULL;
    }
    if ((unsigned long long)st.st_size > max) {
        r->code = "image-damaged";
        set_msg(r, "is %lld bytes, more than the limit of %zu bytes", (long long)st.st_size, max);
        close(fd);
        return NULL;
    }
    size_t cap = (size_t)st.st_size + 1, n = 0;
    unsigned char *buf = oct_xmalloc(cap);
    for (;;) {
        ssize_t k = read(fd, buf + n, cap - n);
        if (k < 0 && errno == EINTR) continue;
        if (k < 0) {
            r->code = "image-missing";
            set_msg(r, "cannot be read: %s", strerror(errno));
            free(buf);
            close(fd);
            return NULL;
        }
        if (k == 0) break;
        n += (size_t)k;
        if (n == cap) break; /* grew while we read: the stat size is what we take */
    }
    close(fd);
    *len = n;
    return buf;
}
