/* Line breaks of scripts without spaces (src/unicode/breaks.c, issue 10):
 * Thai is broken by ICU's dictionary between words, Chinese between
 * ideographs but never before closing or after opening punctuation. The
 * PDF breaks a multilingual booklet with its own language's rules, so both
 * are asked in "en" (tests/data/multilingual is an English booklet) as well
 * as in their own language.
 *
 * Thai: the words of tests/data/multilingual/thai-words.txt run together
 * (the paragraph of asia.md). ICU may allow a break only between two of
 * them, and must find most of those places (without the dictionary it finds
 * none: Thai letters are class SA). */
#include "check.h"
#include "unicode/breaks.h"
#include "util/utf8.h"

#include <stdint.h>
#include <stdlib.h>

#define MAX_CPS 1024

/* Decodes s into cps (at most MAX_CPS); returns the count. */
static size_t decode(const char *s, uint32_t *cps)
{
    size_t n = 0, i = 0, len = strlen(s), l;
    while (i < len && n < MAX_CPS) {
        cps[n++] = oct_utf8_decode(s + i, len - i, &l);
        i += l;
    }
    return n;
}

/* The Thai paragraph in code points, and word_end[k]: a word ends after
 * character k. Returns the count (0 if the file cannot be read). */
static size_t thai_words(uint32_t *cps, bool *word_end, size_t *nwords)
{
    size_t len, n = 0;
    char *text = check_read_source("tests/data/multilingual/thai-words.txt", &len);
    if (!text) return 0;
    *nwords = 0;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        if (*line == '#' || !*line) continue;
        size_t m = decode(line, cps + n);
        if (m == 0 || n + m >= MAX_CPS) break;
        n += m;
        word_end[n - 1] = true;
        (*nwords)++;
    }
    free(text);
    return n;
}

/* Breaks cps[0..n) in lang into flags; false if ICU cannot. */
static bool run_breaker(const char *lang, const uint32_t *cps, size_t n, uint8_t *flags)
{
    const char *why = NULL;
    oct_breaker *b = oct_breaker_new(lang, &why);
    CHECK(b != NULL);
    if (!b) return false;
    oct_breaker_run(b, cps, n, flags);
    oct_breaker_free(b);
    return true;
}

static void thai(const char *lang)
{
    static uint32_t cps[MAX_CPS];
    static bool word_end[MAX_CPS];
    static uint8_t flags[MAX_CPS];
    memset(word_end, 0, sizeof word_end);
    size_t nwords = 0, n = thai_words(cps, word_end, &nwords);
    CHECK(n > 200 && nwords > 50);
    if (n == 0 || !run_breaker(lang, cps, n, flags)) return;
    size_t allowed = 0, inside = 0;
    for (size_t k = 0; k + 1 < n; k++) {
        if ((flags[k] & OCT_LB_MASK) == OCT_LB_NONE) continue;
        allowed++;
        if (!word_end[k]) {
            inside++;
            fprintf(stderr, "thai (%s): ICU allows a break inside a word, after character %zu\n",
                    lang, k);
        }
    }
    CHECK(inside == 0);
    /* 74 of the 75 word ends: ICU keeps ได้ and ที่ together */
    CHECK(allowed >= (nwords - 1) * 9 / 10);
    CHECK((flags[n - 1] & OCT_LB_MASK) == OCT_LB_MANDATORY);
    printf("thai (%s): %zu breaks allowed at %zu word ends\n", lang, allowed, nwords - 1);
}

static bool is_han(uint32_t c)
{
    return c >= 0x4E00 && c <= 0x9FFF;
}

static void chinese(const char *lang)
{
    /* simplified and traditional, with opening and closing punctuation */
    static const char text[] = "学习一门外语需要耐心和方法。每天朗读课文，记下「新的词语」，"
                               "繁體中文裡寫作「學習」。“汉语”也一样！";
    static const char closing[] = "，。」！”", opening[] = "「“";
    uint32_t cps[MAX_CPS], close_cps[8], open_cps[4];
    uint8_t flags[MAX_CPS];
    size_t n = decode(text, cps), nclose = decode(closing, close_cps),
           nopen = decode(opening, open_cps);
    if (!run_breaker(lang, cps, n, flags)) return;
    size_t han_pairs = 0, han_breaks = 0;
    for (size_t k = 0; k + 1 < n; k++) {
        bool brk = (flags[k] & OCT_LB_MASK) != OCT_LB_NONE;
        bool before_close = false, after_open = false;
        for (size_t j = 0; j < nclose; j++)
            before_close |= cps[k + 1] == close_cps[j];
        for (size_t j = 0; j < nopen; j++)
            after_open |= cps[k] == open_cps[j];
        if (brk && (before_close || after_open))
            fprintf(stderr, "chinese (%s): a break allowed between U+%04X and U+%04X\n", lang,
                    (unsigned)cps[k], (unsigned)cps[k + 1]);
        CHECK(!(brk && (before_close || after_open)));
        if (is_han(cps[k]) && is_han(cps[k + 1])) {
            han_pairs++;
            han_breaks += brk;
        }
    }
    CHECK(han_pairs > 20 && han_breaks == han_pairs);
    printf("chinese (%s): breaks allowed between %zu of %zu ideograph pairs\n", lang, han_breaks,
           han_pairs);
}

int main(void)
{
    thai("en");
    thai("th");
    chinese("en");
    chinese("zh");
    return check_done();
}
