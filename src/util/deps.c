#include "util/deps.h"
#include "util/strmap.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    char *path;
    oct_dep_kind kind;
} dep_entry;

struct oct_deps {
    dep_entry *items;
    size_t len, cap;
    oct_strmap seen; /* kind byte + path → index into items */
};

/* The recorder the file functions of this thread report to (see deps.h):
 * a backend on a second thread records into its own, merged afterwards. */
static _Thread_local oct_deps *current;

oct_deps *oct_deps_new(void)
{
    return oct_xcalloc(1, sizeof(oct_deps));
}

void oct_deps_free(oct_deps *d)
{
    if (!d) return;
    if (current == d) current = NULL;
    for (size_t i = 0; i < d->len; i++)
        free(d->items[i].path);
    free(d->items);
    oct_strmap_free(&d->seen);
    free(d);
}

oct_deps *oct_deps_record_to(oct_deps *d)
{
    oct_deps *old = current;
    current = d;
    return old;
}

/* A missing file and an input share one key: a later read upgrades it. */
static char key_kind(oct_dep_kind k)
{
    return k == OCT_DEP_MISSING ? (char)OCT_DEP_INPUT : (char)k;
}

/* The map key of (kind, path): a kind digit, then the path; *n its length
 * (malloc'd, NUL-terminated). */
static char *dep_key(oct_dep_kind kind, const char *path, size_t *n)
{
    size_t len = strlen(path);
    char *key = oct_xmalloc(len + 2);
    key[0] = (char)('0' + key_kind(kind));
    memcpy(key + 1, path, len + 1);
    *n = len + 1;
    return key;
}

oct_deps *oct_deps_current(void)
{
    return current;
}

static void note_into(oct_deps *d, oct_dep_kind kind, const char *path)
{
    if (!d || !path || !*path) return;
    size_t n, at;
    char *key = dep_key(kind, path, &n);
    if (oct_strmap_get(&d->seen, key, n, &at)) {
        if (kind == OCT_DEP_INPUT) d->items[at].kind = OCT_DEP_INPUT;
    } else {
        OCT_GROW(d->items, d->cap, d->len + 1);
        d->items[d->len] = (dep_entry){oct_xstrdup(path), kind};
        oct_strmap_put(&d->seen, key, n, d->len++);
    }
    free(key);
}

void oct_deps_note(oct_dep_kind kind, const char *path)
{
    note_into(current, kind, path);
}

void oct_deps_merge(oct_deps *into, const oct_deps *from)
{
    if (!into || !from) return;
    for (size_t i = 0; i < from->len; i++)
        note_into(into, from->items[i].kind, from->items[i].path);
}

void oct_deps_renamed(const char *from, const char *to)
{
    oct_deps *d = current;
    if (!d || !from || !to) return;
    size_t n, m, at;
    char *key = dep_key(OCT_DEP_OUTPUT, from, &n), *tkey = dep_key(OCT_DEP_OUTPUT, to, &m);
    if (oct_strmap_get(&d->seen, key, n, &at) && !oct_strmap_get(&d->seen, tkey, m, NULL)) {
        /* the entry keeps its place (the order outputs were written in) */
        free(d->items[at].path);
        d->items[at].path = oct_xstrdup(to);
        oct_strmap_put(&d->seen, tkey, m, at);
    } else {
        oct_deps_note(OCT_DEP_OUTPUT, to);
    }
    free(tkey);
    free(key);
}

size_t oct_deps_count(const oct_deps *d)
{
    return d ? d->len : 0;
}

const char *oct_deps_path(const oct_deps *d, size_t i, oct_dep_kind *kind)
{
    if (!d || i >= d->len) return NULL;
    if (kind) *kind = d->items[i].kind;
    return d->items[i].path;
}

const char *oct_deps_first_output(const oct_deps *d)
{
    for (size_t i = 0; i < oct_deps_count(d); i++)
        if (d->items[i].kind == OCT_DEP_OUTPUT) return d->items[i].path;
    return NULL;
}

/* Ninja 1.11's depfile lexer ends a name at these (no escape exists). */
static int unreadable(unsigned char c)
{
    return c < 0x20 || c == 0x7f || strchr("'\"&;*?|<>^`", c);
}

int oct_depfile_escape(const char *path, oct_buf *out)
{
    for (const unsigned char *s = (const unsigned char *)path; *s; s++) {
        if (unreadable(*s)) return -1;
        if (*s == '\\' && (!s[1] || strchr(" #:", s[1]))) return -1;
    }
    for (const char *s = path; *s; s++) {
        if (*s == ' ' || *s == '#' || *s == ':')
            oct_buf_putc(out, '\\');
        else if (*s == '$')
            oct_buf_putc(out, '$');
        oct_buf_putc(out, *s);
    }
    return 0;
}

/* Whether the build also wrote path (an Anki deck among the notes is read
 * back as a source): a prerequisite of its own rule would be a cycle. */
static int written(const oct_deps *d, const char *path)
{
    size_t n;
    char *key = dep_key(OCT_DEP_OUTPUT, path, &n);
    int found = oct_strmap_get(&d->seen, key, n, NULL);
    free(key);
    return found;
}

int oct_deps_format(const oct_deps *d, const char *target, oct_buf *out, const char **bad)
{
    *bad = NULL;
    if (oct_depfile_escape(target, out) != 0) {
        *bad = target;
        return -1;
    }
    oct_buf_putc(out, ':');
    for (size_t i = 0; i < oct_deps_count(d); i++) {
        if (d->items[i].kind != OCT_DEP_INPUT || written(d, d->items[i].path)) continue;
        oct_buf_puts(out, " \\\n  ");
        if (oct_depfile_escape(d->items[i].path, out) != 0) {
            *bad = d->items[i].path;
            return -1;
        }
    }
    oct_buf_putc(out, '\n');
    return 0;
}
