/* TeX math as Unicode text: what notes write between $...$ ("x^2 +
 * y_1", "\frac{a}{b}", "\int_0^1 x\,dx", "\alpha \leq \beta") set the way
 * a reader would write it by hand: x² + y₁, a/b, ∫₀¹ x dx, α ≤ β. Greek
 * letters, operators, relations, arrows; operator names (\ln, \sin) spaced
 * off the letters around them; '-' as the minus sign (not in \text{...});
 * ^\circ and \degree as the degree sign (25 °C, E°); \frac as a/b with
 * parentheses where a reader needs them (RT/(nF)), \sqrt as √;
 * \text{...}, \mathrm{...} as their text; spacing commands as spaces.
 * Super- and subscripts are marked so ingest can make real raised and
 * lowered text of them (oct_tex_to_marked); flat, they are Unicode's
 * small figures and letters where they all have one, else ^(...) and
 * _(...). Environments (\begin{pmatrix}, cases, aligned, align, gather,
 * equation, array) become their cells in reading order: a matrix as
 * (a b; c d), cases as {x², x ≥ 0; −x, x < 0}, an aligned formula as its
 * rows (OCT_TEX_ROW). A command or an environment it does not know is
 * kept as written: nothing of the source is lost. */
#ifndef OCT_UNICODE_TEXMATH_H
#define OCT_UNICODE_TEXMATH_H
#include <stdbool.h>
#include <stddef.h>

/* Marks in oct_tex_to_marked's text (control bytes, which math never
 * holds: one in the source is set as U+FFFD): a superscript opens with
 * OCT_TEX_SUP, a subscript with OCT_TEX_SUB, each closes with OCT_TEX_END;
 * they nest (e^{x^2}). */
#define OCT_TEX_SUP '\x01'
#define OCT_TEX_SUB '\x02'
#define OCT_TEX_END '\x03'
/* Where a row of a multi-line formula ends (\\, or a row of aligned,
 * gather, equation...): a line break in display math, "; " inline and in
 * flat text. Matrices and cases stay on one line, (a b; c d), unless a
 * matrix is a display formula by itself (oct_tex_display_marked). */
#define OCT_TEX_ROW '\x04'

/* s[0..n) (without its $ delimiters) as Unicode text with its scripts
 * marked: malloc'd, NUL-terminated (caller frees). */
char *oct_tex_to_marked(const char *s, size_t n);

/* The same for a formula set apart (display math): a matrix that is the
 * whole formula has each row on a line of its own in its brackets,
 * "(a b)" OCT_TEX_ROW "(c d)"; any other formula as oct_tex_to_marked. */
char *oct_tex_display_marked(const char *s, size_t n);

/* s[0..n) (without its $ delimiters) as flat Unicode text: malloc'd,
 * NUL-terminated (caller frees). Deeply nested braces (over 32 levels)
 * are copied as they are. */
char *oct_tex_to_unicode(const char *s, size_t n);

/* Whether s[0..n) reads as TeX math rather than, say, a variable or
 * prices: it holds a command (\alpha), a super- or subscript (x^2, a_1) or
 * braces, or it is one or two characters ($m$), or a relation between
 * symbols or a bracket with no blank ($[HA]$, $f(x)$), either with no word
 * of four letters ($y = x$, not $HOME$). */
bool oct_tex_looks_like_math(const char *s, size_t n);

/* The length of the math delimiter s[0..n) opens and closes with ($, $$,
 * \( \), \[ \]) when what lies between reads as TeX math; else 0. */
size_t oct_math_delimiters(const char *s, size_t n);

/* The bytes of a math span opening at s[0] ("$x^2$ ..." -> 5), by
 * GitHub's rules for $: the opening $ not followed by a blank, the closing
 * one not preceded by a blank nor followed by a figure ("$5 and $10" is
 * money); $$ ... $$ may have blanks inside. 0 when none opens there or
 * what it holds is not TeX math. */
size_t oct_math_span(const char *s, size_t n);

#endif
