#include "tree/tree.h"
#include "util/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

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

/* ASCII slug: letters and digits lowercased, anything else one hyphen. */
static void slugify(const char *text, char *out, size_t cap)
{
    size_t n = 0;
    int dash = 0;
    for (const unsigned char *s = (const unsigned char *)text; *s && n + 1 < cap; s++) {
        if ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')) {
            if (dash && n) out[n++] = '-';
            if (n + 1 < cap) out[n++] = (char)*s;
            dash = 0;
        } else if (*s >= 'A' && *s <= 'Z') {
            if (dash && n) out[n++] = '-';
            if (n + 1 < cap) out[n++] = (char)(*s - 'A' + 'a');
            dash = 0;
        } else {
            dash = 1;
        }
    }
    out[n] = '\0';
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
    slugify(base_text(t, n), slug, sizeof slug);
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
    return label && strchr(label, '.') ? "" : ".";
}
