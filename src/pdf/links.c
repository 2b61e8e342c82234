/* Link targets and once-only warnings.
 *
 * A link becomes clickable only when it can work: a link inside the
 * booklet ("#anchor", "other.md#anchor", see tree/anchors.h) that names a
 * place in the tree (resolved to a page after pagination), or an absolute URL
 * with a scheme readers open safely. Relative paths (other notes files)
 * and javascript:/file:/data: URLs keep their colour but get no action. */
#include "pdf/internal.h"
#include "tree/anchors.h"
#include "util/xalloc.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_URL 4000

static const char *const SCHEMES[] = {"http", "https", "ftp", "ftps", "sftp", "mailto",
                                      "tel",  "news",  "irc", "ircs", "xmpp", NULL};

static int push_link(oct_pdf *p, char *target, bool internal)
{
    if (p->nlinks == p->caplinks) {
        p->caplinks = p->caplinks ? p->caplinks * 2 : 16;
        p->links = oct_xrealloc(p->links, p->caplinks * sizeof *p->links);
    }
    p->links[p->nlinks] = (pdf_link){target, internal};
    return (int)p->nlinks++;
}

int pdf_link_internal(oct_pdf *p, const char *key)
{
    return push_link(p, oct_xstrdup(key), true);
}

static bool has_id(const oct_pdf *p, const char *id)
{
    size_t lo = 0, hi = p->nids;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(p->ids[mid], id);
        if (c == 0) return true;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

static bool safe_scheme(const char *url)
{
    size_t n = 0;
    if (!isalpha((unsigned char)url[0])) return false;
    while (isalnum((unsigned char)url[n]) || url[n] == '+' || url[n] == '.' || url[n] == '-')
        n++;
    if (url[n] != ':') return false;
    for (size_t i = 0; SCHEMES[i]; i++)
        if (strlen(SCHEMES[i]) == n && strncasecmp(url, SCHEMES[i], n) == 0) return true;
    return false;
}

/* URI actions are 7-bit: percent-encode everything else (RFC 3986). */
static char *encode_uri(const char *url)
{
    oct_buf b = OCT_BUF_INIT;
    for (const unsigned char *s = (const unsigned char *)url; *s; s++) {
        if (*s <= 0x20 || *s >= 0x7F || strchr("\"<>\\^`{|}", *s))
            oct_buf_printf(&b, "%%%02X", *s);
        else
            oct_buf_putc(&b, (char)*s);
    }
    return oct_buf_detach(&b);
}

int pdf_link_add(oct_pdf *p, const char *url, unsigned from)
{
    if (!url || !*url || strlen(url) > MAX_URL) return -1;
    if (oct_anchor_is_local(url)) {
        /* a README's "#anchor" or "other.md#anchor": the place in the book
         * that carries it, or the nearest enclosing node with a page */
        const oct_node *n = oct_anchor_resolve(p->anchor_table, url, from);
        while (n && !(n->id && has_id(p, n->id)))
            n = n->parent;
        return n ? pdf_link_internal(p, n->id) : -1;
    }
    if (!safe_scheme(url)) return -1;
    return push_link(p, encode_uri(url), false);
}
