/* Hyphenation points and separator breaks (src/unicode/hyphenate.c). */
#include "check.h"
#include "unicode/hyphenate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The token s (ASCII or UTF-8 Latin) marked up: "-" after a hyphen point,
 * "|" after a separator break. */
static const char *marked(oct_hyph *h, const char *s, bool words)
{
    static char out[512];
    uint32_t cps[128] = {0};
    uint8_t f[128] = {0};
    size_t n = 0;
    for (const unsigned char *q = (const unsigned char *)s; *q && n < 128;) {
        uint32_t c = *q++;
        if (c >= 0xC0) { /* two-byte sequences are enough here */
            c = ((c & 0x1F) << 6) | (*q++ & 0x3F);
        }
        cps[n++] = c;
    }
    oct_hyph_token(h, cps, n, words, f);
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (cps[i] < 0x80)
            out[o++] = (char)cps[i];
        else {
            out[o++] = (char)(0xC0 | cps[i] >> 6);
            out[o++] = (char)(0x80 | (cps[i] & 0x3F));
        }
        if (f[i] == OCT_HY_HYPHEN) out[o++] = '-';
        if (f[i] == OCT_HY_SEP) out[o++] = '|';
    }
    out[o] = 0;
    return out;
}

/* German (a large ISO 8859-1 dictionary): the patterns loaded for the
 * words shown first give every word the points all patterns give, a word
 * never shown included; umlauts and ß reach the dictionary in its own
 * encoding. Own sentences, about rivers and shipping. */
static void test_subset_german(void)
{
    static const char *text =
        "Die Donaudampfschifffahrtsgesellschaft überprüfte die Größenordnung der "
        "Frachtschiffe; Hochwasserschutzmaßnahmen verzögerten die Übergabe der "
        "Schleusenwärter an die Bundeswasserstraßenverwaltung.";
    static const char *words[] = {"Donaudampfschifffahrtsgesellschaft", "überprüfte",
                                  "Größenordnung", "Frachtschiffe", "Hochwasserschutzmaßnahmen",
                                  "verzögerten", "Übergabe", "Schleusenwärter",
                                  "Bundeswasserstraßenverwaltung",
                                  /* never shown: served by all patterns */
                                  "Kraftfahrzeugversicherung", "Wärmedämmung"};
    oct_hyph *shown = oct_hyph_open("de", NULL), *all = oct_hyph_open("de", NULL);
    CHECK(shown && all);
    if (!shown || !all) return;
    oct_hyph_add_text(shown, text, strlen(text));
    size_t with_umlaut_points = 0;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        char a[512];
        snprintf(a, sizeof a, "%s", marked(shown, words[i], true));
        const char *b = marked(all, words[i], true);
        CHECK_STR(a, b);
        if (strcmp(a, words[i]) == 0) fprintf(stderr, "  no points in %s\n", words[i]);
        CHECK(strcmp(a, words[i]) != 0); /* each long word gets points */
        /* a point next to an umlaut or ß: the dictionary read the word */
        for (const char *q = a; *q; q++)
            if (q[0] == '-' && q > a + 1 && (unsigned char)q[-2] == 0xC3) with_umlaut_points++;
    }
    CHECK(with_umlaut_points > 0);
    oct_hyph_free(shown);
    oct_hyph_free(all);
}

/* A UTF-8 dictionary (French's) gives a word's points per letter, not per
 * byte: a point after "é" is where the patterns put it (read per byte,
 * "dif-fé-rem-ment" came out a letter early after the "é"). A dictionary
 * in KOI8-R (Russian's) or ISO 8859-2 (Polish's) is read through iconv:
 * its words were never hyphenated. Each is checked only where Debian's
 * hyphen-* package is installed (the set-up installs them). */
