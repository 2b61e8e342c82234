/* Legacy encodings: detection and conversion of the fixtures in
 * tests/data/encodings (each legacy file has its UTF-8 twin under
 * expected/), plus short inline cases and random bytes. */
#include "check.h"
#include "diag.h"
#include "ingest/decode/charset.h"
#include "util/utf8.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static char *read_fixture(const char *name, size_t *len)
{
    char rel[1024];
    snprintf(rel, sizeof rel, "tests/data/encodings/%s", name);
    return check_read_source(rel, len);
}

/* Converts bytes; returns the result (NUL-terminated copy, or NULL) and
 * the single diagnostic's message in *msg (NULL if none). */
static char *convert(const char *name, const char *bytes, size_t len, oct_diag *d, const char **msg)
{
    size_t before = oct_diag_size(d), out_len = 0;
    char *out = oct_charset_to_utf8(name, bytes, len, &out_len, d);
    *msg = oct_diag_size(d) > before ? oct_diag_at(d, oct_diag_size(d) - 1)->message : NULL;
    CHECK(oct_diag_size(d) - before <= 1); /* one warning at most */
    if (out) {
        CHECK(check_valid_utf8(out, out_len));
        CHECK(strlen(out) == out_len);
    }
    return out;
}

/* A legacy fixture: converted, equal to its UTF-8 twin, one warning that
 * names the encoding. */
static void check_legacy(const char *name, const char *encoding)
{
    oct_diag *d = oct_diag_new(NULL);
    size_t len, exp_len;
    char *bytes = read_fixture(name, &len);
    char expected_name[256];
    snprintf(expected_name, sizeof expected_name, "expected/%s", name);
    char *expected = read_fixture(expected_name, &exp_len);
    CHECK(bytes != NULL && expected != NULL);
    if (!bytes || !expected) goto out;
    const char *msg;
    char *out = convert(name, bytes, len, d, &msg);
    CHECK(out != NULL);
    CHECK_STR(out, expected);
    char want[128];
    snprintf(want, sizeof want, "file is not UTF-8; read as %s", encoding);
    CHECK_STR(msg, want);
    CHECK(oct_diag_count(d, OCT_WARNING) == 1);
    if (oct_diag_size(d) == 1) {
        CHECK_STR(oct_diag_at(d, 0)->code, "legacy-encoding");
        CHECK_STR(oct_diag_at(d, 0)->file, name);
    }
    free(out);
out:
    free(bytes);
    free(expected);
    oct_diag_free(d);
}

/* Text that must be read as UTF-8: NULL and no diagnostics. */
static void check_utf8(const char *label, const char *bytes, size_t len)
{
    oct_diag *d = oct_diag_new(NULL);
    const char *msg;
    char *out = convert(label, bytes, len, d, &msg);
    CHECK(out == NULL);
    CHECK(oct_diag_size(d) == 0);
    if (out) fprintf(stderr, "  %s was converted: %s\n", label, msg ? msg : "");
    free(out);
    oct_diag_free(d);
}

static void check_utf8_fixture(const char *name)
{
    size_t len;
    char *bytes = read_fixture(name, &len);
    CHECK(bytes != NULL && len > 0);
    if (bytes) check_utf8(name, bytes, len);
    free(bytes);
}

static void test_fixtures(void)
{
    check_legacy("latin1-french.txt", "ISO-8859-1");
    check_legacy("latin1-short.txt", "ISO-8859-1");
    check_legacy("cp1252-quotes.txt", "WINDOWS-1252");
    check_legacy("macroman-notes.txt", "MACROMAN");
    check_legacy("cp1251-russian.txt", "WINDOWS-1251");
    check_legacy("iso8859-2-polish.txt", "ISO-8859-2");
    check_legacy("utf16le-bom.txt", "UTF-16LE");
    check_utf8_fixture("ascii.txt");
    check_utf8_fixture("utf8-multilingual.txt");
    check_utf8_fixture("utf8-one-bad-byte.txt");
}

