/* Watches for `octavo watch`. Inputs are watched twice: the file itself
 * (its inode: writes in place, through a symbolic link too) and its
 * directory (editors that save to a temporary file and rename it over the
 * old one replace the inode; only the directory sees the new one). A
 * directory event counts only for a name the build read (and did not
 * write: an output in a directory of notes is read back as one), or, in a
 * directory listed for sources, for a note, a manifest or a subdirectory
 * that is not an output, a hidden file or an atomic write's temporary
 * (`*.tmp.XXXXXX`), so writing the outputs never triggers a rebuild. */
#include "cli/watchset.h"
#include "util/xalloc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

enum { W_FILE, W_DIR };

typedef struct {
    char *dir, *base; /* an input, an output or a listed directory (base NULL) */
    oct_dep_kind kind;
} entry;

typedef struct {
    int wd;
    int type;   /* W_FILE or W_DIR */
    char *path; /* as watched */
} watch;

struct oct_watchset {
    int fd;
    entry *ents;
    size_t nents, capents;
    watch *watches;
    size_t nwatches, capwatches;
    char **changed;
    size_t nchanged, capchanged;
};

enum {
    FILE_MASK = IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF,
    DIR_MASK = IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM |
               IN_MOVED_TO | IN_ONLYDIR,
};

oct_watchset *oct_watchset_new(void)
{
    int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd < 0) return NULL;
    oct_watchset *w = oct_xcalloc(1, sizeof *w);
    w->fd = fd;
    return w;
}

void oct_watchset_free(oct_watchset *w)
{
    if (!w) return;
    close(w->fd);
    for (size_t i = 0; i < w->nents; i++) {
        free(w->ents[i].dir);
        free(w->ents[i].base);
    }
    for (size_t i = 0; i < w->nwatches; i++)
        free(w->watches[i].path);
    for (size_t i = 0; i < w->nchanged; i++)
        free(w->changed[i]);
    free(w->ents);
    free(w->watches);
    free(w->changed);
    free(w);
}

int oct_watchset_fd(const oct_watchset *w)
{
    return w->fd;
}

/* "a/b/" → "a/b"; "/" stays. Caller frees. */
static char *trimmed(const char *p, size_t n)
{
    while (n > 1 && p[n - 1] == '/')
        n--;
    return n ? oct_xstrndup(p, n) : oct_xstrdup(".");
}

static void split(const char *path, char **dir, char **base)
{
    char *t = trimmed(path, strlen(path));
    char *slash = strrchr(t, '/');
    if (!slash) {
        *dir = oct_xstrdup(".");
        *base = t;
        return;
    }
    *base = oct_xstrdup(slash + 1);
    *dir = slash == t ? oct_xstrdup("/") : oct_xstrndup(t, (size_t)(slash - t));
    free(t);
}

/* Returns 0, or 1 when the path cannot be watched (it may not exist yet). */
static int add_watch(oct_watchset *w, const char *path, int type)
{
    int wd = inotify_add_watch(w->fd, path, type == W_DIR ? DIR_MASK : FILE_MASK);
    if (wd < 0) return 1;
    for (size_t i = 0; i < w->nwatches; i++)
        if (w->watches[i].wd == wd) return 0;
    OCT_GROW(w->watches, w->capwatches, w->nwatches + 1);
    w->watches[w->nwatches++] = (watch){wd, type, oct_xstrdup(path)};
    return 0;
}

size_t oct_watchset_add(oct_watchset *w, const oct_deps *deps)
{
    size_t failed = 0;
    for (size_t i = 0; i < oct_deps_count(deps); i++) {
        oct_dep_kind kind;
        const char *path = oct_deps_path(deps, i, &kind);
        entry e = {NULL, NULL, kind};
        if (kind == OCT_DEP_DIR)
            e.dir = trimmed(path, strlen(path));
        else
            split(path, &e.dir, &e.base);
        OCT_GROW(w->ents, w->capents, w->nents + 1);
        w->ents[w->nents++] = e;
        if (kind == OCT_DEP_OUTPUT) continue;
        failed += (size_t)add_watch(w, e.dir, W_DIR);
        if (kind == OCT_DEP_INPUT) failed += (size_t)add_watch(w, path, W_FILE);
    }
    return failed;
}

size_t oct_watchset_files(const oct_watchset *w)
{
    size_t n = 0;
    for (size_t i = 0; i < w->nents; i++)
        n += w->ents[i].kind == OCT_DEP_INPUT;
    return n;
}

