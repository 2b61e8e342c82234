/* TeX math as Unicode text with script marks (texmath.h). A small
 * recursive reader over the source: a command, a group in braces, a
 * script (^ or _) and its argument, or a character copied as it is. */
#include "unicode/texmath.h"
#include "unicode/texmath_int.h"
#include "util/buf.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>

enum { MAX_DEPTH = 32 };

typedef struct {
    const char *s;
    size_t n, i;
    int depth;
    bool text;     /* inside \text{...}: words, not math */
    bool op_space; /* an operator name was set: a letter after it is spaced off */
} reader;

static bool is_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Whether the last character set reads as part of a word or a term (a
 * letter, a figure, a closing bracket, a script), so an operator name
 * after it needs a space: "RT/(nF) ln Q", not "RT/(nF)ln Q". */
static bool ends_term(const oct_buf *out)
{
    if (!out->len) return false;
    size_t at = oct_utf8_last_start(out->data, out->len), len;
    unsigned cp = oct_utf8_decode(out->data + at, out->len - at, &len);
    if (cp < 0x80)
        return cp == OCT_TEX_END || is_letter((char)cp) || is_digit((char)cp) ||
               strchr(")]}|.'", (int)cp);
    return oct_utf8_is_letter(cp) || (cp >= 0x300 && cp <= 0x36F) || /* combining accents */
           (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0x2070 && cp <= 0x209F) || cp == 0xB2 ||
           cp == 0xB3 || cp == 0xB9 || cp == 0xB0 || cp == 0x2032 || cp == 0x221E || cp == 0x2202 ||
           cp == 0x27E9;
}

static void read_item(reader *r, oct_buf *out);

/* A group's content up to its closing brace (the reader is past '{'). */
static void read_group(reader *r, oct_buf *out)
{
    r->depth++;
    while (r->i < r->n && r->s[r->i] != '}')
        read_item(r, out);
    if (r->i < r->n) r->i++;
    r->depth--;
    r->op_space = false;
}

/* A command's or a script's argument: a group's content, or one item. An
 * operator name before the command spaces what follows the command, not
 * what is inside it (\sin^2 x: "sin² x"). */
static void read_argument(reader *r, oct_buf *out)
{
    bool op = r->op_space;
    r->op_space = false;
    while (r->i < r->n && r->s[r->i] == ' ')
        r->i++;
    if (r->i < r->n && r->s[r->i] == '{' && r->depth < MAX_DEPTH) {
        r->i++;
        read_group(r, out);
    } else if (r->i < r->n) {
        read_item(r, out);
    }
    r->op_space = op;
}

/* Whether what follows (blanks, \, or \text{ skipped) is the unit C or F:
 * a temperature, which SI writes "25 °C" (an angle stays "90°"). */
static bool temperature_follows(const reader *r, size_t *unit)
{
    size_t j = r->i;
    for (;;) {
        if (j < r->n && r->s[j] == ' ')
            j++;
        else if (j + 1 < r->n && r->s[j] == '\\' && r->s[j + 1] == ',')
            j += 2;
        else
            break;
    }
    *unit = j;
    static const char *const WRAP[] = {"\\text{", "\\mathrm{", "\\textrm{", NULL};
    for (size_t w = 0; WRAP[w]; w++)
        if (r->n - j > strlen(WRAP[w]) && memcmp(r->s + j, WRAP[w], strlen(WRAP[w])) == 0)
            j += strlen(WRAP[w]);
    return j < r->n && (r->s[j] == 'C' || r->s[j] == 'F') &&
           (j + 1 >= r->n || !is_letter(r->s[j + 1]));
}

/* ^\circ, ^{\circ} and \degree: the degree sign, not a raised ring. */
static void put_degree(reader *r, oct_buf *out)
{
    size_t unit;
    bool after_figure = out->len && is_digit(out->data[out->len - 1]);
    if (after_figure && temperature_follows(r, &unit)) {
        oct_buf_puts(out, " °");
        r->i = unit;
        return;
    }
    oct_buf_puts(out, "°");
}

