/* TeX environments in math (texmath_int.h): the cells of a matrix, of
 * cases, of an aligned or gathered formula, set in reading order. Text has
 * no second dimension, so a matrix reads as MATLAB and most people write
 * one by hand, (a b; c d), cases as {x², x ≥ 0; −x, x < 0}, and the rows of
 * a formula aligned at its = signs as rows (OCT_TEX_ROW: lines of their own
 * in display math). The body is split at the top level only: a brace
 * group or a nested environment keeps its & and \\ for itself. */
#include "unicode/texmath.h"
#include "unicode/texmath_int.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* MAX_BODY: an environment's \end is looked for this far, so a line of
 * thousands of unclosed \begin costs each of them a bounded look. */
enum { MAX_DEPTH = 32, MAX_NAME = 24, MAX_BODY = 4096 };

typedef enum {
    ENV_MATRIX, /* cells spaced, rows "; ", in the environment's brackets */
    ENV_CASES,  /* value, condition; ... in braces */
    ENV_ROWS    /* alignment marks dropped, each row a row */
} env_kind;

typedef struct {
    const char *name;
    env_kind kind;
    const char *open, *close;
    bool arg; /* a column spec or a count follows: {cc}, {2} */
} env_def;

static const env_def ENVS[] = {
    {"matrix", ENV_MATRIX, "", "", false},
    {"smallmatrix", ENV_MATRIX, "", "", false},
    {"pmatrix", ENV_MATRIX, "(", ")", false},
    {"bmatrix", ENV_MATRIX, "[", "]", false},
    {"Bmatrix", ENV_MATRIX, "{", "}", false},
    {"vmatrix", ENV_MATRIX, "|", "|", false},
    {"Vmatrix", ENV_MATRIX, "\xE2\x80\x96", "\xE2\x80\x96", false},
    {"array", ENV_MATRIX, "", "", true},
    {"cases", ENV_CASES, "{", "}", false},
    {"dcases", ENV_CASES, "{", "}", false},
    {"rcases", ENV_CASES, "{", "}", false},
    {"aligned", ENV_ROWS, "", "", false},
    {"alignedat", ENV_ROWS, "", "", true},
    {"align", ENV_ROWS, "", "", false},
    {"align*", ENV_ROWS, "", "", false},
    {"alignat", ENV_ROWS, "", "", true},
    {"alignat*", ENV_ROWS, "", "", true},
    {"flalign", ENV_ROWS, "", "", false},
    {"flalign*", ENV_ROWS, "", "", false},
    {"gather", ENV_ROWS, "", "", false},
    {"gather*", ENV_ROWS, "", "", false},
    {"gathered", ENV_ROWS, "", "", false},
    {"split", ENV_ROWS, "", "", false},
    {"multline", ENV_ROWS, "", "", false},
    {"multline*", ENV_ROWS, "", "", false},
    {"eqnarray", ENV_ROWS, "", "", false},
    {"eqnarray*", ENV_ROWS, "", "", false},
    {"equation", ENV_ROWS, "", "", false},
    {"equation*", ENV_ROWS, "", "", false},
};

static const env_def *env_named(const char *name, size_t len)
{
    for (size_t k = 0; k < sizeof ENVS / sizeof *ENVS; k++)
        if (strlen(ENVS[k].name) == len && memcmp(ENVS[k].name, name, len) == 0) return &ENVS[k];
    return NULL;
}

static size_t skip_blanks(const char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'))
        i++;
    return i;
}

/* Past a bracketed group opening at s[i] ('{' or '['), or i when none opens. */
static size_t skip_group(const char *s, size_t n, size_t i, char open, char close)
{
    if (i >= n || s[i] != open) return i;
    int depth = 0;
    for (size_t j = i; j < n; j++) {
        if (s[j] == '\\') {
            j++;
            continue;
        }
        if (s[j] == open) depth++;
        if (s[j] == close && --depth == 0) return j + 1;
    }
    return i;
}

size_t tex_env_name(const char *s, size_t n, size_t i, size_t *name, size_t *len)
{
    size_t k = skip_blanks(s, n, i);
    if (k >= n || s[k] != '{') return 0;
    size_t room = n - k < MAX_NAME + 2 ? n - k : MAX_NAME + 2;
    const char *close = memchr(s + k, '}', room);
    if (!close) return 0;
    *name = k + 1;
    *len = (size_t)(close - s) - *name;
    return (size_t)(close - s) + 1;
}

/* Whether "\begin{" or "\end{" (word) starts at s[j]; its name's span. */
static bool env_mark(const char *s, size_t n, size_t j, const char *word, size_t *name, size_t *len)
{
    size_t w = strlen(word);
    if (j + 1 + w >= n || s[j] != '\\' || memcmp(s + j + 1, word, w) != 0) return false;
    return tex_env_name(s, n, j + 1 + w, name, len) != 0;
}

/* Where the body starting at `from` ends (the \end{name} matching, same
 * name nested counted), and *after past that \end; false when none. */
static bool find_end(const char *s, size_t n, size_t from, const char *name, size_t len,
                     size_t *end, size_t *after)
{
    int depth = 0;
    if (n - from > MAX_BODY) n = from + MAX_BODY;
    for (size_t j = from; j < n; j++) {
        if (s[j] != '\\') continue;
        size_t at, l;
        if (env_mark(s, n, j, "begin", &at, &l) && l == len && !memcmp(s + at, name, len)) {
            depth++;
        } else if (env_mark(s, n, j, "end", &at, &l) && l == len && !memcmp(s + at, name, len)) {
            if (depth-- == 0) {
                *end = j;
                *after = at + l + 1;
                return true;
            }
        }
        j++; /* an escaped character is never a mark */
    }
    return false;
}

