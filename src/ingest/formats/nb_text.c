/* The strings of a notebook as lines, each knowing its .ipynb line. A
 * "source" array holds one line a string (each ending in "\n"), so each
 * line gets the line of its own string; a single string gets its one line
 * for all of them. Line ends are made "\n" here, never later: a lone
 * carriage return left to the decoder would become a line the map does
 * not have. */
#include "ingest/formats/nb_text.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

static void begin_line(nb_lines *l, int line)
{
    OCT_GROW(l->map, l->cap, l->n + 1);
    l->map[l->n++] = line;
    l->start = l->text.len;
    l->open = true;
}

/* Bytes of the terminal escape sequence at s (s[0] is ESC): CSI (colours,
 * cursor moves), OSC (titles, links; to BEL or ESC \), or ESC and one. */
static size_t escape_length(const char *s)
{
    size_t i = 1;
    if (s[1] == '[') {
        for (i = 2; s[i] && !(s[i] >= 0x40 && s[i] <= 0x7e); i++) {
        }
        return s[i] ? i + 1 : i;
    }
    if (s[1] == ']') {
        for (i = 2; s[i] && s[i] != '\a' && !(s[i] == 0x1b && s[i + 1] == '\\'); i++) {
        }
        return s[i] == '\a' ? i + 1 : s[i] ? i + 2 : i;
    }
    return s[1] ? 2 : 1;
}

static void take_string(nb_lines *l, const char *s, int line, nb_mode mode)
{
    while (*s) {
        if (!l->open) begin_line(l, line);
        char c = *s;
        if (mode == NB_OUTPUT && c == 0x1b) {
            s += escape_length(s);
            continue;
        }
        s++;
        if (c == '\r' && *s == '\n') continue;
        if (c == '\r' && mode == NB_OUTPUT) { /* overwrite, as a terminal does */
            if (*s && *s != '\n' && l->text.data) { /* (nothing written yet: nothing to undo) */
                l->text.len = l->start;
                l->text.data[l->text.len] = '\0';
            }
            continue;
        }
        if (c == '\r') c = '\n';
        oct_buf_putc(&l->text, c);
        if (c == '\n') l->open = false;
    }
}

int nb_lines_take(nb_lines *l, const nb_doc *doc, JsonNode *n, int fallback, nb_mode mode)
{
    const char *s = nb_string(n);
    int rc = 0;
    if (s) {
        int line = nb_line(doc, n);
        take_string(l, s, line ? line : fallback, mode);
    } else if (nb_array(n)) {
        JsonArray *a = nb_array(n);
        for (size_t i = 0; i < nb_length(a); i++) {
            JsonNode *e = nb_element(a, i);
            const char *p = nb_string(e);
            int line = nb_line(doc, e);
            if (p)
                take_string(l, p, line ? line : fallback, mode);
            else
                rc = -1;
        }
    } else if (n)
        rc = -1;
    if (l->open) {
        oct_buf_putc(&l->text, '\n');
        l->open = false;
    }
    return rc;
}

void nb_lines_text(nb_lines *l, const char *s, int line, nb_mode mode)
{
    take_string(l, s, line, mode);
    if (l->open) {
        oct_buf_putc(&l->text, '\n');
        l->open = false;
    }
}

void nb_lines_put(nb_lines *l, const char *s, size_t len, int line)
{
    begin_line(l, line);
    oct_buf_put(&l->text, s, len);
    oct_buf_putc(&l->text, '\n');
    l->open = false;
}

void nb_lines_cut(nb_lines *l, size_t keep)
{
    if (keep >= l->n) return;
    size_t pos = 0, len;
    for (size_t i = 0; i < keep; i++)
        nb_lines_next(l, &pos, &len);
    l->text.len = pos;
    if (l->text.data) l->text.data[pos] = '\0';
    l->n = keep;
}

const char *nb_lines_next(const nb_lines *l, size_t *pos, size_t *len)
{
    if (!l->text.data || *pos >= l->text.len) return NULL;
    const char *s = l->text.data + *pos;
    const char *nl = memchr(s, '\n', l->text.len - *pos);
    *len = nl ? (size_t)(nl - s) : l->text.len - *pos;
    *pos += *len + (nl != NULL);
    return s;
}

void nb_lines_free(nb_lines *l)
{
    oct_buf_free(&l->text);
    free(l->map);
    memset(l, 0, sizeof *l);
}

size_t nb_longest_run(const nb_lines *l, char c)
{
    size_t best = 0, run = 0;
    for (size_t i = 0; i < l->text.len; i++) {
        run = l->text.data[i] == c ? run + 1 : 0;
        if (run > best) best = run;
    }
    return best;
}
