#include "check.h"
#include "config/layout.h"

#include <math.h>
#include <stddef.h>
#include <stdlib.h>

#define MM(x) ((x)*72.0 / 25.4)

static char layouts[2048], fonts[2048], data[2048];

static const char *fixture(const char *name)
{
    static char path[4096];
    snprintf(path, sizeof path, "%s/%s", data, name);
    return path;
}

static const char *font(const char *name)
{
    static char path[4096];
    snprintf(path, sizeof path, "%s/%s", fonts, name);
    return path;
}

static int near(double a, double b)
{
    return fabs(a - b) < 1e-6;
}

/* Loads into l with a quiet sink; returns the sink (caller frees). */
static oct_diag *load(const char *name, const char *fonts_dir, oct_layout *l, int *rc)
{
    oct_diag *d = oct_diag_new(NULL);
    *rc = oct_layout_load(name, layouts, fonts_dir ? fonts_dir : fonts, l, d);
    return d;
}

static void print_diags(const oct_diag *d)
{
    for (size_t i = 0; i < oct_diag_size(d); i++) {
        const oct_diag_msg *m = oct_diag_at(d, i);
        fprintf(stderr, "  %s:%d:%d: %s [%s]\n", m->file ? m->file : "-", m->line, m->col,
                m->message, m->code);
    }
}

static void check_sane(const oct_layout *l)
{
    CHECK(l->page_width > 200 && l->page_height > l->page_width);
    double measure = l->page_width - l->margin_inner - l->margin_outer;
    /* A readable measure: roughly 55-80 characters of about half an em. */
    CHECK(measure / (l->body_size * 0.5) > 55 && measure / (l->body_size * 0.5) < 85);
    CHECK(l->margin_outer >= l->margin_inner && l->margin_bottom >= l->margin_top);
    CHECK(l->leading >= 1.2 && l->leading <= 1.5);
    CHECK(l->h1_size > l->h2_size && l->h2_size > l->h3_size && l->h3_size >= l->h4_size);
    CHECK(l->h4_size >= l->body_size && l->code_size < l->body_size);
    CHECK(l->small_size < l->body_size && l->paragraph_gap > 0);
    CHECK_STR(l->body.regular, font("CharisSIL-Regular.ttf"));
    CHECK_STR(l->body.bold_italic, font("CharisSIL-BoldItalic.ttf"));
    CHECK_STR(l->heading.bold, font("NotoSans-Bold.ttf"));
    CHECK_STR(l->mono.italic, font("JetBrainsMono-Italic.ttf"));
    /* the chain holds DejaVu Sans for symbols, its italics from regular */
    const oct_font_family *dv = NULL;
    for (int k = 0; k < l->nfallback; k++)
        if (!strcmp(l->fallback[k].regular, font("DejaVuSans.ttf"))) dv = &l->fallback[k];
    CHECK(dv != NULL);
    if (dv) {
        CHECK_STR(dv->italic, font("DejaVuSans.ttf"));
        CHECK_STR(dv->bold_italic, font("DejaVuSans-Bold.ttf"));
    }
    CHECK(l->emoji == OCT_EMOJI_IMAGE);
    CHECK(l->text.r < 0.2 && l->code_background.r > 0.9);
}

static void test_shipped(void)
{
    static const struct {
        const char *name;
        double w, h, body;
    } cases[] = {
        {"a4", MM(210), MM(297), 10.5},
        {"letter", 612, 792, 10.5},
        {"a5", MM(148), MM(210), 9.5},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        oct_layout l;
        int rc;
        oct_diag *d = load(cases[i].name, NULL, &l, &rc);
        CHECK(rc == 0);
        CHECK(oct_diag_size(d) == 0);
        print_diags(d);
        CHECK_STR(l.name, cases[i].name);
        char path[4096];
        snprintf(path, sizeof path, "%s/%s.yaml", layouts, cases[i].name);
        CHECK_STR(l.path, path);
        CHECK(near(l.page_width, cases[i].w) && near(l.page_height, cases[i].h));
        CHECK(l.body_size == cases[i].body);
        check_sane(&l);
        oct_layout_release(&l);
        CHECK(l.name == NULL && l.body.regular == NULL);
        oct_diag_free(d);
    }
}