static void read_script(reader *r, oct_buf *out, bool sup)
{
    if (r->depth >= MAX_DEPTH) { /* x^^^^...: kept as written, the stack safe */
        oct_buf_putc(out, sup ? '^' : '_');
        return;
    }
    size_t j = r->i;
    while (j < r->n && r->s[j] == ' ')
        j++;
    if (j >= r->n || r->s[j] == '}') { /* no argument: the caret is text */
        oct_buf_putc(out, sup ? '^' : '_');
        return;
    }
    oct_buf arg = OCT_BUF_INIT;
    r->depth++;
    read_argument(r, &arg);
    r->depth--;
    const char *a = arg.data ? arg.data : "";
    if (sup && (strcmp(a, "∘") == 0 || strcmp(a, "°") == 0)) {
        put_degree(r, out);
    } else if (sup && strspn(a, "′") == arg.len && arg.len) {
        oct_buf_put(out, a, arg.len); /* f^\prime is f′, at the line */
    } else if (arg.len) {
        oct_buf_putc(out, sup ? OCT_TEX_SUP : OCT_TEX_SUB);
        oct_buf_put(out, a, arg.len);
        oct_buf_putc(out, OCT_TEX_END);
    }
    oct_buf_free(&arg);
}

/* Whether the source goes on, with no blank, with something a fraction
 * would be multiplied by: \frac{g}{L}\theta is (g/L)θ, as g/Lθ reads
 * g/(Lθ). A blank ("\frac{1}{2} m v^2") or an operator name (spaced off
 * anyway) keeps the fraction bare. */
static bool factor_follows(const reader *r)
{
    if (r->i >= r->n) return false;
    char c = r->s[r->i];
    if (is_letter(c) || is_digit(c) || c == '(' || c == '[') return true;
    if (c != '\\') return false;
    char name[24];
    size_t k = 0;
    for (size_t j = r->i + 1; j < r->n && is_letter(r->s[j]) && k + 1 < sizeof name; j++)
        name[k++] = r->s[j];
    name[k] = '\0';
    tex_class cl = tex_command_class(name);
    if (cl == TEX_FRAC || cl == TEX_SQRT || cl == TEX_ALPHABET) return true;
    const tex_symbol *sym = cl == TEX_SYMBOL ? tex_symbol_named(name) : NULL;
    if (!sym || tex_is_operator(sym)) return false;
    size_t len;
    unsigned cp = oct_utf8_decode(sym->text, strlen(sym->text), &len);
    return oct_utf8_is_letter(cp) || cp == 0x2202 || cp == 0x2207;
}

static void read_fraction(reader *r, oct_buf *out)
{
    oct_buf num = OCT_BUF_INIT, den = OCT_BUF_INIT, f = OCT_BUF_INIT;
    read_argument(r, &num);
    read_argument(r, &den);
    tex_fraction(&f, &num, &den);
    bool wrap = factor_follows(r);
    if (wrap) oct_buf_putc(out, '(');
    oct_buf_put(out, f.data, f.len);
    if (wrap) oct_buf_putc(out, ')');
    oct_buf_free(&num);
    oct_buf_free(&den);
    oct_buf_free(&f);
}

/* A command's own argument read in text mode (\text{a-b}) or as math. */
static void read_text_argument(reader *r, oct_buf *out, bool text)
{
    bool was = r->text;
    r->text = text;
    read_argument(r, out);
    r->text = was;
}

static void put_operator(reader *r, oct_buf *out, const char *name, size_t len)
{
    if (ends_term(out)) oct_buf_putc(out, ' ');
    oct_buf_put(out, name, len);
    r->op_space = true;
}

/* \\ (and its spacing, \\[2pt]): a new row of the formula, without the
 * blanks around it. */
static void new_row(reader *r, oct_buf *out)
{
    while (out->len && out->data[out->len - 1] == ' ')
        out->len--;
    oct_buf_putc(out, OCT_TEX_ROW);
    while (r->i < r->n && r->s[r->i] == ' ')
        r->i++;
    size_t room = r->n - r->i < 16 ? r->n - r->i : 16; /* a length: [2pt], [-1ex] */
    const char *close = r->i < r->n && r->s[r->i] == '[' ? memchr(r->s + r->i, ']', room) : NULL;
    if (close) r->i = (size_t)(close - r->s) + 1;
    while (r->i < r->n && r->s[r->i] == ' ')
        r->i++;
}

