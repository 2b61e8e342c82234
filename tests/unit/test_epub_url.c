#include "check.h"
#include "epub/url.h"
#include "util/xalloc.h"

#include <stdlib.h>

/* Normalizes url; returns a malloc'd result, or NULL when rejected. */
static char *norm(const char *url)
{
    oct_buf b = OCT_BUF_INIT;
    oct_buf_puts(&b, "prefix:");
    int rc = oct_epub_url_normalize(url, &b);
    if (rc != 0) {
        /* a rejected URL must leave the buffer as it was */
        CHECK_STR(b.data, "prefix:");
        oct_buf_free(&b);
        return NULL;
    }
    char *s = oct_xstrdup(b.data + 7);
    oct_buf_free(&b);
    return s;
}

#define ACCEPT(in, out)                                                                            \
    do {                                                                                           \
        char *got_ = norm(in);                                                                     \
        CHECK_STR(got_, out);                                                                      \
        free(got_);                                                                                \
    } while (0)

#define REJECT(in)                                                                                 \
    do {                                                                                           \
        char *got_ = norm(in);                                                                     \
        if (got_) fprintf(stderr, "  accepted %s as %s\n", in, got_);                              \
        CHECK(got_ == NULL);                                                                       \
        free(got_);                                                                                \
    } while (0)

static void test_accepts(void)
{
    ACCEPT("https://example.com", "https://example.com");
    ACCEPT("HTTP://Example.COM/Path", "http://example.com/Path");
    ACCEPT("  https://example.com/a b  ", "https://example.com/a%20b");
    ACCEPT("https://example.com/ü", "https://example.com/%C3%BC");
    ACCEPT("https://example.com/%7e%zz%", "https://example.com/%7e%25zz%25");
    ACCEPT("https://example.com/a#b#c", "https://example.com/a#b%23c");
    ACCEPT("https://example.com/?q=\"x\"&y=<z>", "https://example.com/?q=%22x%22&y=%3Cz%3E");
    ACCEPT("https://example.com/[x]{y}|^`\\", "https://example.com/%5Bx%5D%7By%7D%7C%5E%60%5C");
    ACCEPT("https://exa\nmple.com/\tx", "https://example.com/x");
    ACCEPT("https://user:pa ss@example.com:8080/x", "https://user:pa%20ss@example.com:8080/x");
    ACCEPT("http://127.0.0.1:80/", "http://127.0.0.1:80/");
    ACCEPT("http://[::1]:8000/x", "http://[::1]:8000/x");
    ACCEPT("http://example.com:/x", "http://example.com/x");
    ACCEPT("ftp://ftp.example.org/pub", "ftp://ftp.example.org/pub");
    ACCEPT("mailto:foo@bar.example.com", "mailto:foo@bar.example.com");
    ACCEPT("MAILTO:a b@c.d?subject=hi there", "mailto:a%20b@c.d?subject=hi%20there");
    ACCEPT("https://foo.bar.baz/test?q=hello&id=22&boolean",
           "https://foo.bar.baz/test?q=hello&id=22&boolean");
    ACCEPT("http://x.y/\xF0\x9F\x98\x80", "http://x.y/%F0%9F%98%80");
}

static void test_rejects(void)
{
    REJECT("");
    REJECT("javascript:alert(1)");
    REJECT("data:text/html,<b>x</b>");
    REJECT("vbscript:msgbox");
    REJECT("file:///etc/passwd");
    REJECT("docs/intro.md");
    REJECT("/absolute/path");
    REJECT("#fragment");
    REJECT("//example.com/protocol-relative");
    REJECT("http://");
    REJECT("http:/example.com");
    REJECT("http:example.com");
    REJECT("https:///path");
    REJECT("http://exa mple.com/");
    REJECT("http://-bad.com/");
    REJECT("http://bad-.com/");
    REJECT("http://a..b/");
    REJECT("http://example.com./");
    REJECT("http://under_score.com/");
    REJECT("http://münchen.de/");
    REJECT("http://999.1.1.1/");
    REJECT("http://1.2.3/");
    REJECT("http://01.2.3.4/");
    REJECT("http://example.123/");
    REJECT("http://0x7f.1/");
    REJECT("http://example.com:99999/");
    REJECT("http://example.com:80a/");
    REJECT("http://[zz::1]/");
    REJECT("http://[::1/");
    REJECT("http://a\\b.com/");
    REJECT("mailto:");
    REJECT("mailto:nobody");
    REJECT("irc://irc.example.org/chan");
    REJECT(":no-scheme");
    REJECT("1http://example.com");
}

int main(void)
{
    test_accepts();
    test_rejects();
    return check_done();
}
