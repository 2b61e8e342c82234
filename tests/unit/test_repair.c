/* Mojibake repair: the real Django notes, every common kind of damage,
 * and a long list of correct text in many languages that must come out
 * byte-identical. */
#include "check.h"
#include "diag.h"
#include "ingest/decode/repair.h"
#include "util/utf8.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static size_t count_byte(const char *s, size_t n, char c)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += s[i] == c;
    return k;
}

typedef struct {
    char *text;
    size_t len, repairs;
    oct_diag *diag;
} result;

/* Repairs s and checks what must hold for any input. */
static result repair(const char *s, size_t len)
{
    result r;
    r.diag = oct_diag_new(NULL);
    r.text = oct_repair_mojibake("notes.txt", s, len, &r.len, &r.repairs, r.diag);
    CHECK(r.text != NULL);
    CHECK(strlen(r.text) == r.len);
    CHECK(check_valid_utf8(r.text, r.len));
    CHECK(count_byte(r.text, r.len, '\n') == count_byte(s, len, '\n'));
    CHECK(oct_diag_size(r.diag) == (r.repairs ? 1u : 0u));
    return r;
}

static void result_free(result *r)
{
    free(r->text);
    oct_diag_free(r->diag);
}

/* s must come out as want, with `count` repairs. */
static void expect(const char *s, const char *want, size_t count)
{
    result r = repair(s, strlen(s));
    CHECK_STR(r.text, want);
    if (r.repairs != count)
        fprintf(stderr, "  \"%s\": %zu repairs, expected %zu\n", s, r.repairs, count);
    CHECK(r.repairs == count);
    result_free(&r);
}

static void unchanged(const char *s)
{
    result r = repair(s, strlen(s));
    CHECK_STR(r.text, s);
    CHECK(r.repairs == 0);
    result_free(&r);
}

static bool contains(const char *hay, const char *needle)
{
    return strstr(hay, needle) != NULL;
}

static void test_django_guide(void)
{
    size_t len, exp_len;
    char *src = check_read_source("content/django/002-hundred-item-guide.txt", &len);
    char *want =
        check_read_source("tests/data/encodings/expected/django-002-repaired.txt", &exp_len);
    CHECK(src && want);
    if (!src || !want) goto out;
    result r = repair(src, len);
    CHECK(!contains(r.text, "‚Äô"));
    CHECK(!contains(r.text, "üß"));
    CHECK(!contains(r.text, "Ô∏è"));
    CHECK(!contains(r.text, "\xef\xa3\xbf")); /* the Apple logo U+F8FF */
    CHECK(contains(r.text, "Use Django’s built-in views"));
    CHECK(contains(r.text, "Let’s keep the momentum going"));
    CHECK(contains(r.text, "🧱 1. Django Basics\n"));
    CHECK(contains(r.text, "## 🏗️ 2. Django Project & App Structure\n"));
    CHECK(contains(r.text, "prep guide 🚀\n"));
    CHECK(contains(r.text, "prep guide 💪\n"));
    CHECK(contains(r.text, "## ⚡ 11. Django Caching"));
    CHECK(contains(r.text, "event handling—triggered"));
    /* Byte for byte what MacRoman-encoding each damaged run gives back. */
    CHECK(r.len == exp_len && memcmp(r.text, want, exp_len) == 0);
    /* 16 emoji, 3 apostrophes, an em dash and ⚡. */
    CHECK(r.repairs == 21);
    CHECK(oct_diag_size(r.diag) == 1);
    if (oct_diag_size(r.diag) == 1) {
        const oct_diag_msg *m = oct_diag_at(r.diag, 0);
        CHECK(m->severity == OCT_WARNING);
        CHECK_STR(m->code, "mojibake");
        CHECK_STR(m->file, "notes.txt");
        CHECK_STR(m->message,
                  "repaired 21 mis-decoded character sequences (UTF-8 read as MacRoman)");
    }
    /* Repairing the repaired text changes nothing. */
    result again = repair(r.text, r.len);
    CHECK_STR(again.text, r.text);
    CHECK(again.repairs == 0);
    result_free(&again);
    result_free(&r);
out:
    free(src);
    free(want);
}

