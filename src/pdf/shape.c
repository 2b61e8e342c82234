/* Shaping: HarfBuzz turns each run of characters set in one face and style
 * into glyphs with their advances (kerning, standard ligatures, contextual
 * forms, marks). A character's width is then its cluster's advance, held
 * by the cluster's first character (the others of the cluster are 0 wide),
 * so the line breaker measures exactly what is drawn. Code is set without
 * ligatures: `->` or `!=` must print as typed.
 *
 * Runs end at every change of face or style, so a ligature never spans two
 * styles, and text is shaped once, when it is added. */
#include "pdf/internal.h"
#include "util/xalloc.h"

#include <hb.h>
#include <stdlib.h>
#include <string.h>

static const hb_feature_t NO_LIGATURES[] = {
    {HB_TAG('l', 'i', 'g', 'a'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
    {HB_TAG('c', 'l', 'i', 'g'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
    {HB_TAG('c', 'a', 'l', 't'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
    {HB_TAG('d', 'l', 'i', 'g'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
};

static pdf_glyph *new_glyph(pdf_text *t)
{
    OCT_GROW(t->g, t->capg, t->ng + 1);
    return &t->g[t->ng++];
}

static int16_t thousandths(hb_position_t v, unsigned upem)
{
    double x = (double)v * 1000.0 / upem;
    x = x < 0 ? x - 0.5 : x + 0.5;
    return (int16_t)(x > INT16_MAX ? INT16_MAX : x < INT16_MIN ? INT16_MIN : x);
}

/* Chars [a, b) of one face and style. */
static void shape_run(oct_pdf *p, pdf_text *t, size_t a, size_t b, hb_buffer_t *buf)
{
    int slot = t->c[a].slot;
    hb_font_t *font = pdf_font_hb(p->fonts, slot);
    unsigned upem = pdf_font_upem(p->fonts, slot);
    hb_buffer_clear_contents(buf);
    for (size_t i = a; i < b; i++)
        hb_buffer_add(buf, t->c[i].cp, (unsigned)(i - a));
    hb_buffer_set_content_type(buf, HB_BUFFER_CONTENT_TYPE_UNICODE);
    hb_buffer_guess_segment_properties(buf);
    /* A right-to-left run comes out in visual order (lineops.c sets its
     * characters from the right); anything else left to right. */
    if (hb_buffer_get_direction(buf) != HB_DIRECTION_RTL)
        hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
    bool code = slot / PDF_NVAR == PDF_FAM_MONO;
    hb_shape(font, buf, code ? NO_LIGATURES : NULL,
             code ? sizeof NO_LIGATURES / sizeof *NO_LIGATURES : 0);
    unsigned n;
    const hb_glyph_info_t *info = hb_buffer_get_glyph_infos(buf, &n);
    const hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(buf, &n);
    uint8_t small[256];
    uint8_t *starts = b - a < sizeof small ? small : oct_xmalloc(b - a + 1);
    memset(starts, 0, b - a + 1); /* which chars begin a cluster */
    for (unsigned k = 0; k < n; k++)
        if (info[k].cluster < b - a) starts[info[k].cluster] = 1;
    starts[b - a] = 1;
    for (size_t i = a; i < b; i++) {
        t->c[i].w = 0;
        t->c[i].ng = 0;
    }
    for (unsigned k = 0; k < n; k++) {
        size_t ci = a + info[k].cluster;
        if (ci >= b) continue; /* cannot happen: clusters are input indices */
        pdf_char *c = &t->c[ci];
        if (c->ng == 0) c->g = (uint32_t)t->ng;
        if (c->ng == UINT8_MAX) continue; /* a pathological cluster: the rest is dropped */
        pdf_glyph *g = new_glyph(t);
        g->gid = (uint16_t)info[k].codepoint;
        g->adv = thousandths(pos[k].x_advance, upem);
        g->dx = thousandths(pos[k].x_offset, upem);
        g->dy = thousandths(pos[k].y_offset, upem);
        int w = c->w + g->adv;
        c->w = (int16_t)(w > INT16_MAX ? INT16_MAX : w < INT16_MIN ? INT16_MIN : w);
        if (c->ng++ == 0) {
            /* the cluster's characters, for the ToUnicode map */
            size_t end = ci + 1;
            while (!starts[end - a])
                end++;
            uint32_t cps[16];
            size_t m = 0;
            for (size_t j = ci; j < end && m < 16; j++)
                cps[m++] = t->c[j].cp;
            pdf_font_glyph_text(p->fonts, slot, g->gid, cps, m);
        } else {
            pdf_font_glyph_text(p->fonts, slot, g->gid, NULL, 0);
        }
    }
    if (starts != small) free(starts);
}

void pdf_shape(oct_pdf *p, pdf_text *t, size_t a, size_t b)
{
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
        shape_run(p, t, i, j, buf);
        i = j;
    }
}
