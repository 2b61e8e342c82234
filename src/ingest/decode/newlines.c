#include "ingest/decode/newlines.h"
#include "util/utf8.h"

#include <string.h>

#include <utf8proc.h>

/* The literal text at the edge of an inline node: its own for text and
 * code, else that of its last (or first) descendant. */
static const char *edge_literal(cmark_node *n, bool last)
{
    while (n) {
        cmark_node_type t = cmark_node_get_type(n);
        if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE || t == CMARK_NODE_HTML_INLINE)
            return cmark_node_get_literal(n);
        n = last ? cmark_node_last_child(n) : cmark_node_first_child(n);
    }
    return NULL;
}

static unsigned last_char(const char *s)
{
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    if (!n) return 0;
    size_t start = oct_utf8_last_start(s, n), len;
    return oct_utf8_decode(s + start, n - start, &len);
}

bool oct_newline_is_hard(cmark_node *softbreak)
{
    const char *before = edge_literal(cmark_node_previous(softbreak), true);
    const char *after = edge_literal(cmark_node_next(softbreak), false);
    if (!before || !after || !*after) return true;
    size_t len;
    unsigned next = oct_utf8_decode(after, strlen(after), &len);
    unsigned prev = last_char(before);
    bool ends_clause = prev == '.' || prev == ':' || prev == '!' || prev == '?';
    bool continues = utf8proc_category((utf8proc_int32_t)next) == UTF8PROC_CATEGORY_LL;
    return ends_clause || !continues;
}
