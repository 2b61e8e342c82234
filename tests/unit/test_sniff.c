/* Standard input's kind (sniff.c): text with Markdown's signs is read as
 * Markdown, messy plain text (unfenced code with "#" comments, shell
 * sessions, chat pastes, powers written "x**2", a lone list) stays a
 * plain note. Fixtures in tests/data/sniff/, plus the kinds decided
 * before Markdown (Org, rst, notebooks), which Markdown's signs must not
 * take over. */
#include "check.h"
#include "ingest/formats/sniff.h"

#include <stdlib.h>
#include <string.h>

static void expect_file(const char *rel, const char *kind)
{
    size_t len = 0;
    char *text = check_read_source(rel, &len);
    CHECK(text != NULL);
    if (!text) return;
    const char *got = oct_sniff_kind(text, len);
    if (strcmp(got, kind) != 0) fprintf(stderr, "%s: sniffed %s, expected %s\n", rel, got, kind);
    CHECK_STR(got, kind);
    free(text);
}

static void expect(const char *text, const char *kind)
{
    const char *got = oct_sniff_kind(text, strlen(text));
    if (strcmp(got, kind) != 0) fprintf(stderr, "sniffed %s, expected %s:\n%s\n", got, kind, text);
    CHECK_STR(got, kind);
}

int main(void)
{
    static const char *const MARKDOWN[] = {"glaciers-readme.md", "kanji-drill.md", "fotosintese.md",
                                           "ww1-outline.md", "tilde-fence.md"};
    static const char *const PLAIN[] = {"python-comments.txt", "shell-session.txt",
                                        "chat-paste.txt",      "recipe-underlined.txt",
                                        "math-powers.txt",     "email-quote.txt"};
    char rel[96];
    for (size_t i = 0; i < sizeof MARKDOWN / sizeof *MARKDOWN; i++) {
        snprintf(rel, sizeof rel, "tests/data/sniff/markdown/%s", MARKDOWN[i]);
        expect_file(rel, "note.md");
    }
    for (size_t i = 0; i < sizeof PLAIN / sizeof *PLAIN; i++) {
        snprintf(rel, sizeof rel, "tests/data/sniff/plain/%s", PLAIN[i]);
        expect_file(rel, "note.txt");
    }
    /* one sign alone is no decision */
    expect("Notes\n\n- eggs\n- milk\n", "note.txt");
    expect("see [1] and (http://example.org)\n", "note.txt");
    expect("# a comment\nx = 1\n**bold** once\n", "note.txt");
    /* a fence that never closes is no sign; a closed one with a link is */
    expect("```\nunclosed\n\n[a](b)\n", "note.txt");
    expect("```\nx\n```\n[the spec](spec.md)\n", "note.md");
    /* signs inside a fence do not count */
    expect("```md\n# Title\n\n**b** [l](u)\n```\n", "note.txt");
    /* hostile lines are read in bounded time: openers without closers */
    size_t big = 64 * 1024;
    char *s = malloc(big + 1);
    static const char *const UNITS[] = {"](", "**x ", "`a ", "[a](b c"};
    for (size_t u = 0; u < sizeof UNITS / sizeof *UNITS; u++) {
        size_t un = strlen(UNITS[u]);
        for (size_t k = 0; k < big; k++)
            s[k] = UNITS[u][k % un];
        s[big] = '\0';
        CHECK_STR(oct_sniff_kind(s, big), "note.txt");
    }
    free(s);
    /* the kinds decided first keep their place */
    expect("#+TITLE: Kräuter\n* Basilikum\n**strong** and [a](b)\n", "note.org");
    expect("Metals\n~~~~~~\n\n.. note:: Iron **rusts**.\n", "note.rst");
    expect("{\"cells\": [], \"nbformat\": 4, \"note\": \"# x\\n[a](b)\"}", "note.ipynb");
    return check_done();
}
