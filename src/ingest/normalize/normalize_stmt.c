/* Statement shapes shared by Python, JavaScript and friends: comments,
 * assignments ("x.y['k'] = f(z)"), call chains that fill the whole line
 * ("Employee.objects.filter(a=1)  # note"), dict/JSON entries, lone
 * brackets. A formula such as "F = m * a" is an assignment too, so one
 * only counts as strong code when it has something formulas lack: a
 * string, a bracket literal, a keyword constant, a dotted name, a call of a
 * real function name, a snake_case name. */
#include "ingest/normalize/normalize_internal.h"

#include <string.h>

static void set(nl_class *c, nl_strength st, nl_lang lang, unsigned feat)
{
    c->strength = (unsigned char)st;
    c->lang = (unsigned char)lang;
    c->feat |= (unsigned short)feat;
}

bool nl_comment_line(const char *s, size_t n, nl_class *out)
{
    if (s[0] == '#') {
        if (n > 2 && s[1] == '!') { /* #!/usr/bin/env python3, #!/bin/bash */
            static const struct {
                const char *word;
                nl_lang lang;
            } interpreters[] = {{"python", NL_LANG_PYTHON}, {"node", NL_LANG_JS},
                                {"bash", NL_LANG_SHELL},    {"/sh", NL_LANG_SHELL},
                                {" sh", NL_LANG_SHELL},     {"zsh", NL_LANG_SHELL}};
            for (size_t k = 0; k < sizeof interpreters / sizeof *interpreters; k++) {
                size_t w = strlen(interpreters[k].word);
                for (size_t i = 2; i + w <= n; i++)
                    if (memcmp(s + i, interpreters[k].word, w) == 0) {
                        set(out, NL_STRONG, interpreters[k].lang, 0);
                        return true;
                    }
            }
            set(out, NL_CONT, NL_LANG_NONE, NL_F_COMMENT);
            return true;
        }
        if (nl_starts_with(s, n, "#include") || nl_starts_with(s, n, "#define ")) {
            set(out, NL_STRONG, NL_LANG_C, 0);
            return true;
        }
        set(out, NL_CONT, NL_LANG_NONE, NL_F_COMMENT);
        return true;
    }
    if (nl_starts_with(s, n, "//") || nl_starts_with(s, n, "/*") || nl_starts_with(s, n, "*/")) {
        set(out, NL_CONT, NL_LANG_NONE, NL_F_COMMENT);
        return true;
    }
    if (nl_word_eq(s, n, "--") || nl_starts_with(s, n, "-- ")) {
        set(out, NL_CONT, NL_LANG_SQL, NL_F_COMMENT);
        return true;
    }
    return false;
}

/* The language a well-known call names ("console.log(" is JavaScript);
 * NL_LANG_NONE when the name says nothing. */
static nl_lang hinted_lang(const char *s, size_t n)
{
    static const struct {
        const char *prefix;
        nl_lang lang;
    } hints[] = {
        {"console.", NL_LANG_JS}, {"document.", NL_LANG_JS}, {"window.", NL_LANG_JS},
        {"$(", NL_LANG_JS},       {"fetch(", NL_LANG_JS},    {"require(", NL_LANG_JS},
        {"process.", NL_LANG_JS}, {"app.use(", NL_LANG_JS},  {"System.out.", NL_LANG_JAVA},
        {"fmt.", NL_LANG_GO},     {"printf(", NL_LANG_C},    {"print(", NL_LANG_PYTHON},
        {"len(", NL_LANG_PYTHON},
    };
    for (size_t i = 0; i < sizeof hints / sizeof *hints; i++)
        if (nl_starts_with(s, n, hints[i].prefix)) return hints[i].lang;
    return NL_LANG_NONE;
}

static nl_lang call_lang(const char *s, size_t n, bool semi, unsigned *weak)
{
    nl_lang lang = hinted_lang(s, n);
    if (lang != NL_LANG_NONE) return lang;
    *weak |= NL_F_LANG_WEAK;
    return semi ? NL_LANG_JS : NL_LANG_PYTHON;
}

/* target[, target]… [: annotation] (=|+=|…) — returns the offset of the
 * right side, 0 when the line is no assignment. */
