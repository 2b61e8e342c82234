/* Front matter: the metadata block that Jekyll, Hugo, Obsidian, Docusaurus
 * and most static-site notes put at the top of a Markdown file,
 *
 *     ---                        +++
 *     title: "Ferments"          title = "Ferments"
 *     tags: [food]               tags = ["food"]
 *     ---                        +++
 *
 * CommonMark reads the YAML form as a rule and a setext heading made of
 * the keys, and the TOML form as a paragraph: neither is text of the
 * notes. The block is recognised only when every line of it reads as
 * YAML (keys, list items, indented values, comments) or TOML (keys,
 * tables) and one of its keys is one front matter uses (title, tags,
 * date...), so a rule followed by prose, or by "Q:" and "A:" lines, stays
 * what it is. Its lines are
 * emptied in place (the text keeps its line numbers, so diagnostics still
 * point at the user's lines) and its title is kept for the chapter. */
#include "ingest/frontmatter.h"
#include "ingest/srcards.h"
#include "unicode/script.h"
#include "util/xalloc.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Past this, a fence opening the file is a rule, not a block. */
enum { MAX_LINES = 400 };

typedef struct {
    const char *p;
    size_t n;
} line;

static bool is_key_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.';
}

/* Line l without its trailing spaces and carriage return. */
static line trimmed(line l)
{
    while (l.n && (l.p[l.n - 1] == ' ' || l.p[l.n - 1] == '\t' || l.p[l.n - 1] == '\r'))
        l.n--;
    return l;
}

static bool is_fence(line l, char c)
{
    l = trimmed(l);
    return l.n == 3 && l.p[0] == c && l.p[1] == c && l.p[2] == c;
}

/* The length of a top-level key at the start of l followed by `sep`
 * (':' then a space or the end; '=' after optional spaces), else 0. */
static size_t key_length(line l, char sep)
{
    size_t k = 0;
    if (l.n && (l.p[0] == '"' || l.p[0] == '\'')) { /* a quoted key */
        const char *q = memchr(l.p + 1, l.p[0], l.n - 1);
        if (!q) return 0;
        k = (size_t)(q - l.p) + 1;
    } else {
        while (k < l.n && is_key_char(l.p[k]))
            k++;
        if (k == 0 || !((l.p[0] >= 'a' && l.p[0] <= 'z') || (l.p[0] >= 'A' && l.p[0] <= 'Z') ||
                        l.p[0] == '_'))
            return 0;
    }
    size_t at = k;
    if (sep == '=')
        while (at < l.n && (l.p[at] == ' ' || l.p[at] == '\t'))
            at++;
    if (at >= l.n || l.p[at] != sep) return 0;
    if (sep == ':' && at + 1 < l.n && l.p[at + 1] != ' ' && l.p[at + 1] != '\t') return 0;
    return k;
}

/* Keys that front matter holds and notes do not: one must be there, so
 * that a rule opening "Q: ...", "A: ..." lines stays notes. */
static bool known_key(line l, char sep)
{
    static const char *const KEYS[] = {"title",
                                       "tags",
                                       "date",
                                       "author",
                                       "authors",
                                       "layout",
                                       "categories",
                                       "category",
                                       "description",
                                       "draft",
                                       "slug",
                                       "aliases",
                                       "weight",
                                       "permalink",
                                       "lang",
                                       "language",
                                       "summary",
                                       "keywords",
                                       "created",
                                       "updated",
                                       "modified",
                                       "lastmod",
                                       "publishDate",
                                       "type",
                                       "status",
                                       "excerpt",
                                       "toc",
                                       "id",
                                       "sidebar_position",
                                       "sidebar_label",
                                       "cssclass",
                                       "cssclasses",
                                       "publish",
                                       "series",
                                       "subtitle",
                                       "linkTitle",
                                       "menu",
                                       "source",
                                       "difficulty",
                                       "topic",
                                       "topics"};
    size_t k = key_length(trimmed(l), sep);
    for (size_t i = 0; k && i < sizeof KEYS / sizeof *KEYS; i++)
        if (strlen(KEYS[i]) == k && !memcmp(l.p, KEYS[i], k)) return true;
    return false;
}

/* Whether a line inside the block reads as YAML (':') or TOML ('='). */
static bool reads_as(line l, char sep)
{
    l = trimmed(l);
    if (l.n == 0 || l.p[0] == '#') return true;
    if (l.p[0] == ' ' || l.p[0] == '\t') return true; /* a nested or continued value */
    if (sep == ':' && l.p[0] == '-' && (l.n == 1 || l.p[1] == ' ')) return true;
    if (sep == '=' && l.p[0] == '[' && l.p[l.n - 1] == ']') return true; /* a table */
    if (sep == '=' && (l.p[0] == ']' || l.p[0] == '"' || l.p[0] == '\'')) return true;
    return key_length(l, sep) > 0;
}

/* The value of a one-line `key` (quotes taken off, \" and '' undone);
 * NULL for a block value (| or >) or an empty one. */
