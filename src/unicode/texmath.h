/* TeX math as Unicode text: what notes write between $...$ ("x^2 +
 * y_1", "\frac{a}{b}", "\int_0^1 x\,dx", "\alpha \leq \beta") set the way
 * a reader would write it by hand: x² + y₁, a/b, ∫₀¹ x dx, α ≤ β. Greek
 * letters, operators, relations, arrows and common functions; super- and
 * subscripts as Unicode's small figures and letters where they all have
 * one, else ^(...) and _(...); \frac as a/b (parenthesised when longer
 * than a symbol), \sqrt as √; \text{...}, \mathrm{...}, \mathbf{...} as
 * their text; spacing commands as spaces. A command it does not know is
 * kept as written: nothing of the source is lost. */
#ifndef OCT_UNICODE_TEXMATH_H
#define OCT_UNICODE_TEXMATH_H
#include <stdbool.h>
#include <stddef.h>

/* s[0..n) (without its $ delimiters) as Unicode text: malloc'd,
 * NUL-terminated (caller frees). Deeply nested braces (over 32 levels)
 * are copied as they are. */
char *oct_tex_to_unicode(const char *s, size_t n);

/* Whether s[0..n) reads as TeX math rather than, say, a variable or
 * prices: it holds a command (\alpha), a super- or subscript (x^2, a_1) or
 * braces, or it is one or two characters ($m$), or a relation between
 * symbols with no word of four letters ($y = x$, not $HOME$). */
bool oct_tex_looks_like_math(const char *s, size_t n);

/* The length of the math delimiter s[0..n) opens and closes with ($, $$,
 * \( \), \[ \]) when what lies between reads as TeX math; else 0. */
size_t oct_math_delimiters(const char *s, size_t n);

/* The bytes of a math span opening at s[0] ("$x^2$ ..." -> 5), by
 * GitHub's rules for $: the opening $ not followed by a blank, the closing
 * one not preceded by a blank nor followed by a figure ("$5 and $10" is
 * money); 0 when none opens there or what it holds is not TeX math. */
size_t oct_math_span(const char *s, size_t n);

#endif
