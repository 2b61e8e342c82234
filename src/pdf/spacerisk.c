/* Which glyphs of a font may shape differently next to a space: the
 * question a word cache must answer before it shapes words apart
 * (shapecache.c). Web browsers ask the same before caching words.
 *
 * A lookup that never sees the space glyph (in its input, its context or
 * its output) cannot reach across a space. One that does makes risky the
 * glyphs it acts on: its input, and, when the space is itself acted on,
 * its context too. Mark attachment to a space (GPOS types 4-6) is left
 * out: the cache keeps a space and the marks after it together. A cursive
 * lookup (type 3) joins one glyph's exit to the next one's entry, so only
 * the glyphs that can join the space are at risk (a font may give every
 * letter an exit and four glyphs an entry). A glyph that some
 * substitution can turn into a risky one is risky too. */
#include "pdf/spacerisk.h"

#include <hb-ot.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

static bool has_table(hb_face_t *face, hb_tag_t tag)
{
    hb_blob_t *b = hb_face_reference_table(face, tag);
    bool has = hb_blob_get_length(b) > 0;
    hb_blob_destroy(b);
    return has;
}

static bool has_feature(hb_face_t *face, hb_tag_t table, hb_tag_t feature)
{
    hb_tag_t tags[64];
    unsigned start = 0;
    for (;;) {
        unsigned n = sizeof tags / sizeof *tags;
        unsigned total = hb_ot_layout_table_get_feature_tags(face, table, start, &n, tags);
        for (unsigned i = 0; i < n; i++)
            if (tags[i] == feature) return true;
        start += n;
        if (n == 0 || start >= total) return false;
    }
}

static unsigned u16(const uint8_t *d, size_t len, size_t at)
{
    return at + 2 <= len ? (unsigned)(d[at] << 8 | d[at + 1]) : 0;
}

static uint32_t u32(const uint8_t *d, size_t len, size_t at)
{
    return (uint32_t)u16(d, len, at) << 16 | u16(d, len, at + 2);
}

/* Where GPOS lookup i starts in the table's bytes (0: nowhere). */
static size_t gpos_lookup(const uint8_t *d, size_t len, unsigned i)
{
    size_t list = u16(d, len, 8);
    if (!list || i >= u16(d, len, list)) return 0;
    return list + u16(d, len, list + 2 + 2 * i);
}

/* Subtable k of the lookup at `lookup`, through an extension; its type in *type. */
static size_t subtable(const uint8_t *d, size_t len, size_t lookup, unsigned k, unsigned *type)
{
    size_t at = lookup + u16(d, len, lookup + 6 + 2 * k);
    *type = u16(d, len, lookup);
    if (*type == 9) { /* extension: the real type and a 32-bit offset */
        *type = u16(d, len, at + 2);
        at += u32(d, len, at + 4);
    }
    return at;
}

/* GPOS lookup i's type (an extension's wrapped type); 0 when unknown. */
static unsigned gpos_type(const uint8_t *d, size_t len, unsigned i)
{
    size_t lookup = gpos_lookup(d, len, i);
    unsigned type = 0;
    if (lookup && u16(d, len, lookup + 4) > 0) subtable(d, len, lookup, 0, &type);
    return type;
}

/* Calls fn for each glyph of the coverage table at `at` with its index. */
static void each_covered(const uint8_t *d, size_t len, size_t at,
                         void (*fn)(void *, unsigned glyph, unsigned index), void *arg)
{
    unsigned format = u16(d, len, at), n = u16(d, len, at + 2);
    for (unsigned k = 0; k < n && at + 4 + 6 * (size_t)k + 6 <= len; k++) {
        if (format == 1) {
            fn(arg, u16(d, len, at + 4 + 2 * k), k);
        } else if (format == 2) {
            size_t r = at + 4 + 6 * (size_t)k;
            unsigned first = u16(d, len, r), last = u16(d, len, r + 2), index = u16(d, len, r + 4);
            for (unsigned g = first; g <= last && g - first < 65536; g++)
                fn(arg, g, index + (g - first));
        } else {
            return;
        }
    }
}

typedef struct {
    const uint8_t *d;
    size_t len, sub; /* the cursive subtable */
    hb_codepoint_t space;
    bool space_entry, space_exit;
    hb_set_t *entry, *exit; /* glyphs with an entry, an exit anchor */
} cursive;

static void cursive_glyph(void *arg, unsigned g, unsigned index)
{
    cursive *c = arg;
    size_t rec = c->sub + 6 + 4 * (size_t)index;
    if (index >= u16(c->d, c->len, c->sub + 4)) return;
    bool entry = u16(c->d, c->len, rec) != 0, exit = u16(c->d, c->len, rec + 2) != 0;
    if (entry) hb_set_add(c->entry, g);
    if (exit) hb_set_add(c->exit, g);
    if (g == c->space) {
        c->space_entry |= entry;
        c->space_exit |= exit;
    }
}

/* A cursive lookup joins a glyph's exit to the next one's entry: across a
 * space only glyphs with an entry (the space has an exit) or an exit (the
 * space has an entry) are at risk. */