/* Appends marked text with its blanks squeezed to one and trimmed:
 * "x + y " and "= 3" of an aligned row read "x + y = 3". */
static void put_squeezed(oct_buf *out, const char *s, size_t n)
{
    bool pending = false, any = false;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ' ') {
            pending = any;
            continue;
        }
        if (pending) oct_buf_putc(out, ' ');
        pending = false;
        any = true;
        oct_buf_putc(out, s[i]);
    }
}

/* One cell s[a..b) converted and appended after its separator. */
static void put_cell(const env_def *e, const char *s, size_t a, size_t b, bool first_cell,
                     int depth, oct_buf *out)
{
    oct_buf cell = OCT_BUF_INIT;
    tex_convert(s + a, b - a, depth + 1, &cell);
    size_t k = skip_blanks(s, b, a);
    bool words = k + 5 <= b && memcmp(s + k, "\\text", 5) == 0;
    if (!first_cell && cell.len) /* a condition in words follows its value unmarked */
        oct_buf_puts(out, e->kind == ENV_CASES && !words ? ", " : " ");
    put_squeezed(out, cell.data ? cell.data : "", cell.len);
    oct_buf_free(&cell);
}

/* The body s[from..to) split into rows and cells at its top level.
 * apart: a matrix's rows each in its brackets, on lines of their own
 * (OCT_TEX_ROW between them), not "; " within one pair. */
static void put_body(const env_def *e, const char *s, size_t from, size_t to, int depth, bool apart,
                     oct_buf *out)
{
    if (!apart) oct_buf_puts(out, e->open);
    bool opened = false;
    size_t cell = from, rows = 0;
    bool first_cell = true;
    int braces = 0, envs = 0;
    for (size_t j = from; j <= to; j++) {
        bool row_end = j == to, cell_end = false;
        size_t next = j + 1, at, l;
        if (j < to && s[j] == '{') braces++;
        if (j < to && s[j] == '}') braces--;
        if (j < to && s[j] == '\\') {
            if (env_mark(s, to, j, "begin", &at, &l)) envs++;
            if (env_mark(s, to, j, "end", &at, &l)) envs--;
            if (j + 1 < to && s[j + 1] == '\\' && braces == 0 && envs == 0) {
                row_end = true; /* "\\[2pt]": the spacing goes too */
                next = skip_group(s, to, skip_blanks(s, to, j + 2), '[', ']');
            } else {
                j++; /* \& \{ \}: characters, not marks */
                continue;
            }
        } else if (j < to && s[j] == '&' && braces == 0 && envs == 0) {
            cell_end = true;
        }
        if (!row_end && !cell_end) continue;
        if (row_end && first_cell && skip_blanks(s, j, cell) == j) {
            cell = next; /* an empty row: a trailing \\ */
            j = next - 1;
            continue;
        }
        if (first_cell && rows > 0 && (e->kind == ENV_ROWS || apart)) {
            if (apart) oct_buf_puts(out, e->close);
            oct_buf_putc(out, OCT_TEX_ROW);
        }
        if (first_cell && rows > 0 && e->kind != ENV_ROWS && !apart) oct_buf_puts(out, "; ");
        if (first_cell && apart) oct_buf_puts(out, e->open);
        opened |= apart;
        put_cell(e, s, cell, j, first_cell, depth, out);
        first_cell = row_end;
        rows += row_end;
        cell = next;
        j = next - 1;
    }
    if (!apart || opened) oct_buf_puts(out, e->close);
}

bool tex_environment(const char *s, size_t n, size_t *i, int depth, oct_buf *out)
{
    size_t at, len, from = depth < MAX_DEPTH ? tex_env_name(s, n, *i, &at, &len) : 0;
    if (!from) return false;
    const char *name = s + at;
    const env_def *e = env_named(name, len);
    if (!e) return false;
    size_t end, after;
    if (e->arg)
        from = skip_group(s, n, skip_group(s, n, skip_blanks(s, n, from), '[', ']'), '{', '}');
    if (!find_end(s, n, from, name, len, &end, &after)) return false;
    put_body(e, s, from, end, depth, false, out);
    *i = after;
    return true;
}

/* A display formula that is one matrix and nothing else: rows on lines
 * of their own, as a matrix is drawn, each in the brackets; a matrix
 * among other symbols (A = (a b; c d)) stays on its line. */
char *oct_tex_display_marked(const char *s, size_t n)
{
    size_t a = skip_blanks(s, n, 0), z = n, at, len, end, after;
    while (z > a && (s[z - 1] == ' ' || s[z - 1] == '\t' || s[z - 1] == '\n'))
        z--;
    size_t from =
        a + 6 < z && !memcmp(s + a, "\\begin", 6) ? tex_env_name(s, z, a + 6, &at, &len) : 0;
    const env_def *e = from ? env_named(s + at, len) : NULL;
    if (!e || e->kind != ENV_MATRIX) return oct_tex_to_marked(s, n);
    if (e->arg)
        from = skip_group(s, z, skip_group(s, z, skip_blanks(s, z, from), '[', ']'), '{', '}');
    if (!find_end(s, z, from, s + at, len, &end, &after) || after != z)
        return oct_tex_to_marked(s, n);
    oct_buf out = OCT_BUF_INIT;
    put_body(e, s, from, end, 0, true, &out);
    return out.data ? oct_buf_detach(&out) : calloc(1, 1);
}
