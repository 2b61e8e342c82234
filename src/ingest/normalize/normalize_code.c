/* Line classification: how strongly does one line say "code", and in which
 * language?
 *
 * Each recognizer matches one shape that prose does not take: a keyword in
 * its exact case followed by what the keyword needs ("def name(", "from x
 * import y", "class Name(Base):" with a body), an assignment whose right
 * side is an expression, a call chain that fills the whole line. The
 * expression check (normalize_lexer.c) rejects sentences; recognizers for
 * shell, SQL and markup live in their own files. Strength says whether the
 * line may start a block alone (def, import, a command) or only next to
 * other code (x = 5 could be a formula). */
#include "ingest/normalize/normalize_internal.h"

#include <string.h>

const char *nl_lang_name(nl_lang lang)
{
    static const char *const names[NL_LANG_COUNT] = {
        "",     "python",     "bash",       "sql", "html", "django", "json",
        "yaml", "javascript", "dockerfile", "c",   "java", "go"};
    return lang < NL_LANG_COUNT ? names[lang] : "";
}

static void set(nl_class *c, nl_strength st, nl_lang lang, unsigned feat)
{
    c->strength = (unsigned char)st;
    c->lang = (unsigned char)lang;
    c->feat |= (unsigned short)feat;
}

static size_t first_word(const char *s, size_t n)
{
    size_t k = 0;
    while (k < n && nl_is_ident_char((unsigned char)s[k]))
        k++;
    return k;
}

static const char *skip_spaces(const char *s, const char *end)
{
    while (s < end && nl_is_space(*s))
        s++;
    return s;
}

/* Text after a leading keyword and its following spaces. */
static const char *after_word(const char *s, size_t n, size_t k, size_t *rest)
{
    const char *p = skip_spaces(s + k, s + n);
    *rest = (size_t)(s + n - p);
    return p;
}

static bool dotted_name(const char *s, size_t n, size_t *len)
{
    size_t i = 0;
    while (i < n && s[i] == '.')
        i++; /* relative imports */
    size_t dots = i;
    while (i < n && (nl_is_ident_char((unsigned char)s[i]) || s[i] == '.'))
        i++;
    *len = i;
    if (i == 0) return false;
    if (i == dots) return true; /* from . import x */
    return s[i - 1] != '.' && nl_is_ident_start((unsigned char)s[dots]);
}

/* "import a.b, c as d" / "from .x import (a, b)" / "from x import *" */
static bool python_import(const char *s, size_t n)
{
    nl_expr e;
    size_t k = first_word(s, n), rest, len;
    const char *p = after_word(s, n, k, &rest);
    if (rest == 0) return false;
    if (nl_word_eq(s, k, "from")) {
        if (!dotted_name(p, rest, &len)) return false;
        const char *q = skip_spaces(p + len, p + rest);
        size_t left = (size_t)(p + rest - q);
        if (!nl_starts_with(q, left, "import ") && !nl_starts_with(q, left, "import("))
            return false;
        q += 6;
        left -= 6;
        q = skip_spaces(q, q + left);
        left = (size_t)(p + rest - q);
        if (left == 0) return false;
        if (q[0] == '*' || q[0] == '(') return true;
        nl_scan_expr(q, left, &e);
        return e.ok && !e.has_call && !e.has_string;
    }
    nl_scan_expr(p, rest, &e);
    if (!e.ok || e.has_call || e.has_string || e.ends_semi) return false;
    /* every word is a module name, "as", or an alias */
    for (size_t i = 0; i < rest; i++)
        if (!(nl_is_ident_char((unsigned char)p[i]) || nl_in_set(p[i], ".,_ "))) {
            if (p[i] == '#') break;
            return false;
        }
    return true;
}

/* "import x from 'y';" "import { a } from "b"" "import './style.css';" */
static bool js_import(const char *s, size_t n)
{
    size_t k = first_word(s, n), rest;
    const char *p = after_word(s, n, k, &rest);
    if (rest == 0) return false;
    if (p[0] == '\'' || p[0] == '"') return true;
    for (size_t i = 0; i + 6 < rest; i++)
        if (memcmp(p + i, " from ", 6) == 0) {
            char q = p[i + 6];
            return q == '\'' || q == '"';
        }
    return false;
}