static void test_django_correct(void)
{
    size_t len;
    char *src = check_read_source("content/django/003-twenty-six-answered.txt", &len);
    CHECK(src != NULL);
    if (!src) return;
    CHECK(contains(src, "Django’s") && contains(src, "–") && contains(src, "→"));
    result r = repair(src, len);
    CHECK(r.len == len && memcmp(r.text, src, len) == 0);
    CHECK(r.repairs == 0);
    result_free(&r);
    free(src);
}

static void test_windows_1252(void)
{
    expect("don\xc3\xa2\xe2\x82\xac\xe2\x84\xa2t", "don’t", 1); /* donâ€™t */
    expect("â€œquotedâ€\xc2\x9d and more", "“quoted” and more", 2);
    expect("â€œquotedâ€\ufffd and more", "“quoted” and more", 2);
    /* Other sequences that lost a byte cannot be restored, but they are
     * one damaged character, not three. */
    expect("smile ðŸ˜\ufffd!", "smile \ufffd!", 1);
    expect("CafÃ\ufffd ok", "Caf\ufffd ok", 1);
    expect("cafÃ©", "café", 1);
    expect("Ã©tÃ© Ã\u00a0 la plage", "été à la plage", 3);
    expect("wait â€” what", "wait — what", 1);
    expect("pages 5â€“7", "pages 5–7", 1);
    expect("naÃ¯ve GrÃ¶ÃŸe Ã¼ber", "naïve Größe über", 3);
    expect("Launch ðŸš€ now", "Launch 🚀 now", 1);
    expect("I like it ðŸ‘\xc2\x8d", "I like it 👍", 1); /* 0x8D kept as C1 */
    expect("â‚¬5 and 10Â°C", "€5 and 10°C", 2);
    expect("ZaÅ¼Ã³Å‚Ä‡ gÄ™Å›lÄ… jaÅºÅ„", "Zażółć gęślą jaźń", 4);
    expect("ÐŸÑ€Ð¸Ð²ÐµÑ‚, Ð¼Ð¸Ñ€", "Привет, мир", 2);
    expect("Î•Î»Î»Î·Î½Î¹ÎºÎ¬", "Ελληνικά", 1);
    expect("æ—¥æœ¬èªž", "日本語", 1);
    expect("Tiáº¿ng Viá»‡t", "Tiếng Việt", 2);
}

static void test_latin1(void)
{
    /* Latin-1 keeps the C1 controls that Windows-1252 would have shown. */
    expect("Ã\xc2\x89tÃ©", "Été", 2);
    expect("Ã\xc2\x81"
           "frica",
           "África", 1);
    expect("â\xc2\x80\xc2\x99s", "’s", 1);
    expect("r\u00c3\u00a9sum\u00c3\u00a9", "résumé", 2);
}

static void test_macroman(void)
{
    expect("caf√©", "café", 1);
    expect("Django‚Äôs", "Django’s", 1);
    expect("‚Äúquoted‚Äù", "“quoted”", 2);
    expect("Gr√∂√üe", "Größe", 1);
    expect("Smile \uf8ffüòÄ", "Smile 😀", 1);
    expect("‚Ç¨10 ‚Üí ‚Ä¶", "€10 → …", 3);
    expect("ni√±o se√±or", "niño señor", 2);
}

static void test_double_encoded(void)
{
    /* UTF-8 → Windows-1252 → UTF-8 → Windows-1252 → UTF-8. */
    expect("cafÃƒÂ©", "café", 1);
    expect("donÃ¢â‚¬â„¢t", "don’t", 1);
    expect("Ã¢â‚¬Å“hiÃ¢â‚¬Â\xc2\x9d", "“hi”", 2);
    /* Three times. */
    expect("cafÃƒÆ’Ã‚Â©", "café", 1);
    /* Latin-1 under Windows-1252. */
    expect("Ã¢Â€Â™s", "’s", 1);
    /* Windows-1252 under MacRoman. */
    expect("caf√É¬©", "café", 1);
}

