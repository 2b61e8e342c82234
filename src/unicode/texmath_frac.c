/* Fractions and roots on one line (texmath_int.h). A slash binds less
 * than the juxtaposition around it in how people read "RT/nF", so what
 * could be read two ways gets parentheses. */
#include "unicode/texmath.h"
#include "unicode/texmath_int.h"
#include "util/utf8.h"

#include <string.h>

/* The code points of s[0..n) outside its scripts and accents: what
 * decides whether it reads as one symbol. At most cap are kept. */
static size_t core_of(const char *s, size_t n, unsigned *core, size_t cap)
{
    size_t k = 0;
    int script = 0;
    for (size_t i = 0, len; i < n; i += len) {
        unsigned cp = oct_utf8_decode(s + i, n - i, &len);
        if (cp == (unsigned char)OCT_TEX_SUP || cp == (unsigned char)OCT_TEX_SUB)
            script++;
        else if (cp == (unsigned char)OCT_TEX_END && script > 0)
            script--;
        else if (!script && !(cp >= 0x300 && cp <= 0x36F) && !(cp >= 0x20D0 && cp <= 0x20FF) &&
                 cp != 0x2032 && k < cap)
            core[k++] = cp;
    }
    return k;
}

static bool is_figure(unsigned cp)
{
    return (cp >= '0' && cp <= '9') || cp == '.' || cp == ',';
}

static bool one_symbol_core(const unsigned *c, size_t k)
{
    if (k == 0) return false;
    if (k == 1) return true;
    bool number = true;
    for (size_t i = 0; i < k && number; i++)
        number = is_figure(c[i]);
    if (number) return true;
    if (c[0] == 0x221A) return one_symbol_core(c + 1, k - 1); /* √2 */
    if (c[0] == 'd' || c[0] == 0x2202) {                      /* dx, ∂t: a differential */
        size_t i = 1;
        while (i < k && c[i] == ' ')
            i++;
        if (i + 1 == k) return true;
    }
    /* P(B), f(x): a function of something (k[A] is a product); (a+b),
     * [HA], |x|: one bracket around the whole */
    if (k > 2 && c[0] < 0x80 && ((c[0] | 0x20) >= 'a' && (c[0] | 0x20) <= 'z') && c[1] == '(')
        return one_symbol_core(c + 1, k - 1);
    unsigned close = c[0] == '(' ? ')' : c[0] == '[' ? ']' : c[0] == '|' ? '|' : 0;
    if (!close || c[k - 1] != close) return false;
    int depth = 0;
    for (size_t i = 0; i + 1 < k; i++) {
        if (c[i] == c[0] && (close != '|' || i == 0)) depth++;
        if (c[i] == close && i > 0) depth--;
        if (depth == 0) return false; /* (a)(b): closed before the end */
    }
    return true;
}

enum { CORE_CAP = 256 };

static bool one_symbol(const oct_buf *part)
{
    unsigned core[CORE_CAP];
    size_t k = core_of(part->data ? part->data : "", part->len, core, CORE_CAP);
    return k < CORE_CAP && one_symbol_core(core, k);
}

static bool is_operation(unsigned c)
{
    static const unsigned OPS[] = {'+',    '-',    '=',    '<',    '>',    '/',    0x2212,
                                   0xB1,   0x2213, 0xF7,   0x2264, 0x2265, 0x2248, 0x2260,
                                   0x2192, 0x21CC, 0x2261, 0x221D, 0};
    for (size_t i = 0; OPS[i]; i++)
        if (c == OPS[i]) return true;
    return false;
}

/* Whether part holds an operation at its top level (outside brackets and
 * scripts): a sum, a relation, another slash. */
static bool has_terms(const oct_buf *part)
{
    unsigned core[CORE_CAP];
    size_t k = core_of(part->data ? part->data : "", part->len, core, CORE_CAP);
    if (k == 0 || k >= CORE_CAP) return true;
    int depth = 0;
    for (size_t i = 0; i < k; i++) {
        unsigned c = core[i];
        if (c == '(' || c == '[' || c == '{')
            depth++;
        else if ((c == ')' || c == ']' || c == '}') && depth > 0)
            depth--;
        else if (depth == 0 && is_operation(c) && !(i == 0 && (c == '-' || c == 0x2212)))
            return true; /* a leading minus is a sign: −1/2 */
    }
    return false;
}

static void put_part(oct_buf *out, const oct_buf *part, bool bracket)
{
    if (bracket) oct_buf_putc(out, '(');
    oct_buf_put(out, part->data, part->len);
    if (bracket) oct_buf_putc(out, ')');
}

void tex_fraction(oct_buf *out, const oct_buf *num, const oct_buf *den)
{
    put_part(out, num, has_terms(num));
    oct_buf_putc(out, '/');
    put_part(out, den, !one_symbol(den));
}

void tex_radicand(oct_buf *out, const oct_buf *arg)
{
    put_part(out, arg, !one_symbol(arg));
}