static bool has_in_word(const char *s, size_t n)
{
    for (size_t i = 1; i + 3 < n; i++)
        if (s[i - 1] == ' ' && s[i] == 'i' && s[i + 1] == 'n' && s[i + 2] == ' ') return true;
    return false;
}

static bool header_line(const char *s, size_t n, const char *kw, nl_class *c)
{
    size_t k = strlen(kw);
    if (!nl_starts_with(s, n, kw)) return false;
    if (n > k && nl_is_ident_char((unsigned char)s[k])) return false;
    nl_expr e;
    nl_scan_expr(s, n, &e);
    if (!e.ok) return false;
    if (e.ends_colon) {
        /* "for x in y:" — "for example:" is no loop */
        if (!strcmp(kw, "for") && !has_in_word(s, n)) return false;
        set(c, NL_WEAK, NL_LANG_PYTHON, NL_F_HEADER | NL_F_OPENS);
        return true;
    }
    /* "if (x) {" / "} else {" / "for (…) {": C-family */
    size_t end = e.code_len;
    if (end > 0 && s[end - 1] == '{' && memchr(s, '(', n) != NULL) {
        set(c, NL_STRONG, NL_LANG_JS, NL_F_OPENS | NL_F_LANG_WEAK);
        return true;
    }
    /* "if (!res.ok) throw err;": a C-family header with its statement */
    bool c_header = !strcmp(kw, "if") || !strcmp(kw, "for") || !strcmp(kw, "while");
    size_t i = k;
    while (i < n && s[i] == ' ')
        i++;
    if (c_header && e.ends_semi && i < n && s[i] == '(') {
        int depth = 0;
        size_t j = i;
        for (; j < e.code_len; j++) {
            depth += s[j] == '(';
            depth -= s[j] == ')';
            if (depth == 0) break;
        }
        if (j + 2 < e.code_len) { /* a statement after the condition */
            set(c, NL_STRONG, NL_LANG_JS, NL_F_SEMI | NL_F_LANG_WEAK);
            return true;
        }
    }
    /* one-line body: "if x: return y" (the header ends at the first ": ") */
    if (memchr(s, '{', n)) return false;
    for (size_t i = k; i + 1 < e.code_len; i++)
        if (s[i] == ':' && s[i + 1] == ' ') {
            nl_expr head;
            nl_scan_expr(s, i + 1, &head);
            if (head.ok && head.ends_colon && head.depth == 0) {
                set(c, NL_WEAK, NL_LANG_PYTHON, NL_F_ONELINE);
                return true;
            }
            break;
        }
    return false;
}

static bool python_keyword_line(const char *s, size_t n, size_t k, nl_class *c)
{
    static const char *const headers[] = {"if",  "elif",   "else",    "for",   "while", "with",
                                          "try", "except", "finally", "match", "case",  "async"};
    for (size_t i = 0; i < sizeof headers / sizeof *headers; i++)
        if (nl_word_eq(s, k, headers[i])) return header_line(s, n, headers[i], c);
    static const char *const simple[] = {"return", "yield",    "raise",  "throw",
                                         "del",    "assert",   "await",  "pass",
                                         "break",  "continue", "global", "nonlocal"};
    for (size_t i = 0; i < sizeof simple / sizeof *simple; i++)
        if (nl_word_eq(s, k, simple[i])) {
            nl_expr e;
            nl_scan_expr(s, n, &e);
            if (!e.ok || e.ends_colon) return false;
            set(c, NL_WEAK, e.ends_semi ? NL_LANG_JS : NL_LANG_PYTHON,
                NL_F_LANG_WEAK | (e.has_call || e.has_string || e.has_dot ? NL_F_FEATURE : 0));
            return true;
        }
    return false;
}

