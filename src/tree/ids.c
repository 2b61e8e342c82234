#include "tree/tree.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

/* Ids are derived from content (kind prefix + slug of the text), so they
 * stay the same from build to build and across backends, and are made
 * unique with a -2, -3… suffix in document order. They are ASCII NCNames,
 * valid as XML ids and as PDF destination names. */

enum { SLUG_MAX = 48 };

/* Each id given, with the next suffix to try when it is taken again, so a
 * file of ten thousand equal headings costs no more than ten thousand
 * different ones. */
typedef struct {
    const char *id;
    int next;
} idslot;

typedef struct {
    idslot *slots;
    size_t cap, len;
} idset;

static uint64_t fnv1a(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

static idslot *idset_find(const idset *set, const char *s)
{
    if (!set->cap) return NULL;
    for (size_t i = fnv1a(s) & (set->cap - 1);; i = (i + 1) & (set->cap - 1)) {
        if (!set->slots[i].id) return NULL;
        if (strcmp(set->slots[i].id, s) == 0) return &set->slots[i];
    }
}

static void idset_put(idset *set, idslot e)
{
    size_t i = fnv1a(e.id) & (set->cap - 1);
    while (set->slots[i].id)
        i = (i + 1) & (set->cap - 1);
    set->slots[i] = e;
    set->len++;
}

static void idset_add(idset *set, const char *s)
{
    if ((set->len + 1) * 2 > set->cap) {
        size_t ncap = set->cap ? set->cap * 2 : 256, ocap = set->cap;
        idslot *old = set->slots;
        set->slots = oct_xtable(ncap, sizeof *set->slots);
        set->cap = ncap;
        set->len = 0;
        for (size_t i = 0; i < ocap; i++)
            if (old[i].id) idset_put(set, old[i]);
        free(old);
    }
    idset_put(set, (idslot){s, 2});
}

/* Latin letters with no decomposition to a base letter, as a slug spells them. */
static const char *spelled(unsigned cp)
{
    switch (cp) {
    case 0xE6: /* æ */
        return "ae";
    case 0xF8: /* ø */
        return "o";
    case 0x153: /* œ */
        return "oe";
    case 0x142: /* ł */
        return "l";
    case 0x111: /* đ */
    case 0xF0:  /* ð */
        return "d";
    case 0xFE: /* þ */
        return "th";
    case 0x131: /* dotless ı */
        return "i";
    default:
        return NULL;
    }
}

/* The ASCII letters and digits code point cp is written with in a slug
 * (lowercase, NUL-terminated in out): a Latin letter's base letters (é: e,
 * ß: ss, ﬁ: fi, Æ: ae), a compatibility digit's (²: 2). Returns 0 when
 * cp is no letter or digit (a separator: "" in out), 1 when it is, and -1
 * when it is a letter or digit of another script, which a slug cannot
 * spell without a transliteration. */
static int ascii_of(unsigned cp, char out[8])
{
    out[0] = '\0';
    utf8proc_int32_t dec[8];
    int opt = UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD;
    utf8proc_ssize_t k = utf8proc_decompose_char((utf8proc_int32_t)cp, dec, 8, opt, NULL);
    if (k < 0 || k > 8) k = 0;
    size_t n = 0;
    bool foreign = false;
    for (utf8proc_ssize_t i = 0; i < k; i++) {
        unsigned c = (unsigned)dec[i];
        const char *sp = spelled(c);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (n < 6) out[n++] = (char)c;
        } else if (sp) {
            for (; *sp && n < 6; sp++)
                out[n++] = *sp;
        } else {
            utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)c);
            foreign |= oct_utf8_is_letter(c) ||
                       (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
        }
    }
    out[n] = '\0';
    return foreign ? -1 : n > 0;
}

/* ASCII slug: letters and digits lowercased (accents dropped: é is e, ß
 * ss), anything else one hyphen. Returns whether a letter or digit of
 * another script than Latin was left out. */
