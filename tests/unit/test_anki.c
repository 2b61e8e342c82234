/* The Anki backend's own pieces: SHA-1 against the FIPS 180 examples (Anki
 * compares csum values computed with its own SHA-1, and the GUIDs are cut
 * from it), every padding length around a block's end, and the field HTML
 * escaping (no tab, line end or double quote can reach a field). */
#include "anki/html.h"
#include "tree/tree.h"
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

/* An ordered list keeps its numbers: 3, 14, 15 reads 3, 14, 15. */
static void test_list_numbers(void)
{
    oct_tree *t = oct_tree_new();
    oct_span at = {0, 1, 1};
    oct_node *answer = oct_node_new(t, OCT_ANSWER, at);
    oct_node *list = oct_node_new(t, OCT_LIST, at);
    oct_node_append(answer, list);
    list->u.list.ordered = true;
    list->u.list.start = 3;
    static const int numbers[] = {3, 14, 15};
    for (int i = 0; i < 3; i++) {
        oct_node *item = oct_node_new(t, OCT_ITEM, at);
        item->u.item.number = numbers[i];
        oct_node_append(list, item);
        oct_node *p = oct_node_new(t, OCT_PARAGRAPH, at);
        oct_node_append(item, p);
        oct_node_append(p, oct_node_new_text(t, OCT_TEXT, at, "x", 1));
    }
    oct_buf b = OCT_BUF_INIT;
    oct_anki_html_blocks(answer, &b);
    CHECK(b.data && strstr(b.data, "<ol start='3'><li><p>x</p></li><li value='14'>") != NULL);
    CHECK(b.data && strstr(b.data, "<li value='15'>") == NULL);
    oct_buf_free(&b);
    oct_tree_free(t);
}

int main(void)
{
    test_sha1();
    test_escape();
    test_list_numbers();
    return check_done();
}
