#include "epub/url.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Two validators judge our links: epubcheck 4 parses hrefs as RFC 3986 /
 * java.net.URI, epubcheck 5 as WHATWG URLs. The output here satisfies
 * both: pure ASCII, every byte outside the RFC 3986 set percent-encoded,
 * and hosts limited to what both parse the same way (DNS names starting
 * the last label with a letter, dotted-quad IPv4, bracketed IPv6). */

enum { URL_MAX = 8192, HOST_MAX = 253, LABEL_MAX = 63 };

static int is_unreserved(int c)
{
    return isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

static int is_subdelim(int c)
{
    return c != '\0' && strchr("!$&'()*+,;=", c) != NULL;
}

static int is_hex(int c)
{
    return isxdigit(c);
}

static void put_pct(oct_buf *out, unsigned char c)
{
    static const char hex[] = "0123456789ABCDEF";
    char e[3] = {'%', hex[c >> 4], hex[c & 15]};
    oct_buf_put(out, e, 3);
}

/* Path, query and fragment. A '?' starts the query and a '#' the fragment
 * once; any later '#' is data and gets escaped. */
static void encode_rest(const char *s, oct_buf *out)
{
    int in_fragment = 0;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '%' && is_hex((unsigned char)s[1]) && is_hex((unsigned char)s[2])) {
            oct_buf_put(out, s, 3);
            s += 2;
        } else if (c == '#' && !in_fragment) {
            in_fragment = 1;
            oct_buf_putc(out, '#');
        } else if (c < 0x80 && (is_unreserved(c) || is_subdelim(c) || strchr(":@/?", c))) {
            oct_buf_putc(out, (char)c);
        } else {
            put_pct(out, c);
        }
    }
}

static void encode_userinfo(const char *s, size_t n, oct_buf *out)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '%' && i + 2 < n && is_hex((unsigned char)s[i + 1]) &&
            is_hex((unsigned char)s[i + 2])) {
            oct_buf_put(out, s + i, 3);
            i += 2;
        } else if (c < 0x80 && (is_unreserved(c) || is_subdelim(c) || c == ':')) {
            oct_buf_putc(out, (char)c);
        } else {
            put_pct(out, c);
        }
    }
}

static int is_ipv4(const char *h, size_t n)
{
    int parts = 0;
    size_t i = 0;
    while (i < n) {
        size_t start = i;
        int v = 0;
        while (i < n && isdigit((unsigned char)h[i]) && i - start < 3)
            v = v * 10 + (h[i++] - '0');
        size_t len = i - start;
        /* Leading zeros would be read as octal by WHATWG parsers. */
        if (len == 0 || v > 255 || (len > 1 && h[start] == '0')) return 0;
        parts++;
        if (i == n) break;
        if (h[i] != '.' || i + 1 == n) return 0;
        i++;
    }
    return parts == 4;
}

static int is_dns_name(const char *h, size_t n)
{
    if (n == 0 || n > HOST_MAX) return 0;
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && h[i] != '.') {
            unsigned char c = (unsigned char)h[i];
            if (c >= 0x80 || !(isalnum(c) || c == '-')) return 0;
            continue;
        }
        size_t len = i - start;
        if (len == 0 || len > LABEL_MAX || h[start] == '-' || h[i - 1] == '-') return 0;
        /* A numeric last label makes WHATWG parse the host as IPv4. */
        if (i == n) return isalpha((unsigned char)h[start]);
        start = i + 1;
    }
    return 0;
}

static int is_ipv6_literal(const char *h, size_t n)
{
    if (n < 4 || h[0] != '[' || h[n - 1] != ']') return 0;
    int colons = 0;
    for (size_t i = 1; i + 1 < n; i++) {
        if (h[i] == ':')
            colons++;
        else if (!is_hex((unsigned char)h[i]) && h[i] != '.')
            return 0;
    }
    return colons >= 2;
}

