/* The Anki backend's own pieces: SHA-1 against the FIPS 180 examples (Anki
 * compares csum values computed with its own SHA-1, and the GUIDs are cut
 * from it), every padding length around a block's end, and the field HTML
 * escaping (no tab, line end or double quote can reach a field). */
#include "anki/html.h"
#include "util/sha1.h"
#include "check.h"

#include <stdlib.h>
#include <string.h>

static void hex(const void *data, size_t len, char out[41])
{
    unsigned char h[20];
    oct_sha1(data, len, h);
    for (int i = 0; i < 20; i++)
        snprintf(out + 2 * i, 3, "%02x", h[i]);
}

static void test_sha1(void)
{
    char out[41];
    hex("", 0, out);
    CHECK_STR(out, "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    hex("abc", 3, out);
    CHECK_STR(out, "a9993e364706816aba3e25717850c26c9cd0d89d");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    hex(two, strlen(two), out);
    CHECK_STR(out, "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    char *mil = malloc(1000000);
    memset(mil, 'a', 1000000);
    hex(mil, 1000000, out);
    CHECK_STR(out, "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
    free(mil);
    /* 55, 56 and 64 bytes: the length still fits the last block, just
     * does not, and a whole block of data then a block of padding */
    hex("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 55, out);
    CHECK_STR(out, "c1c8bbdc22796e28c0e15163d20899b65621d65a");
    hex("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 56, out);
    CHECK_STR(out, "c2db330f6083854c99d4b5bfb6e8f29f201be699");
    hex("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 64, out);
    CHECK_STR(out, "0098ba824b5c16427bd7a1122a5a442a25ec644d");
}

static void test_escape(void)
{
    oct_buf b = OCT_BUF_INIT;
    oct_anki_html_text("a<b>&\"c'\td\r\ne\x01", 0, &b);
    CHECK_STR(b.data, "a&lt;b&gt;&amp;&quot;c&#39;&#9;d e");
    oct_buf_clear(&b);
    oct_anki_html_text("x\ny\r\nz", 1, &b);
    CHECK_STR(b.data, "x<br/>y<br/>z");
    oct_buf_free(&b);
}

int main(void)
{
    test_sha1();
    test_escape();
    return check_done();
}
