/* Emoji sequences, after UTS #51's grammar:
 *
 *   sequence := flag | element (ZWJ element)*
 *   flag     := RI RI
 *   element  := base [modifier | VS16 [keycap] | keycap | tag+ cancel-tag]
 *
 * where a base is Emoji or Extended_Pictographic (ICU's properties). The
 * sequence is an emoji (not text) when any part asks for it: a base with
 * Emoji_Presentation, VS16, a modifier, a keycap mark, tags, a ZWJ join,
 * or a flag. VS15 after the first base makes it text. */
#include "unicode/emoji.h"
#include "util/utf8.h"

#include <unicode/uchar.h>

enum {
    ZWJ = 0x200D,
    VS15 = 0xFE0E,
    VS16 = 0xFE0F,
    KEYCAP = 0x20E3,
    TAG_FIRST = 0xE0020,
    TAG_LAST = 0xE007E,
    TAG_CANCEL = 0xE007F,
};

typedef struct {
    const char *s;
    size_t n, at;
} cursor;

static unsigned peek(const cursor *c, size_t *len)
{
    if (c->at >= c->n) {
        *len = 0;
        return 0;
    }
    return oct_utf8_decode(c->s + c->at, c->n - c->at, len);
}

static bool is_ri(unsigned cp)
{
    return cp >= 0x1F1E6 && cp <= 0x1F1FF;
}

static bool is_base(unsigned cp)
{
    return u_hasBinaryProperty((UChar32)cp, UCHAR_EMOJI) ||
           u_hasBinaryProperty((UChar32)cp, UCHAR_EXTENDED_PICTOGRAPHIC);
}

/* One element at c (its base already known to be one); returns whether
 * it asks for emoji presentation, -1 for text (VS15). */
static int element(cursor *c, unsigned base)
{
    size_t len;
    int emoji = u_hasBinaryProperty((UChar32)base, UCHAR_EMOJI_PRESENTATION) ? 1 : 0;
    unsigned cp = peek(c, &len);
    if (cp == VS15) {
        c->at += len;
        return -1;
    }
    if (u_hasBinaryProperty((UChar32)cp, UCHAR_EMOJI_MODIFIER)) {
        c->at += len;
        return 1;
    }
    if (cp == VS16) {
        c->at += len;
        emoji = 1;
        cp = peek(c, &len);
    }
    if (cp == KEYCAP) {
        c->at += len;
        return 1;
    }
    if (cp >= TAG_FIRST && cp <= TAG_LAST) {
        size_t save = c->at;
        while (cp >= TAG_FIRST && cp <= TAG_LAST) {
            c->at += len;
            cp = peek(c, &len);
        }
        if (cp == TAG_CANCEL) {
            c->at += len;
            return 1;
        }
        c->at = save; /* not a tag sequence: the tags are on their own */
    }
    return emoji;
}

size_t oct_emoji_sequence(const char *s, size_t n)
{
    /* text is mostly ASCII: only a keycap base can start a sequence there */
    unsigned char b0 = n ? (unsigned char)s[0] : 0;
    if (b0 < 0x80 && !(b0 == '#' || b0 == '*' || (b0 >= '0' && b0 <= '9'))) return 0;
    cursor c = {s, n, 0};
    size_t len;
    unsigned cp = peek(&c, &len);
    if (!len || (cp >= 0x80 && cp < 0xA9)) return 0;
    c.at += len;
    if (is_ri(cp)) {
        unsigned next = peek(&c, &len);
        if (!is_ri(next)) return 0;
        return c.at + len;
    }
    if (!is_base(cp)) return 0;
    int emoji = element(&c, cp);
    if (emoji < 0) return 0;
    for (;;) {
        unsigned z = peek(&c, &len);
        if (z != ZWJ) break;
        cursor after = c;
        after.at += len;
        size_t blen;
        unsigned b = peek(&after, &blen);
        if (!blen || !is_base(b)) break;
        after.at += blen;
        if (element(&after, b) < 0) break;
        c = after;
        emoji = 1;
    }
    return emoji > 0 ? c.at : 0;
}
