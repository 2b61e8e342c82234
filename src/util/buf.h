/* Growable byte buffer, always NUL-terminated. The caller owns `data`
 * (release with oct_buf_free, or take it with oct_buf_detach). */
#ifndef OCT_BUF_H
#define OCT_BUF_H
#include <stddef.h>
#include <string.h>

typedef struct {
    char *data;
    size_t len, cap;
} oct_buf;

#define OCT_BUF_INIT                                                                               \
    {                                                                                              \
        NULL, 0, 0                                                                                 \
    }

/* Room for `extra` more bytes and the NUL. */
void oct_buf_grow(oct_buf *b, size_t extra);

/* Inline: the writers of content streams, XHTML and JSON append a few
 * bytes at a time, and a call per byte was the first item of a profile. */
static inline void oct_buf_put(oct_buf *b, const void *p, size_t n)
{
    if (b->len + n + 1 > b->cap) oct_buf_grow(b, n);
    if (n) memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static inline void oct_buf_putc(oct_buf *b, char c)
{
    if (b->len + 2 > b->cap) oct_buf_grow(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}

void oct_buf_puts(oct_buf *b, const char *s);
void oct_buf_printf(oct_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends code point cp encoded as UTF-8. */
void oct_buf_put_utf8(oct_buf *b, unsigned cp);
/* Appends cp as UTF-16BE in upper-case hex (a surrogate pair above
 * U+FFFF): what PDF hex strings of text (ToUnicode, ActualText) hold. */
void oct_buf_put_utf16_hex(oct_buf *b, unsigned cp);
/* s as a JSON string (NULL: null), every control character, U+2028 and
 * U+2029 escaped; invalid UTF-8 written as U+FFFD. */
void oct_buf_put_json(oct_buf *b, const char *s);
void oct_buf_clear(oct_buf *b);
/* Returns the data (caller frees) and resets b. Never NULL. */
char *oct_buf_detach(oct_buf *b);
void oct_buf_free(oct_buf *b);

#endif
