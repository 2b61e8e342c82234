#include "util/transcode.h"
#include "util/utf8.h"

#include <errno.h>
#include <iconv.h>
#include <string.h>

bool oct_transcode_append(oct_buf *b, const char *from, const char *in, size_t len)
{
    size_t unit = strncmp(from, "UTF-16", 6) == 0 ? 2 : strncmp(from, "UTF-32", 6) == 0 ? 4 : 1;
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1) return false;
    char *src = (char *)in;
    size_t left = len;
    while (left > 0) {
        oct_buf_grow(b, left * 4 + 16);
        char *dst = b->data + b->len;
        size_t room = b->cap - b->len - 1;
        size_t r = iconv(cd, &src, &left, &dst, &room);
        b->len = (size_t)(dst - b->data);
        b->data[b->len] = '\0';
        if (r != (size_t)-1 || errno == E2BIG) continue;
        oct_buf_put_utf8(b, OCT_REPLACEMENT_CHAR);
        if (errno == EINVAL || left < unit) break; /* truncated at the end */
        src += unit;
        left -= unit;
    }
    iconv_close(cd);
    return true;
}
