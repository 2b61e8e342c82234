/* Inside texmath: the command tables (texmath_symbols.c) and the reader
 * (texmath.c) that the span rules and flattening (texmath_span.c) use. */
#ifndef OCT_UNICODE_TEXMATH_INT_H
#define OCT_UNICODE_TEXMATH_INT_H
#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"

typedef struct {
    const char *name, *text;
} tex_symbol;

typedef enum {
    TEX_UNKNOWN,      /* kept as written */
    TEX_SYMBOL,       /* \alpha, \leq, \sin: tex_symbol_named */
    TEX_SILENT,       /* \left, \big: sizes only, nothing printed */
    TEX_TEXT,         /* \text{...}: words, a '-' stays a hyphen */
    TEX_ALPHABET,     /* \mathrm{...}: math in another typeface */
    TEX_OPERATORNAME, /* \operatorname{sgn}: set like \sin */
    TEX_FRAC,
    TEX_SQRT,
    TEX_DEGREE, /* \degree: as ^\circ */
    TEX_ACCENT  /* \hat{x}: tex_accent */
} tex_class;

tex_class tex_command_class(const char *name);
/* The symbol named so, or NULL. */
const tex_symbol *tex_symbol_named(const char *name);
/* Whether sym is an operator name (\sin, \log, \lim). */
bool tex_is_operator(const tex_symbol *sym);
/* The combining mark an accent command adds, or NULL. */
const char *tex_accent(const char *name);

/* A fraction's parts (marked text, texmath.h) as num/den: the numerator
 * in parentheses when it holds terms (a+1), the denominator when it is
 * more than one symbol (RT/(nF); 1/[A]ₜ and dy/dx stay as they are). */
void tex_fraction(oct_buf *out, const oct_buf *num, const oct_buf *den);
/* What \sqrt covers, after the √: in parentheses unless one symbol. */
void tex_radicand(oct_buf *out, const oct_buf *arg);

/* s[0..n) as marked text appended to out, read as a group `depth` deep
 * (texmath.c): the cells of an environment. */
void tex_convert(const char *s, size_t n, int depth, oct_buf *out);
/* The name of an environment, "{name}" after blanks at s[i]: its span
 * in *name and *len, and where it ends (past '}'); 0 when none is there
 * (a name is looked for within a few bytes only). */
size_t tex_env_name(const char *s, size_t n, size_t i, size_t *name, size_t *len);
/* An environment at s[*i] (just past "\begin"): when it is one texmath
 * knows and its \end is found, its text goes to out, *i moves past the
 * \end and the result is true; else nothing is read (texmath_env.c). */
bool tex_environment(const char *s, size_t n, size_t *i, int depth, oct_buf *out);

#endif