/* \, \; \{ \\ ...: a space or the character itself. */
static void read_symbol_command(reader *r, oct_buf *out)
{
    char c = r->s[r->i++];
    if (c == ',' || c == ';' || c == ':' || c == ' ')
        oct_buf_puts(out, "\xE2\x80\x89");
    else if (c == '\\')
        new_row(r, out);
    else if (c != '!')
        oct_buf_putc(out, c);
}

/* A symbol that reads as a letter (\Delta, \pi, \partial) takes the
 * letter after it without the blank that only ended its name: "\Delta G"
 * is ΔG, "\partial x" ∂x; before a relation the blank stays (α ≤ β). */
static void put_symbol(reader *r, oct_buf *out, const tex_symbol *sym)
{
    size_t len;
    unsigned cp = oct_utf8_decode(sym->text, strlen(sym->text), &len);
    oct_buf_puts(out, sym->text);
    bool letter = (oct_utf8_is_letter(cp) && cp >= 0x80) || cp == 0x2202 || cp == 0x2207;
    if (letter && r->i + 1 < r->n && r->s[r->i] == ' ' && is_letter(r->s[r->i + 1])) r->i++;
}

/* \sqrt[n]{x}: the root's index, read between [ and ] into idx; false
 * (nothing read) when no index follows. */
static bool read_root_index(reader *r, oct_buf *idx)
{
    size_t j = r->i, end;
    while (j < r->n && r->s[j] == ' ')
        j++;
    if (j >= r->n || r->s[j] != '[') return false;
    int braces = 0;
    for (end = j + 1; end < r->n && (r->s[end] != ']' || braces > 0); end++) {
        if (r->s[end] == '{') braces++;
        if (r->s[end] == '}' && --braces < 0) return false; /* the group ends first */
    }
    if (end >= r->n) return false;
    reader sub = {r->s + j + 1, end - j - 1, 0, r->depth + 1, false, false};
    while (sub.i < sub.n)
        read_item(&sub, idx);
    r->i = end + 1;
    return true;
}

/* \sqrt{x} as √x, \sqrt[3]{x} as ∛x, \sqrt[4] as ∜, any other index
 * raised before the sign (ⁿ√x), as one writes it by hand. */
static void read_root(reader *r, oct_buf *out)
{
    oct_buf idx = OCT_BUF_INIT, arg = OCT_BUF_INIT;
    bool has = read_root_index(r, &idx);
    read_argument(r, &arg);
    const char *i = has && idx.data ? idx.data : "";
    if (strcmp(i, "3") == 0) {
        oct_buf_puts(out, "∛");
    } else if (strcmp(i, "4") == 0) {
        oct_buf_puts(out, "∜");
    } else {
        if (*i && strcmp(i, "2") != 0) {
            oct_buf_putc(out, OCT_TEX_SUP);
            oct_buf_put(out, idx.data, idx.len);
            oct_buf_putc(out, OCT_TEX_END);
        }
        oct_buf_puts(out, "√");
    }
    tex_radicand(out, &arg);
    oct_buf_free(&idx);
    oct_buf_free(&arg);
}

/* \label{...}, \begin{...} and \end{...}: true when name was one of
 * them and it is read (an environment not known is kept as written). */
static bool read_structure(reader *r, oct_buf *out, const char *name, size_t start)
{
    if (strcmp(name, "label") == 0) { /* a name for \ref: nothing to read */
        oct_buf skipped = OCT_BUF_INIT;
        read_argument(r, &skipped);
        oct_buf_free(&skipped);
        return true;
    }
    bool begins = strcmp(name, "begin") == 0;
    if (begins && tex_environment(r->s, r->n, &r->i, r->depth, out)) return true;
    if (!begins && strcmp(name, "end") != 0) return false;
    size_t at, len, past = tex_env_name(r->s, r->n, r->i, &at, &len);
    if (past) r->i = past;
    oct_buf_put(out, r->s + start - 1, r->i - start + 1);
    return true;
}

