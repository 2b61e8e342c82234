#include "config/yaml.h"
#include "unicode/breaks.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Typed reads shared by the layout and manifest loaders. Messages name the
 * key and quote the offending value, so a user can fix the file without
 * reading our source. */

const oct_yaml_node *oct_yaml_get(const oct_yaml_node *map, const char *key)
{
    if (!map || map->kind != OCT_YAML_MAPPING) return NULL;
    for (const oct_yaml_node *c = map->first; c; c = c->next)
        if (strcmp(c->key, key) == 0) return c;
    return NULL;
}

const char *oct_yaml_describe(oct_yaml_doc *doc, const oct_yaml_node *n)
{
    if (n->key) return oct_arena_printf(doc->arena, "'%s'", n->key);
    if (n->parent && n->parent->key)
        return oct_arena_printf(doc->arena, "item %zu of '%s'", n->index + 1, n->parent->key);
    if (n->parent) return oct_arena_printf(doc->arena, "item %zu", n->index + 1);
    return "the document";
}

int oct_yaml_is_null(const oct_yaml_node *n)
{
    if (!n || n->kind != OCT_YAML_SCALAR || !n->plain) return 0;
    const char *t = n->text;
    return !*t || !strcmp(t, "~") || !strcmp(t, "null") || !strcmp(t, "Null") || !strcmp(t, "NULL");
}

/* "'big'", "a mapping", "nothing": what the user wrote, for messages.
 * Long values are cut so one bad line cannot flood the terminal. */
static const char *what_was_given(oct_yaml_doc *doc, const oct_yaml_node *n)
{
    if (n->kind == OCT_YAML_MAPPING) return "a mapping";
    if (n->kind == OCT_YAML_SEQUENCE) return "a list";
    if (oct_yaml_is_null(n)) return "nothing";
    size_t len = strlen(n->text);
    if (len > 40) /* cut between characters (clusters), never inside one */
        return oct_arena_printf(doc->arena, "'%.*s...'",
                                (int)oct_grapheme_floor_utf8(n->text, len, 37), n->text);
    return oct_arena_printf(doc->arena, "'%s'", n->text);
}

/* Edit distance counting a swap of neighbours as one edit ("titel" is one
 * away from "title"); keys longer than MAX are never close to anything. */
static size_t edit_distance(const char *a, const char *b)
{
    enum { MAX = 32 };
    size_t la = strlen(a), lb = strlen(b);
    if (la > MAX || lb > MAX) return MAX;
    size_t d[MAX + 1][MAX + 1];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= la; i++) {
        for (size_t j = 1; j <= lb; j++) {
            size_t best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < best) best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best) best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    }
    return d[la][lb];
}

/* The allowed key closest to a misspelt one, if it is close enough to be
 * what the user meant ("colour" for "color", "margin" for "margins"). */
static const char *suggest(const char *key, const char *const allowed[])
{
    const char *best = NULL;
    /* One edit for short keys; two only for long ones, where two edits
     * still leave the word recognizable. */
    size_t best_d = strlen(key) >= 8 ? 2 : 1;
    for (size_t i = 0; allowed[i]; i++) {
        size_t d = edit_distance(key, allowed[i]);
        if (d < 32 && d <= best_d) {
            best = allowed[i];
            best_d = d;
        }
    }
    return best;
}

void oct_yaml_unknown_key(oct_yaml_doc *doc, const oct_yaml_node *n, const char *where,
                          const char *const allowed[])
{
    const char *near = suggest(n->key, allowed);
    char hint[96] = "";
    if (near) snprintf(hint, sizeof hint, " (did you mean '%s'?)", near);
    if (where)
        oct_yaml_error_key(doc, n, "unknown-key", "unknown key '%s' in '%s'%s", n->key, where,
                           hint);
    else
        oct_yaml_error_key(doc, n, "unknown-key", "unknown key '%s'%s", n->key, hint);
}

int oct_yaml_check_keys(oct_yaml_doc *doc, const oct_yaml_node *map, const char *where,
                        const char *const allowed[])
{
    int unknown = 0;
    if (!map || map->kind != OCT_YAML_MAPPING) return 0;
    for (const oct_yaml_node *c = map->first; c; c = c->next) {
        size_t i = 0;
        while (allowed[i] && strcmp(allowed[i], c->key) != 0)
            i++;
        if (allowed[i]) continue;
        oct_yaml_unknown_key(doc, c, where, allowed);
        unknown++;
    }
    return unknown;
}

static const char *kind_phrase(oct_yaml_kind kind)
{
    switch (kind) {
    case OCT_YAML_MAPPING:
        return "a mapping (key: value lines)";
    case OCT_YAML_SEQUENCE:
        return "a list";
    default:
        return "a single value";
    }
}

int oct_yaml_expect(oct_yaml_doc *doc, const oct_yaml_node *n, oct_yaml_kind kind)
{
    if (n->kind == kind && !(kind == OCT_YAML_SCALAR && oct_yaml_is_null(n))) return 0;
    oct_yaml_error(doc, n, "wrong-type", "%s must be %s, got %s", oct_yaml_describe(doc, n),
                   kind_phrase(kind), what_was_given(doc, n));
    return -1;
}

