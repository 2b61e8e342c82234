/* Words shaped once: the glyphs HarfBuzz gives a word, kept by (face
 * slot, script, characters), so "the" is shaped once per booklet rather
 * than once per paragraph.
 *
 * A run is cut into pieces before and after each space (a space keeps the
 * marks that follow it). When no piece holds a glyph a lookup may act on
 * across a space (spacerisk.h, worked out once per slot), each piece's
 * glyphs in the run are the glyphs it has alone, so a run whose pieces
 * are all kept is put together from them without shaping. A run with
 * pieces not yet kept has only those shaped, in one HarfBuzz call, one
 * after another with a space between (for a piece that is not risky the
 * space is as good a neighbour as any), and is then put together; a piece
 * that cannot be kept (too long, a glyph or position out of range) has
 * the run shaped whole. A run with a risky piece, in a font where every
 * piece is at risk, or not set left to right in a simple script, is left
 * to shape.c.
 *
 * Runs are shaped with the script, direction and language HarfBuzz would
 * guess for them (hb_buffer_guess_segment_properties), set explicitly. */
#include "pdf/shapecache.h"
#include "pdf/spacerisk.h"
#include "util/strmap.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* One glyph as kept: in 1/1000 em, as shape.c sets it; its cluster
 * counted from the piece's first char. */
typedef struct {
    pdf_glyph g;
    uint16_t cluster;
} kept_glyph;

/* A piece of the run being shaped: cps[at, at + n), its kept glyphs. */
typedef struct {
    uint32_t at, n;
    size_t span; /* index into spans; NEW: not kept yet */
    bool again;  /* kept before this run: handed out before */
} piece;

#define NEW SIZE_MAX
#define RISKY UINT32_MAX /* a span's n: the piece must not be shaped alone */

struct pdf_shape_cache {
    oct_strmap words; /* key -> index into spans */
    struct {
        uint32_t first, n;
    } * spans;
    size_t nspans, capspans;
    kept_glyph *g;
    size_t ng, capg;
    char *key; /* scratch: a key being made */
    size_t capkey;
    piece *pieces; /* scratch: the run's pieces */
    size_t cappieces;
    pdf_glyph_vec run;          /* the last run's glyphs */
    hb_set_t *risk[PDF_NSLOTS]; /* per slot: glyphs that shape otherwise beside a space */
    bool known[PDF_NSLOTS];     /* risk worked out (NULL then: no piece shapes alone) */
    unsigned runs[PDF_NSLOTS];  /* runs shaped whole before the risk is worked out */
};

/* Past this many glyphs kept the cache starts over (a booklet of thousands
 * of pages keeps a few MB); a longer piece is never kept. */
#define MAX_GLYPHS (1u << 17)
#define MAX_PIECE 256

pdf_shape_cache *pdf_shape_cache_new(void)
{
    return oct_xcalloc(1, sizeof(pdf_shape_cache));
}

void pdf_shape_cache_free(pdf_shape_cache *c)
{
    if (!c) return;
    oct_strmap_free(&c->words);
    free(c->spans);
    free(c->g);
    free(c->key);
    free(c->pieces);
    free(c->run.g);
    for (int i = 0; i < PDF_NSLOTS; i++)
        hb_set_destroy(c->risk[i]);
    free(c);
}

void pdf_shape_cache_drop_words(pdf_shape_cache *c)
{
    if (!c) return;
    oct_strmap_free(&c->words);
    c->words = (oct_strmap)OCT_STRMAP_INIT;
    free(c->spans);
    free(c->g);
    c->spans = NULL;
    c->g = NULL;
    c->nspans = c->capspans = c->ng = c->capg = 0;
}

/* The script HarfBuzz would guess for the whole run: its first character
 * of a script of its own (INVALID when there is none). */
static hb_script_t run_script(const uint32_t *cps, size_t n)
{
    hb_unicode_funcs_t *uf = hb_unicode_funcs_get_default();
    for (size_t i = 0; i < n; i++) {
        hb_script_t s = hb_unicode_script(uf, cps[i]);
        if (s != HB_SCRIPT_COMMON && s != HB_SCRIPT_INHERITED && s != HB_SCRIPT_UNKNOWN) return s;
    }
    return HB_SCRIPT_INVALID;
}

