#include "ingest/rawblocks.h"
#include "ingest/cmarkparse.h"
#include "util/buf.h"
#include "util/xalloc.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark-gfm.h>

/* Found by a parse without extensions (linear): an HTML block whose first
 * tag is one of the raw kinds and that holds none of their end tags runs to
 * the end of its container. One parse finds one (it swallowed any later
 * one), so the text is parsed again after each fix, a bounded number of
 * times. */
#define MAX_FIXES 64

static const char *const RAW[] = {"script", "style", "textarea", "pre"};

/* The raw kind the block opens with, or NULL. */
static const char *raw_kind(const char *lit)
{
    lit += strspn(lit, " \t");
    if (*lit != '<') return NULL;
    for (size_t i = 0; i < sizeof RAW / sizeof *RAW; i++) {
        size_t n = strlen(RAW[i]);
        char after = lit[1 + n];
        if (strncasecmp(lit + 1, RAW[i], n) == 0 &&
            (after == '>' || after == ' ' || after == '\t' || after == '\n' || after == '\0'))
            return RAW[i];
    }
    return NULL;
}

static bool has_end_tag(const char *lit)
{
    for (const char *p = strstr(lit, "</"); p; p = strstr(p + 2, "</"))
        for (size_t i = 0; i < sizeof RAW / sizeof *RAW; i++) {
            size_t n = strlen(RAW[i]);
            if (strncasecmp(p + 2, RAW[i], n) == 0 && p[2 + n] == '>') return true;
        }
    return false;
}

/* Whether a raw kind's start tag ("<pre", "<script"...) appears at all:
 * an HTML block can only begin with one that the text holds, so a text
 * without any needs no parse here (one whole parse of every source). */
static bool mentions_raw(const char *text, size_t len)
{
    for (const char *p = memchr(text, '<', len); p;
         p = memchr(p + 1, '<', len - (size_t)(p + 1 - text))) {
        size_t left = len - (size_t)(p + 1 - text);
        for (size_t i = 0; i < sizeof RAW / sizeof *RAW; i++) {
            size_t n = strlen(RAW[i]);
            if (left >= n && strncasecmp(p + 1, RAW[i], n) == 0) return true;
        }
    }
    return false;
}

/* The first unterminated raw block: its kind and start line. */
static const char *find_open(const char *text, size_t len, int *line)
{
    if (!mentions_raw(text, len)) return NULL;
    cmark_node *doc = oct_cmark_parse(NULL, 0, text, len, false);
    cmark_iter *it = cmark_iter_new(doc);
    const char *kind = NULL;
    cmark_event_type ev;
    while (!kind && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(n) != CMARK_NODE_HTML_BLOCK) continue;
        const char *lit = cmark_node_get_literal(n);
        kind = lit ? raw_kind(lit) : NULL;
        if (kind && has_end_tag(lit)) kind = NULL;
        if (kind) *line = cmark_node_get_start_line(n);
    }
    cmark_iter_free(it);
    cmark_node_free(doc);
    return kind;
}

/* Offset of the start of line `line` (1-based). */
static size_t line_start(const char *s, size_t len, int line)
{
    size_t i = 0;
    for (int l = 1; l < line && i < len; l++) {
        const char *nl = memchr(s + i, '\n', len - i);
        i = nl ? (size_t)(nl - s) + 1 : len;
    }
    return i;
}

/* A blank line, also inside a block quote ("> "). */
static bool blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '>') return false;
    return true;
}

/* Where the end tag goes: the end of the last line before the first blank
 * one after `from`; *last is that line. */
static size_t block_end(const char *s, size_t len, size_t from, int line, int *last)
{
    size_t i = from, end = from;
    *last = line;
    for (int l = line; i < len; l++) {
        const char *nl = memchr(s + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - s) : len;
        if (l > line && blank(s + i, e - i)) break;
        end = e > i && s[e - 1] == '\r' ? e - 1 : e;
        *last = l;
        i = nl ? e + 1 : len;
    }
    return end;
}

char *oct_md_close_raw_blocks(const char *text, size_t len, size_t *outlen, oct_diag *diag,
                              const char *path, int (*map_line)(const void *ctx, int line),
                              const void *ctx)
{
    oct_buf cur = OCT_BUF_INIT;
    const char *s = text;
    size_t n = len;
    int line;
    const char *kind;
    for (int fix = 0; fix < MAX_FIXES && (kind = find_open(s, n, &line)); fix++) {
        int last;
        size_t at = block_end(s, n, line_start(s, n, line), line, &last);
        oct_buf next = OCT_BUF_INIT;
        oct_buf_put(&next, s, at);
        oct_buf_printf(&next, "</%s>", kind);
        oct_buf_put(&next, s + at, n - at);
        oct_buf_free(&cur);
        cur = next;
        s = cur.data, n = cur.len;
        int first = map_line(ctx, line), end = map_line(ctx, last);
        oct_buf where = OCT_BUF_INIT;
        if (end > first)
            oct_buf_printf(&where, "lines %d-%d", first, end);
        else
            oct_buf_printf(&where, "line %d", first);
        oct_diag_report(diag, OCT_WARNING, path, first, 1, "html-unclosed",
                        "<%s> has no end tag: it ends with its block (%s)", kind, where.data);
        oct_buf_free(&where);
    }
    if (!cur.data) return NULL;
    *outlen = cur.len;
    return oct_buf_detach(&cur);
}