/* The built-in defaults are what a4.yaml documents: an empty layout
 * and a4.yaml must load to the same values. */
static void test_defaults_match_a4(void)
{
    oct_layout a, e;
    int rc1, rc2;
    char path[4096];
    snprintf(path, sizeof path, "%s/a4.yaml", layouts);
    oct_diag *d1 = load(path, NULL, &a, &rc1);
    oct_diag *d2 = load(fixture("layout/empty.yaml"), NULL, &e, &rc2);
    CHECK(rc1 == 0 && rc2 == 0);
    CHECK_STR(a.name, "a4");
    CHECK_STR(e.name, "empty");
    CHECK_STR(e.path, fixture("layout/empty.yaml"));
    static const size_t nums[] = {
        offsetof(oct_layout, page_width),    offsetof(oct_layout, page_height),
        offsetof(oct_layout, margin_top),    offsetof(oct_layout, margin_bottom),
        offsetof(oct_layout, margin_inner),  offsetof(oct_layout, margin_outer),
        offsetof(oct_layout, body_size),     offsetof(oct_layout, leading),
        offsetof(oct_layout, h1_size),       offsetof(oct_layout, h2_size),
        offsetof(oct_layout, h3_size),       offsetof(oct_layout, h4_size),
        offsetof(oct_layout, code_size),     offsetof(oct_layout, small_size),
        offsetof(oct_layout, paragraph_gap),
    };
    for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++) {
        double x = *(const double *)((const char *)&a + nums[i]);
        double y = *(const double *)((const char *)&e + nums[i]);
        CHECK(near(x, y));
        if (!near(x, y)) fprintf(stderr, "  field %zu: a4 %g, default %g\n", i, x, y);
    }
    const oct_color *ca[] = {&a.text, &a.heading_color, &a.link,  &a.code_background,
                             &a.rule, &a.muted,         &a.accent};
    const oct_color *ce[] = {&e.text, &e.heading_color, &e.link,  &e.code_background,
                             &e.rule, &e.muted,         &e.accent};
    for (int i = 0; i < 7; i++)
        CHECK(near(ca[i]->r, ce[i]->r) && near(ca[i]->g, ce[i]->g) && near(ca[i]->b, ce[i]->b));
    CHECK(a.nfallback == e.nfallback && a.nfallback > 0);
    const oct_font_family *fa[3 + OCT_MAX_FALLBACK] = {&a.body, &a.heading, &a.mono};
    const oct_font_family *fe[3 + OCT_MAX_FALLBACK] = {&e.body, &e.heading, &e.mono};
    for (int k = 0; k < a.nfallback && k < e.nfallback; k++) {
        fa[3 + k] = &a.fallback[k];
        fe[3 + k] = &e.fallback[k];
    }
    for (int i = 0; i < 3 + (a.nfallback < e.nfallback ? a.nfallback : e.nfallback); i++) {
        CHECK_STR(fa[i]->regular, fe[i]->regular);
        CHECK_STR(fa[i]->bold, fe[i]->bold);
        CHECK_STR(fa[i]->italic, fe[i]->italic);
        CHECK_STR(fa[i]->bold_italic, fe[i]->bold_italic);
    }
    CHECK(a.breaks.orphans == e.breaks.orphans && a.breaks.widows == e.breaks.widows);
    CHECK(a.breaks.code_lines == e.breaks.code_lines &&
          a.breaks.flush_bottom == e.breaks.flush_bottom);
    CHECK(e.breaks.orphans == 2 && e.breaks.widows == 2 && e.breaks.code_lines == 8);
    CHECK(e.breaks.flush_bottom);
    oct_layout_release(&a);
    oct_layout_release(&e);
    oct_diag_free(d1);
    oct_diag_free(d2);
}

