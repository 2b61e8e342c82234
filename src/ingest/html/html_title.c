/* A saved page's <title> as its chapter's title (html.h). Pages name
 * themselves "What the page is – Site name" ("Osmosis | BBC Bitesize",
 * "python - How do I sort a dict? - Stack Overflow"): the site's name is
 * no title of the notes, so it goes when it plainly is one (a few words,
 * each capitalised but "of", "de"…, no number: "Part 2" and "what are
 * they?" stay), or a domain ("example.org"). What goes is named in the caller's note. */
#include "ingest/html/html.h"

#include <string.h>

static bool blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* The separators a page puts before its site's name. */
static size_t separator_at(const char *s, size_t n, size_t i)
{
    static const char *const SEP[] = {
        " \xE2\x80\x93 ", " \xE2\x80\x94 ", " | ", " \xC2\xB7 ", " - ", " :: ", NULL};
    for (size_t k = 0; SEP[k]; k++) {
        size_t len = strlen(SEP[k]);
        if (i + len <= n && memcmp(s + i, SEP[k], len) == 0) return len;
    }
    return 0;
}

static bool is_domain(const char *s, size_t n)
{
    const char *dot = memchr(s, '.', n);
    if (!dot || dot == s || dot == s + n - 1) return false;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '.' ||
              s[i] == '-'))
            return false;
    return true;
}

/* A small word a name may hold in lower case ("Notes of the Lab"). */
static bool joins(const char *s, size_t n)
{
    static const char *const J[] = {"of", "the", "and", "for", "de", "del", "la", "du", "des",
                                    "et", "y",   "und", "für", "di", "e",   "&",  NULL};
    for (size_t k = 0; J[k]; k++)
        if (strlen(J[k]) == n && memcmp(s, J[k], n) == 0) return true;
    return false;
}

/* s[0..n) reads as a site's name: one to four capitalised words without
 * digits or sentence marks, or a domain. */
static bool site_name(const char *s, size_t n)
{
    static const char *const NOT[] = {"Part",   "Chapter",  "Lesson", "Unit", "Teil", "Kapitel",
                                      "Partie", "Chapitre", "Parte",  "Tema", NULL};
    if (n == 0 || n > 48) return false;
    if (is_domain(s, n)) return true;
    int words = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && s[i] == ' ')
            i++;
        size_t w = i;
        while (i < n && s[i] != ' ')
            i++;
        if (i == w) break;
        unsigned char c = (unsigned char)s[w];
        if (words > 0 && joins(s + w, i - w)) continue; /* "Apuntes de Física" */
        if (++words > 4 || (c < 0x80 && !(c >= 'A' && c <= 'Z'))) return false;
        for (size_t k = 0; NOT[k]; k++)
            if (strlen(NOT[k]) == i - w && memcmp(s + w, NOT[k], i - w) == 0) return false;
        for (size_t k = w; k < i; k++)
            if ((s[k] >= '0' && s[k] <= '9') || strchr("?!.,:;", s[k])) return false;
    }
    return words > 0;
}

const char *oct_html_page_title(oct_tree *t, const char *s, size_t n, const char **site)
{
    *site = NULL;
    char *c = oct_arena_strndup(t->arena, s, n);
    size_t w = 0;
    for (size_t r = 0; r < n; r++) { /* blanks collapsed, ends trimmed */
        if (blank(c[r]) || c[r] == '\0') {
            if (w > 0 && c[w - 1] != ' ') c[w++] = ' ';
            continue;
        }
        c[w++] = c[r];
    }
    while (w > 0 && c[w - 1] == ' ')
        w--;
    c[w] = '\0';
    if (w == 0) return NULL;
    size_t at = 0, len = 0;
    for (size_t i = 1; i < w; i++) { /* the last separator */
        size_t k = separator_at(c, w, i);
        if (k) at = i, len = k;
    }
    if (len && site_name(c + at + len, w - at - len)) {
        *site = oct_arena_strdup(t->arena, c + at + len);
        c[at] = '\0';
    }
    return c;
}
