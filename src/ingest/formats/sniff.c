/* Guessing a nameless source's kind from its first lines (sniff.h). Each
 * test asks for a sign the other kinds do not make: a Markdown bullet
 * "* item" is no Org heading, but "** " under a "* " is an outline; a
 * Markdown setext heading is underlined as rst's is, so a text with an
 * ATX heading or a fence stays Markdown-ish text. */
#define _GNU_SOURCE /* memmem */
#include "ingest/formats/sniff.h"
#include "ingest/formats/mdwrite.h"

#include <stdbool.h>
#include <string.h>

enum { SNIFF_BYTES = 64 * 1024 };

typedef struct {
    const char *s;
    size_t n;
} line;

static bool next_line(const char **p, const char *end, line *l)
{
    if (*p >= end) return false;
    const char *nl = memchr(*p, '\n', (size_t)(end - *p));
    l->s = *p;
    l->n = (size_t)((nl ? nl : end) - *p);
    if (l->n && l->s[l->n - 1] == '\r') l->n--;
    *p = nl ? nl + 1 : end;
    return true;
}

static bool notebook(const char *s, size_t n)
{
    size_t k = n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3) ? 3 : 0;
    while (k < n && strchr(" \t\r\n", s[k]))
        k++;
    return k < n && s[k] == '{' &&
           (memmem(s, n, "\"cells\"", 7) || memmem(s, n, "\"nbformat\"", 10));
}

/* "#+KEY:" or "#+BEGIN_x" at the start of l. */
static bool org_keyword(line l)
{
    if (l.n < 4 || l.s[0] != '#' || l.s[1] != '+') return false;
    size_t k = 2;
    while (k < l.n && (nl_is_ident_char((unsigned char)l.s[k]) || l.s[k] == '-'))
        k++;
    return k > 2 &&
           (k < l.n && l.s[k] == ':' ? true : md_eq_nocase(l.s, l.n < 8 ? l.n : 8, "#+begin_"));
}

static size_t chars(line l)
{
    size_t c = 0;
    for (size_t k = 0; k < l.n; k++)
        c += ((unsigned char)l.s[k] & 0xC0) != 0x80;
    return c;
}

/* l is an rst adornment: 3 or more of one punctuation mark, nothing else. */
static char adornment(line l)
{
    static const char MARKS[] = "=-~^\"'`#*+:._";
    if (l.n < 3 || !strchr(MARKS, l.s[0])) return 0;
    for (size_t k = 1; k < l.n; k++)
        if (l.s[k] != l.s[0]) return 0;
    return l.s[0];
}

enum { RST_NONE, RST_PLAIN_UNDERLINE, RST_STRONG, RST_WEAK };

/* A sign of rst in line l after line prev: a title underlined with a mark
 * plain notes do not use, or over- and underlined, or a directive
 * (strong); a title underlined as plain notes underline theirs ("===",
 * "---"); a literal block's "::", an inline literal or an rst link (weak). */
static int rst_sign(line before, line prev, line l)
{
    char a = adornment(l);
    if (a && prev.n && prev.s[0] != ' ' && prev.s[0] != '\t' && !adornment(prev) &&
        chars(l) >= chars(prev))
        return strchr("=-*#", a) && adornment(before) != a ? RST_PLAIN_UNDERLINE : RST_STRONG;
    if (l.n > 5 && !memcmp(l.s, ".. ", 3) &&
        (memmem(l.s, l.n, ":: ", 3) || !memcmp(l.s + l.n - 2, "::", 2)))
        return RST_STRONG;
    if ((l.n > 2 && !memcmp(l.s + l.n - 2, "::", 2)) || memmem(l.s, l.n, "``", 2) ||
        memmem(l.s, l.n, ">`_", 3))
        return RST_WEAK;
    return RST_NONE;
}

/* ---- Markdown ------------------------------------------------------------
 * Plain notes borrow Markdown's signs one at a time: a "# " line is a
 * shell or Python comment in unfenced code, "- " and "1. " are every
 * list's, "x**2" is a power. Markdown is decided on two different kinds
 * of sign, each in the form only Markdown writes, or on headings. */
