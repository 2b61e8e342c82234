/* TeX math as Unicode text (texmath.h). A small recursive reader over
 * the source: a command, a group in braces, a script (^ or _) and its
 * argument, or a character copied as it is. */
#include "unicode/texmath.h"
#include "util/buf.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *name, *text;
} symbol;

/* Sorted by name (bsearch). */
static const symbol SYMBOLS[] = {
    {"Delta", "Δ"},
    {"Gamma", "Γ"},
    {"Lambda", "Λ"},
    {"Leftarrow", "⇐"},
    {"Leftrightarrow", "⇔"},
    {"Omega", "Ω"},
    {"Phi", "Φ"},
    {"Pi", "Π"},
    {"Psi", "Ψ"},
    {"Rightarrow", "⇒"},
    {"Sigma", "Σ"},
    {"Theta", "Θ"},
    {"Xi", "Ξ"},
    {"alpha", "α"},
    {"approx", "≈"},
    {"beta", "β"},
    {"cap", "∩"},
    {"cdot", "·"},
    {"cdots", "⋯"},
    {"chi", "χ"},
    {"circ", "∘"},
    {"cos", "cos"},
    {"cup", "∪"},
    {"deg", "deg"},
    {"delta", "δ"},
    {"det", "det"},
    {"div", "÷"},
    {"dots", "…"},
    {"ell", "ℓ"},
    {"emptyset", "∅"},
    {"epsilon", "ε"},
    {"equiv", "≡"},
    {"eta", "η"},
    {"exists", "∃"},
    {"exp", "exp"},
    {"forall", "∀"},
    {"gamma", "γ"},
    {"ge", "≥"},
    {"geq", "≥"},
    {"gg", "≫"},
    {"hbar", "ℏ"},
    {"in", "∈"},
    {"infty", "∞"},
    {"int", "∫"},
    {"iota", "ι"},
    {"kappa", "κ"},
    {"lambda", "λ"},
    {"land", "∧"},
    {"langle", "⟨"},
    {"ldots", "…"},
    {"le", "≤"},
    {"leftarrow", "←"},
    {"leftrightarrow", "↔"},
    {"leq", "≤"},
    {"lim", "lim"},
    {"ll", "≪"},
    {"ln", "ln"},
    {"log", "log"},
    {"lor", "∨"},
    {"max", "max"},
    {"min", "min"},
    {"mp", "∓"},
    {"mu", "μ"},
    {"nabla", "∇"},
    {"ne", "≠"},
    {"neg", "¬"},
    {"neq", "≠"},
    {"ni", "∋"},
    {"notin", "∉"},
    {"nu", "ν"},
    {"oint", "∮"},
    {"omega", "ω"},
    {"oplus", "⊕"},
    {"otimes", "⊗"},
    {"partial", "∂"},
    {"perp", "⊥"},
    {"phi", "φ"},
    {"pi", "π"},
    {"pm", "±"},
    {"prime", "′"},
    {"prod", "∏"},
    {"propto", "∝"},
    {"psi", "ψ"},
    {"quad", "\xE2\x80\x83"},
    {"rangle", "⟩"},
    {"rho", "ρ"},
    {"rightarrow", "→"},
    {"sigma", "σ"},
    {"sim", "∼"},
    {"simeq", "≃"},
    {"sin", "sin"},
    {"sqrt", "√"},
    {"subset", "⊂"},
    {"subseteq", "⊆"},
    {"sum", "∑"},
    {"supset", "⊃"},
    {"supseteq", "⊇"},
    {"tan", "tan"},
    {"tau", "τ"},
    {"theta", "θ"},
    {"times", "×"},
    {"to", "→"},
    {"upsilon", "υ"},
    {"varepsilon", "ε"},
    {"varphi", "φ"},
    {"vartheta", "ϑ"},
    {"vee", "∨"},
    {"wedge", "∧"},
    {"xi", "ξ"},
    {"zeta", "ζ"},
};

/* Commands whose braced argument is printed as it is written. */
static const char *const AS_TEXT[] = {"text",       "mathrm",  "mathbf", "mathit", "mathsf",
                                      "mathtt",     "textbf",  "textit", "mbox",   "operatorname",
                                      "boldsymbol", "mathcal", "mathbb", NULL};