static bool def_or_class(const char *s, size_t n, size_t k, nl_class *c)
{
    size_t rest;
    const char *p = after_word(s, n, k, &rest);
    size_t nk = first_word(p, rest);
    if (nk == 0 || (p[0] >= '0' && p[0] <= '9')) return false;
    nl_expr e;
    nl_scan_expr(s, n, &e);
    if (!e.ok) return false;
    const char *q = skip_spaces(p + nk, p + rest);
    size_t left = (size_t)(p + rest - q);
    bool is_def = nl_word_eq(s, k, "def");
    if (is_def && (left == 0 || q[0] != '(')) return false;
    if (!is_def) {
        /* class Name: / class Name(Base): / JS and Java "class Name {" */
        if (left > 0 && q[0] != '(' && q[0] != ':' && q[0] != '{' &&
            !nl_starts_with(q, left, "extends ") && !nl_starts_with(q, left, "implements "))
            return false;
        if (e.code_len > 0 && s[e.code_len - 1] == '{') {
            set(c, NL_STRONG, NL_LANG_JS, NL_F_OPENS | NL_F_LANG_WEAK);
            return true;
        }
    }
    if (e.depth > 0) { /* the signature goes on */
        set(c, NL_STRONG, NL_LANG_PYTHON, NL_F_OPENS | NL_F_DEFCLASS);
        return true;
    }
    if (!e.ends_colon) {
        /* "def f(): return 1" */
        for (size_t i = 0; i + 2 < e.code_len; i++)
            if (s[i] == ')' && s[i + 1] == ':' && s[i + 2] == ' ') {
                set(c, NL_STRONG, NL_LANG_PYTHON, NL_F_DEFCLASS | NL_F_ONELINE);
                return true;
            }
        return false;
    }
    set(c, NL_STRONG, NL_LANG_PYTHON, NL_F_HEADER | NL_F_DEFCLASS | NL_F_OPENS);
    return true;
}

static bool decorator(const char *s, size_t n, nl_class *c)
{
    int calls;
    bool dotted;
    if (n < 2 || !nl_is_ident_start((unsigned char)s[1])) return false;
    size_t k = nl_scan_chain(s + 1, n - 1, &calls, &dotted);
    const char *p = skip_spaces(s + 1 + k, s + n);
    if (p < s + n && *p != '#') return false;
    set(c, NL_WEAK, NL_LANG_PYTHON, NL_F_DECORATOR | NL_F_FEATURE);
    return true;
}

static bool js_keyword_line(const char *s, size_t n, size_t k, nl_class *c)
{
    size_t rest;
    const char *p = after_word(s, n, k, &rest);
    nl_expr e;
    if (nl_word_eq(s, k, "const") || nl_word_eq(s, k, "let") || nl_word_eq(s, k, "var")) {
        if (rest == 0 ||
            !(nl_is_ident_start((unsigned char)p[0]) || p[0] == '{' || p[0] == '[' || p[0] == '$'))
            return false;
        /* a declared name, then '=', ';', ',', ':' or nothing: "var is
         * deprecated" declares nothing */
        size_t nk = first_word(p, rest);
        if (nk > 0) {
            const char *q = skip_spaces(p + nk, p + rest);
            if (nl_is_keyword(p, nk) || (q < p + rest && !nl_in_set(*q, "=;,:"))) return false;
        }
        nl_scan_expr(p, rest, &e);
        if (!e.ok) return false;
        bool assign = memchr(p, '=', rest) != NULL;
        set(c, assign ? NL_STRONG : NL_WEAK, NL_LANG_JS, NL_F_FEATURE);
        return true;
    }
    if (nl_word_eq(s, k, "function") ||
        (nl_word_eq(s, k, "async") && nl_starts_with(p, rest, "function"))) {
        nl_scan_expr(s, n, &e);
        if (!e.ok || !e.has_call) return false;
        set(c, NL_STRONG, NL_LANG_JS, NL_F_OPENS);
        return true;
    }
    if (nl_word_eq(s, k, "export")) {
        static const char *const what[] = {"default ", "const ", "function ",  "class ", "let ",
                                           "{",        "async ", "interface ", "type "};
        for (size_t i = 0; i < sizeof what / sizeof *what; i++)
            if (nl_starts_with(p, rest, what[i])) {
                set(c, NL_STRONG, NL_LANG_JS, 0);
                return true;
            }
        return false;
    }
    if (nl_word_eq(s, k, "module") && nl_starts_with(s, n, "module.exports")) {
        set(c, NL_STRONG, NL_LANG_JS, 0);
        return true;
    }
    return false;
}

