#define _POSIX_C_SOURCE 200809L
#include "cli/stage.h"
#include "util/deps.h"
#include "util/fileio.h"
#include "util/xalloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void report(oct_diag *diag, const char *path, const char *what, int err)
{
    oct_diag_report(diag, OCT_ERROR, path, 0, 0, "write-failed", "%s: %s", what, strerror(err));
}

/* mkstemp's name for DIR/.NAME.XXXXXX: hidden, and in the output's own
 * directory so that the final rename never crosses a file system. */
static char *make_temp(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 16;
    char *tmp = oct_xmalloc(n);
    snprintf(tmp, n, "%s/.%s.XXXXXX", dir, name);
    return oct_temp_file(tmp);
}

int oct_stage_open(oct_stage *s, const char *dir, oct_diag *diag)
{
    memset(s, 0, sizeof *s);
    s->dir = dir;
    struct stat st;
    if (oct_mkdirs(dir) != 0) {
        report(diag, dir, "cannot create output directory", errno);
        return -1;
    }
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        report(diag, dir, "output directory is not a directory", errno ? errno : ENOTDIR);
        return -1;
    }
    /* a probe: permissions, read-only mounts and pseudo file systems all
     * show here, even for root, for whom access(W_OK) says yes */
    char *probe = make_temp(dir, "octavo-probe");
    if (!probe) {
        report(diag, dir, "cannot write in output directory", errno);
        return -1;
    }
    unlink(probe);
    free(probe);
    return 0;
}

const char *oct_stage_add(oct_stage *s, const char *name, oct_diag *diag)
{
    size_t n = strlen(s->dir) + strlen(name) + 2;
    char *final = oct_xmalloc(n);
    snprintf(final, n, "%s/%s", s->dir, name);
    struct stat st;
    if (lstat(final, &st) == 0 && S_ISDIR(st.st_mode)) {
        report(diag, final, "cannot replace", EISDIR);
        free(final);
        return NULL;
    }
    char *tmp = make_temp(s->dir, name);
    if (!tmp) {
        report(diag, final, "cannot create", errno);
        free(final);
        return NULL;
    }
    OCT_GROW(s->files, s->cap, s->len + 1);
    s->files[s->len].tmp = tmp;
    s->files[s->len].final = final;
    return s->files[s->len++].tmp;
}

int oct_stage_commit(oct_stage *s, oct_diag *diag, void (*wrote)(const char *, void *), void *ctx)
{
    for (size_t i = 0; i < s->len; i++) {
        if (!s->files[i].tmp) continue;
        if (oct_sync_rename(s->files[i].tmp, s->files[i].final) != 0) {
            report(diag, s->files[i].final, "cannot write", errno);
            return -1;
        }
        oct_deps_renamed(s->files[i].tmp, s->files[i].final);
        free(s->files[i].tmp);
        s->files[i].tmp = NULL;
        if (wrote) wrote(s->files[i].final, ctx);
    }
    return 0;
}

void oct_stage_release(oct_stage *s)
{
    for (size_t i = 0; i < s->len; i++) {
        if (s->files[i].tmp) unlink(s->files[i].tmp);
        free(s->files[i].tmp);
        free(s->files[i].final);
    }
    free(s->files);
    memset(s, 0, sizeof *s);
}
