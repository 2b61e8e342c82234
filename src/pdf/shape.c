/* Shaping: HarfBuzz turns each run of characters set in one face and style
 * into glyphs with their advances (kerning, standard ligatures, contextual
 * forms, marks). A character's width is then its cluster's advance, held
 * by the cluster's first character (the others of the cluster are 0 wide),
 * so the line breaker measures exactly what is drawn. Code is set without
 * ligatures: `->` or `!=` must print as typed. In prose, two of the body
 * face's wide mathematical signs side by side are drawn closer
 * (close_signs).
 *
 * Runs end at every change of face or style, so a ligature never spans two
 * styles, and text is shaped once, when it is added; a word met again in
 * the same face is not shaped again (shapecache.c). */
#include "pdf/internal.h"
#include "pdf/shapecache.h"
#include "util/xalloc.h"

#include <hb.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static const hb_feature_t NO_LIGATURES[] = {
    {HB_TAG('l', 'i', 'g', 'a'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
    {HB_TAG('c', 'l', 'i', 'g'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
    {HB_TAG('c', 'a', 'l', 't'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
    {HB_TAG('d', 'l', 'i', 'g'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
};

static pdf_glyph *new_glyph(pdf_text *t)
{
    if (t->ng == t->capg) pdf_text_grow_glyphs(t, t->ng + 1);
    return &t->g[t->ng++];
}

/* cps[0..n) composed in place (NFC) when a combining mark follows the
 * first; returns the new length. The font draws "e" + U+0301 with the
 * glyph of "é": recorded as a sequence, it would win that glyph's one
 * ToUnicode entry, and every "é" typed precomposed in the PDF would be
 * extracted as two characters, which searches and copies miss. */
static size_t compose(uint32_t *cps, size_t n)
{
    bool marks = false;
    for (size_t i = 1; i < n && !marks; i++)
        marks = cps[i] >= 0x300;
    if (!marks) return n;
    utf8proc_int32_t buf[16];
    for (size_t i = 0; i < n; i++)
        buf[i] = (utf8proc_int32_t)cps[i];
    utf8proc_ssize_t k = utf8proc_normalize_utf32(buf, (utf8proc_ssize_t)n, UTF8PROC_COMPOSE);
    if (k <= 0 || (size_t)k > n) return n;
    for (utf8proc_ssize_t i = 0; i < k; i++)
        cps[i] = (uint32_t)buf[i];
    return (size_t)k;
}

/* Which text each glyph of a cluster stands for, for the ToUnicode map
 * (one text per glyph for the whole PDF): a cluster of one glyph (a
 * ligature, an emoji sequence) gives it the cluster's text; in a longer
 * one, a glyph that is a character's
 * own (its cmap glyph) stands for that character, so a consonant or a
 * vowel sign maps the same wherever it is used; the characters left over
 * go to the first glyph that is nobody's own (a ligature, a conjunct, a
 * contextual form), or are carried by no glyph. */
static void map_cluster(oct_pdf *p, const pdf_text *t, int slot, hb_font_t *font,
                        const pdf_run_glyph *rg, unsigned k0, unsigned k1, size_t ci, size_t end)
{
    uint32_t rest[16];
    size_t m = 0;
    bool taken[16] = {false};
    size_t nch = end - ci < 16 ? end - ci : 16;
    if (k1 == k0 + 1) { /* one glyph: it stands for the whole cluster */
        for (size_t j = 0; j < nch; j++)
            rest[m++] = t->c[ci + j].cp;
        pdf_font_glyph_text(p->fonts, slot, rg[k0].g.gid, rest, compose(rest, m));
        return;
    }
    int first_other = -1;
    for (unsigned k = k0; k < k1; k++) {
        unsigned gid = rg[k].g.gid;
        bool own = false;
        for (size_t j = 0; j < nch && !own; j++) {
            hb_codepoint_t g;
            if (!taken[j] && hb_font_get_nominal_glyph(font, t->c[ci + j].cp, &g) && g == gid) {
                taken[j] = own = true;
                uint32_t cp = t->c[ci + j].cp;
                pdf_font_glyph_text(p->fonts, slot, gid, &cp, 1);
            }
        }
        if (!own && first_other < 0) first_other = (int)k;
        if (!own && (int)k != first_other) pdf_font_glyph_text(p->fonts, slot, gid, NULL, 0);
    }
    for (size_t j = 0; j < nch; j++)
        if (!taken[j]) rest[m++] = t->c[ci + j].cp;
    if (first_other >= 0) pdf_font_glyph_text(p->fonts, slot, rg[first_other].g.gid, rest, m);
}

/* Glyphs [k0, k1) of one cluster, which starts at char ci. A cluster the
 * word cache handed out before had its glyphs' texts recorded then
 * (recording is idempotent: the same calls leave the font as it is). */
static void add_cluster(oct_pdf *p, pdf_text *t, int slot, hb_font_t *font, const pdf_run_glyph *rg,
                        unsigned k0, unsigned k1, size_t ci, const uint8_t *starts)
{
    pdf_char *c = &t->c[ci];
    if (c->ng == 0) c->g = (uint32_t)t->ng;
    bool again = rg[k0].again;
    for (unsigned k = k0; k < k1; k++) {
        if (c->ng == UINT8_MAX) break; /* a pathological cluster: the rest is dropped */
        pdf_glyph *g = new_glyph(t);
        *g = rg[k].g;
        if (g->adv == 0 && !again) pdf_font_glyph_zero(p->fonts, slot, g->gid);
        int w = c->w + g->adv;
        c->w = (int16_t)(w > INT16_MAX ? INT16_MAX : w < INT16_MIN ? INT16_MIN : w);
        c->ng++;
    }
    if (again) return;
    size_t len = 1;
    while (!starts[len])
        len++;
    map_cluster(p, t, slot, font, rg, k0, k1, ci, ci + len);
}

/* The glyphs of chars [a, b) shaped whole in buf (a run the word cache
 * cannot take: shapecache.h). */
static void shape_whole(const pdf_text *t, size_t a, size_t b, hb_font_t *font,
                        const hb_feature_t *f, unsigned nf, hb_buffer_t *buf)
{
    hb_buffer_clear_contents(buf);
    for (size_t i = a; i < b; i++)
        hb_buffer_add(buf, t->c[i].cp, (unsigned)(i - a));
    hb_buffer_set_content_type(buf, HB_BUFFER_CONTENT_TYPE_UNICODE);
    hb_buffer_guess_segment_properties(buf);
    /* A right-to-left run comes out in visual order (lineops.c sets its
     * characters from the right); anything else left to right. */
    if (hb_buffer_get_direction(buf) != HB_DIRECTION_RTL)
        hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
    hb_shape(font, buf, f, nf);
}

/* Charis SIL (the body face) draws < > = + as mathematical signs, an em
 * wide with a fifth of an em of space on either side: alone between
 * spaces ("a + b", "x > 0") they read well, but two side by side (">>",
 * "<<", "<=", "->", "!=") print as two signs set apart ("> >"), and
 * nothing in the font closes them up (it has no kerning pairs). So a pair
 * of such signs whose inks lie more than OP_GAP_MAX apart is drawn
 * OP_GAP apart, about the gap Noto Sans leaves in ">>": the first sign's
 * advance shrinks, as kerning would have it, so measuring and drawing
 * agree and copied text stays ">>". Code keeps its monospace as typed. */
enum { OP_GAP_MAX = 150, OP_GAP = 80 }; /* 1/1000 em */

static bool wide_sign(uint32_t cp)
{
    return cp == '<' || cp == '>' || cp == '=' || cp == '+';
}

/* A sign that pairs with a wide one: "->", "!=", ":=", "~>". */
static bool sign(uint32_t cp)
{
    return wide_sign(cp) || cp == '-' || cp == '!' || cp == ':' || cp == '~';
}

static void close_signs(pdf_text *t, size_t a, size_t b, hb_font_t *font, unsigned upem)
{
    for (size_t i = a; i + 1 < b; i++) {
        pdf_char *c = &t->c[i], *d = &t->c[i + 1];
        if (c->ng != 1 || d->ng != 1 || !sign(c->cp) || !sign(d->cp) ||
            !(wide_sign(c->cp) || wide_sign(d->cp)))
            continue;
        pdf_glyph *g = &t->g[c->g];
        const pdf_glyph *h = &t->g[d->g];
        hb_glyph_extents_t e, f;
        if (!hb_font_get_glyph_extents(font, g->gid, &e) ||
            !hb_font_get_glyph_extents(font, h->gid, &f) || upem == 0)
            continue;
        double k = 1000.0 / upem;
        double gap = g->adv - (g->dx + (e.x_bearing + e.width) * k) + h->dx + f.x_bearing * k;
        if (gap <= OP_GAP_MAX) continue;
        int cut = (int)(gap - OP_GAP + 0.5);
        g->adv = (int16_t)(g->adv - cut);
        c->w = (int16_t)(c->w - cut);
    }
}

/* Chars [a, b) of one face and style: shaped word by word through the
 * cache where the font allows, else whole. */
static void shape_run(oct_pdf *p, pdf_text *t, size_t a, size_t b, hb_buffer_t *buf)
{
    int slot = t->c[a].slot;
    hb_font_t *font = pdf_font_hb(p->fonts, slot);
    unsigned upem = pdf_font_upem(p->fonts, slot);
    bool code = slot / PDF_NVAR == PDF_FAM_MONO;
    const hb_feature_t *f = code ? NO_LIGATURES : NULL;
    unsigned nf = code ? sizeof NO_LIGATURES / sizeof *NO_LIGATURES : 0;
    uint32_t cps_small[256];
    uint32_t *cps = b - a <= 256 ? cps_small : oct_xmalloc((b - a) * sizeof *cps);
    for (size_t i = a; i < b; i++)
        cps[i - a] = t->c[i].cp;
    const pdf_glyph_vec *v =
        pdf_shape_cache_run(p->shaped, slot, font, upem, f, nf, cps, b - a, buf);
    if (cps != cps_small) free(cps);
    bool rtl = false; /* glyphs in visual order: no pair of signs is closed */
    if (!v) {
        shape_whole(t, a, b, font, f, nf, buf);
        rtl = hb_buffer_get_direction(buf) == HB_DIRECTION_RTL;
        v = pdf_shape_cache_whole(p->shaped, buf, upem);
    }
    const pdf_run_glyph *rg = v->g;
    unsigned n = (unsigned)v->n;
    uint8_t small[256];
    uint8_t *starts = b - a < sizeof small ? small : oct_xmalloc(b - a + 1);
    memset(starts, 0, b - a + 1); /* which chars begin a cluster */
    for (unsigned k = 0; k < n; k++)
        if (rg[k].cluster < b - a) starts[rg[k].cluster] = 1;
    starts[b - a] = 1;
    for (size_t i = a; i < b; i++) {
        t->c[i].w = 0;
        t->c[i].ng = 0;
    }
    for (unsigned k = 0; k < n;) {
        unsigned k1 = k + 1; /* glyphs [k, k1) form one cluster */
        while (k1 < n && rg[k1].cluster == rg[k].cluster)
            k1++;
        size_t ci = a + rg[k].cluster;
        if (ci < b) add_cluster(p, t, slot, font, rg, k, k1, ci, starts + (ci - a));
        k = k1;
    }
    if (starts != small) free(starts);
    if (!code && !rtl) close_signs(t, a, b, font, upem);
}

/* Characters no face has: a box glyph each, never shaped. */
static void shape_boxes(oct_pdf *p, pdf_text *t, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++) {
        pdf_char *c = &t->c[i];
        c->g = (uint32_t)t->ng;
        c->ng = 1;
        c->w = PDF_BOX_ADVANCE;
        pdf_glyph *g = new_glyph(t);
        *g = (pdf_glyph){(uint16_t)pdf_font_box_glyph(p->fonts, c->cp), PDF_BOX_ADVANCE, 0, 0};
    }
}

void pdf_shape_warm(oct_pdf *p)
{
    hb_buffer_t *buf = pdf_font_buffer(p->fonts);
    for (int fam = PDF_FAM_BODY; fam <= PDF_FAM_MONO; fam++) {
        bool code = fam == PDF_FAM_MONO;
        const hb_feature_t *f = code ? NO_LIGATURES : NULL;
        unsigned nf = code ? sizeof NO_LIGATURES / sizeof *NO_LIGATURES : 0;
        /* bold italic is rare enough to be warmed by its first run */
        for (int var = PDF_VAR_R; var <= PDF_VAR_I; var++) {
            int slot = PDF_SLOT(fam, var);
            pdf_shape_cache_warm(p->shaped, slot, pdf_font_hb(p->fonts, slot), f, nf, buf);
        }
    }
}

void pdf_shape(oct_pdf *p, pdf_text *t, size_t a, size_t b)
{
    double t0 = pdf_clock(p);
    hb_buffer_t *buf = pdf_font_buffer(p->fonts);
    size_t i = a;
    while (i < b) {
        if (t->c[i].slot == PDF_SLOT_NONE) {
            t->c[i].ng = 0;
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < b && t->c[j].slot == t->c[i].slot && t->c[j].style == t->c[i].style)
            j++;
        if (t->c[i].slot == PDF_SLOT_BOX)
            shape_boxes(p, t, i, j);
        else
            shape_run(p, t, i, j, buf);
        i = j;
    }
    pdf_clock_add(p, &p->times.shape, t0);
}