static bool usable(pdf_shape_cache *c, int slot, hb_font_t *font, hb_script_t script)
{
    if (!c || slot < 0 || slot >= PDF_NSLOTS || !font) return false;
    /* scripts whose words shape alone, left to right: no joining, no syllables */
    if (script != HB_SCRIPT_LATIN && script != HB_SCRIPT_CYRILLIC && script != HB_SCRIPT_GREEK &&
        script != HB_SCRIPT_INVALID)
        return false;
    if (!c->known[slot]) {
        /* a slot's first runs are shaped whole (shapecache.h) */
        if (++c->runs[slot] <= PDF_SHAPE_RISK_AFTER_RUNS) return false;
        c->known[slot] = true;
        c->risk[slot] = pdf_space_risk(font);
    }
    return c->risk[slot] != NULL;
}

static bool is_mark(hb_unicode_funcs_t *uf, uint32_t cp)
{
    hb_unicode_general_category_t gc = hb_unicode_general_category(uf, cp);
    return gc == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK ||
           gc == HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK ||
           gc == HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK;
}

/* The end of the piece starting at i: a space with the marks after it, or
 * the characters up to the next space. */
static size_t piece_end(const uint32_t *cps, size_t n, size_t i, hb_unicode_funcs_t *uf)
{
    size_t j = i + 1;
    if (cps[i] == ' ')
        while (j < n && is_mark(uf, cps[j]))
            j++;
    else
        while (j < n && cps[j] != ' ')
            j++;
    return j;
}

/* The key of a piece: its slot, its run's script and its text in UTF-8
 * (a quarter of the bytes of its code points, for most text); NULL for a
 * piece holding what is no character (its key would be U+FFFD's). */
static const char *make_key(pdf_shape_cache *c, int slot, hb_script_t script, const uint32_t *cps,
                            size_t n, size_t *len)
{
    OCT_GROW(c->key, c->capkey, 5 + n * 4);
    c->key[0] = (char)slot;
    memcpy(c->key + 1, &script, 4);
    size_t at = 5;
    for (size_t i = 0; i < n; i++) {
        if (cps[i] > 0x10FFFF || (cps[i] >= 0xD800 && cps[i] <= 0xDFFF)) return NULL;
        at += oct_utf8_encode(cps[i], c->key + at);
    }
    *len = at;
    return c->key;
}

static void add_span(pdf_shape_cache *c, const char *key, size_t klen, uint32_t first, uint32_t n)
{
    OCT_GROW(c->spans, c->capspans, c->nspans + 1);
    c->spans[c->nspans].first = first;
    c->spans[c->nspans].n = n;
    oct_strmap_put(&c->words, key, klen, c->nspans++);
}

/* Whether a character maps to a glyph that may shape otherwise beside a
 * space (or to none: HarfBuzz may then decompose it). */
static bool risky(hb_font_t *font, const hb_set_t *risk, const uint32_t *cps, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        hb_codepoint_t g;
        if (!hb_font_get_nominal_glyph(font, cps[i], &g) || hb_set_has(risk, g)) return true;
    }
    return false;
}

/* The run's pieces into c->pieces (their count); -1 when one is risky. */
static long find_pieces(pdf_shape_cache *c, int slot, hb_font_t *font, hb_script_t script,
                        const uint32_t *cps, size_t n, bool *any_new)
{
    hb_unicode_funcs_t *uf = hb_unicode_funcs_get_default();
    long np = 0;
    *any_new = false;
    for (size_t i = 0; i < n;) {
        size_t j = piece_end(cps, n, i, uf), klen, at = NEW;
        const char *key = make_key(c, slot, script, cps + i, j - i, &klen);
        if (!key) return -1;
        if (!oct_strmap_get(&c->words, key, klen, &at) &&
            risky(font, c->risk[slot], cps + i, j - i)) {
            add_span(c, key, klen, 0, RISKY); /* asked once */
            return -1;
        }
        if (at != NEW && c->spans[at].n == RISKY) return -1;
        *any_new |= at == NEW;
        OCT_GROW(c->pieces, c->cappieces, (size_t)np + 1);
        c->pieces[np++] = (piece){(uint32_t)i, (uint32_t)(j - i), at, at != NEW};
        i = j;
    }
    return np;
}

/* v in font units of a face of `upem` units to the em, in 1/1000 em. */
static int16_t thousandths(hb_position_t v, unsigned upem)
{
    double x = (double)v * 1000.0 / upem;
    x = x < 0 ? x - 0.5 : x + 0.5;
    return (int16_t)(x > INT16_MAX ? INT16_MAX : x < INT16_MIN ? INT16_MIN : x);
}

