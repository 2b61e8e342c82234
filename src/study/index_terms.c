/* Which inline code and bold spans read as index terms. A reader looks up
 * names: `select_related`, `settings.py`, `{% url %}`, **middleware**;
 * never a line of a program, a sentence set in bold for emphasis, a
 * question, or a label such as "Answer:". */
#include "study/index_int.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Longest term kept (bytes) and most words of a bold or command term. */
#define IX_MAX_BYTES 48
#define IX_MAX_WORDS 4

void ix_fold(const char *s, size_t n, oct_buf *out)
{
    utf8proc_uint8_t *dst = NULL;
    utf8proc_ssize_t r =
        utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &dst,
                     UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
    if (r >= 0) {
        oct_buf_put(out, dst, (size_t)r);
    } else {
        for (size_t i = 0; i < n; i++) {
            char c = s[i];
            oct_buf_putc(out, c >= 'A' && c <= 'Z' ? (char)(c | 0x20) : c);
        }
    }
    free(dst);
    if (!out->data) oct_buf_puts(out, "");
}

static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* s[0..n) trimmed of white space into [*a, *b). */
static void trim(const char *s, size_t n, size_t *a, size_t *b)
{
    *a = 0, *b = n;
    while (*a < *b && (s[*a] == ' ' || s[*a] == '\t' || s[*a] == '\n'))
        (*a)++;
    while (*b > *a && (s[*b - 1] == ' ' || s[*b - 1] == '\t' || s[*b - 1] == '\n'))
        (*b)--;
}

/* One word of a code term: letters, digits and _ . - / : @ *, with a
 * trailing "()" allowed; at least one letter. */
static bool code_word(const char *w, size_t n)
{
    if (n >= 2 && w[n - 2] == '(' && w[n - 1] == ')') n -= 2;
    bool letter = false;
    if (n == 0) return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (is_alpha((char)c) || c >= 0x80)
            letter = true;
        else if (!is_digit((char)c) && !strchr("_.-/:@*", c))
            return false;
    }
    if (strstr(w, "://") && (size_t)(strstr(w, "://") - w) < n) return false; /* a URL */
    return letter;
}

/* `{% url 'name' arg %}` -> `{% url %}`: the tag is the term. */
static bool template_tag(const char *s, size_t n, oct_buf *out)
{
    if (n < 6 || strncmp(s, "{%", 2) != 0 || strncmp(s + n - 2, "%}", 2) != 0) return false;
    size_t i = 2;
    while (i < n && s[i] == ' ')
        i++;
    size_t w = i;
    while (i < n && (is_alpha(s[i]) || s[i] == '_'))
        i++;
    if (i == w || i - w > 24) return false;
    oct_buf_puts(out, "{% ");
    oct_buf_put(out, s + w, i - w);
    oct_buf_puts(out, " %}");
    return true;
}

bool ix_code_term(const char *s, oct_buf *out)
{
    size_t a, b;
    trim(s, strlen(s), &a, &b);
    if (b - a < 2 || b - a > IX_MAX_BYTES || memchr(s + a, '\n', b - a)) return false;
    if (template_tag(s + a, b - a, out)) return true;
    size_t words = 0;
    for (size_t i = a; i < b;) {
        size_t w = i;
        while (i < b && s[i] != ' ')
            i++;
        if (!code_word(s + w, i - w) || ++words > 3) return false;
        /* a command: every word after the first plain (`pip install django`) */
        if (words > 1 && (s[w] == '*' || strchr(s + w, '/') == s + w)) return false;
        while (i < b && s[i] == ' ')
            i++;
    }
    /* more than one word reads as a command only when it starts like one */
    if (words > 1 && !(s[a] >= 'a' && s[a] <= 'z')) return false;
    oct_buf_put(out, s + a, b - a);
    return true;
}

