/* A tolerant tokenizer that tells code-shaped text from sentences.
 *
 * It does not parse any one language. It checks what all the languages
 * notes paste (Python, JavaScript, shell arguments) share and prose lacks:
 * two bare words never stand side by side unless one is a keyword, quotes
 * close on the line, brackets match, a '.' is followed by a name, and
 * typographic punctuation (’ — …) does not occur outside strings. Along
 * the way it records features the classifier weighs (calls, literals…). */
#include "ingest/normalize/normalize_internal.h"
#include "util/utf8.h"

#include <pthread.h>
#include <string.h>

enum { P_START, P_OPERAND, P_OPERATOR, P_OPEN, P_SEP };

static const char *const OP_KEYWORDS[] = {
    "and",      "as",     "assert",   "async",  "await",    "break",  "class",  "const",
    "continue", "def",    "del",      "delete", "elif",     "else",   "except", "finally",
    "for",      "from",   "function", "global", "if",       "import", "in",     "instanceof",
    "is",       "lambda", "let",      "new",    "nonlocal", "not",    "of",     "or",
    "pass",     "raise",  "return",   "throw",  "try",      "typeof", "var",    "void",
    "while",    "with",   "yield",    "export", "default",
};

static const char *const CONST_KEYWORDS[] = {
    "True", "False", "None", "null", "true", "false", "undefined", "NaN",
};

enum {
    NOP = sizeof OP_KEYWORDS / sizeof *OP_KEYWORDS,
    NCONST = sizeof CONST_KEYWORDS / sizeof *CONST_KEYWORDS
};
static nl_name op_sorted[NOP], const_sorted[NCONST];
static pthread_once_t sort_once = PTHREAD_ONCE_INIT;

static void sort_keywords(void)
{
    nl_names_sort(op_sorted, OP_KEYWORDS, NOP, sizeof *OP_KEYWORDS);
    nl_names_sort(const_sorted, CONST_KEYWORDS, NCONST, sizeof *CONST_KEYWORDS);
}

/* Every identifier of every line is looked up: by binary search. */
static bool in_list(const char *w, size_t n, const nl_name *sorted, size_t count)
{
    pthread_once(&sort_once, sort_keywords);
    return nl_names_find(sorted, count, w, n) >= 0;
}

bool nl_is_keyword(const char *w, size_t n)
{
    return in_list(w, n, op_sorted, NOP);
}

static bool is_string_prefix(const char *w, size_t n)
{
    if (n == 0 || n > 2) return false;
    for (size_t i = 0; i < n; i++) {
        char c = w[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        if (c != 'f' && c != 'r' && c != 'b' && c != 'u') return false;
    }
    return true;
}

/* Length of an identifier at s (ASCII names, '$', and letters beyond ASCII
 * that are not punctuation or symbols). */
static size_t ident_len(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (nl_is_ident_char(c) || c == '$') {
            if (i == 0 && c >= '0' && c <= '9') return 0;
            i++;
        } else if (c >= 0x80) {
            size_t k;
            unsigned cp = oct_utf8_decode(s + i, n - i, &k);
            if (nl_is_symbol_cp(cp)) break;
            i += k;
        } else {
            break;
        }
    }
    return i;
}

/* Index just past the string starting at s[i] (a quote), or 0 when it does
 * not close on this line. *triple is set for an unclosed ''' """ or `. */
static size_t skip_string(const char *s, size_t n, size_t i, bool *triple)
{
    char q = s[i];
    if (q != '`' && i + 2 < n && s[i + 1] == q && s[i + 2] == q) {
        for (size_t j = i + 3; j + 2 < n; j++) {
            if (s[j] == '\\') {
                j++;
                continue;
            }
            if (s[j] == q && s[j + 1] == q && s[j + 2] == q) return j + 3;
        }
        *triple = true;
        return 0;
    }
    for (size_t j = i + 1; j < n; j++) {
        if (s[j] == '\\') {
            j++;
            continue;
        }
        if (s[j] == q) return j + 1;
    }
    if (q == '`') *triple = true;
    return 0;
}

typedef struct {
    const char *s;
    size_t n, i;
    int prev;
    bool prev_string, prev_unary_only;
    bool prefix; /* a string prefix (f, r, b…) was just read */
    size_t last_ident_len;
    bool last_dotted;
    char stack[32];
    int sp;
    nl_expr *e;
} lex;

static void fail(lex *x)
{
    x->e->ok = false;
}