static void test_mixed_and_message(void)
{
    const char *s = "Mac: Django‚Äôs, caf√©. Windows: donâ€™t.\n";
    result r = repair(s, strlen(s));
    CHECK_STR(r.text, "Mac: Django’s, café. Windows: don’t.\n");
    CHECK(r.repairs == 3);
    if (oct_diag_size(r.diag) == 1)
        CHECK_STR(oct_diag_at(r.diag, 0)->message,
                  "repaired 3 mis-decoded character sequences (UTF-8 read as MacRoman, "
                  "Windows-1252)");
    result_free(&r);
    expect("one: cafÃ©", "one: café", 1);
    r = repair("cafÃ©", 6);
    if (oct_diag_size(r.diag) == 1)
        CHECK_STR(oct_diag_at(r.diag, 0)->message,
                  "repaired 1 mis-decoded character sequence (UTF-8 read as Windows-1252)");
    result_free(&r);
    /* Lines stay lines: a repair never swallows or makes a newline. */
    expect("Ã©\nÃ©\n\nâ€™\n", "é\né\n\n’\n", 3);
}

/* Correct text in many languages and scripts, including the MacRoman-
 * and Windows-1252-looking sequences real words contain. */
static const char *const correct[] = {
    "café",
    "naïve",
    "Ça va ?",
    "Größe",
    "–",
    "’",
    "€",
    "©",
    "l’été",
    "“Ça va”",
    "«Élan»",
    "«CAFÉ»",
    "„Straße“",
    "Spaß…",
    "‚Äpfel‘",
    "Ö’s",
    "¿Qué?",
    "¡Hola!",
    "Mañana, señor",
    "Ação, coração, não",
    "São Paulo, MAÇÃ É",
    "Perché così?",
    "Fußgängerübergänge",
    "Œuvre, cœur, sœur",
    "Æsir, Ørsted, Ålesund",
    "”Å”",
    "Zażółć gęślą jaźń",
    "Příliš žluťoučký kůň úpěl ďábelské ódy",
    "Árvíztűrő tükörfúrógép",
    "Şişli'de ağaç, İstanbul, ılık",
    "Tiếng Việt có dấu",
    "Þórður og Guðrún",
    "Привет, мир! Это тест.",
    "Ґанок, їжак, єнот",
    "Καλημέρα κόσμε",
    "Δx ≈ 0",
    "שלום עולם",
    "مرحبا بالعالم",
    "नमस्ते दुनिया",
    "สวัสดีชาวโลก",
    "你好，世界！",
    "日本語のテキスト、「引用」。",
    "한국어 텍스트",
    "Հայերեն",
    "ქართული",
    "ሰላም",
    "ខ្មែរ\u200bភាសា",
    "🚀🧱🏗️👍🏽👨‍💻🇫🇷1️⃣",
    "√2 ≈ 1.414",
    "π ≈ 3.14159",
    "x ≤ 5 ≥ y",
    "±0.5",
    "∑ 1/n² → ∞",
    "√∞",
    "2×½ = 1",
    "5 × 3 = 15",
    "10–15 °C",
    "½ cup, ¼ tsp",
    "μs, µs, Ω, Ω",
    "§ 242 BGB, ¶ 3",
    "• item · item",
    "Copyright © 2024 ACME™ ®",
    "£5, ¥100, ¢50, ₹20",
    "ﬁnance ﬂow",
    "Hawaiʻi, ʼokina",
    "səviyyə, ɛ, ɔ",
    "/ˈfoʊ.nɛ.tɪk/",
    "e\u0301 decomposed, n\u0303",
    "Mr. Ö. Çelik",
    "É»",
    "AÑO NUEVO",
    "ÉCOLE, ÉTÉ",
    "Dinéʼiʼ Bikéyah",
    "«\u00a0Bonjour\u00a0»",
    "€\u00a010",
    "x\u00adword",
    "Ça\u2009va",
    "“Ü”",
    "‘É’",
    "—é",
    "–ü",
    "Ã",
    "Â",
    "Ã is a letter",
    "â€ is not mojibake alone? no: it is two letters",
    "Ñ",
    "Ð",
    "Ø",
    "×",
    "Þ",
    "ð",
    "ß",
    "ÿ",
    "Ÿ",
    "ƒ(x)",
    "¬p ∧ q",
    "∆t",
    "≈5",
    "A–Z",
    "a—b",
    "1—2",
    "“—”",
    "«…»",
    "…é",
    "’é",
    "“É",
    "”é",
    "—É",
    "…Œ",
    "line one\nline two\r\nline three\n",
    "",
};

