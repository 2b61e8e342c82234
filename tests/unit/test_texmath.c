/* TeX math in notes (src/unicode/texmath.c, set by ingest): Unicode for
 * what TeX would draw, nothing of the source lost, money left alone. */
#include "check.h"
#include "ingest/ingest.h"
#include "tree/tree.h"
#include "unicode/texmath.h"

#include <stdlib.h>
#include <string.h>

static void expect_tex(const char *tex, const char *want)
{
    char *got = oct_tex_to_unicode(tex, strlen(tex));
    CHECK_STR(got, want);
    free(got);
}

static void test_convert(void)
{
    expect_tex("x^2 + y^2 = z^2", "x² + y² = z²");
    expect_tex("a_1 + a_{10}", "a₁ + a₁₀");
    expect_tex("\\int_0^1 x\\,dx", "∫₀¹ x\xE2\x80\x89"
                                   "dx");
    expect_tex("\\alpha \\leq \\beta", "α ≤ β");
    expect_tex("\\frac{a}{b} = \\frac{a+1}{2b}", "a/b = (a+1)/2b");
    expect_tex("\\sqrt{2} \\approx 1.414", "√2 ≈ 1.414");
    expect_tex("e^{i\\pi} + 1 = 0", "e^(iπ) + 1 = 0");
    expect_tex("\\text{if } x \\in \\mathbb{R}", "if  x ∈ R");
    expect_tex("\\left( \\sum_{i=1}^{n} i \\right)", "( ∑ᵢ₌₁ⁿ i )");
    expect_tex("\\hat{x}", "x\xCC\x82");
    expect_tex("\\unknown{y}", "\\unknowny"); /* kept, braces read as a group */
    expect_tex("}{", "}");                    /* an unbalanced brace stays */
}

static void test_spans(void)
{
    CHECK(oct_math_span("$x^2$ and more", 14) == 5);
    CHECK(oct_math_span("$$\\int f$$ x", 12) == 10);
    CHECK(oct_math_span("\\(a_1\\) b", 9) == 7);
    CHECK(oct_math_span("$5 and $10", 10) == 0); /* money */
    CHECK(oct_math_span("$ x^2$", 6) == 0);      /* a blank after the opening $ */
    CHECK(oct_math_span("$HOME and $PATH", 15) == 0);
    CHECK(oct_math_span("$abcd$", 6) == 0); /* no TeX in it */
    CHECK(oct_math_span("$m$ is", 6) == 3); /* a symbol */
    CHECK(oct_math_span("$y = x$.", 8) == 7);
    CHECK(oct_math_span("$HOME$PATH", 10) == 0);
    CHECK(oct_math_delimiters("$x^2$", 5) == 1);
    CHECK(oct_math_delimiters("$HOME$", 6) == 0);
}

/* The chapter's plain text after ingest (normalizer on). */
static char *ingested(const char *name, const char *text)
{
    oct_tree *t = oct_tree_new();
    oct_diag *d = oct_diag_new(NULL);
    oct_ingest_options o = {.normalize = true};
    oct_node *ch = oct_ingest_source(t, name, text, strlen(text), NULL, &o, d);
    oct_buf b = OCT_BUF_INIT;
    for (const oct_node *k = ch ? ch->first : NULL; k; k = k->next) {
        oct_node_plain_text_to(k, &b);
        oct_buf_putc(&b, '\n');
    }
    oct_tree_free(t);
    oct_diag_free(d);
    return b.data ? oct_buf_detach(&b) : calloc(1, 1);
}

static void test_in_notes(void)
{
    const char *md = "The area is $\\pi r^2$ and $a_1 * b_1$ stays whole; "
                     "`$x^2$` in code too, \\(\\alpha\\) also.\n\nIt costs $5 or $10.\n";
    char *got = ingested("notes.md", md);
    CHECK_STR(got, "The area is π r² and a₁ * b₁ stays whole; x² in code too, α also.\n"
                   "It costs $5 or $10.\n");
    free(got);
    got = ingested("notes.txt", "Energy: $E = mc^2$, with \\(c \\approx 3 \\times 10^8\\).\n");
    CHECK_STR(got, "Energy: E = mc², with c ≈ 3 × 10⁸.\n");
    free(got);
}

int main(void)
{
    test_convert();
    test_spans();
    test_in_notes();
    return check_done();
}
