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
    expect_tex("\\frac{a}{b} = \\frac{a+1}{2b}", "a/b = (a+1)/(2b)");
    expect_tex("\\sqrt{2} \\approx 1.414", "√2 ≈ 1.414");
    expect_tex("e^{i\\pi} + 1 = 0", "e^(iπ) + 1 = 0");
    expect_tex("\\text{if } x \\in \\mathbb{R}", "if  x ∈ R");
    expect_tex("\\left( \\sum_{i=1}^{n} i \\right)", "( ∑ᵢ₌₁ⁿ i )");
    expect_tex("\\hat{x}", "x\xCC\x82");
    expect_tex("\\unknown{y}", "\\unknowny"); /* kept, braces read as a group */
    expect_tex("}{", "}");                    /* an unbalanced brace stays */
}

/* Flat text keeps ^(...) and _(...) where Unicode has no small form;
 * the marked text (what ingest makes SUPERSCRIPT/SUBSCRIPT nodes of)
 * raises and lowers every letter. */
static void expect_marked(const char *tex, const char *want)
{
    char *got = oct_tex_to_marked(tex, strlen(tex));
    CHECK_STR(got, want);
    free(got);
}

/* \sqrt[n]: the index is the root's (∛, ∜, ⁿ√), not text after √. */
static void test_roots(void)
{
    expect_tex("\\sqrt[3]{x}", "∛x");
    expect_tex("\\sqrt[4]{16} = 2", "∜16 = 2");
    expect_tex("\\sqrt[n]{a+b}", "ⁿ√(a+b)");
    expect_tex("\\sqrt[2]{x}", "√x");
    expect_tex("\\sqrt[3]{\\frac{a}{b}}", "∛(a/b)");
    expect_marked("\\sqrt[k]{x}", "\x01k\x03√x");
    expect_tex("\\sqrt[", "√["); /* no closing bracket: as written */
}

static void test_chemistry_physics(void)
{
    /* scripts with no Unicode form */
    expect_tex("K_c", "K_c");
    expect_marked("K_c = N_A", "K\x02"
                               "c\x03 = N\x02"
                               "A\x03");
    expect_marked("[H_3O^+]", "[H\x02"
                              "3\x03O\x01+\x03]");
    expect_marked("e^{-x^2}", "e\x01−x\x01"
                              "2\x03\x03");
    expect_marked("x^{}", "x"); /* an empty script makes no node */
    /* the degree sign */
    expect_tex("E^\\circ", "E°");
    expect_tex("E^{\\circ}", "E°");
    expect_tex("25^\\circ C", "25 °C");
    expect_tex("25^{\\circ}\\text{C}", "25 °C");
    expect_tex("98.6\\degree F", "98.6 °F");
    expect_tex("90^\\circ", "90°"); /* an angle */
    expect_tex("\\Delta H^\\circ", "ΔH°");
    expect_tex("f \\circ g", "f ∘ g"); /* composition stays a ring */
    /* operator names spaced off */
    expect_tex("\\frac{RT}{nF}\\ln Q", "RT/(nF) ln Q");
    expect_tex("2\\sin\\theta\\cos\\theta", "2 sin θ cos θ");
    expect_tex("\\sin^2 x + \\cos^2 x = 1", "sin² x + cos² x = 1");
    expect_tex("\\log_{10}[H^+]", "log₁₀[H⁺]");
    expect_tex("\\lim_{x \\to 0} \\frac{\\sin x}{x}", "lim_(x → 0) sin x/x");
    expect_tex("\\exp(-x)", "exp(−x)");
    expect_tex("\\operatorname{Var}X", "Var X");
    expect_tex("\\max\\left(a, b\\right)", "max(a, b)");
    /* fractions */
    expect_tex("\\frac{1}{[A]_t}", "1/[A]ₜ");
    expect_tex("\\frac{1}{k[A]_0}", "1/(k[A]₀)");
    expect_tex("\\frac{[NH_3]^2}{[N_2][H_2]^3}", "[NH₃]²/([N₂][H₂]³)");
    expect_tex("\\frac{n(n+1)}{2}", "n(n+1)/2");
    expect_tex("\\frac{dy}{dx}", "dy/dx");
    expect_tex("\\frac{\\partial f}{\\partial t}", "∂f/∂t");
    expect_tex("\\frac{-b \\pm \\sqrt{b^2-4ac}}{2a}", "(−b ± √(b²−4ac))/(2a)");
    expect_tex("\\frac{x - \\mu}{\\sigma}", "(x − μ)/σ");
    expect_tex("\\frac{\\sigma}{\\sqrt{n}}", "σ/√n");
    expect_tex("\\frac{0.0592}{n}", "0.0592/n");
    expect_tex("-\\frac{1}{2}", "−1/2");
    expect_tex("-\\frac{g}{L}\\theta", "−(g/L)θ"); /* not g/(Lθ) */
    expect_tex("\\frac{1}{2}mv^2 = \\frac{1}{2} m v^2", "(1/2)mv² = 1/2 m v²");
    expect_tex("\\frac{P(B)}{P(A)}", "P(B)/P(A)");
    expect_tex("\\frac{d^2\\theta}{dt^2}", "d²θ/dt²");
    expect_tex("2\\pi\\sqrt{\\frac{L}{g}}", "2π√(L/g)");
    /* minus signs, not hyphens; \\text keeps its hyphens */
    expect_tex("pH = -\\log[H^+]", "pH = −log[H⁺]");
    expect_tex("10^{-3}", "10⁻³");
    expect_tex("\\text{half-life} = t_{1/2}", "half-life = t_(1/2)");
    expect_tex("a' + f''(x)", "a′ + f′′(x)");
    /* symbols that read as letters take the letter after them */
    expect_tex("\\Delta G = \\Delta H - T\\Delta S", "ΔG = ΔH − TΔS");
    expect_tex("\\alpha \\leq \\beta", "α ≤ β");
    expect_tex("N_2 + 3H_2 \\rightleftharpoons 2NH_3", "N₂ + 3H₂ ⇌ 2NH₃");
    expect_tex("\\bar{x} \\pm 1.96\\frac{s}{\\sqrt{n}}", "x\xCC\x84 ± 1.96s/√n");
    expect_tex("P(A \\mid B)", "P(A ∣ B)");
    expect_tex("\\sqrt{2\\pi}", "√(2π)");
    expect_tex("x^^^^", "x^(^(^^))"); /* every caret kept */
    expect_tex("a_", "a_");
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
    /* a bracketed formula with no blank is math: a concentration */
    CHECK(oct_math_span("$[HA]$ and", 10) == 6);
    CHECK(oct_math_span("$f(x)$.", 7) == 6);
    CHECK(oct_math_span("$[0,1]$", 7) == 7);
    CHECK(oct_math_span("$5 and $12", 10) == 0);
    CHECK(oct_math_span("$(pwd) and $(ls)", 16) == 0); /* blank before the closing $ */
    CHECK(oct_math_span("$[HOME]$", 8) == 0);          /* a word of four letters */
    CHECK(oct_math_span("$[]$", 4) == 0);
}