static void test_overrides(void)
{
    oct_layout l;
    int rc;
    oct_diag *d = load(fixture("layout/override.yaml"), NULL, &l, &rc);
    CHECK(rc == 0 && oct_diag_size(d) == 0);
    print_diags(d);
    CHECK_STR(l.name, "override");
    CHECK(l.page_width == 432 && l.page_height == 648);
    CHECK(near(l.margin_top, MM(18)) && near(l.margin_outer, MM(18)));
    CHECK(near(l.margin_inner, MM(18)) && near(l.margin_bottom, MM(18)));
    CHECK(l.body_size == 11 && l.leading == 1.5 && near(l.paragraph_gap, MM(2)));
    CHECK(l.h1_size == 22 && l.code_size == 8.5); /* defaults kept */
    CHECK(l.accent.r == 0 && near(l.accent.g, 0x55 / 255.0) && near(l.accent.b, 0xAA / 255.0));
    CHECK(near(l.text.r, 0x1a / 255.0));
    /* The mono family is replaced as a whole; missing variants reuse the
     * closest given one. */
    CHECK_STR(l.mono.regular, font("DejaVuSans.ttf"));
    CHECK_STR(l.mono.bold, font("DejaVuSans-Bold.ttf"));
    CHECK_STR(l.mono.italic, font("DejaVuSans.ttf"));
    CHECK_STR(l.mono.bold_italic, font("DejaVuSans-Bold.ttf"));
    CHECK_STR(l.body.italic, font("CharisSIL-Italic.ttf"));
    oct_layout_release(&l);
    oct_diag_free(d);
}

typedef struct {
    int line, col;
    const char *code, *text;
} expected;

/* Loads `name` expecting failure with exactly the diagnostics in `want`,
 * in order, all pointing into `file`. */
static void expect_errors(const char *name, const char *fonts_dir, const char *file,
                          const expected *want, size_t n)
{
    oct_layout l;
    int rc;
    oct_diag *d = load(name, fonts_dir, &l, &rc);
    CHECK(rc == -1);
    CHECK(l.name == NULL && l.body.regular == NULL);
    CHECK(oct_diag_size(d) == n);
    CHECK(oct_diag_count(d, OCT_ERROR) == n);
    for (size_t i = 0; i < n && i < oct_diag_size(d); i++) {
        const oct_diag_msg *m = oct_diag_at(d, i);
        int ok = m->line == want[i].line && m->col == want[i].col &&
                 !strcmp(m->code, want[i].code) && strstr(m->message, want[i].text) &&
                 ((!file && !m->file) || (file && m->file && !strcmp(m->file, file)));
        CHECK(ok);
        if (!ok)
            fprintf(stderr, "  #%zu want %d:%d [%s] \"%s\"\n", i, want[i].line, want[i].col,
                    want[i].code, want[i].text);
    }
    if (oct_diag_size(d) != n || rc != -1) print_diags(d);
    oct_layout_release(&l);
    oct_diag_free(d);
}

static void test_every_error(void)
{
    static const expected want[] = {
        {3, 9, "invalid-value", "unknown page size 'B5'"},
        {5, 10, "wrong-type", "'top' must be a length"},
        {6, 12, "invalid-value", "'inner' must be between 0pt and 10000pt, got '-5mm'"},
        {7, 5, "unknown-key", "unknown key 'gutter' in 'margins'"},
        {9, 9, "wrong-type", "'body' must be a number of points (e.g. 10.5 or 10.5pt), got 'big'"},
        {10, 12, "wrong-type", "'leading' must be a number, got '1.35em'"},
        {11, 7, "invalid-value", "'h1' must be between 4pt and 96pt, got '200'"},
        {13, 8, "wrong-type", "'text' must be a colour \"#rrggbb\", got nothing (quote it"},
        {14, 3, "unknown-key", "unknown key 'colour' in 'colours'"},
        {15, 9, "wrong-type", "'link' must be a colour \"#rrggbb\", got 'blue'"},
        {18, 14, "missing-font", "font file for 'regular' in 'body' not found: "},
        {19, 11, "wrong-type", "'bold' must be a string, got a list"},
        {20, 12, "wrong-type", "'heading' must be a mapping"},
        {21, 3, "missing-key", "missing key 'regular' in 'mono'"},
        {23, 1, "unknown-key", "unknown key 'paper'"},
    };
    const char *f = fixture("layout/errors.yaml");
    expect_errors(f, NULL, f, want, sizeof want / sizeof want[0]);
}

