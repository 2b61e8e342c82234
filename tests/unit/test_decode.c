/* The byte-level decoder: BOM, line ends, invalid and overlong UTF-8,
 * surrogates, noncharacters, controls, and the one-warning-per-kind rule. */
#include "check.h"
#include "diag.h"
#include "ingest/decode/binary.h"
#include "ingest/decode/decode.h"
#include "ingest/ingest.h"

#include <stdlib.h>
#include <string.h>

#define FFFD "\xEF\xBF\xBD"

typedef struct {
    char *text;
    size_t len;
    oct_diag *diag;
} decoded;

static decoded decode_n(const char *bytes, size_t len)
{
    decoded r;
    r.diag = oct_diag_new(NULL);
    r.text = oct_decode_utf8("in.txt", bytes, len, &r.len, r.diag);
    return r;
}

static decoded decode(const char *bytes)
{
    return decode_n(bytes, strlen(bytes));
}

static void release(decoded *r)
{
    free(r->text);
    oct_diag_free(r->diag);
}

/* The i-th message, or a dummy so failed checks do not crash. */
static const oct_diag_msg *msg(const decoded *r, size_t i)
{
    static const oct_diag_msg none = {OCT_NOTE, NULL, 0, 0, "none", "none"};
    return i < oct_diag_size(r->diag) ? oct_diag_at(r->diag, i) : &none;
}

/* Decodes `in`, expects `out` and exactly `nwarn` warnings. */
static void expect(const char *in, size_t inlen, const char *out, size_t outlen, size_t nwarn)
{
    decoded r = decode_n(in, inlen);
    CHECK(r.len == outlen);
    CHECK(r.len == outlen && memcmp(r.text, out, outlen) == 0);
    CHECK(r.text[r.len] == '\0');
    CHECK(oct_diag_size(r.diag) == nwarn);
    release(&r);
}

#define EXPECT(in, out, nwarn) expect(in, sizeof in - 1, out, sizeof out - 1, nwarn)

static void test_clean_text_unchanged(void)
{
    EXPECT("plain ASCII\twith tab\n", "plain ASCII\twith tab\n", 0);
    EXPECT("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xEF\xBF\xBD",
           "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xEF\xBF\xBD", 0);
    EXPECT("max \xF4\x8F\xBF\xBF del \x7F", "max \xF4\x8F\xBF\xBF del \x7F", 0);
    EXPECT("", "", 0);
    decoded r = decode_n(NULL, 0);
    CHECK(r.len == 0 && r.text && r.text[0] == '\0');
    release(&r);
}

static void test_bom(void)
{
    EXPECT("\xEF\xBB\xBFhello", "hello", 0);
    EXPECT("\xEF\xBB\xBF", "", 0);
    /* Only a leading BOM is one; elsewhere U+FEFF is text. */
    EXPECT("a\xEF\xBB\xBF", "a\xEF\xBB\xBF", 0);
    EXPECT("\xEF\xBB\xBF\xEF\xBB\xBFx", "\xEF\xBB\xBFx", 0);
    /* Columns count from after the BOM. */
    decoded r = decode("\xEF\xBB\xBF\xFF");
    CHECK(msg(&r, 0)->line == 1 && msg(&r, 0)->col == 1);
    release(&r);
}

static void test_line_ends(void)
{
    EXPECT("a\r\nb\r\n", "a\nb\n", 0);
    EXPECT("a\rb\r\rc", "a\nb\n\nc", 0);
    EXPECT("a\r\r\nb\n\rc", "a\n\nb\n\nc", 0);
    EXPECT("\r", "\n", 0);
}

static void test_invalid_bytes(void)
{
    decoded r = decode("ab\xFF"
                       "c");
    CHECK_STR(r.text, "ab" FFFD "c");
    CHECK(oct_diag_size(r.diag) == 1);
    CHECK_STR(msg(&r, 0)->code, "invalid-utf8");
    CHECK(msg(&r, 0)->severity == OCT_WARNING);
    CHECK(msg(&r, 0)->line == 1 && msg(&r, 0)->col == 3);
    CHECK_STR(msg(&r, 0)->message, "invalid UTF-8 byte 0xff replaced by U+FFFD");
    release(&r);

    /* A lone continuation byte, a bad lead byte, a truncated sequence. */
    EXPECT("\x80", FFFD, 1);
    EXPECT("\xF5\xF8\xFE", FFFD FFFD FFFD, 1);
    EXPECT("\xE2\x82", FFFD, 1);
    EXPECT("\xE2\x82x", FFFD "x", 1);
    EXPECT("\xF0\x9F\x98", FFFD, 1);
    EXPECT("\xF0\x9F\x98\xF0\x9F\x98\x80", FFFD "\xF0\x9F\x98\x80", 1);
}

