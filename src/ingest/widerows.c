#include "ingest/widerows.h"
#include "ingest/cmarkparse.h"
#include "util/buf.h"
#include "util/xalloc.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>

/* Rows too wide for cmark-gfm.
 * The table extension takes time quadratic in the cells of a row (it walks
 * its cell list for every append), and past 65535 columns it leaks. So the
 * pipes of a line from its MAX_ROW_PIPES-th on (MAX_TABLE_COLUMNS cells
 * between outer pipes; the last cell takes the rest) are escaped, which keeps their
 * text but no longer splits cells, except in code and HTML blocks where an
 * escape would show (found by a parse without extensions, which is linear). */
#define MAX_ROW_PIPES (MAX_TABLE_COLUMNS + 1)

static size_t count_pipes(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += s[i] == '|' && (i == 0 || s[i - 1] != '\\');
    return k;
}

/* A table's delimiter row ("|---|:--:|"): syntax, no text of its own. */
static bool delimiter_row(const char *s, size_t n)
{
    bool dash = false;
    for (size_t i = 0; i < n; i++) {
        if (!strchr(" \t|:-", s[i])) return false;
        dash = dash || s[i] == '-';
    }
    return dash;
}

/* verbatim[k] for text line k+1: inside a code or HTML block. */
static bool *find_verbatim_lines(const char *text, size_t len, size_t nlines)
{
    bool *verbatim = oct_xcalloc(nlines, sizeof *verbatim);
    cmark_node *doc = oct_cmark_parse(NULL, 0, text, len, false);
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        cmark_node_type type = cmark_node_get_type(n);
        if (ev != CMARK_EVENT_ENTER ||
            (type != CMARK_NODE_CODE_BLOCK && type != CMARK_NODE_HTML_BLOCK))
            continue;
        for (long l = cmark_node_get_start_line(n); l <= cmark_node_get_end_line(n); l++)
            if (l >= 1 && (size_t)l <= nlines) verbatim[l - 1] = true;
    }
    cmark_iter_free(it);
    cmark_node_free(doc);
    return verbatim;
}

char *oct_md_escape_wide_rows(const char *text, size_t len, size_t *outlen, int *first_line)
{
    size_t nlines = 1, wide = 0;
    for (size_t i = 0, start = 0; i <= len; i++) {
        if (i < len && text[i] != '\n') continue;
        if (count_pipes(text + start, i - start) > MAX_ROW_PIPES) wide++;
        if (i < len) nlines++;
        start = i + 1;
    }
    if (!wide) return NULL;
    bool *verbatim = find_verbatim_lines(text, len, nlines);
    oct_buf b = OCT_BUF_INIT;
    int first = 0;
    for (size_t i = 0, k = 0, start = 0; i <= len; i++) {
        if (i < len && text[i] != '\n') continue;
        const char *line = text + start;
        size_t n = i - start, seen = 0;
        bool escape = !verbatim[k] && count_pipes(line, n) > MAX_ROW_PIPES;
        bool delimiter = escape && delimiter_row(line, n);
        for (size_t j = 0; j < n; j++) {
            bool pipe = line[j] == '|' && (j == 0 || line[j - 1] != '\\');
            /* from the limit's last pipe on: its cell holds the rest */
            if (escape && pipe && ++seen >= MAX_ROW_PIPES) {
                /* the delimiter row's last cell spans the rest, as the
                 * header's does: one "---", or no table at all */
                if (delimiter) {
                    oct_buf_puts(&b, "---");
                    break;
                }
                oct_buf_putc(&b, '\\');
            }
            oct_buf_putc(&b, line[j]);
        }
        if (escape && !first) first = (int)k + 1;
        if (i < len) oct_buf_putc(&b, '\n');
        start = i + 1;
        k++;
    }
    free(verbatim);
    *first_line = first;
    *outlen = b.len;
    return oct_buf_detach(&b);
}