/* Commands that only size or space: nothing printed. */
static const char *const SILENT[] = {"left",         "right",  "big",      "Big", "bigg", "Bigg",
                                     "displaystyle", "limits", "nolimits", "!",   NULL};
/* Accents: their argument, then a combining mark. */
static const symbol ACCENTS[] = {
    {"bar", "\xCC\x84"},   {"dot", "\xCC\x87"},     {"ddot", "\xCC\x88"},    {"hat", "\xCC\x82"},
    {"tilde", "\xCC\x83"}, {"vec", "\xE2\x83\x97"}, {"overline", "\xCC\x85"}};

static const char *const SUP_FROM = "0123456789+-=()ni";
static const char *const SUP_TO[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸",
                                     "⁹", "⁺", "⁻", "⁼", "⁽", "⁾", "ⁿ", "ⁱ"};
static const char *const SUB_FROM = "0123456789+-=()aehijklmnoprstuvx";
static const char *const SUB_TO[] = {"₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉", "₊",
                                     "₋", "₌", "₍", "₎", "ₐ", "ₑ", "ₕ", "ᵢ", "ⱼ", "ₖ", "ₗ",
                                     "ₘ", "ₙ", "ₒ", "ₚ", "ᵣ", "ₛ", "ₜ", "ᵤ", "ᵥ", "ₓ"};

enum { MAX_DEPTH = 32 };

typedef struct {
    const char *s;
    size_t n, i;
    int depth;
} reader;

static int cmp_symbol(const void *key, const void *elem)
{
    return strcmp((const char *)key, ((const symbol *)elem)->name);
}

static bool in_list(const char *const *list, const char *w)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(list[i], w) == 0) return true;
    return false;
}

static bool is_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static void read_item(reader *r, oct_buf *out);

/* The argument at the reader: a group's content, or one item. */
static void read_argument(reader *r, oct_buf *out)
{
    while (r->i < r->n && r->s[r->i] == ' ')
        r->i++;
    if (r->i >= r->n) return;
    if (r->s[r->i] != '{' || r->depth >= MAX_DEPTH) {
        read_item(r, out);
        return;
    }
    r->i++;
    r->depth++;
    while (r->i < r->n && r->s[r->i] != '}')
        read_item(r, out);
    if (r->i < r->n) r->i++;
    r->depth--;
}

/* text as small figures and letters (table from/to), or false when one
 * character has none. */
static bool scripted(const char *text, size_t len, const char *from, const char *const *to,
                     oct_buf *out)
{
    oct_buf b = OCT_BUF_INIT;
    bool ok = len > 0;
    for (size_t k = 0; k < len && ok; k++) {
        const char *at = text[k] ? strchr(from, text[k]) : NULL;
        if (text[k] == ' ') continue;
        if (!at)
            ok = false;
        else
            oct_buf_puts(&b, to[at - from]);
    }
    if (ok) oct_buf_put(out, b.data, b.len);
    oct_buf_free(&b);
    return ok;
}

static void read_script(reader *r, oct_buf *out, bool sup)
{
    oct_buf arg = OCT_BUF_INIT;
    read_argument(r, &arg);
    const char *from = sup ? SUP_FROM : SUB_FROM;
    const char *const *to = sup ? SUP_TO : SUB_TO;
    if (!scripted(arg.data ? arg.data : "", arg.len, from, to, out)) {
        bool one = arg.len <= 1;
        oct_buf_putc(out, sup ? '^' : '_');
        if (!one) oct_buf_putc(out, '(');
        oct_buf_put(out, arg.data, arg.len);
        if (!one) oct_buf_putc(out, ')');
    }
    oct_buf_free(&arg);
}

/* A fraction's part: in parentheses when longer than one symbol. */
static void fraction_part(oct_buf *out, const oct_buf *part)
{
    bool plain = part->len > 0;
    for (size_t k = 0; k < part->len && plain; k++)
        plain = !strchr(" +-=", part->data[k]);
    if (!plain) oct_buf_putc(out, '(');
    oct_buf_put(out, part->data, part->len);
    if (!plain) oct_buf_putc(out, ')');
}