/* HarfBuzz's glyph k as shape.c sets it. */
static pdf_glyph glyph_of(const hb_glyph_info_t *info, const hb_glyph_position_t *pos, unsigned k,
                          unsigned upem)
{
    return (pdf_glyph){(uint16_t)info[k].codepoint, thousandths(pos[k].x_advance, upem),
                       thousandths(pos[k].x_offset, upem), thousandths(pos[k].y_offset, upem)};
}

static bool fits(hb_position_t v)
{
    return v >= INT16_MIN && v <= INT16_MAX;
}

/* Keeps glyphs [k0, k1) of a shaped buffer, where the new piece pc began
 * at cluster `base`; returns its span, NEW when it cannot be kept. */
static size_t keep(pdf_shape_cache *c, const piece *pc, int slot, unsigned upem, hb_script_t script,
                   const uint32_t *cps, const hb_glyph_info_t *info, const hb_glyph_position_t *pos,
                   unsigned k0, unsigned k1, uint32_t base)
{
    if (pc->n > MAX_PIECE) return NEW;
    for (unsigned k = k0; k < k1; k++)
        if (info[k].codepoint > UINT16_MAX || !fits(pos[k].x_advance) || !fits(pos[k].x_offset) ||
            !fits(pos[k].y_offset))
            return NEW;
    size_t klen, at;
    const char *key = make_key(c, slot, script, cps + pc->at, pc->n, &klen);
    if (!key) return NEW;
    if (oct_strmap_get(&c->words, key, klen, &at)) return at; /* twice in the run */
    OCT_GROW(c->g, c->capg, c->ng + (k1 - k0));
    uint32_t first = (uint32_t)c->ng;
    for (unsigned k = k0; k < k1; k++)
        c->g[c->ng++] =
            (kept_glyph){glyph_of(info, pos, k, upem), (uint16_t)(info[k].cluster - base)};
    add_span(c, key, klen, first, k1 - k0);
    return c->nspans - 1;
}

/* Sets buf up to be shaped as a run of `script`, left to right. */
static void shape_buffer(hb_font_t *font, hb_script_t script, const hb_feature_t *f, unsigned nf,
                         hb_buffer_t *buf)
{
    hb_buffer_set_content_type(buf, HB_BUFFER_CONTENT_TYPE_UNICODE);
    hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
    hb_buffer_set_script(buf, script);
    hb_buffer_set_language(buf, hb_language_get_default());
    hb_shape(font, buf, f, nf);
}

/* Shapes the run's new pieces alone, in run order with a space between
 * them, and keeps them. Only the run's first piece can begin with a mark
 * (every other follows a space, which takes the marks after it), and it
 * goes first, with nothing before it. Returns false when a piece could
 * not be kept. */
static bool shape_new(pdf_shape_cache *c, int slot, hb_font_t *font, unsigned upem,
                      hb_script_t script, const hb_feature_t *f, unsigned nf, const uint32_t *cps,
                      size_t np, hb_buffer_t *buf)
{
    hb_buffer_clear_contents(buf);
    uint32_t at = 0;
    for (size_t p = 0; p < np; p++) {
        const piece *pc = &c->pieces[p];
        if (pc->span != NEW) continue;
        if (at) hb_buffer_add(buf, ' ', at++);
        for (uint32_t i = 0; i < pc->n; i++)
            hb_buffer_add(buf, cps[pc->at + i], at++);
    }
    shape_buffer(font, script, f, nf, buf);
    unsigned ng;
    const hb_glyph_info_t *info = hb_buffer_get_glyph_infos(buf, &ng);
    const hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(buf, &ng);
    unsigned k = 0;
    bool all = true;
    at = 0; /* where each new piece began in the buffer, counted again */
    for (size_t p = 0; p < np; p++) {
        piece *pc = &c->pieces[p];
        if (pc->span != NEW) continue;
        if (at) at++; /* the space before it */
        while (k < ng && info[k].cluster < at)
            k++;
        unsigned k0 = k;
        while (k < ng && info[k].cluster < at + pc->n)
            k++;
        pc->span = keep(c, pc, slot, upem, script, cps, info, pos, k0, k, at);
        all &= pc->span != NEW;
        at += pc->n;
    }
    return all;
}

