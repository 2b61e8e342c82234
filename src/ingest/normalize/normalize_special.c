/* Formats recognized as whole blocks rather than line by line: YAML
 * configuration and Dockerfiles.
 *
 * "Pros: simple" and "Note: read this" look like YAML lines, so one line
 * says nothing. A YAML block needs the shape of configuration: lower-case
 * keys (two or more), a key whose value is nested below it, and a plain
 * scalar value (a number, a quoted string, a single token) — with no value
 * that reads like a sentence. A Dockerfile starts "FROM image" and goes on
 * with upper-case instructions. */
#include "ingest/normalize/normalize_internal.h"

#include <string.h>

typedef struct {
    bool key, empty, lower, scalar, sentence, item, comment, block_scalar;
} yaml_line;

static bool scalar_value(const char *v, size_t n)
{
    if (n == 0) return false;
    if (v[0] == '"' || v[0] == '\'' || v[0] == '[' || v[0] == '{' || v[0] == '&' || v[0] == '*')
        return true;
    if (memchr(v, ' ', n)) return false;
    return true; /* one token: 3.8, true, python:3.11, ubuntu-latest, ${{ x }} */
}

/* "simple to read." / "Represents the database." — prose, not a value. */
static bool sentence_value(const char *v, size_t n)
{
    if (v[n - 1] != '.' && v[n - 1] != '!' && v[n - 1] != '?') return false;
    size_t words = 1;
    bool stop = false;
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || v[i - 1] == ' ') {
            size_t k = nl_word_len(v + i, n - i);
            stop |= nl_is_stopword(v + i, k);
        }
        words += v[i] == ' ';
    }
    return words >= 4 || (words >= 2 && stop);
}

static bool parse_yaml(const char *t, size_t n, yaml_line *y)
{
    memset(y, 0, sizeof *y);
    if (n == 0) return false;
    if (t[0] == '#') {
        y->comment = true;
        return true;
    }
    if (t[0] == '-' && (n == 1 || t[1] == ' ')) {
        y->item = true;
        const char *v = t + 1;
        size_t vn = n - 1;
        v = nl_trim(v, &vn);
        y->sentence = vn > 0 && sentence_value(v, vn);
        return true;
    }
    size_t k = 0;
    if (!nl_is_ident_start((unsigned char)t[0])) return false;
    while (k < n && (nl_is_ident_char((unsigned char)t[k]) || t[k] == '-' || t[k] == '.'))
        k++;
    if (k >= n || t[k] != ':' || (k + 1 < n && t[k + 1] != ' ')) return false;
    y->key = true;
    y->lower = t[0] >= 'a' && t[0] <= 'z';
    const char *v = t + k + 1;
    size_t vn = n - k - 1;
    v = nl_trim(v, &vn);
    if (vn > 0 && v[0] == '#') vn = 0;
    y->empty = vn == 0;
    y->block_scalar = vn == 1 && (v[0] == '|' || v[0] == '>');
    y->scalar = !y->empty && !y->block_scalar && scalar_value(v, vn);
    y->sentence = !y->empty && sentence_value(v, vn);
    return true;
}

static const char *text_of(const nl_line *l, size_t *n)
{
    *n = l->len - l->lead;
    return nl_trim(l->s + l->lead, n);
}

/* Lines of the YAML block at line i (0: none); *scanned gets the last line
 * looked at. */
