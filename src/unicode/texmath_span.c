/* Where math is in a note, and math as flat text (texmath.h). */
#include "unicode/texmath.h"
#include "util/buf.h"
#include "util/scripts.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>

static bool is_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Where the script opening at m[i] closes (its OCT_TEX_END), or n. */
static size_t script_end(const char *m, size_t n, size_t i)
{
    int depth = 0;
    for (size_t j = i; j < n; j++) {
        if (m[j] == OCT_TEX_SUP || m[j] == OCT_TEX_SUB) depth++;
        if (m[j] == OCT_TEX_END && --depth == 0) return j;
    }
    return n;
}

static void flatten(const char *m, size_t n, oct_buf *out)
{
    size_t i = 0;
    while (i < n) {
        if (m[i] != OCT_TEX_SUP && m[i] != OCT_TEX_SUB) {
            if (m[i] == OCT_TEX_ROW)
                oct_buf_puts(out, "; ");
            else if (m[i] != OCT_TEX_END)
                oct_buf_putc(out, m[i]);
            i++;
            continue;
        }
        bool sup = m[i] == OCT_TEX_SUP;
        size_t end = script_end(m, n, i);
        oct_buf in = OCT_BUF_INIT;
        flatten(m + i + 1, end - i - 1, &in);
        const char *t = in.data ? in.data : "";
        if (!oct_script_form(t, in.len, sup, out)) { /* x^(iπ), K_c */
            bool one = oct_utf8_count(t, in.len) <= 1;
            oct_buf_putc(out, sup ? '^' : '_');
            if (!one) oct_buf_putc(out, '(');
            oct_buf_put(out, t, in.len);
            if (!one) oct_buf_putc(out, ')');
        }
        oct_buf_free(&in);
        i = end < n ? end + 1 : n;
    }
}

char *oct_tex_to_unicode(const char *s, size_t n)
{
    char *m = oct_tex_to_marked(s, n);
    oct_buf out = OCT_BUF_INIT;
    flatten(m, strlen(m), &out);
    free(m);
    return out.data ? oct_buf_detach(&out) : calloc(1, 1);
}

/* A formula in brackets with no blank in it ($[HA]$, $f(x)$, $[0,1]$):
 * a concentration or an argument, which a price or a shell variable
 * ($HOME, $5) does not hold. */
static bool bracketed(const char *s, size_t n)
{
    const char *open = NULL;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '$') return false;
        if (!open && (s[i] == '[' || s[i] == '(')) open = s + i;
        if (open && (s[i] == ']' || s[i] == ')') && s + i > open + 1) return true;
    }
    return false;
}

/* An operator of a formula at s[i]: its length, or 0. The ASCII ones and
 * the signs a formula is typed with (· × − ±). */
static size_t operator_at(const char *s, size_t n, size_t i)
{
    if (strchr("+-*/=<>", s[i])) return 1;
    static const char *const SIGNS[] = {"\xC2\xB7", "\xC3\x97", "\xE2\x88\x92", "\xC2\xB1"};
    for (size_t k = 0; k < sizeof SIGNS / sizeof *SIGNS; k++) {
        size_t m = strlen(SIGNS[k]);
        if (i + m <= n && !memcmp(s + i, SIGNS[k], m)) return m;
    }
    return 0;
}

/* An operand at s[i]: a number, a coefficient and one or two letters
 * juxtaposed (x, ad, 4ac, 0.5x, x2), primes after it; its length, or 0.
 * *letters: how many letters, *caps: whether they are all capitals. */
static size_t operand_at(const char *s, size_t n, size_t i, size_t *letters, bool *caps)
{
    size_t j = i;
    while (j < n && ((s[j] >= '0' && s[j] <= '9') ||
                     (s[j] == '.' && j > i && j + 1 < n && s[j + 1] >= '0' && s[j + 1] <= '9')))
        j++;
    size_t l = j;
    *caps = true;
    while (j < n && is_letter(s[j]))
        *caps &= s[j] >= 'A' && s[j] <= 'Z', j++;
    *letters = j - l;
    while (j < n && s[j] >= '0' && s[j] <= '9') /* x2, a1 */
        j++;
    while (j < n && s[j] == '\'')
        j++;
    return j - i;
}

/* A formula with no relation or TeX in it, $ad - bc$, $2x - 1$, $1 - p$,
 * $(a - b)(c - d)$: operands of one or two letters (a longer run of
 * letters is a word) and numbers, joined by operators, brackets balanced,
 * at least one binary operator and one letter. Prices are none: "$5 - 10$"
 * has no letter, "$5 - US$" is an amount and a currency's code, and the
 * span rules (oct_math_span) keep "$3 - $4" and "$5 and $10" apart. */