static void lex_ident(lex *x)
{
    const char *w = x->s + x->i;
    size_t k = ident_len(w, x->n - x->i);
    size_t after = x->i + k;
    if (after < x->n && (w[k] == '\'' || w[k] == '"')) {
        if (!is_string_prefix(w, k)) {
            fail(x); /* an apostrophe inside a word: prose */
            x->i = after;
            return;
        }
        x->prefix = true; /* f"…": the string itself follows */
        x->i = after;
        return;
    }
    x->e->tokens++;
    bool dotted = x->prev == P_OPERATOR && x->i > 0 && x->s[x->i - 1] == '.';
    if (nl_is_keyword(w, k)) {
        if (nl_word_eq(w, k, "lambda") || nl_word_eq(w, k, "await") || nl_word_eq(w, k, "new"))
            x->e->has_lambda = true;
        x->prev = P_OPERATOR;
        x->prev_unary_only = false;
    } else {
        if (x->prev == P_OPERAND) fail(x);
        if (in_list(w, k, const_sorted, NCONST)) x->e->has_const = true;
        if (k >= 3 && memchr(w, '_', k) && !(k <= 4 && w[0] == '_' && w[k - 1] == '_'))
            x->e->has_underscore_name = true;
        x->prev = P_OPERAND;
    }
    x->prev_string = false;
    x->last_ident_len = k;
    x->last_dotted = dotted;
    x->i = after;
}

static void lex_open(lex *x, char c)
{
    if (c == '(' && x->prev == P_OPERAND && !x->prev_string) {
        x->e->has_call = true;
        if (x->last_ident_len >= 3 || x->last_dotted) x->e->long_call = true;
    } else if (c != '(' && x->prev != P_OPERAND) {
        x->e->has_literal = true;
    }
    if (x->sp < (int)sizeof x->stack) x->stack[x->sp] = c;
    x->sp++;
    x->e->depth++;
    x->e->tokens++;
    x->prev = P_OPEN;
    x->i++;
}

static void lex_close(lex *x, char c)
{
    char want = c == ')' ? '(' : c == ']' ? '[' : '{';
    if (x->prev == P_OPERATOR && !x->prev_unary_only) fail(x);
    if (x->sp > 0) {
        x->sp--;
        if (x->sp < (int)sizeof x->stack && x->stack[x->sp] != want) fail(x);
    }
    x->e->depth--;
    if (x->e->depth < x->e->min_depth) x->e->min_depth = x->e->depth;
    x->prev = P_OPERAND;
    x->prev_string = false;
    x->last_ident_len = 0;
    x->i++;
}

static bool is_op_char(char c)
{
    return nl_in_set(c, "=+-*/%<>!&|^~@?");
}

static void lex_operator(lex *x)
{
    size_t start = x->i;
    while (x->i < x->n && is_op_char(x->s[x->i]) && x->i - start < 4)
        x->i++;
    const char *op = x->s + start;
    size_t k = x->i - start;
    if (k == 2 && op[0] == '=' && op[1] == '>') x->e->has_arrow = true;
    bool at_end = x->i >= x->n;
    if ((op[k - 1] == '?' || (op[k - 1] == '!' && k == 1)) && at_end) {
        fail(x); /* a sentence ends with '?' or '!' */
        return;
    }
    if (x->prev == P_OPERAND) {
        x->prev = P_OPERATOR;
        x->prev_unary_only = (k == 1 && op[0] == '*') || (k == 2 && op[0] == '*' && op[1] == '*');
        return;
    }
    /* No left operand: only prefix operators fit ("-x", "*args", "!ok", "@deco"). */
    for (size_t j = 0; j < k; j++)
        if (!nl_in_set(op[j], "-+~!*@")) fail(x);
    x->prev = P_OPERATOR;
    x->prev_unary_only = true;
}

static bool lex_dot(lex *x)
{
    const char *s = x->s;
    size_t i = x->i, n = x->n;
    if (i + 2 < n && s[i + 1] == '.' && s[i + 2] == '.') { /* ... */
        x->i += 3;
        if (x->prev == P_OPERAND) fail(x);
        x->prev = (x->i < n && nl_is_ident_start((unsigned char)s[x->i])) ? P_OPERATOR : P_OPERAND;
        x->prev_unary_only = true;
        return true;
    }
    if (i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9' && x->prev != P_OPERAND) {
        x->i++;
        while (x->i < n && nl_is_ident_char((unsigned char)s[x->i]))
            x->i++;
        x->prev = P_OPERAND;
        return true;
    }
    if (i + 1 < n && (nl_is_ident_start((unsigned char)s[i + 1]) || s[i + 1] == '$') &&
        (x->prev == P_OPERAND || x->prev == P_START)) {
        x->e->has_dot = true;
        x->prev = P_OPERATOR;
        x->prev_unary_only = false;
        x->i++;
        return true;
    }
    return false; /* "word. Next": a sentence */
}

static bool lex_comment(lex *x)
{
    const char *s = x->s;
    size_t i = x->i;
    bool after_space = i == 0 || nl_is_space(s[i - 1]);
    if (s[i] == '#') {
        if (!after_space) return false;
    } else if (s[i] == '/' && i + 1 < x->n && s[i + 1] == '/') {
        char pc = 0;
        for (size_t j = i; j > 0; j--)
            if (!nl_is_space(s[j - 1])) {
                pc = s[j - 1];
                break;
            }
        bool comment = x->prev == P_START || x->prev == P_SEP || x->prev == P_OPEN || pc == ')' ||
                       pc == '}' || pc == ';';
        if (!comment || !after_space) return false;
    } else {
        return false;
    }
    x->e->has_comment = true;
    size_t end = i;
    while (end > 0 && nl_is_space(s[end - 1]))
        end--;
    x->e->code_len = end;
    x->i = x->n;
    return true;
}

