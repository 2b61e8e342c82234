/* Plain text's own characters kept from Markdown's reading of them.
 *
 * The normalizer passes Markdown its author wrote unchanged (every example
 * of the CommonMark and GFM specs goes through as it is), so an escape
 * such as "\*" stays an escape. Two things plain text means otherwise,
 * and would lose:
 *   - a backslash in a path or a pattern: "C:\temp\*.log", "\d+\.\d*".
 *     A word holding a backslash before a letter (which Markdown never
 *     escapes) is such a word: its backslashes before punctuation are
 *     doubled, so they print.
 *   - an element whose content ingest drops, named in a sentence: "the
 *     <script> tag runs ...", "<style>", "<form>" opened raw HTML that took
 *     the rest of the paragraph with it. Their '<' is escaped (GitHub's
 *     tag filter prints such tags as text too). A line of markup (a
 *     README's <object ...></object>) keeps them, and other tags stay what
 *     they were: a README's <b> or <br> markup, an unknown "<token>" text.
 * Code spans and the lines Markdown reads as code or as an HTML block are
 * left alone. The output reads the same when normalized again.
 *
 * In every source, plain or Markdown, TeX math ($\int_0^1 x\,dx$, $a_1$,
 * \(x^2\)) becomes a code span: Markdown would take its backslashes and
 * read its underscores as emphasis; ingest sets it as Unicode math. */
#include "ingest/html/html_int.h"
#include "ingest/normalize/normalize_internal.h"
#include "unicode/texmath.h"

#include <string.h>

static bool is_ascii_punct(char c)
{
    return c != '\0' && strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) != NULL;
}

static bool is_letter(char c)
{
    return (c | 32) >= 'a' && (c | 32) <= 'z';
}

/* Bytes of the code span opening at s[0] (a run of backticks closed by a
 * run as long), or 0 when the run closes nothing on this line. */
static size_t code_span(const char *s, size_t n)
{
    size_t k = 0;
    while (k < n && s[k] == '`')
        k++;
    for (size_t i = k; i < n;) {
        if (s[i] != '`') {
            i++;
            continue;
        }
        size_t m = 0;
        while (i + m < n && s[i + m] == '`')
            m++;
        if (m == k) return i + m;
        i += m;
    }
    return 0;
}

/* The lower-case name of the tag s[0] == '<' opens (or closes: *closing)
 * into name[16]; its length, 0 when it is no tag. */
static size_t tag_name(const char *s, size_t n, char name[16], bool *closing)
{
    *closing = n > 1 && s[1] == '/';
    size_t i = *closing ? 2 : 1, k = 0;
    while (i + k < n && k + 1 < 16 &&
           (is_letter(s[i + k]) || (k && s[i + k] >= '0' && s[i + k] <= '9'))) {
        name[k] = (char)(s[i + k] | (is_letter(s[i + k]) ? 32 : 0));
        k++;
    }
    if (i + k < n && !strchr(" \t/>", s[i + k])) return 0;
    name[k] = '\0';
    return k;
}

/* Whether line[0..n) has the other tag of a pair: "</name" after `at`
 * (closing false), or "<name" before it (closing true). */
static bool has_partner(const char *line, size_t n, size_t at, const char *name, size_t k,
                        bool closing)
{
    size_t from = closing ? 0 : at + 1, to = closing ? at : n;
    size_t want = k + (closing ? 1 : 2);
    for (size_t j = from; j + want <= to; j++) {
        if (line[j] != '<' || (!closing && line[j + 1] != '/')) continue;
        const char *w = line + j + (closing ? 1 : 2);
        size_t m = 0;
        while (m < k && (w[m] | 32) == name[m])
            m++;
        if (m == k && (j + want == n || strchr(" \t/>", line[j + want]))) return true;
    }
    return false;
}

/* Longer lines are not searched for a tag's partner: a line of thousands
 * of tags must not cost their square. */
#define MAX_PAIRED_LINE 4096
#define MAX_TAGS 32

/* line[at] == '<' in a line that reads as a sentence: whether it opens
 * markup that would lose the text's words: a tag of an element ingest
 * drops with its content ("the <script> tag"), or a tag of an element
 * ingest maps with no partner on the line ("between <b> and <strong>?",
 * a mention, where "<b>bold</b>" is markup). Void elements (<br>, <img>)
 * and unknown names ("<token>", which ingest prints) are left. */
static bool opens_lossy(const char *line, size_t n, size_t at)
{
    char name[16];
    bool closing;
    size_t k = tag_name(line + at, n - at, name, &closing);
    const h_elem *e = k ? oct_html_elem(name, k) : NULL;
    if (!e) return false;
    if (e->role == H_DROP) return true;
    if (e->role == H_VOID || e->role == H_BR || e->role == H_HR || e->role == H_IMG ||
        e->role == H_ROOT || n > MAX_PAIRED_LINE)
        return false;
    return !has_partner(line, n, at, name, k, closing);
}

/* The word starting at s[a] (up to a blank): its end, and whether it
 * holds a backslash before a letter (a path or a pattern; not a link's
 * destination). */