static size_t yaml_block(const nl_doc *d, size_t i, size_t *scanned)
{
    const unsigned stop = NL_FENCE | NL_PIPE | NL_QUOTE | NL_TABLE | NL_CODE | NL_DROP;
    const nl_line *first = &d->lines[i];
    size_t n;
    const char *t = text_of(first, &n);
    yaml_line y;
    *scanned = i;
    if (first->indent > 3 || !parse_yaml(t, n, &y) || !y.key || !y.lower) return 0;
    int base = first->indent, lines = 0, lower = 0, nested = 0, scalars = 0;
    int scalar_indent = -1; /* inside a "key: |" block scalar deeper than this */
    bool prev_empty_key = false, gap = false;
    int prev_indent = base;
    size_t end = i;
    for (size_t j = i; j < d->n; j++) {
        const nl_line *l = &d->lines[j];
        *scanned = j;
        if (l->flags & NL_BLANK) {
            gap = true;
            continue;
        }
        if ((l->flags & stop) || l->indent < base) break;
        if (scalar_indent >= 0 && l->indent > scalar_indent) {
            end = j;
            continue;
        }
        scalar_indent = -1;
        t = text_of(l, &n);
        if (!parse_yaml(t, n, &y) || y.sentence) break;
        if (l->indent == base && !y.key && !y.comment && !(y.item && prev_empty_key)) break;
        if (gap && l->indent == base && y.key && !y.lower) break; /* "Pros: …" after it */
        gap = false;
        if (prev_empty_key && (l->indent > prev_indent || y.item)) nested++;
        lines += !y.comment;
        lower += y.key && y.lower;
        scalars += y.scalar;
        if (y.block_scalar) scalar_indent = l->indent;
        prev_empty_key = y.key && y.empty;
        prev_indent = l->indent;
        end = j;
    }
    if (lines < 3 || lower < 2 || nested < 1 || scalars < 1) return 0;
    return end - i + 1;
}

static bool docker_instruction(const char *t, size_t n)
{
    static const char *const words[] = {"FROM",  "RUN",        "COPY",   "ADD",         "WORKDIR",
                                        "CMD",   "ENTRYPOINT", "ENV",    "EXPOSE",      "ARG",
                                        "LABEL", "USER",       "VOLUME", "HEALTHCHECK", "SHELL"};
    size_t k = 0;
    while (k < n && t[k] >= 'A' && t[k] <= 'Z')
        k++;
    if (k == 0 || k >= n || t[k] != ' ') return false;
    for (size_t w = 0; w < sizeof words / sizeof *words; w++)
        if (nl_word_eq(t, k, words[w])) return true;
    return false;
}

static size_t docker_block(const nl_doc *d, size_t i)
{
    size_t n;
    const char *t = text_of(&d->lines[i], &n);
    if (!nl_starts_with(t, n, "FROM ") || d->lines[i].indent > 3) return 0;
    /* "FROM image[:tag] [AS name]" */
    size_t k = 5;
    while (k < n && !nl_is_space(t[k]))
        k++;
    if (k < n && !nl_starts_with(t + k, n - k, " AS ") && !nl_starts_with(t + k, n - k, " as "))
        return 0;
    int instructions = 1;
    bool cont = t[n - 1] == '\\';
    size_t end = i;
    for (size_t j = i + 1; j < d->n; j++) {
        const nl_line *l = &d->lines[j];
        if (l->flags & NL_BLANK) continue;
        if (l->flags & (NL_FENCE | NL_PIPE | NL_TABLE | NL_CODE)) break;
        t = text_of(l, &n);
        if (!cont && t[0] != '#' && !docker_instruction(t, n)) break;
        instructions += !cont && t[0] != '#';
        cont = t[n - 1] == '\\';
        end = j;
    }
    return instructions >= 2 ? end - i + 1 : 0;
}

size_t nl_special_block(const nl_doc *d, size_t i, nl_lang *lang, size_t *yaml_skip)
{
    size_t k = docker_block(d, i);
    if (k) {
        *lang = NL_LANG_DOCKER;
        return k;
    }
    /* A YAML block that failed from line i fails from any later line it
     * covered too (they see a part of the same lines): skip those. */
    if (*yaml_skip != (size_t)-1 && i <= *yaml_skip) return 0;
    size_t scanned;
    k = yaml_block(d, i, &scanned);
    if (k)
        *lang = NL_LANG_YAML;
    else
        *yaml_skip = scanned;
    return k;
}