enum { MD_ATX, MD_FENCE, MD_LINK, MD_CODE_SPAN, MD_STRONG, MD_TABLE, MD_LIST, MD_KINDS };

static bool blank(line l)
{
    for (size_t k = 0; k < l.n; k++)
        if (l.s[k] != ' ' && l.s[k] != '\t') return false;
    return true;
}

/* An ATX heading: 1-6 "#", a space, a word; a single "#" (a comment's
 * mark too) only set apart by blank lines, as a title is. */
static bool atx(line before, line l, line after)
{
    size_t k = 0;
    while (k < l.n && k < 7 && l.s[k] == '#')
        k++;
    if (k == 0 || k > 6 || k + 1 >= l.n || l.s[k] != ' ' || l.s[k + 1] == ' ') return false;
    return k >= 2 || ((!before.s || blank(before)) && (!after.s || blank(after)));
}

/* The opening of a fence ("```" or "~~~", indented as in a list item). */
static size_t fence_open(line l, char *ch)
{
    size_t k = 0;
    while (k < l.n && l.s[k] == ' ')
        k++;
    if (k + 3 > l.n || (l.s[k] != '`' && l.s[k] != '~')) return 0;
    *ch = l.s[k];
    size_t run = 0;
    while (k + run < l.n && l.s[k + run] == *ch)
        run++;
    return run >= 3 ? run : 0;
}

static bool edge(const char *s, size_t n, size_t k) /* k is at a word's edge */
{
    return k >= n || k == (size_t)-1 || strchr(" \t()[]{}.,;:!?\"'", s[k]);
}

/* The inline signs of l: a link "[text](target)", a code span "`x`",
 * strong "**x**" opening and closing at a word's edge. Each search runs
 * to the nearest closer, and a link's target ends at the first ')' or
 * blank, which every opener before it shares: a line is read a bounded
 * number of times, whatever it holds (a line of "](](](" too). */
static void md_inline(line l, bool *kinds)
{
    const char *s = l.s;
    size_t n = l.n, no_link_before = 0;
    bool bracket = false;
    for (size_t k = 0; k + 1 < n; k++) {
        bracket |= s[k] == '[';
        if (s[k] == ']' && s[k + 1] == '(' && bracket && k >= no_link_before) {
            size_t e = k + 2;
            while (e < n && s[e] != ')' && s[e] != ' ')
                e++;
            if (e < n && s[e] == ')' && e > k + 2)
                kinds[MD_LINK] = true;
            else
                no_link_before = e;
        } else if (s[k] == '`' && s[k + 1] != '`' && s[k + 1] != ' ' &&
                   (k == 0 || s[k - 1] != '`')) {
            const char *close = memchr(s + k + 1, '`', n - k - 1);
            if (close && close[-1] != ' ') kinds[MD_CODE_SPAN] = true;
        } else if (s[k] == '*' && s[k + 1] == '*' && edge(s, n, k - 1) && k + 2 < n &&
                   s[k + 2] != ' ' && s[k + 2] != '*') {
            const char *close = memmem(s + k + 2, n - k - 2, "**", 2);
            if (close && close[-1] != ' ' && edge(s, n, (size_t)(close - s) + 2))
                kinds[MD_STRONG] = true;
        }
    }
}

/* A GFM table's delimiter row: "---" cells between pipes, ":" aligned. */
static bool table_delimiter(line l)
{
    size_t dashes = 0, pipes = 0;
    for (size_t k = 0; k < l.n; k++) {
        char ch = l.s[k];
        if (ch == '-')
            dashes++;
        else if (ch == '|')
            pipes++;
        else if (ch != ':' && ch != ' ')
            return false;
    }
    return pipes >= 1 && dashes >= 3;
}

