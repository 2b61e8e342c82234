/* Which side a block's furniture goes: a list's labels, a question's
 * number, bar and box, a quotation's rule, a table's first column. Text
 * running from the right (Arabic, Hebrew, Persian) is set right-aligned
 * by lineops.c; its furniture is mirrored here, so a bullet stands before
 * its item, on the right, not across the page from it. Each block goes
 * by its own text, as an EPUB reader does with dir="auto": an English
 * list in an Arabic booklet keeps its bullets on the left. */
#include "pdf/internal.h"
#include "unicode/bidi.h"
#include "util/utf8.h"

#include <string.h>

enum { MAX_TEXTS = 64 }; /* text nodes read before giving up: left to right */

/* -1: no strong character in s[0..n); else 1 for right to left, 0 left to right. */
static int strong_in(const char *s, size_t n)
{
    for (size_t i = 0, len; i < n; i += len) {
        int d = oct_bidi_strong(oct_utf8_decode(s + i, n - i, &len));
        if (d >= 0) return d;
    }
    return -1;
}

bool pdf_text_rtl(const char *s)
{
    return s && strong_in(s, strlen(s)) == 1;
}

bool pdf_node_rtl(const oct_node *n)
{
    oct_iter it;
    oct_iter_init(&it, n);
    int texts = 0;
    for (const oct_node *k; (k = oct_iter_next_node(&it)) != NULL && texts < MAX_TEXTS;) {
        if (k->kind == OCT_CODE_BLOCK || k->kind == OCT_CODE) {
            oct_iter_skip_children(&it);
            continue;
        }
        if (k->kind != OCT_TEXT || !k->text) continue;
        texts++;
        int d = strong_in(k->text, strlen(k->text));
        if (d >= 0) return d == 1;
    }
    return false;
}

double pdf_flip(const pdf_ctx *c, bool rtl, double x, double w)
{
    return rtl ? 2 * c->x + c->w - x - w : x;
}