static void test_overlong_and_out_of_range(void)
{
    /* Maximal subparts: a byte that cannot start or continue a valid
     * sequence is one replacement on its own. */
    EXPECT("\xC0\xAF", FFFD FFFD, 1);
    EXPECT("\xC1\xBF", FFFD FFFD, 1);
    EXPECT("\xE0\x80\xAF", FFFD FFFD FFFD, 1);
    EXPECT("\xF0\x82\x82\xAC", FFFD FFFD FFFD FFFD, 1);
    EXPECT("\xF4\x90\x80\x80", FFFD FFFD FFFD FFFD, 1);
    /* Java's modified UTF-8 NUL is overlong too. */
    EXPECT("a\xC0\x80z", "a" FFFD FFFD "z", 1);
}

static void test_surrogates(void)
{
    decoded r = decode("x\xED\xA0\x80y\xED\xBF\xBFz");
    CHECK_STR(r.text, "xyz");
    CHECK(oct_diag_size(r.diag) == 1);
    CHECK_STR(msg(&r, 0)->code, "surrogate");
    CHECK(msg(&r, 0)->col == 2);
    CHECK(strstr(msg(&r, 0)->message, "U+D800") != NULL);
    CHECK(strstr(msg(&r, 0)->message, "1 more") != NULL);
    release(&r);

    /* A pair encoded separately (CESU-8) is one character. */
    r = decode("\xED\xA0\xBD\xED\xB8\x80!");
    CHECK_STR(r.text, "\xF0\x9F\x98\x80!");
    CHECK(oct_diag_size(r.diag) == 1);
    CHECK_STR(msg(&r, 0)->code, "cesu-8");
    release(&r);

    /* A low surrogate first is no pair: both are dropped. */
    EXPECT("\xED\xB8\x80\xED\xA0\xBD", "", 1);
    /* A half-started surrogate is just invalid, byte by byte. */
    EXPECT("\xED\xA0x", FFFD FFFD "x", 1);
    EXPECT("\xED\x9F\xBF", "\xED\x9F\xBF", 0); /* U+D7FF is fine */
}

static void test_noncharacters(void)
{
    decoded r = decode("a\xEF\xBF\xBE"
                       "b\xEF\xBF\xBF"
                       "c");
    CHECK_STR(r.text, "abc");
    CHECK(oct_diag_size(r.diag) == 1);
    CHECK_STR(msg(&r, 0)->code, "noncharacter");
    CHECK(strstr(msg(&r, 0)->message, "U+FFFE") != NULL);
    release(&r);
    /* Supplementary noncharacters are allowed by XML: kept. */
    EXPECT("\xF0\x9F\xBF\xBE", "\xF0\x9F\xBF\xBE", 0);
}

static void test_controls_and_nul(void)
{
    decoded r = decode("a\x01"
                       "b\x1b"
                       "c\td\x0b\x0c");
    CHECK_STR(r.text, "abc\td");
    CHECK(oct_diag_size(r.diag) == 1);
    CHECK_STR(msg(&r, 0)->code, "control-char");
    CHECK(msg(&r, 0)->col == 2);
    CHECK_STR(msg(&r, 0)->message, "control character U+0001 removed (3 more in this file)");
    release(&r);

    static const char with_nul[] = "a\0b\0";
    r = decode_n(with_nul, sizeof with_nul - 1);
    CHECK(r.len == 8 && memcmp(r.text, "a" FFFD "b" FFFD, 8) == 0);
    CHECK(oct_diag_size(r.diag) == 1);
    CHECK_STR(msg(&r, 0)->code, "nul-byte");
    CHECK(msg(&r, 0)->col == 2);
    release(&r);

    /* a log's colours go whole, not just their ESC; a lone ESC before
     * text that is no sequence goes alone */
    r = decode("Compiler said \x1b[31merror\x1b[0m, \x1b[1;4mbold\x1b[m \x1b[\tx\x1bZ.");
    CHECK_STR(r.text, "Compiler said error, bold [\txZ.");
    CHECK(oct_diag_size(r.diag) == 2);
    CHECK_STR(msg(&r, 0)->code, "control-char");
    CHECK(msg(&r, 0)->col == 15);
    CHECK(strstr(msg(&r, 0)->message, "terminal escape sequence") != NULL);
    CHECK(strstr(msg(&r, 0)->message, "(3 more in this file)") != NULL);
    release(&r);

    /* C1 controls survive decoding: mojibake repair needs them. */
    EXPECT("\xC2\x85\xC2\x9F\xC2\xA0", "\xC2\x85\xC2\x9F\xC2\xA0", 0);
}

