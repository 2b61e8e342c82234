/* Logseq pages: an outline of "- " blocks, the page's properties on its
 * first lines ("title:: Spanish verbs", "tags:: grammar") and a block's
 * under its bullet ("id:: 64a1...", "collapsed:: true"). Properties are
 * the app's metadata, as front matter is a site's: they go (a blank line
 * each, so the line map stays 1:1), one [property] note names them and
 * their lines, and "title::" names the chapter. A block tagged "#card"
 * is a flashcard whose answer is its child blocks: it gets a "Q: " label
 * (the tag itself goes with the other tags, normalize_tags.c), which the
 * study pass reads as it reads any labelled question over a nested list.
 *
 * A "key:: value" line is a property only on a page that reads as
 * Logseq's: it holds a bullet, every line at the margin is a bullet or a
 * property, and the key is one Logseq or its plugins write (a deck's
 * "hola:: hello" is a card, srcards.c). Markdown sources only. */
#define _GNU_SOURCE /* memmem */
#include "ingest/normalize/normalize_internal.h"
#include "util/buf.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

static bool blank(char c)
{
    return c == ' ' || c == '\t';
}

/* Keys Logseq and its common plugins write ("card-" keys are its
 * flashcards' schedule). */
static bool known_key(const char *k, size_t n)
{
    static const char KEYS[] = " title tags alias aliases id collapsed type template "
                               "template-including-parent public icon filters heading "
                               "background-color created-at updated-at exclude-from-graph-view "
                               "date author source status category link url description "
                               "query-table query-properties query-sort-by query-sort-desc ";
    if (n > 5 && !memcmp(k, "card-", 5)) return true;
    return nl_in_word_list(KEYS, k, n);
}

/* Line s[0..n) (its blanks skipped) is "key:: value" (*key, *nkey the key
 * and *value the offset of its value) with a key Logseq writes. */
static bool property(const char *s, size_t n, const char **key, size_t *nkey, size_t *value)
{
    size_t i = 0;
    while (i < n && blank(s[i]))
        i++;
    size_t k = i;
    while (k < n && ((s[k] >= 'a' && s[k] <= 'z') || s[k] == '-' || s[k] == '_'))
        k++;
    if (k == i || k + 2 > n || s[k] != ':' || s[k + 1] != ':') return false;
    if (k + 2 < n && !blank(s[k + 2])) return false;
    if (!known_key(s + i, k - i)) return false;
    *key = s + i;
    *nkey = k - i;
    *value = k + 2;
    while (*value < n && blank(s[*value]))
        (*value)++;
    return true;
}

static bool bullet(const nl_raw_line *l)
{
    const char *s = l->s + l->lead;
    size_t n = l->n - l->lead;
    return n >= 1 && (s[0] == '-' || s[0] == '*') && (n == 1 || blank(s[1]));
}

/* The page reads as Logseq's (see the head comment). */
static bool logseq_page(const nl_raw_line *v, size_t n)
{
    bool bullets = false, props = false;
    const char *k;
    size_t nk, at;
    for (size_t i = 0; i < n; i++) {
        const nl_raw_line *l = &v[i];
        if (l->lead == l->n || l->fenced) continue;
        bool prop = property(l->s, l->n, &k, &nk, &at);
        props |= prop;
        bullets |= bullet(l);
        if (l->lead == 0 && !prop && !bullet(l)) return false;
    }
    return bullets && props;
}

/* A "#card" tag among the last words of line s[0..n). */
static bool card_tagged(const char *s, size_t n)
{
    while (n && blank(s[n - 1]))
        n--;
    for (size_t i = n; i-- > 0;) {
        if (s[i] != '#' || (i > 0 && !blank(s[i - 1]))) continue;
        size_t k = i + 1;
        while (k < n && !blank(s[k]))
            k++;
        if (k - i == 5 && !memcmp(s + i, "#card", 5)) return true;
    }
    return false;
}

/* The next line after i that holds text is indented further than i. */
static bool has_children(const nl_raw_line *v, size_t n, size_t i)
{
    for (size_t j = i + 1; j < n; j++)
        if (v[j].lead < v[j].n) return v[j].lead > v[i].lead;
    return false;
}

typedef struct {
    oct_buf out, lines, keys;
    size_t nlines, nkeys;
    int first;
    char *title;
} pagestate;

static void take_property(pagestate *ps, const nl_raw_line *l, int lineno)
{
    const char *k;
    size_t nk, at;
    property(l->s, l->n, &k, &nk, &at);
    if (!ps->first) ps->first = lineno;
    oct_buf_printf(&ps->lines, ps->nlines++ ? ", %d" : "%d", lineno);
    oct_buf probe = OCT_BUF_INIT;
    oct_buf_printf(&probe, " %.*s::,", (int)nk, k);
    oct_buf hay = OCT_BUF_INIT;
    oct_buf_printf(&hay, " %s,", ps->keys.data ? ps->keys.data : "");
    if (!strstr(hay.data, probe.data))
        oct_buf_printf(&ps->keys, "%s%.*s::", ps->nkeys++ ? ", " : "", (int)nk, k);
    oct_buf_free(&probe);
    oct_buf_free(&hay);
    if (nk == 5 && !memcmp(k, "title", 5) && !ps->title && at < l->n) {
        size_t vn = l->n - at;
        const char *t = nl_trim(l->s + at, &vn);
        if (vn) ps->title = oct_xstrndup(t, vn);
    }
}

char *nl_read_logseq(const char *text, size_t len, size_t *outlen, char **title, const char *path,
                     oct_diag *diag)
{
    *title = NULL;
    if (len < 4 || !memmem(text, len, "::", 2)) return NULL;
    nl_raw_line *v;
    size_t n = nl_raw_lines(text, len, &v);
    if (!logseq_page(v, n)) {
        free(v);
        return NULL;
    }
    pagestate ps = {OCT_BUF_INIT, OCT_BUF_INIT, OCT_BUF_INIT, 0, 0, 0, NULL};
    const char *k;
    size_t nk, at;
    for (size_t i = 0; i < n; i++) {
        const nl_raw_line *l = &v[i];
        if (!l->fenced && property(l->s, l->n, &k, &nk, &at)) {
            take_property(&ps, l, (int)i + 1);
        } else if (!l->fenced && bullet(l) && card_tagged(l->s, l->n) && has_children(v, n, i) &&
                   !nl_starts_with(l->s + l->lead + 2, l->n - l->lead - 2, "Q:")) {
            oct_buf_put(&ps.out, l->s, l->lead + 2);
            oct_buf_puts(&ps.out, "Q: ");
            oct_buf_put(&ps.out, l->s + l->lead + 2, l->n - l->lead - 2);
        } else {
            oct_buf_put(&ps.out, l->s, l->n);
        }
        oct_buf_put(&ps.out, l->s + l->n, l->full - l->n);
    }
    free(v);
    if (ps.nlines)
        oct_diag_report(diag, OCT_NOTE, path, ps.first, 1, "property",
                        "Logseq properties (%s) not printed%s%s%s: line%s %s", ps.keys.data,
                        ps.title ? "; its title \"" : "", ps.title ? ps.title : "",
                        ps.title ? "\" names the chapter" : "", ps.nlines == 1 ? "" : "s",
                        ps.lines.data);
    oct_buf_free(&ps.lines);
    oct_buf_free(&ps.keys);
    *title = ps.title;
    *outlen = ps.out.len;
    return oct_buf_detach(&ps.out);
}