/* Labels and emphasis set in bold that name nothing (folded). */
static const char *const NOT_TERMS[] = {
    "answer",    "answers",       "question",     "questions",  "note",
    "notes",     "tip",           "tips",         "important",  "warning",
    "caution",   "example",       "examples",     "solution",   "explanation",
    "output",    "summary",       "definition",   "hint",       "key points",
    "key point", "pros",          "cons",         "advantages", "disadvantages",
    "use case",  "use cases",     "why",          "how",        "what",
    "when",      "yes",           "no",           "true",       "false",
    "correct",   "incorrect",     "wrong",        "step",       "steps",
    "result",    "code",          "syntax",       "usage",      "purpose",
    "benefits",  "features",      "remember",     "not",        "never",
    "always",    "only",          "must",         "all",        "any",
    "none",      "before",        "after",        "every",      "both",
    "each",      "also",          "very",         "more",       "less",
    "most",      "least",         "same",         "different",  "first",
    "last",      "and",           "or",           "but",        "do",
    "don't",     "example usage", "how it works", "in short",   "bonus",
    "optional",  "required",      "réponse",      "remarque",   "exemple",
    "attention", "astuce",        "conseil",      "pas",        "jamais",
    "toujours",  "seulement",     "ne",           "antwort",    "frage",
    "beispiel",  "hinweis",       "achtung",      "lösung",     "tipp",
    "wichtig",   "nicht",         "nie",          "immer",      "nur",
    "kein",      "keine",         "respuesta",    "pregunta",   "ejemplo",
    "nota",      "nunca",         "siempre",      "solo",       NULL};

static bool not_term(const char *folded)
{
    for (size_t i = 0; NOT_TERMS[i]; i++)
        if (strcmp(folded, NOT_TERMS[i]) == 0) return true;
    return false;
}

/* "Q1", "Step 3", "1.": numbering, not a name. */
static bool numbering(const char *s, size_t n)
{
    if (is_digit(s[0])) return true;
    size_t i = n;
    while (i > 0 && (is_digit(s[i - 1]) || s[i - 1] == '.'))
        i--;
    if (i == n) return false;
    return i == 1 || s[i - 1] == ' ' || s[i - 1] == '-';
}

bool ix_strong_term(const char *s, oct_buf *out)
{
    size_t a, b;
    trim(s, strlen(s), &a, &b);
    while (b > a && (s[b - 1] == ':' || s[b - 1] == ' '))
        b--; /* "**Middleware:** …" */
    if (b - a < 2 || b - a > IX_MAX_BYTES) return false;
    if (strchr(".!?;,", s[b - 1]) || memchr(s + a, '?', b - a) || memchr(s + a, '\n', b - a))
        return false;
    if (numbering(s + a, b - a)) return false;
    size_t words = 1, letters = 0;
    for (size_t i = a; i < b; i++) {
        if (s[i] == ' ')
            words++;
        else if (is_alpha(s[i]) || (unsigned char)s[i] >= 0x80)
            letters++;
        else if (strchr("\"'`()[]{}<>=|*", s[i]))
            return false;
    }
    if (words > IX_MAX_WORDS || letters < 2) return false;
    oct_buf f = OCT_BUF_INIT;
    ix_fold(s + a, b - a, &f);
    bool label = not_term(f.data);
    oct_buf_free(&f);
    if (label) return false;
    oct_buf_put(out, s + a, b - a);
    return true;
}

const char *ix_sort_form(const char *text)
{
    const char *s = text;
    if (strncmp(s, "{%", 2) == 0) s += 2;
    while (*s && !is_alpha(*s) && !is_digit(*s) && (unsigned char)*s < 0x80)
        s++;
    return *s ? s : text;
}

void ix_group(const char *sortform, char *out, size_t outsz)
{
    size_t len;
    unsigned cp = oct_utf8_decode(sortform, strlen(sortform), &len);
    if (!*sortform || !(utf8proc_category((utf8proc_int32_t)cp) >= UTF8PROC_CATEGORY_LU &&
                        utf8proc_category((utf8proc_int32_t)cp) <= UTF8PROC_CATEGORY_LO)) {
        memcpy(out, "#", 2);
        return;
    }
    /* the base letter, upper case: "é" and "É" under "E" */
    utf8proc_int32_t dec[8];
    int opt = UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK;
    utf8proc_ssize_t k = utf8proc_decompose_char((utf8proc_int32_t)cp, dec, 8, opt, NULL);
    unsigned base = k >= 1 ? (unsigned)dec[0] : cp;
    base = (unsigned)utf8proc_toupper((utf8proc_int32_t)base);
    char enc[4];
    size_t m = oct_utf8_encode(base, enc);
    if (m + 1 > outsz) m = 0;
    memcpy(out, enc, m);
    out[m] = 0;
}