static void test_small_errors(void)
{
    const char *f = fixture("layout/text-area.yaml");
    expect_errors(f, NULL, f,
                  (expected[]){{5, 5, "invalid-value", "text area of 23pt x 448pt; at least 72pt"}},
                  1);
    f = fixture("layout/not-a-font.yaml");
    expect_errors(f, NULL, f,
                  (expected[]){{4, 14, "missing-font",
                                "font file for 'regular' in 'fallback' is not a TrueType font"}},
                  1);
    f = fixture("layout/not-a-mapping.yaml");
    expect_errors(f, NULL, f, (expected[]){{1, 1, "wrong-type", "the document must be a mapping"}},
                  1);
    f = fixture("layout/bad-size-list.yaml");
    expect_errors(f, NULL, f,
                  (expected[]){{2, 9, "invalid-value", "[width, height], got a list of 3"}}, 1);
    f = fixture("layout/tiny-page.yaml");
    expect_errors(f, NULL, f,
                  (expected[]){{2, 10, "invalid-value", "page width must be between 72pt"}}, 1);
    /* Problems found by the YAML reader come through with their position. */
    f = fixture("yaml/duplicate.yaml");
    expect_errors(f, NULL, f, (expected[]){{6, 5, "duplicate-key", "duplicate key 'top'"}}, 1);
    expect_errors("/nonexistent/x.yaml", NULL, "/nonexistent/x.yaml",
                  (expected[]){{0, 0, "cannot-read", "No such file"}}, 1);
    expect_errors("nope", NULL, NULL,
                  (expected[]){{0, 0, "unknown-layout", "unknown layout 'nope'"}}, 1);
    expect_errors("", NULL, NULL, (expected[]){{0, 0, "unknown-layout", "empty layout name"}}, 1);
}

static void test_unknown_layout_lists_available(void)
{
    oct_layout l;
    int rc;
    oct_diag *d = load("a3", NULL, &l, &rc);
    CHECK(rc == -1 && oct_diag_size(d) == 1);
    const char *msg = oct_diag_size(d) ? oct_diag_at(d, 0)->message : "";
    CHECK(strstr(msg, "available: a4, a5, a5-booklet, flashcards, letter, letter-booklet") != NULL);
    oct_diag_free(d);
}

/* Finds the line of a4.yaml holding `text`, so the test follows edits
 * to the file's comments. */
static int line_of(const char *path, const char *text)
{
    FILE *f = fopen(path, "r");
    char buf[512];
    int line = 0, found = 0;
    while (f && fgets(buf, sizeof buf, f)) {
        line++;
        if (strstr(buf, text)) {
            found = line;
            break;
        }
    }
    if (f) fclose(f);
    return found;
}

static void test_wrong_fonts_dir(void)
{
    /* Fonts named in the file: errors at their lines. */
    oct_layout l;
    int rc;
    char a4[4096];
    snprintf(a4, sizeof a4, "%s/a4.yaml", layouts);
    oct_diag *d = load("a4", "/nonexistent", &l, &rc);
    CHECK(rc == -1 && oct_diag_count(d, OCT_ERROR) == 12); /* DejaVu of the chain: warnings */
    const oct_diag_msg *m = oct_diag_at(d, 0);
    CHECK(m && m->line == line_of(a4, "regular: CharisSIL-Regular.ttf") && m->col == 14);
    CHECK_STR(m ? m->message : NULL, "font file for 'regular' in 'body' not found: "
                                     "/nonexistent/CharisSIL-Regular.ttf");
    CHECK_STR(m ? m->file : NULL, a4);
    oct_diag_free(d);

    /* Built-in fonts: errors about the file as a whole. */
    d = load(fixture("layout/empty.yaml"), "/nonexistent", &l, &rc);
    CHECK(rc == -1 && oct_diag_count(d, OCT_ERROR) == 12);
    m = oct_diag_at(d, 11);
    CHECK(m && m->line == 0 && !strcmp(m->code, "missing-font"));
    CHECK_STR(m ? m->message : NULL,
              "built-in font for 'bold-italic' in 'mono' not found: "
              "/nonexistent/JetBrainsMono-BoldItalic.ttf (is the fonts directory right?)");
    /* a missing chain font is a warning: what only it draws becomes boxes */
    m = oct_diag_at(d, 12);
    CHECK(m && m->severity == OCT_WARNING && !strcmp(m->code, "font-fallback-missing"));
    CHECK(m && strstr(m->message, "/nonexistent/DejaVuSans.ttf"));
    oct_diag_free(d);
}