/* Java / C / Go declarations: "public static void main(String[] args) {",
 * "int main(void) {", "#include <stdio.h>", "func main() {". */
static bool c_family_line(const char *s, size_t n, size_t k, nl_class *c)
{
    if (nl_starts_with(s, n, "#include") || nl_starts_with(s, n, "#define ")) {
        set(c, NL_STRONG, NL_LANG_C, 0);
        return true;
    }
    char last = s[n - 1];
    if (last != '{' && last != ';') return false;
    if (!memchr(s, '(', n) && !nl_starts_with(s, n, "public class ")) return false;
    if (nl_word_eq(s, k, "public") || nl_word_eq(s, k, "private") ||
        nl_word_eq(s, k, "protected")) {
        set(c, NL_STRONG, NL_LANG_JAVA, NL_F_OPENS);
        return true;
    }
    if (nl_word_eq(s, k, "func") && last == '{') {
        set(c, NL_STRONG, NL_LANG_GO, NL_F_OPENS);
        return true;
    }
    static const char *const types[] = {"int",      "void",   "char",   "float",  "double", "long",
                                        "unsigned", "static", "struct", "size_t", "bool"};
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        if (nl_word_eq(s, k, types[i])) {
            size_t rest;
            const char *p = after_word(s, n, k, &rest);
            while (rest > 0 && *p == '*') {
                p++;
                rest--;
            }
            size_t nk = first_word(p, rest);
            if (nk == 0 || nk >= rest) return false;
            if (p[nk] != '(' && p[nk] != ' ' && p[nk] != '[' && p[nk] != ';') return false;
            if (last == ';' && !memchr(s, '=', n) && !memchr(s, '(', n)) return false;
            set(c, NL_STRONG, NL_LANG_C, NL_F_OPENS);
            return true;
        }
    return false;
}

/* Headers that can open a block on their own; else/except/finally only
 * continue one. */
static bool is_opening_header(const nl_line *l)
{
    size_t len = l->len - l->lead;
    const char *t = nl_trim(l->s + l->lead, &len);
    static const char *const openers[] = {"if", "for", "while", "with", "try", "match", "async"};
    size_t k = first_word(t, len);
    for (size_t i = 0; i < sizeof openers / sizeof *openers; i++)
        if (nl_word_eq(t, k, openers[i])) return true;
    return false;
}

void nl_classify_text(const char *s, size_t n, nl_class *out)
{
    memset(out, 0, sizeof *out);
    if (n == 0) return;
    if (nl_starts_with(s, n, ">>> ") || nl_word_eq(s, n, ">>>") ||
        ((nl_starts_with(s, n, "In [") || nl_starts_with(s, n, "Out[")) && n > 5 &&
         memchr(s, ']', n < 12 ? n : 12) && memchr(s, ':', n < 13 ? n : 13))) {
        set(out, NL_STRONG, NL_LANG_PYTHON, 0);
        return;
    }
    if (nl_starts_with(s, n, "... ") || nl_word_eq(s, n, "...")) {
        set(out, NL_CONT, NL_LANG_NONE, 0);
        return;
    }
    if (nl_comment_line(s, n, out)) return;
    if (nl_markup_classify(s, n, out)) return;
    if (nl_sql_classify(s, n, out)) return;
    if (nl_sql_continues(s, n) && s[0] >= 'A' && s[0] <= 'Z') {
        set(out, NL_CONT, NL_LANG_SQL, 0);
        return;
    }
    size_t k = first_word(s, n);
    if (k > 0) {
        if (nl_word_eq(s, k, "def") || nl_word_eq(s, k, "class")) {
            if (def_or_class(s, n, k, out)) return;
        } else if (nl_word_eq(s, k, "async") && nl_starts_with(s, n, "async def ")) {
            if (def_or_class(s + 6, n - 6, 3, out)) return;
        } else if (nl_word_eq(s, k, "import")) {
            if (python_import(s, n)) {
                set(out, NL_STRONG, NL_LANG_PYTHON, 0);
                return;
            }
            if (js_import(s, n)) {
                bool java = s[n - 1] == ';' && !memchr(s, '\'', n) && !memchr(s, '"', n);
                set(out, NL_STRONG, java ? NL_LANG_JAVA : NL_LANG_JS, 0);
                return;
            }
        } else if (nl_word_eq(s, k, "from")) {
            if (python_import(s, n)) {
                set(out, NL_STRONG, NL_LANG_PYTHON, 0);
                return;
            }
        }
        if (python_keyword_line(s, n, k, out)) return;
        if (js_keyword_line(s, n, k, out)) return;
        if (c_family_line(s, n, k, out)) return;
    } else if (s[0] == '@') {
        if (decorator(s, n, out)) return;
    } else if (s[0] == '}' && (nl_starts_with(s, n, "} else") || nl_starts_with(s, n, "} catch"))) {
        set(out, NL_CONT, NL_LANG_JS, NL_F_OPENS);
        return;
    }
    if (nl_shell_classify(s, n, out)) return;
    nl_statement_line(s, n, out);
}

