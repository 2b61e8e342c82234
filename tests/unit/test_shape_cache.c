/* Words shaped once must give the glyphs of shaping the whole run: for
 * every bundled font and runs in several languages (ligatures, kerning,
 * marks after a space, tone letters that join across a space), a run put
 * together from kept words equals the run shaped whole by HarfBuzz, glyph
 * for glyph, advance for advance; and the risk worked out for each font
 * is what its tables say (Charis SIL: only the few glyphs that join a
 * space; DejaVu Sans: a ligature takes the space itself). */
#include "check.h"
#include "pdf/shapecache.h"
#include "pdf/spacerisk.h"
#include "util/utf8.h"

#include <hb-ot.h>
#include <stdlib.h>
#include <string.h>

static hb_font_t *open_font(const char *name)
{
    char path[4096];
    const char *src = getenv("OCTAVO_SRC");
    snprintf(path, sizeof path, "%s/fonts/%s", src ? src : ".", name);
    hb_blob_t *blob = hb_blob_create_from_file(path);
    if (hb_blob_get_length(blob) == 0) {
        fprintf(stderr, "cannot read %s\n", path);
        hb_blob_destroy(blob);
        return NULL;
    }
    hb_face_t *face = hb_face_create(blob, 0);
    hb_font_t *font = hb_font_create(face);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    return font;
}

static size_t decode(const char *s, uint32_t *out, size_t cap)
{
    size_t n = 0, len, at = 0, total = strlen(s);
    while (at < total && n < cap) {
        out[n++] = oct_utf8_decode(s + at, total - at, &len);
        at += len ? len : 1;
    }
    return n;
}

/* The run shaped whole, as shape.c does without the cache. */
static void shape_whole(hb_font_t *font, hb_buffer_t *buf, const uint32_t *cps, size_t n)
{
    hb_buffer_clear_contents(buf);
    for (size_t i = 0; i < n; i++)
        hb_buffer_add(buf, cps[i], (unsigned)i);
    hb_buffer_set_content_type(buf, HB_BUFFER_CONTENT_TYPE_UNICODE);
    hb_buffer_guess_segment_properties(buf);
    if (hb_buffer_get_direction(buf) != HB_DIRECTION_RTL)
        hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
    hb_shape(font, buf, NULL, 0);
}

/* A position in 1/1000 em, rounded half away from zero, as shape.c sets it. */
static long thousandths(hb_position_t v, unsigned upem)
{
    long x = (long)v * 1000, h = (long)upem / 2;
    return x < 0 ? -((-x + h) / (long)upem) : (x + h) / (long)upem;
}

/* The glyphs equal the whole run's; `again` is what every glyph says of
 * its word having been handed out before (-1: not checked). */
static bool same_glyphs(const pdf_glyph_vec *v, hb_buffer_t *whole, unsigned upem, int again)
{
    unsigned n;
    const hb_glyph_info_t *info = hb_buffer_get_glyph_infos(whole, &n);
    const hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(whole, &n);
    if (v->n != n) return false;
    for (unsigned k = 0; k < n; k++) {
        const pdf_run_glyph *g = &v->g[k];
        if (g->g.gid != info[k].codepoint || g->cluster != info[k].cluster ||
            g->g.adv != thousandths(pos[k].x_advance, upem) ||
            g->g.dx != thousandths(pos[k].x_offset, upem) ||
            g->g.dy != thousandths(pos[k].y_offset, upem) || (again >= 0 && g->again != again))
            return false;
    }
    return true;
}

static const char *const TEXTS[] = {
    "The quick brown fox jumps over the lazy dog",
    "office affine fluffy waffle efficient",
    "AV To Wa Ty LT P. Yo",
    "a \xCC\x81"
    "b and e\xCC\x81 \xCC\x81x",
    "tone \xCB\xA5\xCB\xA9 then \xCB\xA6\xCB\xA8 again",
    "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82 \xD0\xBC\xD0\xB8\xD1\x80",
    "\xCE\x9A\xCE\xB1\xCE\xBB\xCE\xB7\xCE\xBC\xCE\xAD\xCF\x81\xCE\xB1 "
    "\xCE\xBA\xCF\x8C\xCF\x83\xCE\xBC\xCE\xB5",
    "Ti\xE1\xBA\xBFng Vi\xE1\xBB\x87t c\xC3\xB3 d\xE1\xBA\xA5u",
    "x  y   z ",
    " leading space",
    "123 + 456 = 579; (a, b) -> [c]",
    "fi",
    "the office the fi the",
    /* new words among kept ones, one of them twice; a run that begins
     * with a mark (shaped first among the new words, nothing before it) */
    "fox zebra quick zebra dog yak",
    "\xCC\x81"
    "abc fox \xCC\x81"
    "def",
};

