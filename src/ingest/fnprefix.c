#include "ingest/fnprefix.h"
#include "util/buf.h"
#include "util/xalloc.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* cmark's own limit on link labels; longer "[^...]:" lines are no definitions. */
#define MAX_LABEL 999

typedef struct {
    const char *s;
    size_t n;
} slice;

/* Footnote definitions cmark would drop (see fnprefix.h).
 * cmark-gfm deletes footnote definitions nothing refers to. To keep their
 * text, every label that looks defined ("[^label]:" after nothing but
 * container markers) gets a one-line paragraph "[^label]" fed BEFORE the
 * text: a paragraph closed by a blank line cannot change how the text after
 * it parses, and the walk skips those lines. */

static int lower_ascii(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int compare_labels(const void *a, const void *b)
{
    const slice *x = a, *y = b;
    size_t n = x->n < y->n ? x->n : y->n;
    for (size_t i = 0; i < n; i++) {
        int d = lower_ascii((unsigned char)x->s[i]) - lower_ascii((unsigned char)y->s[i]);
        if (d) return d;
    }
    return (x->n > y->n) - (x->n < y->n);
}

/* Length of the label of "[^label]:" at s[0..n), or 0 if there is none. */
size_t oct_md_def_label_at(const char *s, size_t n)
{
    if (n < 5 || s[0] != '[' || s[1] != '^') return 0;
    size_t i = 2;
    while (i < n && s[i] != ']') {
        unsigned char c = (unsigned char)s[i];
        if (c <= ' ' || c == '[' || i - 2 >= MAX_LABEL) return 0;
        i++;
    }
    if (i == 2 || i + 1 >= n || s[i] != ']' || s[i + 1] != ':') return 0;
    return i - 2;
}

static bool is_container_marker(char c)
{
    return c && strchr(" \t>-+*0123456789.)", c) != NULL;
}

/* Returns the malloc'd prefix (length *plen, *lines lines) or NULL if no
 * line looks like a footnote definition. */
char *oct_md_footnote_prefix(const char *text, size_t len, size_t *plen, int *lines)
{
    slice *v = NULL;
    size_t nv = 0, cap = 0;
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t eol = nl ? (size_t)(nl - text) : len, j = i;
        while (j < eol && is_container_marker(text[j]))
            j++;
        size_t n = oct_md_def_label_at(text + j, eol - j);
        if (n) {
            if (nv == cap) {
                cap = cap ? cap * 2 : 16;
                v = oct_xrealloc(v, cap * sizeof *v);
            }
            v[nv++] = (slice){text + j + 2, n};
        }
        i = eol + 1;
    }
    *plen = 0;
    *lines = 0;
    if (!nv) return NULL;
    qsort(v, nv, sizeof *v, compare_labels);
    oct_buf b = OCT_BUF_INIT;
    for (size_t i = 0; i < nv; i++) {
        if (i && compare_labels(&v[i - 1], &v[i]) == 0) continue;
        oct_buf_printf(&b, "[^%.*s]\n\n", (int)v[i].n, v[i].s);
        *lines += 2;
    }
    free(v);
    *plen = b.len;
    return oct_buf_detach(&b);
}