static void read_command(reader *r, oct_buf *out)
{
    size_t start = ++r->i; /* past the backslash */
    char name[24];
    size_t k = 0;
    if (r->i < r->n && !is_letter(r->s[r->i])) {
        read_symbol_command(r, out);
        return;
    }
    while (r->i < r->n && is_letter(r->s[r->i]) && k + 1 < sizeof name)
        name[k++] = r->s[r->i++];
    name[k] = '\0';
    while (r->i < r->n && is_letter(r->s[r->i])) /* too long for any we know */
        r->i++;
    if (read_structure(r, out, name, start)) return;
    const tex_symbol *sym = tex_symbol_named(name);
    switch (tex_command_class(name)) {
    case TEX_SILENT:
        return;
    case TEX_TEXT:
    case TEX_ALPHABET:
        read_text_argument(r, out, tex_command_class(name) == TEX_TEXT);
        return;
    case TEX_OPERATORNAME: {
        oct_buf op = OCT_BUF_INIT;
        read_text_argument(r, &op, true);
        put_operator(r, out, op.data ? op.data : "", op.len);
        oct_buf_free(&op);
        return;
    }
    case TEX_ACCENT:
        read_argument(r, out);
        oct_buf_puts(out, tex_accent(name));
        return;
    case TEX_FRAC:
        read_fraction(r, out);
        return;
    case TEX_DEGREE:
        put_degree(r, out);
        return;
    case TEX_SQRT:
        read_root(r, out);
        return;
    case TEX_SYMBOL:
        if (tex_is_operator(sym))
            put_operator(r, out, sym->text, strlen(sym->text));
        else
            put_symbol(r, out, sym);
        return;
    case TEX_UNKNOWN:
        break;
    }
    oct_buf_putc(out, '\\'); /* not known: kept as written */
    oct_buf_put(out, r->s + start, r->i - start);
}

/* After an operator name: a letter, a figure or a command that prints
 * something is spaced off ("sin θ"); a blank, a bracket or a script ends
 * the need, and a script or a sizing command (\left) passes it on. */
static void space_after_operator(reader *r, oct_buf *out)
{
    char c = r->s[r->i];
    if (c == '^' || c == '_' || c == '{') return;
    if (c == '\\' && r->i + 1 < r->n && is_letter(r->s[r->i + 1])) {
        char name[24];
        size_t k = 0;
        for (size_t j = r->i + 1; j < r->n && is_letter(r->s[j]) && k + 1 < sizeof name; j++)
            name[k++] = r->s[j];
        name[k] = '\0';
        if (tex_command_class(name) == TEX_SILENT) return;
        const tex_symbol *sym = tex_symbol_named(name);
        if (!sym || !tex_is_operator(sym)) oct_buf_putc(out, ' ');
    } else if (is_letter(c) || is_digit(c)) {
        oct_buf_putc(out, ' ');
    }
    r->op_space = false;
}

static void read_item(reader *r, oct_buf *out)
{
    if (r->op_space) space_after_operator(r, out);
    char c = r->s[r->i];
    if (c == '\\') {
        read_command(r, out);
    } else if ((c == '^' || c == '_') && !r->text) {
        r->i++;
        read_script(r, out, c == '^');
    } else if (c == '{' && r->depth < MAX_DEPTH) {
        r->i++;
        read_group(r, out);
    } else if (c == '&' && !r->text) { /* an alignment mark outside an environment */
        r->i++;
    } else if (c == '-' && !r->text) {
        oct_buf_puts(out, "−"); /* TeX's minus sign, not a hyphen */
        r->i++;
    } else if (c == '\'' && !r->text) {
        oct_buf_puts(out, "′"); /* f' is f prime */
        r->i++;
    } else if (c == OCT_TEX_SUP || c == OCT_TEX_SUB || c == OCT_TEX_END || c == OCT_TEX_ROW) {
        oct_buf_puts(out, "\xEF\xBF\xBD"); /* a control byte is no math: shown, not a mark */
        r->i++;
    } else {
        oct_buf_putc(out, c);
        r->i++;
    }
}

void tex_convert(const char *s, size_t n, int depth, oct_buf *out)
{
    reader r = {s, n, 0, depth, false, false};
    while (r.i < r.n)
        read_item(&r, out);
}

char *oct_tex_to_marked(const char *s, size_t n)
{
    reader r = {s, n, 0, 0, false, false};
    oct_buf out = OCT_BUF_INIT;
    while (r.i < r.n)
        read_item(&r, &out);
    while (out.len && (out.data[out.len - 1] == OCT_TEX_ROW || out.data[out.len - 1] == ' '))
        out.len--; /* a last \\ starts no row */
    if (out.data) out.data[out.len] = '\0';
    return out.data ? oct_buf_detach(&out) : calloc(1, 1);
}