/* host[:port], lowercased; returns -1 when unusable. */
static int put_hostport(const char *s, size_t n, oct_buf *out)
{
    size_t hostlen = n;
    const char *colon = NULL;
    if (n && s[0] == '[') {
        const char *close = memchr(s, ']', n);
        if (!close) return -1;
        hostlen = (size_t)(close - s) + 1;
        if (hostlen < n && s[hostlen] != ':') return -1;
        if (hostlen < n) colon = s + hostlen;
        if (!is_ipv6_literal(s, hostlen)) return -1;
    } else {
        for (size_t i = 0; i < n; i++)
            if (s[i] == ':') colon = s + i, hostlen = i;
        if (memchr(s, ':', hostlen)) return -1;
        if (!is_ipv4(s, hostlen) && !is_dns_name(s, hostlen)) return -1;
    }
    for (size_t i = 0; i < hostlen; i++)
        oct_buf_putc(out, (char)tolower((unsigned char)s[i]));
    if (!colon) return 0;
    size_t plen = n - (size_t)(colon - s) - 1;
    long port = 0;
    for (size_t i = 1; i <= plen; i++) {
        if (!isdigit((unsigned char)colon[i]) || i > 5) return -1;
        port = port * 10 + (colon[i] - '0');
    }
    if (port > 65535) return -1;
    if (plen) oct_buf_put(out, colon, plen + 1);
    return 0;
}

/* "//[userinfo@]host[:port]" followed by the rest. */
static int put_hierarchical(const char *s, oct_buf *out)
{
    if (s[0] != '/' || s[1] != '/') return -1;
    s += 2;
    size_t n = strcspn(s, "/?#");
    if (memchr(s, '\\', n)) return -1;
    const char *at = NULL;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '@') at = s + i;
    oct_buf_puts(out, "//");
    const char *host = s;
    if (at) {
        if (at > s) {
            encode_userinfo(s, (size_t)(at - s), out);
            oct_buf_putc(out, '@');
        }
        host = at + 1;
    }
    if (put_hostport(host, n - (size_t)(host - s), out) != 0) return -1;
    encode_rest(s + n, out);
    return 0;
}

static int put_mailto(const char *s, oct_buf *out)
{
    size_t addr = strcspn(s, "?#");
    if (addr == 0 || !memchr(s, '@', addr)) return -1;
    encode_rest(s, out);
    return 0;
}

/* Copy without surrounding spaces/controls and without tabs and newlines
 * inside (WHATWG drops those too). */
static char *clean_copy(const char *url)
{
    size_t n = strlen(url);
    while (n && (unsigned char)url[n - 1] <= ' ')
        n--;
    while (n && (unsigned char)*url <= ' ')
        url++, n--;
    char *s = malloc(n + 1), *d = s;
    if (!s) return NULL;
    for (size_t i = 0; i < n; i++)
        if (url[i] != '\t' && url[i] != '\n' && url[i] != '\r') *d++ = url[i];
    *d = '\0';
    return s;
}

int oct_epub_url_normalize(const char *url, oct_buf *out)
{
    if (!url || strlen(url) > URL_MAX) return -1;
    char *s = clean_copy(url);
    if (!s) return -1;
    size_t k = 0;
    while (isalnum((unsigned char)s[k]) || s[k] == '+' || s[k] == '-' || s[k] == '.')
        k++;
    for (size_t i = 0; i < k; i++)
        s[i] = (char)tolower((unsigned char)s[i]);
    int rc = -1;
    size_t mark = out->len;
    if (s[k] == ':' && k > 0 && isalpha((unsigned char)s[0])) {
        s[k] = '\0';
        int web = !strcmp(s, "http") || !strcmp(s, "https") || !strcmp(s, "ftp");
        if (web || !strcmp(s, "mailto")) {
            oct_buf_puts(out, s);
            oct_buf_putc(out, ':');
            rc = web ? put_hierarchical(s + k + 1, out) : put_mailto(s + k + 1, out);
        }
    }
    if (rc != 0) {
        out->len = mark;
        if (out->data) out->data[mark] = '\0';
    }
    free(s);
    return rc;
}
