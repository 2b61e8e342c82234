/* Markdown writing shared by the readers of other markups (mdwrite.h). */
#include "ingest/formats/mdwrite.h"
#include "unicode/texmath.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

void md_line(md_writer *w, const char *prefix, const char *s, size_t n, int src)
{
    size_t plen = prefix ? strlen(prefix) : 0;
    if (plen < w->last_prefix && !w->last_blank && w->o.n > 0) {
        /* a quote or an item ended: without a blank line this line would
         * continue it lazily */
        nl_out_line(&w->o, prefix ? prefix : "", plen, src);
    }
    oct_buf b = OCT_BUF_INIT;
    if (plen) oct_buf_put(&b, prefix, plen);
    oct_buf_put(&b, s, n);
    nl_out_line(&w->o, b.data ? b.data : "", b.len, src);
    oct_buf_free(&b);
    size_t k = 0;
    while (k < n && (s[k] == ' ' || s[k] == '\t'))
        k++;
    w->last_blank = k == n;
    w->last_prefix = plen;
}

void md_blank(md_writer *w, const char *prefix, int src)
{
    if (w->last_blank || w->o.n == 0) return;
    size_t plen = prefix ? strlen(prefix) : 0;
    while (plen > 0 && prefix[plen - 1] == ' ')
        plen--;
    nl_out_line(&w->o, prefix ? prefix : "", plen, src);
    w->last_blank = true;
    w->last_prefix = prefix ? strlen(prefix) : 0;
}

void md_lines_add(md_lines *l, int src)
{
    if (l->n && l->v[l->n - 1] >= src) return;
    OCT_GROW(l->v, l->cap, l->n + 1);
    l->v[l->n++] = src;
}

void md_lines_note(md_writer *w, md_lines *l, const char *code, const char *what)
{
    if (l->n) {
        oct_buf b = OCT_BUF_INIT;
        nl_put_line_ranges(&b, l->v, l->n);
        oct_diag_report(w->diag, OCT_NOTE, w->path, l->v[0], 1, code, "%s: line%s %s", what,
                        l->n == 1 ? "" : "s", b.data);
        oct_buf_free(&b);
    }
    free(l->v);
    memset(l, 0, sizeof *l);
}

void md_finish(md_writer *w, oct_normalized *out)
{
    /* blank lines at the end say nothing */
    while (w->o.n > 0 && w->o.text.len >= 1 &&
           (w->o.text.len == 1 || w->o.text.data[w->o.text.len - 2] == '\n') &&
           w->o.text.data[w->o.text.len - 1] == '\n') {
        w->o.text.data[--w->o.text.len] = '\0';
        w->o.n--;
    }
    out->len = w->o.text.len;
    out->text = w->o.text.data ? oct_buf_detach(&w->o.text) : oct_xstrndup("", 0);
    out->nlines = w->o.n;
    out->line_map = w->o.map ? w->o.map : oct_xmalloc(sizeof(int));
    memset(w, 0, sizeof *w);
}

static bool ascii_punct(char c)
{
    return c && strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) != NULL;
}

/* What would open a block at the start of a line: escaped. Returns the
 * bytes of s consumed (written). */
static size_t escape_start(oct_buf *b, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        oct_buf_putc(b, s[i++]);
    if (i < n && strchr("#-+>=", s[i])) {
        oct_buf_putc(b, '\\');
        oct_buf_putc(b, s[i++]);
        return i;
    }
    size_t d = i;
    while (d < n && s[d] >= '0' && s[d] <= '9')
        d++;
    if (d > i && d < n && (s[d] == '.' || s[d] == ')')) {
        oct_buf_put(b, s + i, d - i);
        oct_buf_putc(b, '\\');
        oct_buf_putc(b, s[d]);
        return d + 1;
    }
    return i;
}

void md_escape(oct_buf *b, const char *s, size_t n, bool at_start)
{
    size_t i = at_start ? escape_start(b, s, n) : 0;
    for (; i < n; i++) {
        char c = s[i];
        if (c == '\\' ? i + 1 < n && ascii_punct(s[i + 1]) : c && strchr("`*_[]<&~|", c) != NULL)
            oct_buf_putc(b, '\\');
        oct_buf_putc(b, c);
        if (c == '\n') i += escape_start(b, s + i + 1, n - i - 1);
    }
}

void md_guard_line(oct_buf *b, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    oct_buf_put(b, s, i);
    bool open =
        i < n && (strchr("#>=", s[i]) || (strchr("-+*", s[i]) && (i + 1 == n || s[i + 1] == ' ')));
    size_t d = i;
    while (d < n && s[d] >= '0' && s[d] <= '9')
        d++;
    if (open) {
        oct_buf_putc(b, '\\');
    } else if (d > i && d < n && (s[d] == '.' || s[d] == ')')) {
        oct_buf_put(b, s + i, d - i);
        oct_buf_putc(b, '\\');
        i = d;
    }
    oct_buf_put(b, s + i, n - i);
}

void md_code_span(oct_buf *b, const char *s, size_t n)
{
    size_t run = 0, longest = 0;
    for (size_t i = 0; i < n; i++) {
        run = s[i] == '`' ? run + 1 : 0;
        if (run > longest) longest = run;
    }
    size_t ticks = longest + 1;
    bool pad = n == 0 || s[0] == '`' || s[n - 1] == '`' || (s[0] == ' ' && s[n - 1] == ' ');
    for (size_t k = 0; k < ticks; k++)
        oct_buf_putc(b, '`');
    if (pad) oct_buf_putc(b, ' ');
    oct_buf_put(b, s, n);
    if (pad) oct_buf_putc(b, ' ');
    for (size_t k = 0; k < ticks; k++)
        oct_buf_putc(b, '`');
}

size_t md_math(oct_buf *b, const char *s, size_t n)
{
    size_t m = n && (s[0] == '$' || s[0] == '\\') ? oct_math_span(s, n) : 0;
    if (m) md_code_span(b, s, m);
    return m;
}

size_t md_fence_len(const nl_raw_line *v, size_t a, size_t e)
{
    size_t longest = 0;
    for (size_t i = a; i < e; i++) {
        size_t k = 0;
        while (v[i].lead + k < v[i].n && v[i].s[v[i].lead + k] == '`')
            k++;
        if (k > longest) longest = k;
    }
    return longest >= 3 ? longest + 1 : 3;
}

int md_indent(const nl_raw_line *l)
{
    int col = 0;
    for (size_t i = 0; i < l->lead; i++)
        col = l->s[i] == '\t' ? col + 4 - col % 4 : col + 1;
    return col;
}

bool md_eq_nocase(const char *s, size_t n, const char *word)
{
    if (strlen(word) != n) return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + 32) : s[i];
        char d = word[i] >= 'A' && word[i] <= 'Z' ? (char)(word[i] + 32) : word[i];
        if (c != d) return false;
    }
    return true;
}