/* A formula with no relation or TeX in it is math when it is plainly one
 * (letters juxtaposed, operators between operands), in prose of any
 * language; an amount of money never is. Each row: a sentence, the math
 * span that opens at its first '$' (0: none). */
static void test_formula_spans(void)
{
    static const struct {
        const char *text;
        size_t span;
    } rows[] = {
        /* formulas */
        {"The determinant is $ad - bc$.", 9},
        {"Die Determinante ist $ad - bc$, also", 9},
        {"La pente vaut $2x - 1$ ici.", 8},
        {"La probabilidad es $1 - p$.", 7},
        {"\xd0\x9f\xd0\xbb\xd0\xbe\xd1\x89\xd0\xb0\xd0\xb4\xd1\x8c $ab/2$.", 6},
        {"Il prodotto $(a - b)(c - d)$ vale", 16},
        {"so $-x$ is negative", 4},
        {"with $n-1$ degrees of freedom", 5},
        {"\xe5\x88\xa4\xe5\x88\xab\xe5\xbc\x8f $b*b - 4ac$", 11},
        {"and $x' - x$ moves", 8},
        {"gives $0.5x \xc2\xb7 y$ here", 11},
        /* prices, shell variables and prose */
        {"It costs $3 - $4 a kilo.", 0},
        {"Tickets are $5 and $10.", 0},
        {"entre $5 - 10$ par mois", 0},
        {"le forfait \xc3\xa0 10$-15$ par personne", 0},
        {"Precio: $5 - US$ 7 en tienda", 0},
        {"run echo $x-$y in the shell", 0},
        {"about $1-2 hrs$ later", 0},
        {"la pizza \xc3\xa0 9$, la bi\xc3\xa8re 5$ au bar", 0},
        {"Sie zahlen $10 x 20$ Euro", 0},
        {"see $a b$ below", 0},
        {"the $Q&A$ page", 0},
        {"$x (see above)$", 0},
        {"$(a - b$", 0},
        {"$- -$", 0},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        const char *d = strchr(rows[i].text, '$');
        /* the span opening at the first $ (for 10$-15$, the second one) */
        if (rows[i].span == 0 && d && d > rows[i].text && d[-1] >= '0' && d[-1] <= '9')
            d = strchr(d + 1, '$');
        size_t got = d ? oct_math_span(d, strlen(d)) : 0;
        if (got != rows[i].span)
            fprintf(stderr, "row %zu: '%s' spans %zu, want %zu\n", i, rows[i].text, got,
                    rows[i].span);
        CHECK(got == rows[i].span);
    }
}