static void test_line_numbers(void)
{
    decoded r = decode("one\r\ntwo\r\nth\xFF"
                       "ree\rfour\x02\n\nsix\xEF\xBF\xBF");
    CHECK(oct_diag_size(r.diag) == 3);
    CHECK_STR(msg(&r, 0)->code, "invalid-utf8");
    CHECK(msg(&r, 0)->line == 3 && msg(&r, 0)->col == 3);
    CHECK_STR(msg(&r, 1)->code, "control-char");
    CHECK(msg(&r, 1)->line == 4 && msg(&r, 1)->col == 5);
    CHECK_STR(msg(&r, 2)->code, "noncharacter");
    CHECK(msg(&r, 2)->line == 6 && msg(&r, 2)->col == 4);
    release(&r);
}

static void test_one_warning_per_kind(void)
{
    /* Many problems of three kinds: three warnings, in order of first
     * occurrence, each with the count of the rest. */
    decoded r = decode("\x01\n\xFF\xFE\n\x02\x03\n\xC0\n\xED\xA0\x80\n");
    CHECK(oct_diag_size(r.diag) == 3);
    CHECK_STR(msg(&r, 0)->code, "control-char");
    CHECK(msg(&r, 0)->line == 1);
    CHECK(strstr(msg(&r, 0)->message, "2 more") != NULL);
    CHECK_STR(msg(&r, 1)->code, "invalid-utf8");
    CHECK(msg(&r, 1)->line == 2 && msg(&r, 1)->col == 1);
    CHECK(strstr(msg(&r, 1)->message, "2 more") != NULL);
    CHECK_STR(msg(&r, 2)->code, "surrogate");
    CHECK(msg(&r, 2)->line == 5);
    CHECK(oct_diag_count(r.diag, OCT_WARNING) == 3);
    release(&r);
}

static void test_drop_c1(void)
{
    oct_diag *d = oct_diag_new(NULL);
    char text[] = "ok\nx\xC2\x85y\xC2\x80\xC2\xA0z";
    size_t len = strlen(text);
    CHECK(oct_decode_drop_c1("in.txt", text, &len, d) == 2);
    CHECK_STR(text, "ok\nxy\xC2\xA0z");
    CHECK(len == strlen(text));
    CHECK(oct_diag_size(d) == 1);
    const oct_diag_msg *m = oct_diag_size(d) ? oct_diag_at(d, 0) : NULL;
    CHECK(m && strcmp(m->code, "c1-control") == 0 && m->line == 2 && m->col == 2);
    CHECK(m && strstr(m->message, "U+0085") != NULL);
    char clean[] = "\xC3\x85 no C1";
    len = strlen(clean);
    CHECK(oct_decode_drop_c1("in.txt", clean, &len, d) == 0);
    CHECK(oct_diag_size(d) == 1);
    oct_diag_free(d);
}

static void test_unligate(void)
{
    char text[] = "\xEF\xAC\x81nding the \xEF\xAC\x82oor, o\xEF\xAC\x83"
                  "ce, \xEF\xAC\x85op, "
                  "\xEF\xAC\x87 stays";
    size_t len = strlen(text);
    CHECK(oct_decode_unligate(text, &len) == 4);
    CHECK_STR(text, "finding the floor, office, \xC5\xBFtop, \xEF\xAC\x87 stays");
    CHECK(len == strlen(text));
    char cut[] = "ends in \xEF\xAC"; /* not a whole character: left */
    len = strlen(cut);
    CHECK(oct_decode_unligate(cut, &len) == 0 && len == strlen("ends in \xEF\xAC"));
}