static size_t assignment_rhs(const char *s, size_t n, bool *lhs_feature)
{
    size_t i = 0;
    int targets = 0;
    *lhs_feature = false;
    for (;;) {
        if (i < n && s[i] == '*') i++;
        int calls;
        bool dotted;
        size_t k = nl_scan_chain(s + i, n - i, &calls, &dotted);
        if (k == 0 || calls > 0) return 0;
        if (dotted || memchr(s + i, '[', k) || (k >= 3 && memchr(s + i, '_', k)))
            *lhs_feature = true;
        targets++;
        i += k;
        while (i < n && s[i] == ' ')
            i++;
        if (i < n && s[i] == ',') {
            i++;
            while (i < n && s[i] == ' ')
                i++;
            continue;
        }
        break;
    }
    if (targets > 1) *lhs_feature = true;
    if (i < n && s[i] == ':' && i + 1 < n && s[i + 1] != '=') { /* x: int = 5 */
        i++;
        while (i < n && s[i] == ' ')
            i++;
        int calls;
        bool dotted;
        size_t k = nl_scan_chain(s + i, n - i, &calls, &dotted);
        if (k == 0) return 0;
        i += k;
        while (i < n && s[i] == ' ')
            i++;
        *lhs_feature = true;
    }
    static const char *const ops[] = {
        "//=", "**=", ">>=", "<<=", "+=", "-=", "*=", "/=", "%=", "|=", "&=", "^=", ":=", "="};
    for (size_t o = 0; o < sizeof ops / sizeof *ops; o++) {
        size_t k = strlen(ops[o]);
        if (nl_starts_with(s + i, n - i, ops[o])) {
            if (k == 1 && i + 1 < n && s[i + 1] == '=') return 0; /* == */
            i += k;
            while (i < n && nl_is_space(s[i]))
                i++;
            return i < n ? i : 0;
        }
    }
    return 0;
}

static bool assignment(const char *s, size_t n, nl_class *out)
{
    bool lhs_feature;
    size_t r = assignment_rhs(s, n, &lhs_feature);
    if (r == 0) return false;
    nl_expr e;
    nl_scan_expr(s + r, n - r, &e);
    if (!e.ok || e.tokens == 0) return false;
    if (e.ends_open && e.depth <= 0 && !e.backslash) return false; /* "x = a +" / "b >" */
    /* "y = a or b" is logic as much as code: keywords other than lambda,
     * await and new are no evidence */
    bool feature = lhs_feature || e.has_string || e.has_literal || e.has_const || e.long_call ||
                   e.has_dot || e.has_arrow || e.has_lambda || e.has_underscore_name ||
                   (e.ends_open && e.depth > 0);
    nl_lang lang = e.ends_semi || e.has_arrow ? NL_LANG_JS : NL_LANG_PYTHON;
    set(out, feature ? NL_STRONG : NL_WEAK, lang,
        NL_F_LANG_WEAK | (feature ? NL_F_FEATURE : 0) | (e.ends_open ? NL_F_OPENS : 0) |
            (e.backslash ? NL_F_BACKSLASH : 0) | (e.triple ? NL_F_TRIPLE : 0));
    return true;
}

static bool call_statement(const char *s, size_t n, nl_class *out)
{
    int calls;
    bool dotted;
    size_t k = nl_scan_chain(s, n, &calls, &dotted);
    nl_expr e;
    nl_scan_expr(s, n, &e);
    if (!e.ok) return false;
    if (k == 0) {
        /* a call left open: "app.get('/', (req, res) => {" / "print(" */
        size_t p = 0;
        while (p < n && (nl_is_ident_char((unsigned char)s[p]) || s[p] == '.'))
            p++;
        if (p == 0 || p >= n || s[p] != '(' || e.depth <= 0) return false;
        bool dot = memchr(s, '.', p) != NULL;
        unsigned feat = NL_F_OPENS | NL_F_FEATURE;
        nl_lang lang = call_lang(s, n, false, &feat);
        set(out, dot || p >= 3 ? NL_STRONG : NL_WEAK, lang, feat);
        return true;
    }
    if (calls == 0) return false;
    const char *rest = s + k;
    size_t left = n - k;
    while (left > 0 && nl_is_space(*rest)) {
        rest++;
        left--;
    }
    bool semi = left > 0 && rest[0] == ';';
    if (semi) {
        rest++;
        left--;
        while (left > 0 && nl_is_space(*rest)) {
            rest++;
            left--;
        }
    }
    bool comma = left == 1 && rest[0] == ',';
    if (left > 0 && !comma && rest[0] != '#' && !nl_starts_with(rest, left, "//") &&
        !nl_word_eq(rest, left, "\\"))
        return false;
    size_t name = 0;
    while (name < n && nl_is_ident_char((unsigned char)s[name]))
        name++;
    /* "performer(s);": a plural in a sentence, not a call */
    if (name + 3 <= n && s[name] == '(' && calls == 1 && !dotted &&
        (nl_starts_with(s + name, n - name, "(s)") || nl_starts_with(s + name, n - name, "(es)")))
        return false;
    bool capital = s[0] >= 'A' && s[0] <= 'Z';
    bool args = !(k >= 2 && s[k - 2] == '(' && s[k - 1] == ')');
    bool strong = dotted || (name >= 3 && !capital && (args || e.has_string));
    unsigned feat =
        NL_F_FEATURE | (semi ? NL_F_SEMI : 0) | (left > 0 && rest[0] == '\\' ? NL_F_BACKSLASH : 0);
    nl_lang lang = call_lang(s, n, semi, &feat);
    set(out, strong ? NL_STRONG : NL_WEAK, lang, feat);
    return true;
}