/* How many nodes of kind k the chapter of `text` holds. */
static size_t count_kind(const char *name, const char *text, oct_kind k)
{
    oct_tree *t = oct_tree_new();
    oct_diag *d = oct_diag_new(NULL);
    oct_ingest_options o = {.normalize = true};
    oct_node *ch = oct_ingest_source(t, name, text, strlen(text), NULL, &o, d);
    size_t n = 0;
    free(ch ? oct_node_collect(ch, k, &n) : NULL);
    oct_tree_free(t);
    oct_diag_free(d);
    return n;
}

/* Environments: a matrix in its brackets, (a b; c d); cases as value,
 * condition; aligned and gathered rows as rows ("; " when flat); one not
 * known, or never closed, kept as written. */
static void test_environments(void)
{
    expect_tex("\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}", "(a b; c d)");
    expect_tex("\\begin{bmatrix}1&0\\\\0&1\\end{bmatrix}", "[1 0; 0 1]");
    expect_tex("\\det \\begin{vmatrix} 1 & 2 \\\\ 3 & 4 \\end{vmatrix} = -2",
               "det |1 2; 3 4| = −2");
    expect_tex("\\begin{Vmatrix} x \\end{Vmatrix}", "‖x‖");
    expect_tex("\\begin{array}{cc} a & b \\\\ c & d \\\\ \\end{array}", "a b; c d");
    expect_tex("f(x) = \\begin{cases} x^2 & x \\ge 0 \\\\ -x & \\text{otherwise} \\end{cases}",
               "f(x) = {x², x ≥ 0; −x otherwise}");
    expect_tex("\\begin{aligned} x + y &= 3 \\\\ x - y &= 1 \\end{aligned}",
               "x + y = 3; x − y = 1");
    expect_marked(
        "\\begin{align} a &= b \\label{eq:1} \\\\[2pt] c &= d \\nonumber \\\\ \\end{align}",
        "a = b\x04"
        "c = d");
    expect_tex("\\begin{pmatrix} \\begin{matrix} 1 & 2 \\end{matrix} & x_1 \\\\ \\{a\\} & 0 "
               "\\end{pmatrix}",
               "(1 2 x₁; {a} 0)"); /* a nested environment keeps its own & */
    expect_tex("\\begin{array}{c|c} a & b \\\\ \\hline c & d \\end{array}", "a b; c d");
    expect_tex("\\begin{tikzcd} A \\end{tikzcd}", "\\begin{tikzcd} A \\end{tikzcd}");
    expect_tex("\\begin{pmatrix} a & b",
               "\\begin{pmatrix} a  b"); /* never closed: as written, but & marks nothing */
    expect_tex("a \\\\ b \\\\", "a; b"); /* a last \\\\ starts no row */
    CHECK(oct_math_span("$$ x^2 $$ and", 13) == 9); /* display math may have blanks */
    CHECK(oct_math_span("$ x^2 $ and", 11) == 0);
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
    CHECK_STR(got, "The area is πr² and a₁ * b₁ stays whole; x² in code too, α also.\n"
                   "It costs $5 or $10.\n");
    free(got);
    got = ingested("notes.md", "Die Determinante ist $ad - bc$; Tickets: $5 - $8.\n");
    CHECK_STR(got, "Die Determinante ist ad \xe2\x88\x92 bc; Tickets: $5 - $8.\n");
    free(got);
    got = ingested("notes.txt", "Energy: $E = mc^2$, with \\(c \\approx 3 \\times 10^8\\).\n");
    CHECK_STR(got, "Energy: E = mc², with c ≈ 3 × 10⁸.\n");
    free(got);
}

/* A display formula over several lines ($$ alone on a line, \\[, a bare
 * \\begin{align}) is one formula, each row a line; a blank line before
 * its close, a fence or a quote leaves it as written. */