static bool slugify(const char *text, char *out, size_t cap)
{
    size_t n = 0, len = strlen(text), step;
    int dash = 0;
    bool left_out = false;
    for (size_t i = 0; i < len && n + 1 < cap; i += step) {
        unsigned char b = (unsigned char)text[i];
        char ascii[8];
        step = 1;
        if (b >= 0x80) {
            unsigned cp = oct_utf8_decode(text + i, len - i, &step);
            if (!step) step = 1;
            if (ascii_of(cp, ascii) < 0) left_out = true;
        } else {
            ascii[0] = (char)(b >= 'A' && b <= 'Z' ? b - 'A' + 'a' : b);
            ascii[1] = '\0';
            if (!((ascii[0] >= 'a' && ascii[0] <= 'z') || (ascii[0] >= '0' && ascii[0] <= '9')))
                ascii[0] = '\0';
        }
        if (!ascii[0]) {
            dash = 1;
            continue;
        }
        if (dash && n) out[n++] = '-';
        for (const char *a = ascii; *a && n + 1 < cap; a++)
            out[n++] = *a;
        dash = 0;
    }
    out[n] = '\0';
    return left_out;
}

/* The slug of text: with a word of another script (Cyrillic, Greek, Han,
 * Arabic...), which the ASCII slug cannot spell, it ends with 8 hex
 * digits of the text's hash, so the id stays the same from build to build
 * (and across a question's sources) and differs from another text's, as
 * a spelled slug does; "q-x-17" would change with the question's place. */
static void slug_of(const char *text, char *out, size_t cap)
{
    enum { HASH = 8 };
    if (!slugify(text, out, cap)) return;
    size_t n = strlen(out);
    if (n + 1 + HASH + 1 > cap) n = cap > HASH + 2 ? cap - HASH - 2 : 0;
    while (n > 0 && out[n - 1] == '-')
        n--;
    snprintf(out + n, cap - n, "%s%08x", n ? "-" : "", (unsigned)(fnv1a(text) >> 32));
}

const char *oct_kind_id_prefix(oct_kind k)
{
    switch (k) {
    case OCT_CHAPTER:
        return "ch";
    case OCT_PART:
        return "part";
    case OCT_SECTION:
        return "s";
    case OCT_QUESTION:
        return "q";
    case OCT_ANSWER:
        return "a";
    case OCT_FOOTNOTE_DEF:
        return "fn";
    default:
        return NULL;
    }
}

static const char *base_text(oct_tree *t, const oct_node *n)
{
    switch (n->kind) {
    case OCT_CHAPTER:
        return n->u.chapter.title ? n->u.chapter.title : "";
    case OCT_FOOTNOTE_DEF:
        return n->u.footnote.label ? n->u.footnote.label : "";
    case OCT_ANSWER:
        return n->parent && n->parent->id ? n->parent->id : "";
    default:
        return oct_node_plain_text(t->arena, n);
    }
}

static const char *make_id(oct_tree *t, idset *seen, const oct_node *n)
{
    char slug[SLUG_MAX + 1];
    slug_of(base_text(t, n), slug, sizeof slug);
    char base[SLUG_MAX + 40];
    char label[24];
    if (n->kind == OCT_QUESTION && n->u.question.label && *n->u.question.label) {
        /* "4a" and "12.1" as written ("q4a-…", "q12-1-…"), so 4a and 4b
         * differ by more than their slug */
        slugify(n->u.question.label, label, sizeof label);
        snprintf(base, sizeof base, "q%s%s%s", *label ? label : "x", *slug ? "-" : "", slug);
    } else if (n->kind == OCT_QUESTION && n->u.question.number > 0)
        snprintf(base, sizeof base, "q%d%s%s", n->u.question.number, *slug ? "-" : "", slug);
    else
        snprintf(base, sizeof base, "%s-%s", oct_kind_id_prefix(n->kind), *slug ? slug : "x");
    const char *id = oct_arena_strdup(t->arena, base);
    idslot *taken = idset_find(seen, id);
    if (taken) {
        int k = taken->next;
        do
            id = oct_arena_printf(t->arena, "%s-%d", base, k++);
        while (idset_find(seen, id));
        taken->next = k; /* the set has not grown since: still its slot */
    }
    idset_add(seen, id);
    return id;
}

void oct_tree_assign_ids(oct_tree *t)
{
    idset seen = {0};
    oct_iter it;
    oct_iter_init(&it, t->root);
    oct_event ev;
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE) {
        if (ev != OCT_EV_ENTER || !oct_kind_id_prefix(it.cur->kind)) continue;
        oct_node *n = (oct_node *)it.cur; /* the tree is ours to annotate */
        n->id = make_id(t, &seen, n);
    }
    free(seen.slots);
}

const char *oct_question_label_dot(const char *label)
{
    /* an exam part's "1(a)" ends on its bracket: "1(a)." reads oddly */
    size_t n = label ? strlen(label) : 0;
    return n && (strchr(label, '.') || label[n - 1] == ')') ? "" : ".";
}