/* The glyphs HarfBuzz left in buf, as the run's (none of them again). */
static void run_from_buffer(pdf_glyph_vec *out, hb_buffer_t *buf, unsigned upem)
{
    unsigned ng;
    const hb_glyph_info_t *info = hb_buffer_get_glyph_infos(buf, &ng);
    const hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(buf, &ng);
    OCT_GROW(out->g, out->cap, ng);
    for (unsigned k = 0; k < ng; k++)
        out->g[k] = (pdf_run_glyph){glyph_of(info, pos, k, upem), info[k].cluster, false};
    out->n = ng;
}

/* Shapes the run whole into c->run and keeps its new pieces: each piece's
 * glyphs are those whose cluster lies in it (left to right, in order). */
static void shape_and_keep(pdf_shape_cache *c, int slot, hb_font_t *font, unsigned upem,
                           hb_script_t script, const hb_feature_t *f, unsigned nf,
                           const uint32_t *cps, size_t n, size_t np, hb_buffer_t *buf)
{
    hb_buffer_clear_contents(buf);
    for (size_t i = 0; i < n; i++)
        hb_buffer_add(buf, cps[i], (unsigned)i);
    shape_buffer(font, script, f, nf, buf);
    unsigned ng;
    const hb_glyph_info_t *info = hb_buffer_get_glyph_infos(buf, &ng);
    const hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(buf, &ng);
    unsigned k = 0;
    for (size_t p = 0; p < np; p++) {
        const piece *pc = &c->pieces[p];
        unsigned k0 = k;
        while (k < ng && info[k].cluster < pc->at + pc->n)
            k++;
        if (pc->span == NEW) keep(c, pc, slot, upem, script, cps, info, pos, k0, k, pc->at);
    }
    run_from_buffer(&c->run, buf, upem);
}

void pdf_shape_cache_warm(pdf_shape_cache *c, int slot, hb_font_t *font, const hb_feature_t *f,
                          unsigned nf, hb_buffer_t *buf)
{
    if (!c || slot < 0 || slot >= PDF_NSLOTS || !font) return;
    if (!c->known[slot]) {
        c->known[slot] = true;
        c->risk[slot] = pdf_space_risk(font);
    }
    /* letters, figures, punctuation and a space: what any booklet sets */
    static const char SAMPLE[] = "Answer 1: The fifty \"quick\" tests, (a) & (b)!";
    hb_buffer_clear_contents(buf);
    hb_buffer_add_utf8(buf, SAMPLE, -1, 0, -1);
    shape_buffer(font, HB_SCRIPT_LATIN, f, nf, buf);
    hb_buffer_clear_contents(buf);
}

const pdf_glyph_vec *pdf_shape_cache_run(pdf_shape_cache *c, int slot, hb_font_t *font,
                                         unsigned upem, const hb_feature_t *f, unsigned nf,
                                         const uint32_t *cps, size_t n, hb_buffer_t *buf)
{
    hb_script_t script = run_script(cps, n);
    if (!usable(c, slot, font, script)) return NULL;
    if (c->ng > MAX_GLYPHS) { /* start over, before any span is looked up */
        oct_strmap_clear(&c->words);
        c->nspans = c->ng = 0;
    }
    bool any_new;
    long np = find_pieces(c, slot, font, script, cps, n, &any_new);
    if (np < 0) return NULL;
    c->run.n = 0;
    if (any_new && !shape_new(c, slot, font, upem, script, f, nf, cps, (size_t)np, buf)) {
        shape_and_keep(c, slot, font, upem, script, f, nf, cps, n, (size_t)np, buf);
        return &c->run;
    }
    for (long p = 0; p < np; p++) { /* all kept now: put together */
        const piece *pc = &c->pieces[p];
        const kept_glyph *g = c->g + c->spans[pc->span].first;
        uint32_t ng = c->spans[pc->span].n;
        OCT_GROW(c->run.g, c->run.cap, c->run.n + ng);
        pdf_run_glyph *out = c->run.g + c->run.n;
        for (uint32_t k = 0; k < ng; k++)
            out[k] = (pdf_run_glyph){g[k].g, pc->at + g[k].cluster, pc->again};
        c->run.n += ng;
    }
    return &c->run;
}

const pdf_glyph_vec *pdf_shape_cache_whole(pdf_shape_cache *c, hb_buffer_t *buf, unsigned upem)
{
    run_from_buffer(&c->run, buf, upem);
    return &c->run;
}