static char *scalar_value(line l, char sep, const char *key)
{
    l = trimmed(l);
    size_t k = key_length(l, sep);
    if (k != strlen(key) || memcmp(l.p, key, k) != 0) return NULL;
    const char *v = memchr(l.p, sep, l.n) + 1, *end = l.p + l.n;
    while (v < end && (*v == ' ' || *v == '\t'))
        v++;
    if (v == end || *v == '|' || *v == '>' || *v == '[' || *v == '{') return NULL;
    char q = (*v == '"' || *v == '\'') ? *v : 0;
    if (!q && sep == ':') { /* a plain scalar ends at a comment */
        for (const char *c = v; c + 1 < end; c++)
            if (c[0] == ' ' && c[1] == '#') {
                end = c;
                break;
            }
        while (end > v && end[-1] == ' ')
            end--;
    }
    if (q) v++;
    char *out = oct_xmalloc((size_t)(end - v) + 1), *o = out;
    for (const char *c = v; c < end; c++) {
        if (q && *c == q) {
            if (q == '\'' && c + 1 < end && c[1] == '\'') { /* '' in single quotes */
                *o++ = *c++;
                continue;
            }
            break; /* the closing quote */
        }
        if (q == '"' && *c == '\\' && c + 1 < end) c++;
        *o++ = *c;
    }
    *o = 0;
    if (!*out) {
        free(out);
        return NULL;
    }
    return out;
}

/* The value of `lang` or `language` when it reads as a language tag
 * (unicode/script.h; with '_' for '-' too, as locale names write it:
 * "fr", "pt-BR", "fr_CA"). */
static char *language_value(line l, char sep)
{
    char *v = scalar_value(l, sep, "language");
    if (!v) v = scalar_value(l, sep, "lang");
    if (!v) return NULL;
    char *tag = oct_xstrdup(v);
    for (char *p = tag; *p; p++)
        if (*p == '_') *p = '-';
    bool ok = oct_language_tag_valid(tag);
    free(tag);
    if (!ok) {
        free(v);
        return NULL;
    }
    return v;
}

/* Whether the value v names the tag "flashcards" (or a deck below it),
 * as a word: "flashcards", "[bio, flashcards]", "#flashcards/cells". */
static bool names_deck(line v)
{
    for (size_t i = 0; i < v.n; i++)
        if ((i == 0 || strchr(" \t[,\"'#", v.p[i - 1])) && oct_srcards_tag_at(v.p, v.n, i))
            return true;
    return false;
}

/* Whether lines[1..close) give the note the tag "flashcards": in a `tags`
 * (or `tag`) key's value, or in the list items below it. */
static bool tagged_deck(const line *lines, size_t close, char sep)
{
    bool in_tags = false;
    for (size_t i = 1; i < close; i++) {
        line l = trimmed(lines[i]);
        size_t k = key_length(l, sep);
        if (k) {
            in_tags = (k == 4 && !memcmp(l.p, "tags", 4)) || (k == 3 && !memcmp(l.p, "tag", 3));
            if (in_tags && names_deck((line){l.p + k + 1, l.n - k - 1})) return true;
            continue;
        }
        size_t at = 0;
        while (at < l.n && (l.p[at] == ' ' || l.p[at] == '\t'))
            at++;
        if (in_tags && at < l.n && l.p[at] == '-' && names_deck((line){l.p + at + 1, l.n - at - 1}))
            return true;
    }
    return false;
}

/* Splits text[0..len) into its first lines, up to MAX_LINES + 1. */
static size_t first_lines(const char *text, size_t len, line *lines)
{
    size_t n = 0, at = 0;
    while (at < len && n <= MAX_LINES) {
        const char *nl = memchr(text + at, '\n', len - at);
        size_t e = nl ? (size_t)(nl - text) : len;
        lines[n++] = (line){text + at, e - at};
        at = nl ? e + 1 : len;
    }
    return n;
}

bool oct_front_matter_take(char *text, size_t *len, oct_front_matter *fm)
{
    memset(fm, 0, sizeof *fm);
    /* most sources open otherwise: nothing to split into lines */
    if (*len < 7 || !(text[0] == '-' || text[0] == '+')) return false;
    const char *eol = memchr(text, '\n', *len);
    line head = {text, eol ? (size_t)(eol - text) : *len};
    char sep = is_fence(head, '-') ? ':' : is_fence(head, '+') ? '=' : 0;
    if (!sep) return false;
    line *lines = oct_xmalloc((MAX_LINES + 1) * sizeof *lines);
    size_t n = first_lines(text, *len, lines), close = 0;
    bool keyed = false;
    for (size_t i = 1; i < n && !close; i++) {
        if (is_fence(lines[i], sep == ':' ? '-' : '+') ||
            (sep == ':' && trimmed(lines[i]).n == 3 && !memcmp(lines[i].p, "...", 3)))
            close = i;
        else if (!reads_as(lines[i], sep))
            break;
        else
            keyed |= known_key(lines[i], sep);
    }
    if (!close || !keyed) {
        free(lines);
        return false;
    }
    for (size_t i = 1; i < close; i++) {
        line l = trimmed(lines[i]);
        if (!fm->title) fm->title = scalar_value(l, sep, "title");
        if (!fm->lang) fm->lang = language_value(l, sep);
        if (key_length(l, sep) > 0) fm->nkeys++;
    }
    fm->lines = close + 1;
    fm->toml = sep == '=';
    fm->flashcards = tagged_deck(lines, close, sep);
    /* the block's lines emptied: only their newlines stay */
    size_t end = close + 1 < n ? (size_t)(lines[close + 1].p - text) : *len;
    size_t nl = 0;
    for (size_t i = 0; i < end; i++)
        nl += text[i] == '\n';
    memset(text, '\n', nl);
    memmove(text + nl, text + end, *len - end);
    *len -= end - nl;
    text[*len] = 0;
    free(lines);
    return true;
}

void oct_front_matter_release(oct_front_matter *fm)
{
    free(fm->lang);
    free(fm->title);
    memset(fm, 0, sizeof *fm);
}
