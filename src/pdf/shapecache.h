/* Words shaped once (shapecache.c): the glyphs of a word in a face, kept
 * for the rest of the booklet. Internal to src/pdf; shape.c uses it for
 * runs it may shape word by word. */
#ifndef OCT_PDF_SHAPECACHE_H
#define OCT_PDF_SHAPECACHE_H
#include "pdf/internal.h"

#include <hb.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct pdf_shape_cache pdf_shape_cache;

/* One glyph of a run as shape.c sets it: its id, advance and offsets in
 * 1/1000 em, the run's char its cluster begins at, and whether it comes
 * from a word the cache handed out before (shape.c recorded the text of
 * its glyphs then, and need not again). */
typedef struct {
    pdf_glyph g;
    uint32_t cluster;
    bool again;
} pdf_run_glyph;

/* A run's glyphs, in a growing array. */
typedef struct {
    pdf_run_glyph *g;
    size_t n, cap;
} pdf_glyph_vec;

pdf_shape_cache *pdf_shape_cache_new(void);
void pdf_shape_cache_free(pdf_shape_cache *c); /* NULL-safe */
/* Lets the kept words go (their memory too), keeping what was worked out
 * about each font. */
void pdf_shape_cache_drop_words(pdf_shape_cache *c);
/* The glyphs of run cps[0..n), drawn with `font` (`upem` units to the em)
 * in `slot` with features f[0..nf), shaped word by word (kept words are
 * not shaped again), with clusters as indexes into cps; valid until the
 * next call. NULL when the
 * run must be shaped whole: a script whose words do not shape alone
 * (joining, syllables, right to left), a font with a lookup reaching
 * across a space (checked once per slot), or one of a slot's first
 * PDF_SHAPE_RISK_AFTER_RUNS runs (checking a font takes up to a
 * millisecond: a face that sets a heading or a fallback character is
 * never checked). buf is scratch. */
#define PDF_SHAPE_RISK_AFTER_RUNS 64
/* Makes `slot` ready before its first run: works out its risk now (its
 * runs are then never shaped whole for want of it) and shapes a sample
 * with f[0..nf), so that HarfBuzz has read the face's layout tables and
 * planned its features. For the thread preparing a PDF, while the sources
 * are read: the main thread then finds the face warm. buf is scratch;
 * nothing is kept but the risk. */
void pdf_shape_cache_warm(pdf_shape_cache *c, int slot, hb_font_t *font, const hb_feature_t *f,
                          unsigned nf, hb_buffer_t *buf);
const pdf_glyph_vec *pdf_shape_cache_run(pdf_shape_cache *c, int slot, hb_font_t *font,
                                         unsigned upem, const hb_feature_t *f, unsigned nf,
                                         const uint32_t *cps, size_t n, hb_buffer_t *buf);
/* The glyphs of a run the caller shaped whole into buf (`upem` units to
 * the em), in the same form, none of them again; valid until the next
 * call. Nothing is kept. */
const pdf_glyph_vec *pdf_shape_cache_whole(pdf_shape_cache *c, hb_buffer_t *buf, unsigned upem);

#endif