static void test_display_blocks(void)
{
    char *got = ingested("notes.md", "Before\n\n$$\nx + y &= 3 \\\\\nx - y &= 1\n$$\n\nAfter\n");
    CHECK_STR(got, "Before\nx + y = 3 x − y = 1\nAfter\n");
    free(got);
    CHECK(count_kind("notes.md", "$$\nx + y &= 3 \\\\\nx - y &= 1\n$$\n", OCT_LINE_BREAK) == 1);
    got = ingested("notes.md", "\\[\n\\int_0^1 x^2\\,dx = \\frac{1}{3}\n\\]\n");
    CHECK_STR(got, "∫₀¹ x²\xE2\x80\x89"
                   "dx = 1/3\n");
    free(got);
    got = ingested("notes.txt", "\\begin{align}\na_1 &= b % why\\\\\nc &= d\n\\end{align}\n");
    CHECK_STR(got, "a₁ = b c = d\n");
    free(got);
    CHECK(count_kind("notes.txt", "\\begin{align}\na &= b \\\\\nc &= d\n\\end{align}\n",
                     OCT_LINE_BREAK) == 1);
    got = ingested("notes.md", "1. Solve:\n   $$\n   x_1 = 1\n   $$\n2. Next\n");
    CHECK(strstr(got, "x₁ = 1") && !strstr(got, "$$"));
    free(got);
    CHECK(count_kind("notes.md", "1. Solve:\n   $$\n   x_1 = 1\n   $$\n2. Next\n", OCT_ITEM) == 2);
    got = ingested("notes.md", "$$\nx_1\n\nno close\n");
    CHECK(strstr(got, "$$") != NULL); /* a blank line before any $$: as written */
    free(got);
    CHECK(count_kind("notes.md", "```\n$$\nx_1\n$$\n```\n", OCT_CODE_BLOCK) == 1);
    /* a formula in the middle of a paragraph is set apart from its text */
    CHECK(count_kind("notes.md", "The density is\n\\[\nf(x) = e^{-x}\n\\]\nfor x > 0.\n",
                     OCT_PARAGRAPH) == 3);
    CHECK(count_kind("notes.md", "1. Solve:\n   $$\n   x_1 = 1\n   $$\n   so it is.\n2. Next\n",
                     OCT_ITEM) == 2);
    CHECK(count_kind("notes.md", "> $$\n> x_1\n> $$\n", OCT_SUBSCRIPT) == 0);
}

/* A display formula that is a matrix and nothing else is set as one:
 * each row on a line of its own, in its brackets; a matrix inside a
 * formula, or inline, keeps (a b; c d). */
static void test_display_matrix(void)
{
    static const struct {
        const char *tex, *want;
    } rows[] = {
        {"\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}", "(a b)\x04(c d)"},
        {" \\begin{bmatrix}1&0&0\\\\0&1&0\\\\0&0&1\\\\\\end{bmatrix} ",
         "[1 0 0]\x04[0 1 0]\x04[0 0 1]"},
        {"\\begin{vmatrix} x_1 & 2 \\\\ 3 & 4 \\end{vmatrix}", "|x\x02"
                                                               "1\x03 2|\x04|3 4|"},
        {"\\begin{array}{cc} a & b \\\\ c & d \\end{array}", "a b\x04"
                                                             "c d"},
        {"A = \\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}", "A = (a b; c d)"},
        {"\\begin{pmatrix} a \\end{pmatrix} \\begin{pmatrix} b \\end{pmatrix}", "(a) (b)"},
        {"\\begin{cases} x & x > 0 \\\\ 0 & x \\le 0 \\end{cases}",
         "{x, x > 0; 0, x \xe2\x89\xa4 0}"},
        {"\\begin{pmatrix} a & b", "\\begin{pmatrix} a  b"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        char *got = oct_tex_display_marked(rows[i].tex, strlen(rows[i].tex));
        CHECK_STR(got, rows[i].want);
        free(got);
    }
    CHECK(count_kind("notes.md", "$$\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}$$\n",
                     OCT_LINE_BREAK) == 1);
    CHECK(count_kind("notes.md", "$$\n\\begin{bmatrix}\n1 & 0 \\\\\n0 & 1\n\\end{bmatrix}\n$$\n",
                     OCT_LINE_BREAK) == 1);
    /* among words, $$ too: on the words' line */
    CHECK(count_kind("notes.md", "So $$\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}$$ here.\n",
                     OCT_LINE_BREAK) == 0);
    CHECK(count_kind("notes.md", "So $\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}$ inline.\n",
                     OCT_LINE_BREAK) == 0);
    char *got =
        ingested("notes.md", "So $\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}$ inline.\n");
    CHECK_STR(got, "So (a b; c d) inline.\n");
    free(got);
}

int main(void)
{
    test_roots();
    test_convert();
    test_chemistry_physics();
    test_spans();
    test_formula_spans();
    test_in_notes();
    test_environments();
    test_display_blocks();
    test_display_matrix();
    return check_done();
}
