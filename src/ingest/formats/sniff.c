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
    return "note.txt";
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