static void read_command(reader *r, oct_buf *out)
{
    size_t start = ++r->i; /* past the backslash */
    char name[24];
    size_t k = 0;
    if (r->i < r->n && !is_letter(r->s[r->i])) { /* \, \; \{ \\ ... */
        char c = r->s[r->i++];
        if (c == ',' || c == ';' || c == ':' || c == ' ')
            oct_buf_puts(out, "\xE2\x80\x89");
        else if (c == '\\')
            oct_buf_putc(out, ' ');
        else if (c != '!')
            oct_buf_putc(out, c);
        return;
    }
    while (r->i < r->n && is_letter(r->s[r->i]) && k + 1 < sizeof name)
        name[k++] = r->s[r->i++];
    name[k] = '\0';
    while (r->i < r->n && is_letter(r->s[r->i])) /* too long for any we know */
        r->i++;
    if (in_list(SILENT, name)) return;
    if (in_list(AS_TEXT, name)) {
        read_argument(r, out);
        return;
    }
    for (size_t a = 0; a < sizeof ACCENTS / sizeof *ACCENTS; a++)
        if (strcmp(name, ACCENTS[a].name) == 0) {
            read_argument(r, out);
            oct_buf_puts(out, ACCENTS[a].text);
            return;
        }
    if (strcmp(name, "frac") == 0 || strcmp(name, "dfrac") == 0 || strcmp(name, "tfrac") == 0) {
        oct_buf num = OCT_BUF_INIT, den = OCT_BUF_INIT;
        read_argument(r, &num);
        read_argument(r, &den);
        fraction_part(out, &num);
        oct_buf_putc(out, '/');
        fraction_part(out, &den);
        oct_buf_free(&num);
        oct_buf_free(&den);
        return;
    }
    const symbol *sym =
        bsearch(name, SYMBOLS, sizeof SYMBOLS / sizeof *SYMBOLS, sizeof *SYMBOLS, cmp_symbol);
    if (!sym) { /* not known: kept as written */
        oct_buf_putc(out, '\\');
        oct_buf_put(out, r->s + start, r->i - start);
        return;
    }
    oct_buf_puts(out, sym->text);
    if (strcmp(name, "sqrt") == 0) {
        oct_buf arg = OCT_BUF_INIT;
        read_argument(r, &arg);
        fraction_part(out, &arg);
        oct_buf_free(&arg);
    }
}

static void read_item(reader *r, oct_buf *out)
{
    char c = r->s[r->i];
    if (c == '\\') {
        read_command(r, out);
    } else if (c == '^' || c == '_') {
        r->i++;
        read_script(r, out, c == '^');
    } else if (c == '{' && r->depth < MAX_DEPTH) {
        read_argument(r, out);
    } else {
        oct_buf_putc(out, c);
        r->i++;
    }
}

char *oct_tex_to_unicode(const char *s, size_t n)
{
    reader r = {s, n, 0, 0};
    oct_buf out = OCT_BUF_INIT;
    while (r.i < r.n)
        read_item(&r, &out);
    return oct_buf_detach(&out);
}

bool oct_tex_looks_like_math(const char *s, size_t n)
{
    if (n >= 1 && n <= 2 && (is_letter(s[0]) || (s[0] >= '0' && s[0] <= '9')))
        return true; /* a symbol: $m$, $x'$ */
    bool relation = false, word = false;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '^' || s[i] == '_' || s[i] == '{') return true;
        if (s[i] == '\\' && i + 1 < n && is_letter(s[i + 1])) return true;
        relation |= s[i] == '=' || s[i] == '<' || s[i] == '>' || s[i] == '+';
        word |= i + 3 < n && is_letter(s[i]) && is_letter(s[i + 1]) && is_letter(s[i + 2]) &&
                is_letter(s[i + 3]);
    }
    return relation && !word; /* $y = x$, not $HOME$ or $a b + c d words$ */
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
    size_t d = s[1] == '$' ? 2 : 1;
    if (d >= n || blank(s[d]) || s[d] == '$') return 0;
    for (size_t j = d + 1; j + d <= n; j++) {
        if (s[j] != '$' || s[j - 1] == '\\') continue;
        if (d == 2 && (j + 1 >= n || s[j + 1] != '$')) continue;
        if (blank(s[j - 1]) || (j + d < n && s[j + d] >= '0' && s[j + d] <= '9')) return 0;
        return oct_tex_looks_like_math(s + d, j - d) ? j + d : 0;
    }
    return 0;
}
