/* The PDF line breaker on hand-made texts: every character given a width
 * (as if a font drew it), breaks from ICU through src/unicode/breaks.h.
 * Whatever the measure and the mode, no line starts inside a grapheme
 * cluster: a flag, an emoji family, a keycap, a tag sequence, a letter
 * with its marks stay whole -- even when one cluster alone is wider than
 * the line (then the line is overfull). */
#include "check.h"
#include "pdf/internal.h"

#include <stdlib.h>

static pdf_text make(const uint32_t *cps, size_t n, int w)
{
    pdf_text t = {0};
    t.c = calloc(n ? n : 1, sizeof *t.c);
    t.n = t.cap = n;
    static pdf_style st;
    st = pdf_style_make(PDF_FAM_BODY, PDF_VAR_R, 10, (oct_color){0, 0, 0});
    t.st = &st;
    t.nst = 1;
    uint32_t *u = malloc((n ? n : 1) * sizeof *u);
    uint8_t *fl = malloc(n ? n : 1);
    for (size_t i = 0; i < n; i++)
        u[i] = cps[i];
    oct_breaker *b = oct_breaker_new("en", NULL);
    CHECK(b != NULL);
    if (b && n) oct_breaker_run(b, u, n, fl);
    oct_breaker_free(b);
    for (size_t i = 0; i < n; i++)
        t.c[i] = (pdf_char){.cp = cps[i], .brk = fl[i], .w = (int16_t)(cps[i] == 0x20 ? w / 2 : w)};
    t.broken = true;
    free(u);
    free(fl);
    return t;
}

/* Breaks t at measure `width` (points) in `mode`; checks that the lines
 * cover t in order and that each starts at a cluster start. Returns the
 * number of lines. */
static size_t check_lines(pdf_text *t, double width, pdf_break_mode mode)
{
    pdf_measure m = {.first = width, .rest = width, .mode = mode};
    pdf_line *ln;
    size_t nl = pdf_break_lines(t, &m, &ln), pos = 0;
    for (size_t i = 0; i < nl; i++) {
        CHECK(ln[i].a == pos);
        CHECK(ln[i].a <= ln[i].b && ln[i].b <= ln[i].next);
        if (ln[i].a < t->n) CHECK(t->c[ln[i].a].brk & OCT_GRAPHEME_START);
        pos = ln[i].next;
    }
    CHECK(pos == t->n);
    free(ln);
    return nl;
}

static size_t fill(uint32_t *out, size_t at, const uint32_t *s, size_t n, size_t times)
{
    for (size_t k = 0; k < times; k++)
        for (size_t i = 0; i < n; i++)
            out[at++] = s[i];
    return at;
}

static void test_runs(void)
{
    static const uint32_t flag[] = {0x1F1FA, 0x1F1F8};
    static const uint32_t family[] = {0x1F468, 0x200D, 0x1F469, 0x200D, 0x1F467};
    static const uint32_t keycap[] = {'1', 0xFE0F, 0x20E3};
    static const uint32_t england[] = {0x1F3F4, 0xE0067, 0xE0062, 0xE0065,
                                       0xE006E, 0xE0067, 0xE007F};
    static const uint32_t stack[] = {'a', 0x301, 0x302};
    static const uint32_t tone[] = {0x1F44D, 0x1F3FD};
    struct {
        const uint32_t *s;
        size_t n;
    } kinds[] = {{flag, 2}, {family, 5}, {keycap, 3}, {england, 7}, {stack, 3}, {tone, 2}};
    uint32_t buf[512];
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
        /* one unbreakable run of 30 clusters, then words */
        size_t n = fill(buf, 0, kinds[k].s, kinds[k].n, 30);
        n = fill(buf, n, (const uint32_t[]){' ', 'x', 'y'}, 3, 5);
        pdf_text t = make(buf, n, 600);
        for (double w = 5; w <= 80; w += 7.5) {
            CHECK(check_lines(&t, w, PDF_BREAK_TOTAL_FIT) > 1);
            CHECK(check_lines(&t, w, PDF_BREAK_GREEDY) > 1);
        }
        free(t.c);
    }
}

/* One cluster wider than the line: set whole on an overfull line. */
static void test_overfull_cluster(void)
{
    uint32_t buf[64];
    size_t n = fill(buf, 0, (const uint32_t[]){'e'}, 1, 1);
    n = fill(buf, n, (const uint32_t[]){0x301}, 1, 20); /* e + 20 marks */
    n = fill(buf, n, (const uint32_t[]){'b', 'c'}, 2, 3);
    pdf_text t = make(buf, n, 400);
    for (int mode = 0; mode < 2; mode++) {
        pdf_measure m = {.first = 20, .rest = 20, .mode = (pdf_break_mode)mode};
        pdf_line *ln;
        size_t nl = pdf_break_lines(&t, &m, &ln);
        CHECK(nl >= 2 && ln[0].a == 0 && ln[0].next >= 21);
        free(ln);
        CHECK(check_lines(&t, 20, (pdf_break_mode)mode) >= 2);
    }
    double mn, mx;
    pdf_text_extent(&t, &mn, &mx);
    CHECK(mn > 0 && mx >= mn);
    free(t.c);
}

/* Mandatory breaks (LF, LS, PS, NEL) end lines in both modes. */
static void test_mandatory(void)
{
    const uint32_t s[] = {'a', 0x0A, 'b', 0x2028, 'c', 0x2029, 'd', 0x85, 'e'};
    pdf_text t = make(s, 9, 500);
    CHECK(check_lines(&t, 500, PDF_BREAK_GREEDY) == 5);
    CHECK(check_lines(&t, 500, PDF_BREAK_TOTAL_FIT) == 5);
    free(t.c);
}

int main(void)
{
    test_runs();
    test_overfull_cluster();
    test_mandatory();
    return check_done();
}