static void cursive_risk(const uint8_t *d, size_t len, unsigned i, hb_codepoint_t space,
                         hb_set_t *risk)
{
    cursive c = {d, len, 0, space, false, false, hb_set_create(), hb_set_create()};
    size_t lookup = gpos_lookup(d, len, i);
    for (unsigned k = 0; lookup && k < u16(d, len, lookup + 4); k++) {
        unsigned type;
        c.sub = subtable(d, len, lookup, k, &type);
        if (type == 3 && u16(d, len, c.sub) == 1)
            each_covered(d, len, c.sub + u16(d, len, c.sub + 2), cursive_glyph, &c);
    }
    if (c.space_exit) hb_set_union(risk, c.entry);
    if (c.space_entry) hb_set_union(risk, c.exit);
    hb_set_destroy(c.entry);
    hb_set_destroy(c.exit);
}

typedef struct {
    hb_set_t *in, *out; /* a GSUB lookup's input and output glyphs */
} subst;

/* Adds to risk the glyphs lookup i of table acts on near the space; a
 * GSUB lookup's sets are kept in *sub for the closure. */
static void add_lookup(hb_face_t *face, hb_tag_t table, unsigned i, hb_codepoint_t space,
                       const hb_blob_t *gpos, hb_set_t *risk, subst *sub)
{
    if (table == HB_OT_TAG_GPOS) {
        unsigned len = 0;
        const uint8_t *d = (const uint8_t *)hb_blob_get_data((hb_blob_t *)gpos, &len);
        unsigned type = gpos_type(d, len, i);
        if (type >= 4 && type <= 6) return; /* marks on a space stay with it */
        if (type == 3) {
            cursive_risk(d, len, i, space, risk);
            return;
        }
    }
    hb_set_t *before = hb_set_create(), *in = hb_set_create(), *after = hb_set_create(),
             *out = hb_set_create();
    hb_ot_layout_lookup_collect_glyphs(face, table, i, before, in, after, out);
    if (hb_set_has(before, space) || hb_set_has(in, space) || hb_set_has(after, space) ||
        hb_set_has(out, space)) {
        hb_set_union(risk, in);
        if (hb_set_has(in, space) || hb_set_has(out, space)) {
            hb_set_union(risk, before);
            hb_set_union(risk, after);
        }
    }
    if (sub) {
        sub->in = in;
        sub->out = out;
    } else {
        hb_set_destroy(in);
        hb_set_destroy(out);
    }
    hb_set_destroy(before);
    hb_set_destroy(after);
}

/* Glyphs a substitution can make risky are risky: to a fixed point. */
static void close_over(hb_set_t *risk, subst *sub, unsigned n)
{
    hb_set_t *meet = hb_set_create();
    for (bool grew = true; grew;) {
        grew = false;
        for (unsigned i = 0; i < n; i++) {
            hb_set_set(meet, sub[i].out);
            hb_set_intersect(meet, risk);
            if (hb_set_is_empty(meet) || hb_set_is_subset(sub[i].in, risk)) continue;
            hb_set_union(risk, sub[i].in);
            grew = true;
        }
    }
    hb_set_destroy(meet);
}

hb_set_t *pdf_space_risk(hb_font_t *font)
{
    hb_face_t *face = hb_font_get_face(font);
    hb_codepoint_t space;
    if (!hb_font_get_nominal_glyph(font, ' ', &space)) return NULL;
    if (has_table(face, HB_TAG('m', 'o', 'r', 'x')) ||
        has_table(face, HB_TAG('m', 'o', 'r', 't')) || has_table(face, HB_TAG('k', 'e', 'r', 'x')))
        return NULL; /* AAT shaping: not looked into */
    /* HarfBuzz applies a 'kern' table when GPOS has no kerning of its own */
    if (has_table(face, HB_TAG('k', 'e', 'r', 'n')) &&
        !has_feature(face, HB_OT_TAG_GPOS, HB_TAG('k', 'e', 'r', 'n')))
        return NULL;
    hb_set_t *risk = hb_set_create();
    unsigned nsub = hb_ot_layout_table_get_lookup_count(face, HB_OT_TAG_GSUB);
    subst *sub = calloc(nsub ? nsub : 1, sizeof *sub);
    if (!sub) {
        hb_set_destroy(risk);
        return NULL;
    }
    for (unsigned i = 0; i < nsub; i++)
        add_lookup(face, HB_OT_TAG_GSUB, i, space, NULL, risk, &sub[i]);
    hb_blob_t *gpos = hb_face_reference_table(face, HB_OT_TAG_GPOS);
    unsigned npos = hb_ot_layout_table_get_lookup_count(face, HB_OT_TAG_GPOS);
    for (unsigned i = 0; i < npos; i++)
        add_lookup(face, HB_OT_TAG_GPOS, i, space, gpos, risk, NULL);
    hb_blob_destroy(gpos);
    close_over(risk, sub, nsub);
    for (unsigned i = 0; i < nsub; i++) {
        hb_set_destroy(sub[i].in);
        hb_set_destroy(sub[i].out);
    }
    free(sub);
    return risk;
}
