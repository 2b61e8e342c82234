#include "tree/anchors.h"
#include "util/xalloc.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

/* GitHub renders "## 12. What is X?" with id "user-content-12-what-is-x"
 * and rewrites "#12-what-is-x" to it: the anchor is the heading's text,
 * lower-cased, with everything but word characters, '-' and ' ' removed
 * (Ruby's /[^\p{Word}\- ]/) and spaces turned into hyphens. */

static bool keeps(UChar32 c)
{
    if (c == '-' || c == ' ') return true;
    switch (u_charType(c)) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_CONNECTOR_PUNCTUATION:
        return true;
    default:
        return false;
    }
}

static void put_cp(oct_buf *out, UChar32 c)
{
    char u[U8_MAX_LENGTH];
    int32_t k = 0;
    UBool err = false;
    U8_APPEND(u, k, (int32_t)sizeof u, c, err);
    if (!err) oct_buf_put(out, u, (size_t)k);
}

void oct_anchor_slug(const char *text, oct_buf *out)
{
    const uint8_t *s = (const uint8_t *)(text ? text : "");
    int32_t len = (int32_t)strlen((const char *)s), i = 0;
    while (i < len) {
        UChar32 c;
        U8_NEXT(s, i, len, c);
        if (c < 0 || !keeps(c)) continue;
        if (c == ' ')
            oct_buf_putc(out, '-');
        else
            put_cp(out, u_tolower(c));
    }
}

static bool seen_has(const oct_anchor_slugger *s, const char *a)
{
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->seen[i], a) == 0) return true;
    return false;
}

const char *oct_anchor_slugger_next(oct_anchor_slugger *s, oct_arena *a, const char *text)
{
    oct_buf b = OCT_BUF_INIT;
    oct_anchor_slug(text, &b);
    const char *base = b.data ? b.data : "";
    const char *r = oct_arena_strdup(a, base);
    for (int k = 1; seen_has(s, r); k++)
        r = oct_arena_printf(a, "%s-%d", base, k);
    OCT_GROW(s->seen, s->cap, s->n + 1);
    s->seen[s->n++] = oct_xstrdup(r);
    oct_buf_free(&b);
    return r;
}

void oct_anchor_slugger_free(oct_anchor_slugger *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->seen[i]);
    free(s->seen);
    memset(s, 0, sizeof *s);
}

static size_t count_anchors(const oct_node *n)
{
    size_t k = 0;
    while (n->anchors && n->anchors[k])
        k++;
    return k;
}

void oct_node_add_anchor(oct_tree *t, oct_node *n, const char *a)
{
    if (!a || !*a) return;
    size_t k = count_anchors(n);
    for (size_t i = 0; i < k; i++)
        if (strcmp(n->anchors[i], a) == 0) return;
    const char **v = oct_arena_alloc(t->arena, (k + 2) * sizeof *v);
    if (k) memcpy(v, n->anchors, k * sizeof *v);
    v[k] = oct_arena_strdup(t->arena, a);
    v[k + 1] = NULL;
    n->anchors = v;
}

void oct_node_move_anchors(oct_tree *t, oct_node *from, oct_node *to)
{
    if (!from || !to || from == to) return;
    for (size_t i = 0; from->anchors && from->anchors[i]; i++)
        oct_node_add_anchor(t, to, from->anchors[i]);
    from->anchors = NULL;
}

bool oct_anchor_is_local(const char *url)
{
    if (!url || !*url) return false;
    if (url[0] == '#') return true;
    if (url[0] == '/' && url[1] == '/') return false;
    for (const char *s = url; *s && *s != '/' && *s != '#' && *s != '?'; s++)
        if (*s == ':') return false;
    return true;
}