static void test_correct_text(void)
{
    for (size_t i = 0; i < sizeof correct / sizeof *correct; i++) {
        result r = repair(correct[i], strlen(correct[i]));
        if (strcmp(r.text, correct[i]) != 0)
            fprintf(stderr, "  changed: \"%s\" -> \"%s\"\n", correct[i], r.text);
        CHECK(strcmp(r.text, correct[i]) == 0);
        CHECK(r.repairs == 0);
        result_free(&r);
    }
    /* And all of them at once, as one file. */
    size_t total = 0;
    for (size_t i = 0; i < sizeof correct / sizeof *correct; i++)
        total += strlen(correct[i]) + 1;
    char *all = malloc(total + 1), *p = all;
    for (size_t i = 0; i < sizeof correct / sizeof *correct; i++) {
        size_t n = strlen(correct[i]);
        memcpy(p, correct[i], n);
        p[n] = '\n';
        p += n + 1;
    }
    *p = '\0';
    unchanged(all);
    free(all);
}

/* Pseudo-random soup of mojibake-prone pieces: never a crash, always
 * valid UTF-8, same lines (checked in repair()), and stable. */
static void test_soup(void)
{
    static const char *const pieces[] = {"Ã", "©", "‚", "Ä", "ô",        "√",      "",  "ü", "ß",
                                         "±", "â", "€", "™", "\xc2\x89", "\ufffd", " ", "a", "\n",
                                         "Ð", "¿", "Î", "–", "é",        "’",      "😀", "Å", "¡",
                                         "Ô", "∏", "è", "ð", "Ÿ",        "˜",      "€"};
    unsigned seed = 7;
    char buf[4096];
    for (int round = 0; round < 200; round++) {
        size_t n = 0;
        while (n < sizeof buf - 8) {
            seed = seed * 1103515245u + 12345u;
            const char *piece = pieces[(seed >> 16) % (sizeof pieces / sizeof *pieces)];
            size_t l = strlen(piece);
            memcpy(buf + n, piece, l);
            n += l;
            if ((seed >> 8) % 97 == 0) break;
        }
        buf[n] = '\0';
        result r = repair(buf, n);
        result again = repair(r.text, r.len);
        CHECK(again.len <= r.len);
        result_free(&again);
        result_free(&r);
    }
}

/* Linear time: the 14 KB guide takes a fraction of a millisecond, and a
 * megabyte of solid mojibake still finishes promptly. */
static void test_speed(void)
{
    size_t len;
    char *src = check_read_source("content/django/002-hundred-item-guide.txt", &len);
    if (!src) return;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int i = 0; i < 20; i++) {
        size_t out_len, repairs;
        free(oct_repair_mojibake("notes.txt", src, len, &out_len, &repairs, NULL));
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double ms =
        ((double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6) / 20;
    printf("002-hundred-item-guide.txt: %.3f ms per repair\n", ms);
    CHECK(ms < 20.0); /* generous: sanitizer builds are slow */
    free(src);

    size_t big = 1 << 20;
    char *junk = malloc(big + 1);
    static const char unit[] = "Ã©‚Äô √∂ ðŸš€ x\n"; /* 25 bytes */
    for (size_t i = 0; i < big; i++)
        junk[i] = unit[i % (sizeof unit - 1)];
    big -= big % (sizeof unit - 1);
    junk[big] = '\0';
    clock_gettime(CLOCK_MONOTONIC, &t0);
    result r = repair(junk, big);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    printf("1 MB of mojibake: %.1f ms, %zu repairs\n", ms, r.repairs);
    CHECK(!contains(r.text, "Ã©") && !contains(r.text, "‚Äô") && !contains(r.text, "ðŸ"));
    CHECK(ms < 20000.0);
    result_free(&r);
    free(junk);
}

int main(void)
{
    test_django_guide();
    test_django_correct();
    test_windows_1252();
    test_latin1();
    test_macroman();
    test_double_encoded();
    test_mixed_and_message();
    test_correct_text();
    test_soup();
    test_speed();
    return check_done();
}
