/* Golden files: each tests/golden/NAME.md (or NAME.txt) is ingested (decoder and
 * markdown, without the plain-text normalizer) and the tree dump of its
 * chapter, followed by its diagnostics ("! file:line:col: ..."), must equal
 * tests/golden/NAME.tree. With OCTAVO_UPDATE_GOLDEN=1 the expected files are
 * rewritten instead (review the change with git diff). */
#include "check.h"
#include "ingest/ingest.h"
#include "util/fileio.h"
#include "util/xalloc.h"

#include <dirent.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define CONTEXT 3

static char *render(const char *name, const char *bytes, size_t len)
{
    oct_tree *t = oct_tree_new();
    oct_diag *d = oct_diag_new(NULL);
    oct_ingest_options o = {.normalize = false};
    oct_node *ch = oct_ingest_source(t, name, bytes, len, NULL, &o, d);
    oct_buf out = OCT_BUF_INIT;
    if (ch)
        oct_tree_dump(t, ch, &out);
    else
        oct_buf_puts(&out, "(no chapter)\n");
    for (size_t i = 0; i < oct_diag_size(d); i++) {
        const oct_diag_msg *m = oct_diag_at(d, i);
        oct_buf_printf(&out, "! %s:%d:%d: %s: %s [%s]\n", m->file ? m->file : "-", m->line, m->col,
                       oct_severity_name(m->severity), m->message, m->code);
    }
    oct_tree_free(t);
    oct_diag_free(d);
    return oct_buf_detach(&out);
}

typedef struct {
    char **v;
    size_t n;
} lines;

/* Splits s in place at newlines. */
static lines split(char *s)
{
    lines l = {NULL, 0};
    size_t cap = 0;
    while (*s) {
        if (l.n == cap) {
            cap = cap ? cap * 2 : 64;
            l.v = oct_xrealloc(l.v, cap * sizeof *l.v);
        }
        l.v[l.n++] = s;
        char *nl = strchr(s, '\n');
        if (!nl) break;
        *nl = '\0';
        s = nl + 1;
    }
    return l;
}

/* Prints a unified-style diff (longest common subsequence, changed lines
 * with CONTEXT lines around them) of two texts to stderr. */
static void print_diff(const char *name, const char *expected, const char *actual)
{
    char *a = oct_xstrdup(expected), *b = oct_xstrdup(actual);
    lines x = split(a), y = split(b);
    fprintf(stderr, "--- %s.tree (expected)\n+++ %s.md (actual)\n", name, name);
    if ((x.n + 1) * (y.n + 1) > 8u * 1024 * 1024) {
        fprintf(stderr, "(files too long to diff: %zu and %zu lines)\n", x.n, y.n);
        goto out;
    }
    /* lcs[i][j]: common length of x[i..] and y[j..] */
    size_t w = y.n + 1;
    unsigned *lcs = oct_xcalloc((x.n + 1) * w, sizeof *lcs);
    for (size_t i = x.n; i-- > 0;)
        for (size_t j = y.n; j-- > 0;)
            lcs[i * w + j] = strcmp(x.v[i], y.v[j]) == 0
                                 ? lcs[(i + 1) * w + j + 1] + 1
                                 : (lcs[(i + 1) * w + j] > lcs[i * w + j + 1] ? lcs[(i + 1) * w + j]
                                                                              : lcs[i * w + j + 1]);
    /* The edit script: ' ' keep, '-' only expected, '+' only actual; with
     * the expected and actual line numbers where each entry stands. */
    size_t n = 0, cap = x.n + y.n + 1;
    char *op = oct_xmalloc(cap);
    const char **txt = oct_xmalloc(cap * sizeof *txt);
    size_t *at = oct_xmalloc(2 * cap * sizeof *at);
    for (size_t i = 0, j = 0; i < x.n || j < y.n; n++) {
        at[2 * n] = i + 1, at[2 * n + 1] = j + 1;
        if (i < x.n && j < y.n && strcmp(x.v[i], y.v[j]) == 0)
            op[n] = ' ', txt[n] = x.v[i++], j++;
        else if (i < x.n && (j == y.n || lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]))
            op[n] = '-', txt[n] = x.v[i++];
        else
            op[n] = '+', txt[n] = y.v[j++];
    }
    size_t last_shown = (size_t)-1;
    for (size_t k = 0; k < n; k++) {
        bool near = false;
        for (size_t q = k >= CONTEXT ? k - CONTEXT : 0; q < n && q <= k + CONTEXT && !near; q++)
            near = op[q] != ' ';
        if (!near) continue;
        if (last_shown == (size_t)-1 || k != last_shown + 1)
            fprintf(stderr, "@@ -%zu +%zu @@\n", at[2 * k], at[2 * k + 1]);
        fprintf(stderr, "%c%s\n", op[k], txt[k]);
        last_shown = k;
    }
    free(at);
    free(op);
    free(txt);
    free(lcs);