/* Net change of bracket depth over a line, outside strings and comments. */
static int bracket_delta(const char *s, size_t n)
{
    int d = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '"' || c == '\'' || c == '`') {
            size_t j = i + 1;
            while (j < n && s[j] != c)
                j += s[j] == '\\' ? 2 : 1;
            if (j >= n) return d; /* an apostrophe or an open string */
            i = j;
        } else if (c == '#' && (i == 0 || nl_is_space(s[i - 1]))) {
            return d;
        } else if (c == '(' || c == '[' || c == '{') {
            d++;
        } else if (c == ')' || c == ']' || c == '}') {
            d--;
        }
    }
    return d;
}

static bool has_body(const nl_doc *d, size_t i, size_t j)
{
    if (j >= d->n) return false;
    const nl_line *h = &d->lines[i], *b = &d->lines[j];
    return b->indent > h->indent && b->cls.strength >= NL_CONT;
}

void nl_classify_doc(nl_doc *d)
{
    for (size_t i = 0; i < d->n; i++) {
        nl_line *l = &d->lines[i];
        size_t len = l->len - l->lead;
        const char *t = nl_trim(l->s + l->lead, &len);
        if ((l->flags & NL_BLANK) || (l->flags & NL_ITEM)) continue;
        nl_classify_text(t, len, &l->cls);
        int delta = bracket_delta(t, len);
        l->cls.depth = (signed char)(delta > 100 ? 100 : delta < -100 ? -100 : delta);
    }
    /* Backwards, so a nested header is settled before its parent looks at it. */
    size_t next = d->n;
    for (size_t i = d->n; i-- > 0;) {
        nl_line *l = &d->lines[i];
        if (l->flags & NL_BLANK) continue;
        nl_class *c = &l->cls;
        if (c->feat & NL_F_HEADER) {
            bool body = has_body(d, i, next);
            if (c->feat & NL_F_DEFCLASS)
                c->strength = body ? NL_STRONG : NL_NONE;
            else if (!body)
                c->strength = NL_NONE;
            else
                c->strength = is_opening_header(l) ? NL_STRONG : NL_CONT;
        } else if (c->feat & NL_F_ONELINE && !(c->feat & NL_F_DEFCLASS)) {
            c->strength = NL_WEAK;
        }
        /* "SELECT a, b" then "FROM t": a statement after all */
        if (c->lang == NL_LANG_SQL && c->strength == NL_WEAK && next < d->n &&
            d->lines[next].cls.lang == NL_LANG_SQL && d->lines[next].cls.strength == NL_CONT &&
            !(d->lines[next].cls.feat & NL_F_COMMENT))
            c->strength = NL_STRONG;
        if (c->feat & NL_F_DECORATOR && next < d->n) {
            const nl_line *nl = &d->lines[next];
            if (nl->indent == l->indent && (nl->cls.feat & (NL_F_DEFCLASS | NL_F_DECORATOR)) &&
                nl->cls.strength == NL_STRONG)
                c->strength = NL_STRONG;
        }
        next = i;
    }
}
