/* Reading a file a source includes (include_near.h). */
#define _GNU_SOURCE /* memmem, realpath */
#include "ingest/formats/include_near.h"
#include "ingest/ingest.h"
#include "oct_limits.h"
#include "util/buf.h"
#include "util/fileio.h"
#include "util/xalloc.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* The folder of path ("." for a bare name), malloc'd. */
static char *folder_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash) return oct_xstrdup(".");
    return slash == path ? oct_xstrdup("/") : oct_xstrndup(path, (size_t)(slash - path));
}

void oct_incl_begin(oct_incl *f, const char *path, size_t *included)
{
    char *dir = folder_of(path);
    /* standard input has no real path: it includes from "." */
    *f = (oct_incl){realpath(path, NULL), realpath(dir, NULL), NULL, 0, included};
    free(dir);
}

void oct_incl_end(oct_incl *f)
{
    free((char *)f->real);
    free((char *)f->root);
    f->real = f->root = NULL;
}

oct_incl oct_incl_child(const oct_incl *up, const char *real)
{
    return (oct_incl){real, up->root, up, up->depth + 1, up->included};
}

static void refuse(const oct_incl_asker *a, const char *name, size_t nn, const char *why)
{
    oct_diag_report(a->diag, OCT_WARNING, a->path, a->line, 1, a->code, "%s '%.*s' is not read: %s",
                    a->what, (int)(nn > 200 ? 200 : nn), name, why);
}

/* Whether real lies beneath the folder dir (both real paths). */
static bool beneath(const char *real, const char *dir)
{
    size_t n = strlen(dir);
    if (n == 1 && dir[0] == '/') return true;
    return !strncmp(real, dir, n) && real[n] == '/';
}

/* The checks past the file's existence: depth, cycle, bytes; the text
 * decoded, or NULL after a warning. */
static char *read_checked(const oct_incl *f, const oct_incl_asker *a, const char *name, size_t nn,
                          const char *rfile, const char *path, size_t *len)
{
    if (f->depth >= OCT_LIMIT_INCLUDE_DEPTH) {
        char why[64];
        snprintf(why, sizeof why, "includes nest more than %d deep", OCT_LIMIT_INCLUDE_DEPTH);
        refuse(a, name, nn, why);
        return NULL;
    }
    for (const oct_incl *up = f; up; up = up->up)
        if (up->real && !strcmp(up->real, rfile)) {
            refuse(a, name, nn, "it is being read already (it includes itself)");
            return NULL;
        }
    size_t blen = 0;
    errno = 0;
    char *bytes = oct_read_file(rfile, OCT_MAX_SOURCE_BYTES, &blen), *text = NULL;
    /* each read costs its bytes and a little, so that empty files
     * included over and over cost too */
    size_t cost = blen + 256, *spent = f->included;
    if (!bytes)
        refuse(a, name, nn, strerror(errno ? errno : EIO));
    else if (spent && *spent + cost > OCT_MAX_SOURCE_BYTES)
        refuse(a, name, nn, "the files included pass the size a source may have");
    else
        text = oct_ingest_decode(path, bytes, blen, len, a->diag);
    if (text && spent) *spent += cost;
    free(bytes);
    return text;
}

char *oct_incl_read(const oct_incl *f, const oct_incl_asker *a, const char *name, size_t nn,
                    size_t *len, char **real, char **shown)
{
    *real = *shown = NULL;
    if (!nn || memchr(name, '\0', nn)) {
        refuse(a, name, nn, "no file named");
        return NULL;
    }
    if (name[0] == '<' || (nn > 3 && memmem(name, nn, "://", 3))) {
        refuse(a, name, nn, "only a file beside the source is read");
        return NULL;
    }
    char *dir = folder_of(a->path), *text = NULL;
    oct_buf path = OCT_BUF_INIT;
    if (name[0] != '/' && strcmp(dir, ".") != 0) oct_buf_printf(&path, "%s/", dir);
    oct_buf_put(&path, name, nn);
    /* relative to the file that names it, as docutils and Org resolve
     * it; only beneath the source's own folder */
    errno = 0;
    char *rfile = realpath(path.data, NULL);
    if (!rfile || !f->root)
        refuse(a, name, nn, strerror(errno ? errno : ENOENT));
    else if (!beneath(rfile, f->root))
        refuse(a, name, nn, "it lies outside the source's folder");
    else
        text = read_checked(f, a, name, nn, rfile, path.data, len);
    if (text) {
        *real = rfile;
        *shown = oct_buf_detach(&path);
        rfile = NULL;
    }
    free(rfile);
    free(dir);
    oct_buf_free(&path);
    return text;
}