static void lex_string(lex *x)
{
    bool triple = false;
    if (x->prev == P_OPERAND && !x->prev_string && !x->prefix) fail(x); /* name "text" */
    x->prefix = false;
    size_t end = skip_string(x->s, x->n, x->i, &triple);
    x->e->has_string = true;
    x->e->tokens++;
    if (!end) {
        if (triple)
            x->e->triple = !x->e->triple;
        else
            fail(x); /* an unmatched quote: "it's", or a quotation */
        x->i = x->n;
        x->prev = P_OPERAND;
        return;
    }
    x->i = end;
    x->prev = P_OPERAND;
    x->prev_string = true;
}

static void lex_step(lex *x)
{
    const char *s = x->s;
    unsigned char c = (unsigned char)s[x->i];
    if (nl_is_space((char)c)) {
        x->i++;
    } else if (nl_is_ident_start(c) || c == '$' || c >= 0x80) {
        if (c >= 0x80 && ident_len(s + x->i, x->n - x->i) == 0) {
            fail(x); /* typographic punctuation or emoji */
            x->i = x->n;
            return;
        }
        lex_ident(x);
    } else if (c >= '0' && c <= '9') {
        if (x->prev == P_OPERAND) fail(x);
        while (x->i < x->n &&
               (nl_is_ident_char((unsigned char)s[x->i]) ||
                (s[x->i] == '.' && x->i + 1 < x->n && s[x->i + 1] >= '0' && s[x->i + 1] <= '9')))
            x->i++;
        x->prev = P_OPERAND;
        x->prev_string = false;
        x->e->tokens++;
    } else if (c == '\'' || c == '"' || c == '`') {
        lex_string(x);
    } else if (c == '(' || c == '[' || c == '{') {
        lex_open(x, (char)c);
    } else if (c == ')' || c == ']' || c == '}') {
        lex_close(x, (char)c);
    } else if (c == '#' || (c == '/' && x->i + 1 < x->n && s[x->i + 1] == '/')) {
        if (!lex_comment(x)) {
            if (c == '#') {
                fail(x);
                x->i++;
            } else {
                lex_operator(x);
            }
        }
    } else if (c == '.') {
        if (!lex_dot(x)) {
            fail(x);
            x->i++;
        }
    } else if (c == ',' || c == ';' || c == ':') {
        if (c == ':' && x->i + 1 < x->n && s[x->i + 1] == '=') {
            x->i++;
            lex_operator(x);
            return;
        }
        if (x->prev == P_OPERATOR && !x->prev_unary_only && c != ':') fail(x);
        x->prev = P_SEP;
        x->i++;
    } else if (c == '\\') {
        size_t j = x->i + 1;
        while (j < x->n && nl_is_space(s[j]))
            j++;
        if (j < x->n) fail(x);
        x->e->backslash = true;
        x->i = x->n;
    } else if (is_op_char((char)c)) {
        lex_operator(x);
    } else {
        fail(x);
        x->i++;
    }
}

void nl_scan_expr(const char *s, size_t n, nl_expr *out)
{
    memset(out, 0, sizeof *out);
    out->ok = true;
    out->code_len = n;
    lex x = {.s = s, .n = n, .i = 0, .prev = P_START, .e = out};
    while (x.i < n && out->ok)
        lex_step(&x);
    if (!out->ok) return;
    /* What the line ends with, ignoring a trailing comment. */
    size_t end = out->code_len;
    while (end > 0 && nl_is_space(s[end - 1]))
        end--;
    if (end == 0) return;
    char last = s[end - 1];
    out->ends_colon = last == ':';
    out->ends_semi = last == ';';
    out->ends_open = out->backslash || last == ',' || last == '(' || last == '[' || last == '{' ||
                     (x.prev == P_OPERATOR && is_op_char(last));
}

/* Index after the bracket group opening at s[i], or 0 if it stays open. */
static size_t skip_group(const char *s, size_t n, size_t i)
{
    int depth = 0;
    while (i < n) {
        char c = s[i];
        if (c == '\'' || c == '"' || c == '`') {
            bool triple = false;
            size_t end = skip_string(s, n, i, &triple);
            if (!end) return 0;
            i = end;
            continue;
        }
        if (c == '(' || c == '[' || c == '{') depth++;
        if (c == ')' || c == ']' || c == '}') {
            depth--;
            if (depth == 0) return i + 1;
        }
        i++;
    }
    return 0;
}

size_t nl_scan_chain(const char *s, size_t n, int *calls, bool *dotted)
{
    *calls = 0;
    *dotted = false;
    size_t i = ident_len(s, n);
    if (i == 0) return 0;
    while (i < n) {
        char c = s[i];
        if (c == '.' && i + 1 < n && nl_is_ident_start((unsigned char)s[i + 1])) {
            size_t k = ident_len(s + i + 1, n - i - 1);
            i += 1 + k;
            *dotted = true;
        } else if (c == '(' || c == '[') {
            size_t end = skip_group(s, n, i);
            if (!end) return 0;
            if (c == '(') (*calls)++;
            i = end;
        } else {
            break;
        }
    }
    return i;
}