static void test_other_encodings(void)
{
    oct_hyph *fr = oct_hyph_open("fr", NULL);
    if (fr) {
        CHECK_STR(marked(fr, "diff\xC3\xA9remment", true), "dif-f\xC3\xA9-rem-ment");
        CHECK_STR(marked(fr, "r\xC3\xA9volution", true), "r\xC3\xA9-vo-lu-tion");
        oct_hyph_free(fr);
    }
    oct_hyph *ru = oct_hyph_open("ru", NULL);
    if (ru) {
        /* "продолжительность": продол-жи-тель-ность */
        CHECK_STR(marked(ru,
                         "\xD0\xBF\xD1\x80\xD0\xBE\xD0\xB4\xD0\xBE\xD0\xBB\xD0\xB6\xD0"
                         "\xB8\xD1\x82\xD0\xB5\xD0\xBB\xD1\x8C\xD0\xBD\xD0\xBE\xD1\x81"
                         "\xD1\x82\xD1\x8C",
                         true),
                  "\xD0\xBF\xD1\x80\xD0\xBE\xD0\xB4\xD0\xBE\xD0\xBB-\xD0\xB6\xD0\xB8-\xD1"
                  "\x82\xD0\xB5\xD0\xBB\xD1\x8C-\xD0\xBD\xD0\xBE\xD1\x81\xD1\x82\xD1\x8C");
        oct_hyph_free(ru);
    }
    oct_hyph *pl = oct_hyph_open("pl", NULL);
    if (pl) { /* "wyjaśnienie": a point beside the ś, the patterns read it */
        const char *m = marked(pl, "wyja\xC5\x9Bnienie", true);
        CHECK(strchr(m, '-') != NULL);
        oct_hyph_free(pl);
    }
}

int main(void)
{
    test_subset_german();
    test_other_encodings();
    oct_hyph *h = oct_hyph_open("en", NULL);
    CHECK(h != NULL);
    if (!h) return check_done();
    CHECK(strstr(oct_hyph_file(h), "hyph_en_US.dic") != NULL);
    CHECK_STR(marked(h, "hyphenation", true), "hy-phen-ation");
    CHECK_STR(marked(h, "typesetting", true), "type-set-ting");
    CHECK_STR(marked(h, "information,", true), "in-for-ma-tion,");
    CHECK_STR(marked(h, "Information", true), "In-for-ma-tion"); /* capital: looked up lower */
    /* min fragments: never one letter before, never fewer than 3 after */
    const char *m = marked(h, "academically", true);
    CHECK(m[1] != '-' && m[2] != '-');
    size_t len = strlen(m);
    CHECK(m[len - 2] != '-' && m[len - 3] != '-' && m[len - 4] != '-');
    /* what is never hyphenated */
    CHECK_STR(marked(h, "INFORMATION", true), "INFORMATION");
    CHECK_STR(marked(h, "word", true), "word");
    CHECK_STR(marked(h, "typesetting2", true), "typesetting2");
    CHECK_STR(marked(h, "getInformation", true), "getInformation");
    CHECK_STR(marked(h, "doesn't", true), "doesn't");
    CHECK_STR(marked(h, "information", false), "information"); /* code */
    /* identifiers and URLs: separator breaks, no hyphen */
    CHECK_STR(marked(h, "django.contrib.auth.models", true), "django.|contrib.|auth.|models");
    CHECK_STR(marked(h, "select_related", true), "select_|related");
    CHECK_STR(marked(h, "`select_related`", false), "`select_|related`");
    CHECK_STR(marked(h, "https://docs.djangoproject.com/en/stable/", true),
              "https://|docs.|djangoproject.|com/|en/|stable/");
    CHECK_STR(marked(h, "std::vector", true), "std::|vector");
    CHECK_STR(marked(h, "e.g.", true), "e.g.");
    /* other scripts are not fed to the English patterns */
    CHECK_STR(marked(h, "информация", true), "информация");
    /* a second look-up comes from the cache with the same answer */
    CHECK_STR(marked(h, "hyphenation", true), "hy-phen-ation");
    oct_hyph_free(h);

    /* language tags and missing dictionaries */
    oct_hyph *us = oct_hyph_open("en-GB", NULL); /* no en_GB: any English */
    CHECK(us != NULL);
    oct_hyph_free(us);
    CHECK(oct_hyph_open("xx", NULL) == NULL);
    CHECK(oct_hyph_open("en", "/nonexistent") == NULL);
    CHECK(oct_hyph_open("", NULL) == NULL);
    CHECK(oct_hyph_open(NULL, NULL) == NULL);
    CHECK(oct_hyph_wanted("de-CH"));
    CHECK(!oct_hyph_wanted("ja"));
    CHECK(!oct_hyph_wanted("th-TH"));
    /* NULL dictionary: separators still, no hyphen */
    CHECK_STR(marked(NULL, "hyphenation", true), "hyphenation");
    CHECK_STR(marked(NULL, "select_related", true), "select_|related");
    return check_done();
}
