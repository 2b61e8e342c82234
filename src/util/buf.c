#include "util/buf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void oct_buf_grow(oct_buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap) return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    b->data = oct_xrealloc(b->data, cap);
    b->cap = cap;
}

void oct_buf_puts(oct_buf *b, const char *s)
{
    oct_buf_put(b, s, strlen(s));
}

void oct_buf_printf(oct_buf *b, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n > 0) {
        oct_buf_grow(b, (size_t)n);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
        b->len += (size_t)n;
    }
    va_end(ap2);
}

void oct_buf_put_utf8(oct_buf *b, unsigned cp)
{
    char tmp[4];
    size_t n = oct_utf8_encode(cp, tmp);
    oct_buf_put(b, tmp, n);
}

void oct_buf_clear(oct_buf *b)
{
    b->len = 0;
    if (b->data) b->data[0] = '\0';
}

char *oct_buf_detach(oct_buf *b)
{
    if (!b->data) oct_buf_grow(b, 0), b->data[0] = '\0';
    char *p = b->data;
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

void oct_buf_free(oct_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

/* s as a JSON string (NULL: null): quotes, backslashes and every control
 * character escaped, and U+2028/U+2029 too, so the line is also valid
 * JavaScript; invalid UTF-8 becomes U+FFFD, never the byte. */
void oct_buf_put_json(oct_buf *out, const char *s)
{
    if (!s) {
        oct_buf_puts(out, "null");
        return;
    }
    oct_buf_putc(out, '"');
    size_t n = strlen(s), i = 0, len;
    while (i < n) {
        unsigned char ch = (unsigned char)s[i];
        if (ch < 0x80) {
            if (ch == '"' || ch == '\\')
                oct_buf_printf(out, "\\%c", ch);
            else if (ch == '\n')
                oct_buf_puts(out, "\\n");
            else if (ch == '\t')
                oct_buf_puts(out, "\\t");
            else if (ch == '\r')
                oct_buf_puts(out, "\\r");
            else if (ch < 0x20 || ch == 0x7f)
                oct_buf_printf(out, "\\u%04x", ch);
            else
                oct_buf_putc(out, (char)ch);
            i++;
            continue;
        }
        unsigned cp = oct_utf8_decode(s + i, n - i, &len);
        if (cp == 0x2028 || cp == 0x2029)
            oct_buf_printf(out, "\\u%04x", cp);
        else if (cp == OCT_REPLACEMENT_CHAR)
            oct_buf_put_utf8(out, cp); /* the character, never the bad byte */
        else
            oct_buf_put(out, s + i, len);
        i += len;
    }
    oct_buf_putc(out, '"');
}

void oct_buf_put_utf16_hex(oct_buf *b, unsigned cp)
{
    if (cp >= 0x10000 && cp <= 0x10FFFF) {
        cp -= 0x10000;
        oct_buf_printf(b, "%04X%04X", 0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF));
    } else {
        oct_buf_printf(b, "%04X", cp > 0x10FFFF ? 0xFFFDu : cp);
    }
}