static bool has_word(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(s + i, w, k) == 0) return true;
    return false;
}

/* "{", "[1, 2]", "{"a": 1}", "'key': value," "}", "});" */
static bool bracket_or_entry(const char *s, size_t n, nl_class *out)
{
    char c = s[0];
    if (!strchr(")]}{[\"'.", c) || c == 0) return false; /* most lines: scanned once, below */
    nl_expr e;
    nl_scan_expr(s, n, &e);
    if (!e.ok) return false;
    if (c == ')' || c == ']' || c == '}') {
        if (e.min_depth >= 0) return false;
        set(out, NL_CONT, NL_LANG_NONE, 0);
        return true;
    }
    if (c == '{' || c == '[') {
        bool object = memchr(s, ':', n) && e.has_string;
        bool dq = memchr(s, '"', n) && !memchr(s, '\'', n) && !e.has_const;
        if (e.depth == 0 && object)
            set(out, NL_STRONG, dq ? NL_LANG_JSON : NL_LANG_PYTHON, NL_F_FEATURE);
        else
            set(out, NL_WEAK, dq ? NL_LANG_JSON : NL_LANG_NONE, NL_F_FEATURE | NL_F_OPENS);
        return true;
    }
    if (c == '"' || c == '\'') {
        /* a dict/JSON entry: "key": value, — or a docstring */
        size_t j = 1;
        while (j < n && s[j] != c)
            j += s[j] == '\\' ? 2 : 1;
        if (j + 1 < n && s[j + 1] == ':') {
            bool json = c == '"' && !memchr(s + j, '\'', n - j) &&
                        !(e.has_const && (has_word(s, n, "True") || has_word(s, n, "None")));
            set(out, NL_WEAK, json ? NL_LANG_JSON : NL_LANG_PYTHON,
                NL_F_FEATURE | NL_F_LANG_WEAK | NL_F_ENTRY);
            return true;
        }
        set(out, NL_CONT, NL_LANG_NONE, e.triple ? NL_F_TRIPLE : 0);
        return true;
    }
    if (c == '.' && n > 1 && nl_is_ident_start((unsigned char)s[1])) { /* .filter(x) */
        set(out, NL_CONT, NL_LANG_NONE, 0);
        return true;
    }
    return false;
}

/* "name: 'x'," inside a JavaScript object literal. */
static bool object_entry(const char *s, size_t n, nl_class *out)
{
    size_t k = 0;
    while (k < n && nl_is_ident_char((unsigned char)s[k]))
        k++;
    if (k == 0 || k >= n || s[k] != ':') return false;
    char last = s[n - 1];
    if (last != ',' && last != '{' && last != '[' && last != '(') return false;
    nl_expr e;
    nl_scan_expr(s, n, &e);
    if (!e.ok) return false;
    set(out, NL_CONT, NL_LANG_NONE, NL_F_OPENS);
    return true;
}

/* "[foo]: /url" — a Markdown link reference definition. */
static bool link_definition(const char *s, size_t n)
{
    if (n < 4 || s[0] != '[') return false;
    const char *close = memchr(s, ']', n);
    return close && close > s + 1 && (size_t)(close - s) + 1 < n && close[1] == ':';
}

void nl_statement_line(const char *s, size_t n, nl_class *out)
{
    memset(out, 0, sizeof *out);
    if (n == 0 || link_definition(s, n)) return;
    if (bracket_or_entry(s, n, out)) return;
    if (assignment(s, n, out)) return;
    if (call_statement(s, n, out)) return;
    if (object_entry(s, n, out)) return;
    memset(out, 0, sizeof *out);
}