/* fallback: [...] in both entry forms; a missing file is a warning and
 * leaves the chain; emoji: text. */
static void test_chain(void)
{
    oct_layout l;
    int rc;
    const char *f = fixture("layout/chain.yaml");
    oct_diag *d = load(f, NULL, &l, &rc);
    CHECK(rc == 0 && oct_diag_count(d, OCT_ERROR) == 0);
    CHECK(oct_diag_count(d, OCT_WARNING) == 1);
    const oct_diag_msg *m = oct_diag_size(d) ? oct_diag_at(d, 0) : NULL;
    CHECK(m && !strcmp(m->code, "font-fallback-missing") && m->line == 8 && m->col == 7);
    CHECK(m && strstr(m->message, "/nonexistent/NoSuchFont.ttf: not found"));
    CHECK(l.nfallback == 2);
    if (l.nfallback == 2) {
        CHECK_STR(l.fallback[0].regular, font("DejaVuSans.ttf"));
        CHECK_STR(l.fallback[0].bold, font("DejaVuSans.ttf"));
        CHECK_STR(l.fallback[1].bold, font("NotoSans-Bold.ttf"));
        CHECK_STR(l.fallback[1].bold_italic, font("NotoSans-Bold.ttf"));
    }
    CHECK(l.emoji == OCT_EMOJI_TEXT);
    CHECK(!l.justify); /* justify: false */
    oct_layout_release(&l);
    oct_diag_free(d);

    f = fixture("layout/chain-errors.yaml");
    expect_errors(
        f, NULL, f,
        (expected[]){{5, 7, "wrong-type", "must be"},
                     {6, 16, "missing-font", "is not a TrueType font file"},
                     {7, 8, "invalid-value", "'emoji' must be 'image', 'text' or 'omit'"}},
        3);
    f = fixture("layout/chain-long.yaml");
    expect_errors(f, NULL, f, (expected[]){{36, 7, "invalid-value", "at most 32 fallback fonts"}},
                  1);
}

/* `breaks:` orphans, widows, code-lines, flush-bottom, chapters; bounds
 * and types. */
static void test_breaks(void)
{
    oct_layout l;
    int rc;
    oct_diag *d = load(fixture("layout/breaks.yaml"), NULL, &l, &rc);
    CHECK(rc == 0 && oct_diag_size(d) == 0);
    print_diags(d);
    CHECK(l.breaks.orphans == 3 && l.breaks.widows == 3 && l.breaks.code_lines == 12);
    CHECK(!l.breaks.flush_bottom && !l.breaks.recto_chapters);
    oct_layout_release(&l);
    oct_diag_free(d);
    const char *f = fixture("layout/breaks-errors.yaml");
    expect_errors(
        f, NULL, f,
        (expected[]){
            {2, 12, "invalid-value", "'orphans' must be a whole number from 1 to 4"},
            {3, 11, "invalid-value", "'widows' must be a whole number from 1 to 4, got '2.5'"},
            {4, 15, "wrong-type", "'code-lines' must be a number"},
            {5, 17, "wrong-type", "'flush-bottom' must be true or false"},
            {6, 3, "unknown-key", "unknown key 'keep' in 'breaks'"},
            {7, 13, "invalid-value", "'chapters' must be 'recto' or 'any', got 'left'"}},
        6);
}

int main(void)
{
    const char *src = getenv("OCTAVO_SRC");
    CHECK(src != NULL);
    if (!src) return check_done();
    snprintf(layouts, sizeof layouts, "%s/layouts", src);
    snprintf(fonts, sizeof fonts, "%s/fonts", src);
    snprintf(data, sizeof data, "%s/tests/data/config", src);
    test_shipped();
    test_defaults_match_a4();
    test_overrides();
    test_every_error();
    test_small_errors();
    test_unknown_layout_lists_available();
    test_wrong_fonts_dir();
    test_chain();
    test_breaks();
    return check_done();
}
