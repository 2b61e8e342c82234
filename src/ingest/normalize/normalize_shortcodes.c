/* Hugo's shortcodes, each alone on its line: "{{< name args >}}" and
 * "{{% name args %}}", closed by "{{< /name >}}". Themes draw boxes with
 * them ("{{< hint info >}}", "{{% notice tip %}}", Docsy's "{{% alert
 * title="..." %}}", "{{< details "Why...?" >}}"): those become callouts,
 * as Docusaurus blocks do (normalize_admonitions.c), "> [!type] Title";
 * a details box whose title asks a question a question callout, which the
 * study pass reads as a question and its answer. The type is the
 * shortcode's name when it names one (note, tip, warning...), else its
 * type=/style=/color= argument or first word when that is a callout type,
 * else note; the title its title= (summary=) argument or first quoted
 * one. Any other line that is only a shortcode (a figure, tabs, a video,
 * a box nothing closes) is the site's machinery, not the notes' text: it
 * goes, and one note names its lines ([shortcode]). A shortcode in a
 * sentence stays as written. Markdown sources only; the line count does
 * not change. */
#define _GNU_SOURCE /* memmem */
#include "ingest/normalize/normalize_internal.h"
#include "util/buf.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { MAX_OPEN = 16, MAX_NAME = 24 };

typedef struct {
    const char *name, *args; /* name and arguments within the line */
    size_t nname, nargs;
    bool closing; /* "{{< /name >}}" */
} shortcode;

static const char *const BOXES[] = {"hint",    "notice", "admonition", "alert",    "callout",
                                    "details", "expand", "spoiler",    "collapse", NULL};
static const char *const TYPES[] = {
    "note",    "tip",   "info", "warning",  "caution", "danger", "important", "success", "question",
    "example", "quote", "bug",  "abstract", "summary", "todo",   "failure",   "error",   NULL};

static bool in(const char *const *list, const char *s, size_t n)
{
    for (size_t i = 0; list[i]; i++)
        if (strlen(list[i]) == n && !strncasecmp(list[i], s, n)) return true;
    return false;
}

static bool blank(char c)
{
    return c == ' ' || c == '\t';
}

/* The shortcode that is all of s[0..n) (blanks around it aside). */
static bool read_line(const char *s, size_t n, shortcode *sc)
{
    while (n && blank(s[n - 1]))
        n--;
    while (n && blank(*s))
        s++, n--;
    if (n < 7 || s[0] != '{' || s[1] != '{' || (s[2] != '<' && s[2] != '%')) return false;
    char d = s[2] == '<' ? '>' : '%';
    if (s[n - 3] != d || s[n - 2] != '}' || s[n - 1] != '}') return false;
    if (memmem(s + 3, n - 6, "}}", 2) || memmem(s + 3, n - 6, "{{", 2)) return false;
    size_t i = 3;
    while (i < n - 3 && blank(s[i]))
        i++;
    sc->closing = s[i] == '/';
    i += sc->closing;
    sc->name = s + i;
    while (i < n - 3 && (nl_is_ident_char((unsigned char)s[i]) || s[i] == '-' || s[i] == '/'))
        i++;
    sc->nname = (size_t)(s + i - sc->name);
    sc->args = s + i;
    sc->nargs = n - 3 - i;
    return sc->nname > 0 && sc->nname <= MAX_NAME;
}

static bool is_box(const shortcode *sc)
{
    return in(BOXES, sc->name, sc->nname) || in(TYPES, sc->name, sc->nname);
}

/* The next argument of a[*i..n): key (may be empty) and value, quotes
 * taken off; false at the end. */
static bool next_arg(const char *a, size_t n, size_t *i, const char **k, size_t *nk, const char **v,
                     size_t *nv, bool *quoted)
{
    while (*i < n && blank(a[*i]))
        (*i)++;
    if (*i >= n) return false;
    size_t s = *i;
    while (*i < n && !blank(a[*i]) && a[*i] != '=' && a[*i] != '"')
        (*i)++;
    *k = a + s;
    *nk = 0;
    if (*i < n && a[*i] == '=') {
        *nk = *i - s;
        s = ++*i;
    } else {
        *i = s;
    }
    *quoted = *i < n && a[*i] == '"';
    if (*quoted) {
        const char *e = memchr(a + *i + 1, '"', n - *i - 1);
        *v = a + *i + 1;
        *nv = e ? (size_t)(e - *v) : n - *i - 1;
        *i = e ? (size_t)(e - a) + 1 : n;
    } else {
        *v = a + *i;
        while (*i < n && !blank(a[*i]))
            (*i)++;
        *nv = (size_t)(a + *i - *v);
    }
    return true;
}

static bool key_is(const char *k, size_t nk, const char *word)
{
    return nk == strlen(word) && !strncasecmp(k, word, nk);
}