size_t oct_watchset_dirs(const oct_watchset *w)
{
    size_t n = 0;
    for (size_t i = 0; i < w->nwatches; i++)
        n += w->watches[i].type == W_DIR;
    return n;
}

static int has_entry(const oct_watchset *w, const char *dir, const char *base, int kind)
{
    for (size_t i = 0; i < w->nents; i++) {
        const entry *e = &w->ents[i];
        if ((int)e->kind != kind && !(kind == OCT_DEP_INPUT && e->kind == OCT_DEP_MISSING))
            continue;
        if (strcmp(e->dir, dir) == 0 && (!base || (e->base && strcmp(e->base, base) == 0)))
            return 1;
    }
    return 0;
}

static void note_change(oct_watchset *w, const char *dir, const char *name)
{
    oct_buf b = OCT_BUF_INIT;
    if (name && *name)
        oct_buf_printf(&b, "%s/%s", dir, name);
    else
        oct_buf_puts(&b, dir);
    for (size_t i = 0; i < w->nchanged; i++)
        if (strcmp(w->changed[i], b.data) == 0) {
            oct_buf_free(&b);
            return;
        }
    OCT_GROW(w->changed, w->capchanged, w->nchanged + 1);
    w->changed[w->nchanged++] = oct_buf_detach(&b);
}

/* What src/cli/collect.c takes from a listed directory: notes, a manifest
 * (and subdirectories, which may hold booklets). A depfile or an editor's
 * backup written there is not a reason to rebuild. */
static int source_name(const char *name)
{
    static const char *const ends[] = {".md",  ".txt",  ".markdown", ".ipynb",      ".org",
                                       ".rst", ".docx", ".odt",      "booklet.yaml"};
    size_t n = strlen(name);
    for (size_t i = 0; i < sizeof ends / sizeof *ends; i++) {
        size_t m = strlen(ends[i]);
        if (n >= m && strcmp(name + n - m, ends[i]) == 0) return 1;
    }
    return 0;
}

/* Whether one event concerns the build; notes the path when it does. */
static int relevant(oct_watchset *w, const struct inotify_event *ev)
{
    if (ev->mask & IN_Q_OVERFLOW) {
        note_change(w, "(many files)", NULL);
        return 1;
    }
    const watch *wt = NULL;
    for (size_t i = 0; i < w->nwatches && !wt; i++)
        if (w->watches[i].wd == ev->wd) wt = &w->watches[i];
    if (!wt || (ev->mask & IN_IGNORED)) return 0;
    if (wt->type == W_FILE) {
        char *dir, *base;
        split(wt->path, &dir, &base);
        int out = has_entry(w, dir, base, OCT_DEP_OUTPUT);
        free(dir);
        free(base);
        if (out) return 0; /* read and written (a deck among the notes) */
        note_change(w, wt->path, NULL);
        return 1;
    }
    const char *name = ev->len ? ev->name : "";
    if (!*name || has_entry(w, wt->path, name, OCT_DEP_OUTPUT)) return 0;
    if (has_entry(w, wt->path, name, OCT_DEP_INPUT)) {
        note_change(w, wt->path, name);
        return 1;
    }
    if (!has_entry(w, wt->path, NULL, OCT_DEP_DIR)) return 0;
    if (name[0] == '.' || strstr(name, ".tmp.")) return 0;
    if (!(ev->mask & IN_ISDIR) && !source_name(name)) return 0;
    note_change(w, wt->path, name);
    return 1;
}

size_t oct_watchset_read(oct_watchset *w)
{
    size_t hits = 0;
    char buf[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
    for (;;) {
        ssize_t n = read(w->fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        for (char *p = buf; p < buf + n;) {
            const struct inotify_event *ev = (const struct inotify_event *)p;
            hits += (size_t)relevant(w, ev);
            p += sizeof *ev + ev->len;
        }
    }
    return hits;
}

size_t oct_watchset_take_changes(oct_watchset *w, oct_buf *names)
{
    size_t n = w->nchanged;
    for (size_t i = 0; i < n; i++) {
        if (i < 3) oct_buf_printf(names, "%s%s", i ? ", " : "", w->changed[i]);
        free(w->changed[i]);
    }
    if (n > 3) oct_buf_printf(names, " and %zu more", n - 3);
    w->nchanged = 0;
    return n;
}
