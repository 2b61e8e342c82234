/* A code block's text in the EPUB. Every source line is its own
 * <span class="cl"> (css.c sets it as a block with a hanging indent), so a
 * line that wraps on a phone continues indented under itself instead of
 * at column 0, where it would read as a new statement. The newline stays
 * inside each line's span: a reader that ignores the CSS still sees the
 * lines of a <pre>, and a block whose last character is a newline gets no
 * extra empty line. Each token of src/highlight/ becomes a
 * <span class="hl-CLASS"> inside its line (a token over several lines is
 * cut at each line); plain text stays bare text. */
#include "epub/render.h"
#include "epub/xwriter.h"
#include "highlight/highlight.h"
#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>

/* Tabs are expanded here rather than by CSS `tab-size`, which many
 * readers ignore (their tabs are 8 wide and push Go code off a phone). */
#define TAB_WIDTH 4

typedef struct {
    oct_epub_ctx *r;
    oct_buf run; /* expanded text not yet written */
    int col;     /* column of the next character in its line */
} line_out;

static void flush(line_out *o)
{
    if (o->run.len) oct_epub_xw_textn(o->r->xw, o->run.data, o->run.len);
    oct_buf_clear(&o->run);
}

static int starts_word(const char *s, size_t i, size_t from)
{
    return i == from || s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '"' ||
           s[i - 1] == '\'' || s[i - 1] == '=' || s[i - 1] == '(' || s[i - 1] == '[';
}

static int is_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Length of the option prefix at s[i] ("--t" of --trusted-host, "-v" of
 * -v): hyphens opening a word and the letter after them. Browsers may
 * break after a hyphen, which set "-" and "-trusted-host" on two lines;
 * css.c keeps this prefix on one line. 0 when there is none. */
static size_t option_prefix(const char *s, size_t i, size_t end, size_t from)
{
    if (s[i] != '-' || !starts_word(s, i, from)) return 0;
    size_t j = i;
    while (j < end && s[j] == '-')
        j++;
    return j < end && j - i <= 2 && is_alnum(s[j]) ? j + 1 - i : 0;
}

/* s[from..end), on one line: tabs to the next multiple of TAB_WIDTH,
 * option prefixes in <span class="nb">. */
static void put_run(line_out *o, const char *s, size_t from, size_t end)
{
    for (size_t i = from; i < end;) {
        size_t nb = option_prefix(s, i, end, from);
        if (nb) {
            flush(o);
            oct_epub_xw_start(o->r->xw, "span");
            oct_epub_xw_attr(o->r->xw, "class", "nb");
            oct_epub_xw_textn(o->r->xw, s + i, nb);
            oct_epub_xw_end(o->r->xw);
            o->col += (int)nb;
            i += nb;
        } else if (s[i] == '\t') {
            do
                oct_buf_putc(&o->run, ' ');
            while (++o->col % TAB_WIDTH);
            i++;
        } else {
            if (((unsigned char)s[i] & 0xC0) != 0x80) o->col++; /* a code point starts */
            oct_buf_putc(&o->run, s[i++]);
        }
    }
    flush(o);
}

/* The columns of the line's leading blanks, tabs expanded; 0 for a line
 * of blanks only (it has nothing to wrap). */
static int indent_of(const char *s, size_t from, size_t end)
{
    int col = 0;
    size_t i = from;
    for (; i < end && (s[i] == ' ' || s[i] == '\t'); i++)
        col = s[i] == '\t' ? (col / TAB_WIDTH + 1) * TAB_WIDTH : col + 1;
    return i == end ? 0 : col;
}

/* text[from..end) as one line's span, the tokens of v from *k on that
 * overlap it in their classes; `nl` adds the line's newline. */
static void write_line(line_out *o, const char *text, size_t from, size_t end, bool nl,
                       const oct_hl_span *v, size_t nv, size_t *k)
{
    char cls[32];
    int indent = indent_of(text, from, end);
    if (indent > OCT_EPUB_CODE_MAX_INDENT) indent = OCT_EPUB_CODE_MAX_INDENT;
    if (indent)
        snprintf(cls, sizeof cls, "cl i%d", indent);
    else
        snprintf(cls, sizeof cls, "cl");
    oct_epub_xw_start(o->r->xw, "span");
    oct_epub_xw_attr(o->r->xw, "class", cls);
    o->col = 0;
    size_t at = from;
    while (at < end) {
        while (*k < nv && v[*k].off + v[*k].len <= at)
            (*k)++;
        if (*k == nv || v[*k].off >= end) {
            put_run(o, text, at, end);
            break;
        }
        if (v[*k].off > at) put_run(o, text, at, v[*k].off);
        size_t stop = v[*k].off + v[*k].len < end ? v[*k].off + v[*k].len : end;
        if (v[*k].off > at) at = v[*k].off;
        snprintf(cls, sizeof cls, "hl-%s", oct_hl_class_name(v[*k].cls));
        oct_epub_xw_start(o->r->xw, "span");
        oct_epub_xw_attr(o->r->xw, "class", cls);
        put_run(o, text, at, stop);
        oct_epub_xw_end(o->r->xw);
        at = stop;
    }
    if (nl) oct_epub_xw_text(o->r->xw, "\n");
    oct_epub_xw_end(o->r->xw);
}

void oct_epub_code_text(oct_epub_ctx *r, const char *lang, const char *text, size_t len)
{
    oct_hl_span *v = NULL;
    size_t nv = oct_hl_spans(lang, text, len, &v);
    /* Spans are sorted and disjoint; one reaching past the text is dropped. */
    size_t kept = 0;
    for (size_t k = 0; k < nv; k++)
        if (v[k].off + v[k].len <= len && (!kept || v[k].off >= v[kept - 1].off + v[kept - 1].len))
            v[kept++] = v[k];
    line_out o = {.r = r, .run = OCT_BUF_INIT};
    size_t k = 0;
    for (size_t from = 0; from < len;) {
        size_t end = from;
        while (end < len && text[end] != '\n')
            end++;
        bool nl = end < len && end + 1 < len; /* the block's last newline ends nothing */
        write_line(&o, text, from, end, nl, v, kept, &k);
        from = end + 1;
    }
    oct_buf_free(&o.run);
    free(v);
}