int oct_yaml_string(oct_yaml_doc *doc, const oct_yaml_node *n, const char **out)
{
    if (n->kind != OCT_YAML_SCALAR || oct_yaml_is_null(n)) {
        oct_yaml_error(doc, n, "wrong-type", "%s must be a string, got %s",
                       oct_yaml_describe(doc, n), what_was_given(doc, n));
        return -1;
    }
    *out = n->text;
    return 0;
}

int oct_yaml_nonempty(oct_yaml_doc *doc, const oct_yaml_node *n, const char **out)
{
    const char *s;
    if (oct_yaml_string(doc, n, &s)) return -1;
    const char *p = s;
    while (*p && isspace((unsigned char)*p))
        p++;
    if (!*p) {
        oct_yaml_error(doc, n, "invalid-value", "%s must not be empty", oct_yaml_describe(doc, n));
        return -1;
    }
    *out = s;
    return 0;
}

/* Accepts [+-] digits [. digits] [e [+-] digits], or a leading '.'; refuses
 * what strtod would also take (hex, inf, nan, leading blanks), so a value
 * means the same to the user and to us. Returns the length of the number. */
static size_t scan_number(const char *s)
{
    size_t i = 0, digits = 0;
    if (s[i] == '+' || s[i] == '-') i++;
    while (isdigit((unsigned char)s[i]))
        i++, digits++;
    if (s[i] == '.') {
        i++;
        while (isdigit((unsigned char)s[i]))
            i++, digits++;
    }
    if (!digits) return 0;
    if (s[i] == 'e' || s[i] == 'E') {
        size_t j = i + 1, exp = 0;
        if (s[j] == '+' || s[j] == '-') j++;
        while (isdigit((unsigned char)s[j]))
            j++, exp++;
        if (exp) i = j;
    }
    return i;
}

static int convert(const char *s, size_t n, double *out)
{
    char tmp[64];
    if (n == 0 || n >= sizeof tmp) return -1;
    memcpy(tmp, s, n);
    tmp[n] = '\0';
    double v = strtod(tmp, NULL);
    if (!isfinite(v)) return -1;
    *out = v;
    return 0;
}

int oct_yaml_parse_number(const char *s, double *out)
{
    size_t n = scan_number(s);
    if (n == 0 || s[n] != '\0') return -1;
    return convert(s, n, out);
}

int oct_yaml_parse_length(const char *s, double *out_pt)
{
    /* value * mul / div, in that order, so "20mm" gives exactly the double
     * that 20 * 72.0 / 25.4 gives in the built-in defaults. */
    static const struct {
        const char *unit;
        double mul, div;
    } units[] = {{"pt", 1.0, 1.0}, {"mm", 72.0, 25.4}, {"cm", 720.0, 25.4}, {"in", 72.0, 1.0}};
    size_t n = scan_number(s);
    double v;
    if (n == 0 || convert(s, n, &v)) return -1;
    const char *u = s + n;
    if (!*u) {
        *out_pt = v;
        return 0;
    }
    if (*u == ' ') u++;
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        if (strcmp(u, units[i].unit) == 0) {
            *out_pt = v * units[i].mul / units[i].div;
            return 0;
        }
    }
    return -1;
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

int oct_yaml_parse_color(const char *s, double rgb[3])
{
    if (s[0] != '#' || strlen(s) != 7) return -1;
    for (int i = 0; i < 3; i++) {
        int hi = hex_digit(s[1 + 2 * i]), lo = hex_digit(s[2 + 2 * i]);
        if (hi < 0 || lo < 0) return -1;
        rgb[i] = (hi * 16 + lo) / 255.0;
    }
    return 0;
}

int oct_yaml_number(oct_yaml_doc *doc, const oct_yaml_node *n, double *out)
{
    if (n->kind == OCT_YAML_SCALAR && !oct_yaml_is_null(n) &&
        oct_yaml_parse_number(n->text, out) == 0)
        return 0;
    oct_yaml_error(doc, n, "wrong-type", "%s must be a number, got %s", oct_yaml_describe(doc, n),
                   what_was_given(doc, n));
    return -1;
}

int oct_yaml_length(oct_yaml_doc *doc, const oct_yaml_node *n, double *out_pt)
{
    if (n->kind == OCT_YAML_SCALAR && !oct_yaml_is_null(n) &&
        oct_yaml_parse_length(n->text, out_pt) == 0)
        return 0;
    oct_yaml_error(doc, n, "wrong-type",
                   "%s must be a length (a number of points, or with mm, cm, in or pt, e.g. "
                   "20mm), got %s",
                   oct_yaml_describe(doc, n), what_was_given(doc, n));
    return -1;
}

int oct_yaml_color(oct_yaml_doc *doc, const oct_yaml_node *n, double rgb[3])
{
    if (n->kind == OCT_YAML_SCALAR && !oct_yaml_is_null(n) &&
        oct_yaml_parse_color(n->text, rgb) == 0)
        return 0;
    /* An unquoted #rrggbb is a YAML comment, which leaves the value empty. */
    const char *hint = oct_yaml_is_null(n) ? " (quote it: \"#1a1a1a\"; an unquoted # starts a "
                                             "comment)"
                                           : "";
    oct_yaml_error(doc, n, "wrong-type", "%s must be a colour \"#rrggbb\", got %s%s",
                   oct_yaml_describe(doc, n), what_was_given(doc, n), hint);
    return -1;
}