static bool formula(const char *s, size_t n)
{
    bool want = true, blank_before = false, any_letter = false, lower = false, number_first = false;
    int depth = 0, binary = 0, operands = 0;
    for (size_t i = 0; i < n;) {
        if (s[i] == ' ' || s[i] == '\t') {
            blank_before = true;
            i++;
            continue;
        }
        size_t k, letters;
        bool caps;
        if (s[i] == '(' || s[i] == '[') {
            if (!want && blank_before) return false; /* "x (y)": words */
            depth++, want = true, i++;
        } else if (s[i] == ')' || s[i] == ']') {
            if (want || --depth < 0) return false;
            i++;
        } else if ((k = operator_at(s, n, i))) {
            bool sign =
                s[i] == '-' || s[i] == '+' || (k > 1 && (s[i] == '\xE2' || s[i + 1] == '\xB1'));
            if (want && !sign) return false; /* only a sign comes first */
            binary += !want;
            want = true, i += k;
        } else if ((k = operand_at(s, n, i, &letters, &caps))) {
            if (!want && blank_before) return false; /* "a b": words, not a product */
            if (letters > 2) return false;
            if (!operands++) number_first = letters == 0;
            any_letter |= letters > 0;
            lower |= letters == 1 || (letters && !caps);
            want = false, i += k;
        } else {
            return false; /* punctuation, another script: prose */
        }
        blank_before = false;
    }
    if (want || depth || !any_letter || (!binary && !(operands == 1 && (s[0] == '-'))))
        return false;
    return lower || !number_first;
}

bool oct_tex_looks_like_math(const char *s, size_t n)
{
    if (n >= 1 && n <= 2 && (is_letter(s[0]) || (s[0] >= '0' && s[0] <= '9')) &&
        (n == 1 || is_letter(s[1]) || (s[1] >= '0' && s[1] <= '9') || s[1] == '\''))
        return true; /* a symbol: $m$, $x'$, $ab$; not $x-$ of "echo $x-$y" */
    bool relation = false, word = false;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '^' || s[i] == '_' || s[i] == '{') return true;
        if (s[i] == '\\' && i + 1 < n && is_letter(s[i + 1])) return true;
        relation |= s[i] == '=' || s[i] == '<' || s[i] == '>' || s[i] == '+';
        word |= i + 3 < n && is_letter(s[i]) && is_letter(s[i + 1]) && is_letter(s[i + 2]) &&
                is_letter(s[i + 3]);
    }
    /* $y = x$ or $[HA]$, not $HOME$ or $a b + c d words$; or $ad - bc$ */
    return ((relation || bracketed(s, n)) && !word) || formula(s, n);
}
size_t oct_math_delimiters(const char *s, size_t n)
{
    static const char *const PAIRS[][2] = {
        {"$$", "$$"}, {"\\[", "\\]"}, {"\\(", "\\)"}, {"$", "$"}};
    for (size_t k = 0; s && k < sizeof PAIRS / sizeof *PAIRS; k++) {
        size_t d = strlen(PAIRS[k][0]);
        if (n <= 2 * d || memcmp(s, PAIRS[k][0], d) != 0 || memcmp(s + n - d, PAIRS[k][1], d) != 0)
            continue;
        return oct_tex_looks_like_math(s + d, n - 2 * d) ? d : 0;
    }
    return 0;
}

static bool blank(char c)
{
    return c == ' ' || c == '\t';
}

size_t oct_math_span(const char *s, size_t n)
{
    if (n < 3) return 0;
    if (s[0] == '\\' && (s[1] == '(' || s[1] == '[')) {
        char close = s[1] == '(' ? ')' : ']';
        for (size_t j = 2; j + 1 < n; j++)
            if (s[j] == '\\' && s[j + 1] == close)
                return oct_tex_looks_like_math(s + 2, j - 2) ? j + 2 : 0;
        return 0;
    }
    if (s[0] != '$') return 0;
    /* blanks inside $$ ... $$ are display math's custom: only a single $
     * next to a blank is money */
    size_t d = s[1] == '$' ? 2 : 1;
    if (d >= n || (d == 1 && blank(s[d])) || s[d] == '$') return 0;
    for (size_t j = d + 1; j + d <= n; j++) {
        if (s[j] != '$' || s[j - 1] == '\\') continue;
        if (d == 2 && (j + 1 >= n || s[j + 1] != '$')) continue;
        if ((d == 1 && blank(s[j - 1])) || (j + d < n && s[j + d] >= '0' && s[j + d] <= '9'))
            return 0;
        return oct_tex_looks_like_math(s + d, j - d) ? j + d : 0;
    }
    return 0;
}