static void test_clean(void)
{
    oct_buf b = OCT_BUF_INIT;
    CHECK(oct_decode_clean("plain \xC3\xA9\t\n\xEF\xBF\xBD", 13, &b) == 0);
    CHECK_STR(b.data, "plain \xC3\xA9\t\n\xEF\xBF\xBD");
    oct_buf_clear(&b);
    CHECK(oct_decode_clean("a\x01"
                           "b\xC2\x85"
                           "c\xEF\xBF\xBE"
                           "d\xFE"
                           "e\xCB",
                           13, &b) == 5);
    CHECK_STR(b.data, "abcd" FFFD "e" FFFD);
    oct_buf_free(&b);
}

static void test_ingest_decode(void)
{
    oct_diag *d = oct_diag_new(NULL);
    size_t len = 99;
    char *s = oct_ingest_decode("big.txt", "x", (size_t)OCT_MAX_SOURCE_BYTES + 1, &len, d);
    CHECK(s == NULL && len == 0);
    CHECK(oct_diag_count(d, OCT_ERROR) == 1);
    CHECK(oct_diag_size(d) == 1 && strcmp(oct_diag_at(d, 0)->code, "limit-source-size") == 0);

    /* The whole first stage: BOM, CRLF, invalid byte, and a C1 control
     * that no repair claims is dropped at the end. */
    static const char in[] = "\xEF\xBB\xBF# T\r\n\r\nbad \xFF and \x01 c1 \xC2\x80 end\r\n";
    s = oct_ingest_decode("in.txt", in, sizeof in - 1, &len, d);
    CHECK_STR(s, "# T\n\nbad " FFFD " and  c1  end\n");
    CHECK(s && len == strlen(s));
    CHECK(oct_diag_count(d, OCT_WARNING) == 3);
    free(s);

    s = oct_ingest_decode("empty.txt", NULL, 0, &len, d);
    CHECK(s && len == 0 && s[0] == '\0');
    free(s);
    oct_diag_free(d);
}

/* Sources that are no text at all are named for what they are; text
 * with a stray NUL, terminal colours or in UTF-16 is text. */
static void test_binary(void)
{
    const char *hint;
    CHECK(oct_binary_kind((const unsigned char *)"%PDF-1.7\n", 9, &hint) &&
          strstr(hint, "pdftotext"));
    CHECK(!strcmp(oct_binary_kind((const unsigned char *)"\x89PNG\r\n\x1a\n....", 12, &hint),
                  "a PNG image"));
    CHECK(strstr(oct_binary_kind((const unsigned char *)"PK\x03\x04"
                                                        "abcd",
                                 8, &hint),
                 "ZIP"));
    unsigned char noise[4096];
    unsigned x = 12345;
    for (size_t i = 0; i < sizeof noise; i++) {
        x = x * 1103515245u + 12345u;
        noise[i] = (unsigned char)(x >> 16);
    }
    CHECK(!strcmp(oct_binary_kind(noise, sizeof noise, &hint), "binary data") && !*hint);
    static const char nul_text[] = "# Notes\n\nQ: a\0b?\nA: yes\n";
    const char *texts[] = {nul_text, "\x1b[31merror\x1b[0m: disk full\n",
                           "caf\xe9 cr\xe8"
                           "me\r\n",
                           ""};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        CHECK(oct_binary_kind((const unsigned char *)texts[i],
                              i == 0 ? sizeof nul_text - 1 : strlen(texts[i]), &hint) == NULL);
    unsigned char utf16[64];
    for (size_t i = 0; i < sizeof utf16; i += 2) {
        utf16[i] = (unsigned char)("What is a cell? The unit of life."[i / 2 % 33]);
        utf16[i + 1] = 0;
    }
    CHECK(oct_binary_kind(utf16, sizeof utf16, &hint) == NULL);
}

int main(void)
{
    test_clean_text_unchanged();
    test_binary();
    test_bom();
    test_line_ends();
    test_invalid_bytes();
    test_overlong_and_out_of_range();
    test_surrogates();
    test_noncharacters();
    test_controls_and_nul();
    test_line_numbers();
    test_one_warning_per_kind();
    test_drop_c1();
    test_unligate();
    test_clean();
    test_ingest_decode();
    return check_done();
}
