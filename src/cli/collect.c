#define _XOPEN_SOURCE 700 /* realpath */
#include "cli/cli.h"
#include "util/deps.h"
#include "util/xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Turning command-line inputs into booklets:
 *   booklet.yaml (or any .yaml)     → that manifest
 *   DIR with booklet.yaml           → that manifest
 *   DIR with manifests below it     → every one of them, in path order
 *   DIR with neither                → one booklet of its .md/.txt/.docx/.odt files in name order
 *   loose FILEs                     → one booklet of those files */

enum { MAX_DEPTH = 8 };

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static int is_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        n--;
    char *p = oct_xmalloc(n + strlen(name) + 2);
    sprintf(p, "%.*s/%s", (int)n, dir, name);
    return p;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted entry names of dir (caller frees each and the array). */
static char **list_dir(const char *dir, size_t *count)
{
    *count = 0;
    DIR *d = opendir(dir);
    if (!d) return NULL;
    oct_deps_note(OCT_DEP_DIR, dir); /* watch sees files added; not in a depfile */
    char **names = NULL;
    size_t len = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;
        names = oct_xrealloc(names, (len + 1) * sizeof *names);
        names[len++] = oct_xstrdup(e->d_name);
    }
    closedir(d);
    if (len) qsort(names, len, sizeof *names, cmp_str);
    *count = len;
    return names;
}

static void free_names(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

static oct_manifest *push(oct_booklets *b)
{
    b->items = oct_xrealloc(b->items, (b->len + 1) * sizeof *b->items);
    oct_manifest *m = &b->items[b->len++];
    memset(m, 0, sizeof *m);
    return m;
}

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

/* "notes-on_sql.md" → "notes on sql" (used for implicit titles). */
static char *title_from_name(const char *name)
{
    char *t = oct_xstrdup(name);
    char *dot = strrchr(t, '.');
    if (dot && dot != t) *dot = '\0';
    for (char *s = t; *s; s++)
        if (*s == '-' || *s == '_') *s = ' ';
    if (t[0] >= 'a' && t[0] <= 'z') t[0] = (char)(t[0] - 'a' + 'A');
    return t;
}

static char *slug_from_name(const char *name)
{
    char *s = oct_xstrdup(name);
    char *dot = strrchr(s, '.');
    if (dot && dot != s) *dot = '\0';
    for (char *p = s; *p; p++)
        if (*p == ' ' || *p == '/') *p = '-';
    return s;
}

static void add_source(oct_manifest *m, const char *path)
{
    m->sources = oct_xrealloc(m->sources, (m->nsources + 1) * sizeof *m->sources);
    m->sources[m->nsources].path = oct_xstrdup(path);
    m->sources[m->nsources].title = NULL;
    m->nsources++;
}

static int is_source_name(const char *name)
{
    return ends_with(name, ".md") || ends_with(name, ".txt") || ends_with(name, ".markdown") ||
           ends_with(name, ".ipynb") || ends_with(name, ".docx") || ends_with(name, ".odt") ||
           ends_with(name, ".org") || ends_with(name, ".rst");
}

static int load_manifest(const char *path, oct_booklets *out, oct_diag *diag)
{
    oct_manifest tmp;
    memset(&tmp, 0, sizeof tmp);
    if (oct_manifest_load(path, &tmp, diag) != 0) return OCT_EXIT_INPUT;
    *push(out) = tmp;
    return 0;
}

static int find_manifests(const char *dir, int depth, oct_booklets *out, oct_diag *diag, int *found)
{
    char *here = join(dir, "booklet.yaml");
    int rc = 0;
    if (is_file(here)) {
        (*found)++;
        rc = load_manifest(here, out, diag);
        free(here);
        return rc;
    }
    free(here);
    if (depth >= MAX_DEPTH) return 0;
    size_t n;
    char **names = list_dir(dir, &n);
    for (size_t i = 0; i < n; i++) {
        char *sub = join(dir, names[i]);
        if (is_dir(sub)) {
            int r = find_manifests(sub, depth + 1, out, diag, found);
            if (r) rc = r;
        }
        free(sub);
    }
    free_names(names, n);
    return rc;
}

static int collect_dir(const char *dir, oct_booklets *out, oct_diag *diag)
{
    int found = 0;
    int rc = find_manifests(dir, 0, out, diag, &found);
    if (found) return rc;
    size_t n;
    char **names = list_dir(dir, &n);
    oct_manifest *m = NULL;
    for (size_t i = 0; i < n; i++) {
        char *p = join(dir, names[i]);
        if (is_source_name(names[i]) && is_file(p)) {
            if (!m) {
                m = push(out);
                char *abs = realpath(dir, NULL);
                const char *bn = base_name(abs ? abs : dir);
                m->path = oct_xstrdup(dir);
                m->dir = oct_xstrdup(dir);
                m->title = title_from_name(*bn ? bn : "notes");
                m->title_from_name = true;
                m->slug = slug_from_name(*bn ? bn : "notes");
                free(abs);
            }
            add_source(m, p);
        }
        free(p);
    }
    free_names(names, n);
    if (!m) {
        oct_diag_report(diag, OCT_ERROR, dir, 0, 0, "no-sources",
                        "no booklet.yaml and no notes (.md, .txt, .org, .rst, .ipynb, .docx, "
                        ".odt) in this directory");
        return OCT_EXIT_INPUT;
    }
    return 0;
}

int oct_cli_collect(char **inputs, int ninputs, oct_booklets *out, oct_diag *diag)
{
    memset(out, 0, sizeof *out);
    long loose_idx = -1; /* index, since push() may move the array */
    int rc = 0;
    for (int i = 0; i < ninputs; i++) {
        const char *in = inputs[i];
        int r = 0;
        if (is_dir(in)) {
            r = collect_dir(in, out, diag);
        } else if (ends_with(in, ".yaml") || ends_with(in, ".yml")) {
            r = load_manifest(in, out, diag);
        } else if (is_file(in)) {
            if (loose_idx < 0) {
                oct_manifest *loose = push(out);
                loose_idx = (long)out->len - 1;
                loose->path = oct_xstrdup(in);
                char *d = oct_xstrdup(in);
                char *slash = strrchr(d, '/');
                if (slash)
                    *slash = '\0';
                else
                    strcpy(d, ".");
                loose->dir = d;
                loose->title = title_from_name(base_name(in));
                loose->title_from_name = true;
                loose->slug = slug_from_name(base_name(in));
            }
            add_source(&out->items[loose_idx], in);
        } else {
            oct_diag_report(diag, OCT_ERROR, in, 0, 0, "missing-input", "%s",
                            errno == ENOENT || !errno ? "no such file or directory"
                                                      : strerror(errno));
            oct_deps_note(OCT_DEP_MISSING, in); /* `octavo watch` waits for it */
            r = OCT_EXIT_INPUT;
        }
        if (r && !rc) rc = r;
    }
    return rc;
}

void oct_cli_booklets_free(oct_booklets *b)
{
    for (size_t i = 0; i < b->len; i++)
        oct_manifest_release(&b->items[i]);
    free(b->items);
    b->items = NULL;
    b->len = 0;
}