out:
    free(x.v);
    free(y.v);
    free(a);
    free(b);
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* dir/name.ext, malloc'd. */
static char *path_of(const char *dir, const char *name, const char *ext)
{
    oct_buf b = OCT_BUF_INIT;
    oct_buf_printf(&b, "%s/%s%s", dir, name, ext);
    return oct_buf_detach(&b);
}

/* file: "NAME.md" (Markdown) or "NAME.txt" (plain-text notes). */
static void run_golden(const char *dir, const char *file, bool update)
{
    size_t len;
    char *name = oct_xstrndup(file, strrchr(file, '.') - file);
    char *md = path_of(dir, file, ""), *tree = path_of(dir, name, ".tree");
    char *md_name = path_of(".", file, "") + 2; /* "NAME.md", as messages show it */
    char *src = oct_read_file(md, OCT_MAX_SOURCE_BYTES, &len);
    CHECK(src != NULL);
    char *actual = src ? render(md_name, src, len) : NULL;
    if (!actual) {
        /* nothing to compare */
    } else if (update) {
        FILE *f = fopen(tree, "w");
        CHECK(f && fputs(actual, f) >= 0 && fclose(f) == 0);
        printf("updated %s\n", tree);
    } else {
        char *expected = oct_read_file(tree, OCT_MAX_SOURCE_BYTES, &len);
        if (!expected)
            fprintf(stderr, "%s: missing (run with OCTAVO_UPDATE_GOLDEN=1)\n", tree);
        else if (strcmp(expected, actual) != 0)
            print_diff(name, expected, actual);
        CHECK(expected && strcmp(expected, actual) == 0);
        free(expected);
    }
    free(actual);
    free(src);
    free(md_name - 2);
    free(md);
    free(tree);
    free(name);
}

int main(void)
{
    const char *root = getenv("OCTAVO_SRC");
    const char *upd = getenv("OCTAVO_UPDATE_GOLDEN");
    bool update = upd && strcmp(upd, "1") == 0;
    char *dir = path_of(root ? root : ".", "tests", "/golden");
    DIR *dp = opendir(dir);
    CHECK(dp != NULL);
    if (!dp) {
        fprintf(stderr, "%s: cannot open (set OCTAVO_SRC)\n", dir);
        free(dir);
        return check_done();
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(dp)) != NULL) {
        size_t l = strlen(e->d_name);
        if ((l > 3 && strcmp(e->d_name + l - 3, ".md") == 0) ||
            (l > 4 && strcmp(e->d_name + l - 4, ".txt") == 0)) {
            names = oct_xrealloc(names, (n + 1) * sizeof *names);
            names[n++] = oct_xstrdup(e->d_name);
        }
    }
    closedir(dp);
    qsort(names, n, sizeof *names, compare_names);
    CHECK(n >= 10); /* the golden set must be there, not silently empty */
    for (size_t i = 0; i < n; i++) {
        run_golden(dir, names[i], update);
        free(names[i]);
    }
    free(names);
    free(dir);
    return check_done();
}