/* The callout's marker for a box's opening line s[0..n). */
static bool box_marker(const char *s, size_t n, oct_buf *out, void *ctx)
{
    (void)ctx;
    shortcode sc;
    if (!read_line(s, n, &sc) || sc.closing || !is_box(&sc)) return false;
    const char *type = in(TYPES, sc.name, sc.nname) ? sc.name : NULL, *title = NULL;
    size_t ntype = type ? sc.nname : 0, ntitle = 0, i = 0, nk, nv;
    const char *k, *v;
    bool quoted, words = false;
    while (next_arg(sc.args, sc.nargs, &i, &k, &nk, &v, &nv, &quoted)) {
        bool is_type = key_is(k, nk, "type") || key_is(k, nk, "style") || key_is(k, nk, "color") ||
                       key_is(k, nk, "theme") || (!nk && !quoted && !words);
        words |= !nk && !quoted;
        if (!type && is_type && in(TYPES, v, nv)) type = v, ntype = nv;
        if (!title && (key_is(k, nk, "title") || key_is(k, nk, "summary") || (!nk && quoted)))
            title = v, ntitle = nv;
    }
    static const char *const FOLDED[] = {"details", "expand", "spoiler", "collapse", NULL};
    bool details = in(FOLDED, sc.name, sc.nname);
    if (!type && details && ntitle && title[ntitle - 1] == '?') type = "question", ntype = 8;
    if (!type) type = "note", ntype = 4;
    nl_adm_marker(out, type, ntype, details ? '-' : 0, title, ntitle);
    return true;
}

/* Pairs each box's opening line with its closing one (ends[i]), marks
 * every other line that is only a shortcode (drop[i]). */
static size_t pair(const nl_raw_line *v, size_t n, size_t *ends, bool *drop)
{
    size_t stack[MAX_OPEN], depth = 0, dropped = 0;
    shortcode open[MAX_OPEN], sc;
    for (size_t i = 0; i < n; i++) {
        if (v[i].fenced || !read_line(v[i].s, v[i].n, &sc)) continue;
        drop[i] = true;
        if (!is_box(&sc)) continue;
        if (!sc.closing && depth < MAX_OPEN) {
            open[depth] = sc;
            stack[depth++] = i;
            continue;
        }
        size_t d = depth;
        while (d > 0 && (open[d - 1].nname != sc.nname ||
                         strncasecmp(open[d - 1].name, sc.name, sc.nname) != 0))
            d--;
        if (!sc.closing || d == 0) continue;
        ends[stack[d - 1]] = i + 1;
        drop[stack[d - 1]] = drop[i] = false;
        depth = d - 1;
    }
    for (size_t i = 0; i < n; i++)
        dropped += drop[i];
    return dropped;
}

char *nl_mark_shortcodes(const char *text, size_t len, size_t *outlen, const char *path,
                         oct_diag *diag)
{
    if (!memmem(text, len, "{{<", 3) && !memmem(text, len, "{{%", 3)) return NULL;
    nl_raw_line *v;
    size_t n = nl_raw_lines(text, len, &v);
    size_t *ends = oct_xcalloc(n ? n : 1, sizeof *ends);
    bool *drop = oct_xcalloc(n ? n : 1, sizeof *drop);
    size_t dropped = pair(v, n, ends, drop), boxes = 0;
    for (size_t i = 0; i < n; i++)
        boxes += ends[i] != 0;
    char *r = NULL;
    if (dropped || boxes) {
        oct_buf kept = OCT_BUF_INIT, lines = OCT_BUF_INIT;
        int last = -2;
        for (size_t i = 0; i < n; i++) {
            oct_buf_put(&kept, v[i].s, drop[i] ? 0 : v[i].n);
            oct_buf_put(&kept, "\n", v[i].full > v[i].n);
            if (!drop[i]) continue;
            if ((int)i != last + 1)
                oct_buf_printf(&lines, "%s%zu", lines.len ? ", " : "", i + 1);
            else if (i + 1 == n || !drop[i + 1])
                oct_buf_printf(&lines, "-%zu", i + 1);
            last = (int)i;
        }
        nl_adm_env env = {.ends = ends, .marker = box_marker};
        r = nl_rewrite_admonitions(kept.data ? kept.data : "", kept.len, outlen, &env);
        if (dropped) {
            size_t first = 0;
            while (!drop[first])
                first++;
            oct_diag_report(diag, OCT_NOTE, path, (int)first + 1, 1, "shortcode",
                            "Hugo shortcode%s not printed: line%s %s", dropped == 1 ? "" : "s",
                            dropped == 1 ? "" : "s", lines.data);
        }
        oct_buf_free(&kept);
        oct_buf_free(&lines);
    }
    free(ends);
    free(drop);
    free(v);
    return r;
}