/* Expects `bytes` to convert to `want`, read as `encoding`. */
static void check_inline(const char *bytes, const char *want, const char *encoding)
{
    oct_diag *d = oct_diag_new(NULL);
    const char *msg;
    char *out = convert("inline.txt", bytes, strlen(bytes), d, &msg);
    CHECK_STR(out, want);
    char expect_msg[128];
    snprintf(expect_msg, sizeof expect_msg, "file is not UTF-8; read as %s", encoding);
    CHECK_STR(msg, expect_msg);
    free(out);
    oct_diag_free(d);
}

static void test_short_inputs(void)
{
    check_inline("caf\xe9\n", "café\n", "ISO-8859-1");
    check_inline("It\x92s fine\n", "It’s fine\n", "WINDOWS-1252");
    check_inline("\x93Quoted\x94 \x96 5 \x80\n", "“Quoted” – 5 €\n", "WINDOWS-1252");
    check_inline("Na\xefve Gr\xf6\xdf"
                 "e, \xe0 bient\xf4t\n",
                 "Naïve Größe, à bientôt\n", "ISO-8859-1");
    /* MacRoman: é è à ç and curly quotes live at other bytes. */
    check_inline("L\xd5\x8el\x8fve a \x8et\x8e \x88 l\xd5\x8e"
                 "cole, \xd2\x82"
                 "a va\xd3\n",
                 "L’élève a été à l’école, “Ça va”\n", "MACROMAN");
    check_inline("Gr\x9a\xa7"
                 "e \x9f"
                 "ber alles \xd1 na\x95ve caf\x8e\n",
                 "Größe über alles — naïve café\n", "MACROMAN");
    /* An undefined Windows-1252 byte becomes U+FFFD. */
    check_inline("caf\xe9 \x81 \x93ok\x94\n", "café \xef\xbf\xbd “ok”\n", "WINDOWS-1252");
    /* No byte-order mark, but the zero bytes of UTF-16. */
    static const char utf16be[] = {0, 'h', 0, 'i', 0, ' ', 0, (char)0xE9, 0, '\n'};
    oct_diag *d = oct_diag_new(NULL);
    size_t n;
    char *out = oct_charset_to_utf8("be.txt", utf16be, sizeof utf16be, &n, d);
    CHECK_STR(out, "hi é\n");
    CHECK(oct_diag_size(d) == 1);
    free(out);
    oct_diag_free(d);
}

static void test_utf8_stays(void)
{
    check_utf8("empty", "", 0);
    check_utf8("ascii", "plain text\n", 11);
    const char *bom = "\xef\xbb\xbfhello \xc3\xa9\n";
    check_utf8("bom", bom, strlen(bom));
    const char *mojibake = "Django\xe2\x80\x9a\xc3\x84\xc3\xb4s"; /* valid UTF-8 */
    check_utf8("mojibake", mojibake, strlen(mojibake));
    /* Many good sequences and two broken ones: the decoder's business. */
    const char *few_bad = "Gr\xc3\xb6\xc3\x9f"
                          "e \xc3\xbc"
                          "ber \xce\xb1\xce\xb2\xce\xb3 "
                          "\xd0\xbc\xd0\xb8\xd1\x80 \xe2\x80\x94 \xff ok \xe2\x82\n";
    check_utf8("few-bad", few_bad, strlen(few_bad));
    const char *nul = "a\0b";
    check_utf8("nul", nul, 3);
}

/* Random bytes never crash and always come out as valid UTF-8. */
static void test_random_bytes(void)
{
    unsigned seed = 12345;
    char buf[300];
    oct_diag *d = oct_diag_new(NULL);
    int converted = 0;
    for (int round = 0; round < 300; round++) {
        size_t n = (size_t)(round % 97) + 1;
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            unsigned r = (seed >> 16) & 0xFF;
            unsigned c = round % 3 == 0 ? r : (r & 1) ? (r | 0x80u) : 'a' + r % 26u;
            buf[i] = (char)c;
        }
        size_t out_len = 0;
        char *out = oct_charset_to_utf8("random.bin", buf, n, &out_len, d);
        if (out) {
            converted++;
            CHECK(check_valid_utf8(out, out_len));
        }
        free(out);
    }
    CHECK(converted > 100);
    CHECK(oct_diag_size(d) == (size_t)converted);
    oct_diag_free(d);
}

int main(void)
{
    test_fixtures();
    test_short_inputs();
    test_utf8_stays();
    test_random_bytes();
    return check_done();
}