static bool list_marker(line l)
{
    size_t k = 0;
    while (k < l.n && l.s[k] == ' ')
        k++;
    if (k + 1 < l.n && strchr("-*+", l.s[k]) && l.s[k + 1] == ' ') return true;
    size_t d = k;
    while (d < l.n && d - k < 9 && l.s[d] >= '0' && l.s[d] <= '9')
        d++;
    return d > k && d + 1 < l.n && l.s[d] == '.' && l.s[d + 1] == ' ';
}

/* The kinds of Markdown sign in text[0..n), into kinds[MD_KINDS]; returns
 * the number of headings. A fence counts when it closes; nothing inside
 * one counts. Lists count from the second item. */
static size_t md_signs(const char *text, size_t n, bool *kinds)
{
    const char *p = text, *end = text + n;
    line before = {NULL, 0}, l, after;
    bool have = next_line(&p, end, &l);
    size_t items = 0, headings = 0, open_run = 0;
    char open_ch = 0;
    while (have) {
        bool more = next_line(&p, end, &after);
        if (!more) after = (line){NULL, 0};
        char ch;
        size_t run = fence_open(l, &ch);
        if (open_run) { /* inside a fence: only its closing counts */
            if (run >= open_run && ch == open_ch) {
                kinds[MD_FENCE] = true;
                open_run = 0;
            }
        } else if (run) {
            open_run = run, open_ch = ch;
        } else {
            headings += atx(before, l, after);
            kinds[MD_TABLE] |= table_delimiter(l) && before.s && memchr(before.s, '|', before.n);
            items += list_marker(l);
            md_inline(l, kinds);
        }
        before = l;
        l = after;
        have = more;
    }
    kinds[MD_LIST] = items >= 2;
    kinds[MD_ATX] = headings > 0;
    return headings;
}

/* Markdown: two different kinds of sign, or two headings (notes
 * outlined with headings, their text plain prose). */
static bool markdown_text(const char *text, size_t n)
{
    bool kinds[MD_KINDS] = {false};
    if (md_signs(text, n, kinds) >= 2) return true;
    int count = 0;
    for (int k = 0; k < MD_KINDS; k++)
        count += kinds[k];
    return count >= 2;
}

const char *oct_sniff_kind(const char *bytes, size_t len)
{
    size_t n = len > SNIFF_BYTES ? SNIFF_BYTES : len;
    if (notebook(bytes, n)) return "note.ipynb";
    const char *p = bytes, *end = bytes + n;
    bool org = false, top_heading = false, outline = false, markdown = false;
    bool signs[4] = {false};
    line before = {NULL, 0}, prev = {NULL, 0}, l;
    while (next_line(&p, end, &l)) {
        org |= org_keyword(l) || md_eq_nocase(l.s, l.n, ":PROPERTIES:");
        top_heading |= l.n > 2 && l.s[0] == '*' && l.s[1] == ' ';
        outline |= top_heading && l.n > 3 && !memcmp(l.s, "** ", 3);
        markdown |= (l.n >= 2 && l.s[0] == '#' && (l.s[1] == ' ' || l.s[1] == '#')) ||
                    (l.n >= 3 && !memcmp(l.s, "```", 3));
        signs[rst_sign(before, prev, l)] = true;
        before = prev;
        prev = l;
    }
    if (org || outline) return "note.org";
    /* plain notes underline their titles too: that alone is no sign */
    if (!markdown && (signs[RST_STRONG] || (signs[RST_PLAIN_UNDERLINE] && signs[RST_WEAK])))
        return "note.rst";
    return markdown_text(bytes, n) ? "note.md" : "note.txt";
}

const char *oct_sniff_named(const char *name)
{
    static const char *const NAMES[][2] = {{"org", "note.org"},     {"rst", "note.rst"},
                                           {"md", "note.md"},       {"markdown", "note.md"},
                                           {"txt", "note.txt"},     {"text", "note.txt"},
                                           {"ipynb", "note.ipynb"}, {"jupyter", "note.ipynb"}};
    for (size_t k = 0; name && k < sizeof NAMES / sizeof *NAMES; k++)
        if (!strcmp(name, NAMES[k][0])) return NAMES[k][1];
    return NULL;
}