static size_t scan_word(const char *s, size_t n, size_t a, bool *path)
{
    size_t b = a;
    *path = false;
    bool link = false;
    while (b < n && s[b] != ' ' && s[b] != '\t') {
        if (b + 1 < n) {
            link |= s[b] == ']' && s[b + 1] == '(';
            *path |= s[b] == '\\' && is_letter(s[b + 1]);
        }
        b++;
    }
    *path &= !link;
    return b;
}

/* "[label]: destination": a link reference definition, Markdown's own. */
static bool link_definition(const nl_line *l)
{
    size_t i = l->lead;
    if (l->indent > 3 || i >= l->len || l->s[i] != '[') return false;
    const char *close = memchr(l->s + i, ']', l->len - i);
    return close && (size_t)(close - l->s) + 1 < l->len && close[1] == ':';
}

static bool left_alone(const nl_line *l)
{
    return (l->flags & (NL_FENCE | NL_MDCODE | NL_HTML | NL_CODE)) != 0 || link_definition(l);
}

/* What the scan knows of the line so far. */
typedef struct {
    int prose;       /* the line reads as a sentence; -1: not known yet */
    size_t word_end; /* the word being read ends here */
    bool path;       /* and is a path or a pattern */
    int tags;        /* tags looked at (each may search the line for its partner) */
} scan;

/* Whether s[i] gets a backslash before it; *skip: bytes to step over. */
static bool needs_escape(const char *s, size_t n, size_t i, size_t *skip, scan *sc)
{
    if (i >= sc->word_end && s[i] != ' ' && s[i] != '\t')
        sc->word_end = scan_word(s, n, i, &sc->path);
    *skip = 1;
    if (s[i] == '<') {
        if (sc->prose < 0) sc->prose = nl_prose_between_tags(s, n);
        /* a sentence names a few tags; a line of hundreds is markup */
        return sc->prose && sc->tags++ < MAX_TAGS && opens_lossy(s, n, i);
    }
    if (s[i] != '\\' || i + 1 >= n || !is_ascii_punct(s[i + 1])) return false;
    if (s[i + 1] == '\\' || s[i + 1] == '<') {
        *skip = 2; /* an escape made already, or the author's */
        return false;
    }
    return sc->path;
}

/* Math ($x^2$, \(a_1\)) as a code span, which Markdown leaves as written
 * (its backslashes, underscores and asterisks would be escapes and
 * emphasis); ingest sets it as Unicode math (markdown.c, unicode/texmath.h). */
static void put_math(oct_buf *b, const char *s, size_t n)
{
    size_t run = 0, longest = 0;
    for (size_t k = 0; k < n; k++) {
        run = s[k] == '`' ? run + 1 : 0;
        if (run > longest) longest = run;
    }
    for (size_t k = 0; k <= longest; k++)
        oct_buf_putc(b, '`');
    oct_buf_put(b, s, n);
    for (size_t k = 0; k <= longest; k++)
        oct_buf_putc(b, '`');
}

/* Whether s[i] follows an odd run of backslashes (Markdown's escape). */
static bool escaped(const char *s, size_t i)
{
    size_t k = 0;
    while (k < i && s[i - 1 - k] == '\\')
        k++;
    return k % 2 == 1;
}

void nl_out_math(nl_out *o, const char *lead, size_t nlead, const char *s, size_t n, int src)
{
    oct_buf b = OCT_BUF_INIT;
    oct_buf_put(&b, lead, nlead);
    put_math(&b, s, n);
    nl_out_line(o, b.data, b.len, src);
    oct_buf_free(&b);
}

void nl_out_prose(nl_out *o, const nl_line *l, bool plain)
{
    const char *s = l->s;
    size_t n = l->len, from = 0;
    oct_buf b = OCT_BUF_INIT;
    bool changed = false, math = memchr(s, '$', n) || memchr(s, '\\', n);
    if (!plain && !math) { /* Markdown with no math: as written */
        nl_out_line(o, s, n, l->src);
        return;
    }
    scan sc = {-1, 0, false, 0};
    for (size_t i = 0, skip; i < n && !left_alone(l); i += skip) {
        size_t span = s[i] == '`' ? code_span(s + i, n - i) : 0;
        if (span) {
            skip = span;
            continue;
        }
        size_t m = math && (s[i] == '$' || s[i] == '\\') && !escaped(s, i)
                       ? oct_math_span(s + i, n - i)
                       : 0;
        if (m) {
            oct_buf_put(&b, s + from, i - from);
            put_math(&b, s + i, m);
            from = i + m;
            skip = m;
            changed = true;
            continue;
        }
        if (!plain) {
            skip = 1;
            continue;
        }
        if (!needs_escape(s, n, i, &skip, &sc)) continue;
        oct_buf_put(&b, s + from, i - from);
        oct_buf_putc(&b, '\\');
        from = i;
        changed = true;
    }
    if (!changed) {
        nl_out_line(o, s, n, l->src);
        return;
    }
    oct_buf_put(&b, s + from, n - from);
    nl_out_line(o, b.data, b.len, l->src);
    oct_buf_free(&b);
}
