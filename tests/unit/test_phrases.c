/* The booklet's own phrases: every one present in every language, each
 * translation with exactly the printf conversions of the English (a
 * missing or extra "%s" would print garbage or crash), valid UTF-8, and
 * the language chosen by the tag's first subtag. */
#include "check.h"
#include "tree/dates.h"
#include "tree/phrases.h"
#include "tree/wordings.h"
#include "util/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Every sequence decodes (oct_utf8_decode gives U+FFFD for a bad one). */
static bool valid_utf8(const char *s)
{
    size_t n = strlen(s), i = 0;
    while (i < n) {
        size_t len = 0;
        unsigned cp = oct_utf8_decode(s + i, n - i, &len);
        if (cp == 0xFFFD || len == 0) return false;
        i += len;
    }
    return true;
}

/* The conversions of a format, in order ("%s%d"), into out. */
static void conversions(const char *f, char *out, size_t cap)
{
    size_t n = 0;
    for (; *f && n + 4 < cap; f++) {
        if (*f != '%') continue;
        f++;
        if (*f == '%') continue;
        out[n++] = '%';
        while (*f && strchr("zl", *f))
            out[n++] = *f++;
        if (*f) out[n++] = *f;
        if (!*f) break;
    }
    out[n] = 0;
}

/* An arranged question asked in 15 sources (twice in the first): the line
 * names 12, counts the rest, and lists both numbers of the first. */
static void test_asked_line(void)
{
    oct_tree *t = oct_tree_new();
    char path[32];
    for (int f = 0; f < 15; f++) {
        snprintf(path, sizeof path, "notes/s%02d.md", f);
        oct_tree_add_file(t, path);
    }
    oct_node *q = oct_node_new(t, OCT_QUESTION, (oct_span){0, 1, 1});
    q->u.question.asked_in = 15;
    for (int f = -1; f < 15; f++) {
        oct_node *w = oct_node_new(t, OCT_WORDING, (oct_span){f < 0 ? 0u : (unsigned)f, 3, 1});
        w->u.question.number = f < 0 ? 40 : f + 1;
        oct_node_append(q, w);
    }
    oct_buf b = OCT_BUF_INIT;
    oct_question_asked_line(t, q, &b);
    const char *want = "Asked in 15 sources: s00.md #40, #1 \xC2\xB7 s01.md #2 \xC2\xB7";
    CHECK(b.data && strncmp(b.data, want, strlen(want)) == 0);
    CHECK(b.data && strstr(b.data, "s11.md #12 and 3 more") && !strstr(b.data, "s12.md"));
    oct_buf_clear(&b);
    t->meta.lang = "de";
    oct_question_asked_line(t, q, &b);
    CHECK(b.data && strstr(b.data, "In 15 Quellen gefragt: ") && strstr(b.data, " und 3 weitere"));
    oct_buf_free(&b);
    oct_tree_free(t);
}

int main(void)
{
    test_asked_line();
    static const char *const LANGS[] = {"de", "fr-CA", "es", "en-GB",   "ja", "it", "pt-BR", "nl",
                                        "pl", "ru",    "uk", "zh-Hans", "ar", "he", "ko",    NULL};
    for (int id = 0; id < OCT_PH_COUNT; id++) {
        const char *en = oct_phrase("en", (oct_phrase_id)id);
        char want[32], got[32];
        conversions(en, want, sizeof want);
        CHECK(en && *en);
        for (int l = 0; LANGS[l]; l++) {
            const char *s = oct_phrase(LANGS[l], (oct_phrase_id)id);
            CHECK(s && *s);
            CHECK(valid_utf8(s));
            conversions(s, got, sizeof got);
            if (strcmp(want, got) != 0)
                fprintf(stderr, "phrase %d in %s: conversions %s, English %s\n", id, LANGS[l], got,
                        want);
            CHECK(strcmp(want, got) == 0);
        }
    }
    CHECK_STR(oct_phrase("de-AT", OCT_PH_SOURCES), "Quellen");
    CHECK_STR(oct_phrase("FR", OCT_PH_INDEX), "Index");
    CHECK_STR(oct_phrase("es_MX", OCT_PH_OTHER), "Otros");
    CHECK_STR(oct_phrase(NULL, OCT_PH_TO_RESEARCH), "To research");
    CHECK_STR(oct_phrase("ja", OCT_PH_CONTENTS), "目次");
    CHECK_STR(oct_phrase("ru-RU", OCT_PH_NO_ANSWER), "В заметках нет ответа");
    CHECK_STR(oct_phrase("ko", OCT_PH_CONTENTS), "Contents"); /* no Korean yet: English */
    CHECK_STR(oct_phrase("it", OCT_PH_CARDS_TITLE), "How to print these cards"); /* English */
    CHECK_STR(oct_phrase("dex", OCT_PH_CONTENTS), "Contents");                   /* not "de" */
    CHECK_STR(oct_phrase("en", OCT_PH_COUNT), "");
    /* dates in the booklet's language, in UTC whatever the machine says */
    static const char *const DATES[][3] = {
        {"2025-01-15", "en", "January 15, 2025"},
        {"2025-01-15", "en-GB", "15 January 2025"},
        {"2026-10-20", "de", "20. Oktober 2026"},
        {"2026-10-20T23:30:00Z", "fr", "20 octobre 2026"},
        {"2026-03-01", "es", "1 de marzo de 2026"},
        {"2026-13-01", "en", "2026-13-01"}, /* no such date: as written */
        {"soon", "en", "soon"},
    };
    for (size_t i = 0; i < sizeof DATES / sizeof *DATES; i++) {
        char *d = oct_date_long(DATES[i][0], DATES[i][1]);
        CHECK_STR(d, DATES[i][2]);
        free(d);
    }
    CHECK(oct_date_long(NULL, "en") == NULL);
    return check_done();
}
