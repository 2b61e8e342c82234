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

struct oct_slug_seen {
    char *slug;
    int count; /* github-slugger's occurrences[slug] */
};

static uint64_t fnv(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

/* The slot of slug: its entry, or the empty slot where it would go. */
static struct oct_slug_seen *slot(const oct_anchor_slugger *s, const char *slug)
{
    size_t i = fnv(slug) & (s->cap - 1);
    while (s->slots[i].slug && strcmp(s->slots[i].slug, slug) != 0)
        i = (i + 1) & (s->cap - 1);
    return &s->slots[i];
}

static void remember(oct_anchor_slugger *s, const char *slug)
{
    if ((s->n + 1) * 2 > s->cap) {
        struct oct_slug_seen *old = s->slots;
        size_t ocap = s->cap;
        s->cap = ocap ? ocap * 2 : 64;
        s->slots = oct_xtable(s->cap, sizeof *s->slots);
        for (size_t i = 0; i < ocap; i++)
            if (old[i].slug) *slot(s, old[i].slug) = old[i];
        free(old);
    }
    struct oct_slug_seen *e = slot(s, slug);
    if (e->slug) {
        e->count = 0;
        return;
    }
    *e = (struct oct_slug_seen){oct_xstrdup(slug), 0};
    s->n++;
}

const char *oct_anchor_slugger_next(oct_anchor_slugger *s, oct_arena *a, const char *text)
{
    oct_buf b = OCT_BUF_INIT;
    oct_anchor_slug(text, &b);
    const char *base = b.data ? b.data : "";
    const char *r = oct_arena_strdup(a, base);
    if (s->cap && slot(s, base)->slug) {
        /* github-slugger: while taken, occurrences[base]++, try base-N */
        do {
            struct oct_slug_seen *e = slot(s, base);
            r = oct_arena_printf(a, "%s-%d", base, ++e->count);
        } while (slot(s, r)->slug);
    }
    remember(s, r);
    oct_buf_free(&b);
    return r;
}

void oct_anchor_slugger_free(oct_anchor_slugger *s)
{
    for (size_t i = 0; i < s->cap; i++)
        free(s->slots[i].slug);
    free(s->slots);
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
    if (k >= OCT_MAX_ANCHORS) return; /* no node needs more; keeps adding linear */
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
