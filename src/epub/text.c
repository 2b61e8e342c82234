#include "epub/book.h"
#include "unicode/breaks.h"
#include "util/buf.h"
#include "util/utf8.h"

#include <string.h>

/* Titles in the nav, the NCX, <title> and the OPF are plain text with no
 * line structure, so every whitespace run becomes one space. */

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static void put_squashed(oct_buf *b, const char *s)
{
    for (; *s; s++) {
        if (!is_space(*s)) {
            oct_buf_putc(b, *s);
            continue;
        }
        if (b->len && b->data[b->len - 1] != ' ') oct_buf_putc(b, ' ');
    }
}

static const char *finish(oct_arena *a, oct_buf *b)
{
    size_t n = b->len;
    while (n && b->data[n - 1] == ' ')
        n--;
    const char *s = b->data ? b->data : "";
    while (n && *s == ' ')
        s++, n--;
    char *r = oct_arena_strndup(a, s, n);
    oct_buf_free(b);
    return r;
}

const char *oct_epub_squash(oct_arena *a, const char *s)
{
    if (!s) return NULL;
    oct_buf b = OCT_BUF_INIT;
    put_squashed(&b, s);
    return finish(a, &b);
}

const char *oct_epub_plain(oct_arena *a, const oct_node *n)
{
    return oct_node_plain_text(a, n);
}

const char *oct_epub_shorten(oct_arena *a, const char *s, size_t max_chars)
{
    size_t len = strlen(s);
    if (oct_utf8_count(s, len) <= max_chars) return oct_arena_strdup(a, s);
    /* Byte offset of the cut, then back to the last space before it. */
    size_t off = 0, chars = 0, last_space = 0;
    while (off < len && chars < max_chars) {
        size_t k;
        oct_utf8_decode(s + off, len - off, &k);
        if (s[off] == ' ') last_space = off;
        off += k;
        chars++;
    }
    /* Never inside a grapheme cluster: a flag or an emoji family is cut
     * whole or kept whole, an accent stays on its letter. */
    off = last_space > off / 2 ? last_space : oct_grapheme_floor_utf8(s, len, off);
    while (off && s[off - 1] == ' ')
        off--;
    return oct_arena_printf(a, "%.*s\xE2\x80\xA6", (int)off, s);
}