/* Each text twice (the first time its new words are shaped alone, the
 * second time it is put together from kept words), against the whole
 * run. A slot warmed first takes its first runs from the cache: there
 * are fewer than PDF_SHAPE_RISK_AFTER_RUNS of them, so without the
 * warming none would be. */
static void check_font(const char *name, int slot, bool expect_cached, bool warm)
{
    hb_font_t *font = open_font(name);
    CHECK(font != NULL);
    if (!font) return;
    pdf_shape_cache *c = pdf_shape_cache_new();
    unsigned upem = hb_face_get_upem(hb_font_get_face(font));
    hb_buffer_t *buf = hb_buffer_create(), *whole = hb_buffer_create();
    uint32_t cps[256];
    size_t cached = 0, runs = 0;
    CHECK(2 * sizeof TEXTS / sizeof *TEXTS < PDF_SHAPE_RISK_AFTER_RUNS);
    if (warm) pdf_shape_cache_warm(c, slot, font, NULL, 0, buf);
    /* a slot's first runs are shaped whole, before its risk is worked out */
    for (int k = 0; !warm && k < PDF_SHAPE_RISK_AFTER_RUNS; k++) {
        size_t n = decode(TEXTS[k % (sizeof TEXTS / sizeof *TEXTS)], cps, 256);
        CHECK(pdf_shape_cache_run(c, slot, font, upem, NULL, 0, cps, n, buf) == NULL);
    }
    for (int round = 0; round < 2; round++)
        for (size_t t = 0; t < sizeof TEXTS / sizeof *TEXTS; t++) {
            size_t n = decode(TEXTS[t], cps, 256);
            const pdf_glyph_vec *v = pdf_shape_cache_run(c, slot, font, upem, NULL, 0, cps, n, buf);
            runs++;
            if (!v) continue; /* left to shape whole: always right */
            cached++;
            shape_whole(font, whole, cps, n);
            /* the first text's words are all new; the second time round
             * every word was handed out before */
            int again = round == 1 ? 1 : t == 0 ? 0 : -1;
            if (!same_glyphs(v, whole, upem, again))
                fprintf(stderr, "%s: \"%s\" (round %d) differs from the whole run\n", name,
                        TEXTS[t], round);
            CHECK(same_glyphs(v, whole, upem, again));
        }
    if (expect_cached) CHECK(cached >= runs / 2);
    hb_buffer_destroy(buf);
    hb_buffer_destroy(whole);
    pdf_shape_cache_free(c);
    hb_font_destroy(font);
}

static bool risky_cp(hb_font_t *font, const hb_set_t *risk, uint32_t cp)
{
    hb_codepoint_t g;
    return hb_font_get_nominal_glyph(font, cp, &g) && hb_set_has(risk, g);
}

static void test_risk(void)
{
    hb_font_t *charis = open_font("CharisSIL-Regular.ttf");
    hb_set_t *r = charis ? pdf_space_risk(charis) : NULL;
    CHECK(r != NULL);
    if (r) {
        /* letters are safe; tone letters join a space through a cursive
         * lookup and a contextual substitution */
        CHECK(!risky_cp(charis, r, 'a') && !risky_cp(charis, r, 'T') && !risky_cp(charis, r, ' '));
        CHECK(risky_cp(charis, r, 0x02E5));
        CHECK(hb_set_get_population(r) < 100);
        hb_set_destroy(r);
    }
    hb_font_destroy(charis);
    hb_font_t *dejavu = open_font("DejaVuSans.ttf");
    r = dejavu ? pdf_space_risk(dejavu) : NULL;
    CHECK(r != NULL && risky_cp(dejavu, r, ' ')); /* a 'liga' lookup takes the space */
    hb_set_destroy(r);
    hb_font_destroy(dejavu);
    hb_font_t *noto = open_font("NotoSans-Regular.ttf");
    r = noto ? pdf_space_risk(noto) : NULL;
    CHECK(r != NULL && hb_set_is_empty(r));
    hb_set_destroy(r);
    hb_font_destroy(noto);
}

int main(void)
{
    test_risk();
    check_font("CharisSIL-Regular.ttf", 0, true, false);
    check_font("CharisSIL-Italic.ttf", 2, true, false);
    check_font("NotoSans-Bold.ttf", 5, true, false);
    check_font("JetBrainsMono-Regular.ttf", 8, true, false);
    check_font("DejaVuSans.ttf", 28, false, false);
    check_font("CharisSIL-Regular.ttf", 0, true, true);
    check_font("NotoSans-Bold.ttf", 5, true, true);
    check_font("DejaVuSans.ttf", 28, false, true);
    return check_done();
}
