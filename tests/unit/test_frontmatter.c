/* Front matter (ingest/frontmatter.h): YAML and TOML blocks taken with
 * their title, their lines emptied so the rest keeps its line numbers; a
 * rule followed by prose or by "Q:"/"A:" lines, an unclosed block and a
 * block of unknown keys left alone. End to end: the title names the
 * chapter and no key is printed. */
#include "check.h"
#include "ingest/frontmatter.h"
#include "ingest/ingest.h"
#include "tree/tree.h"

#include <stdlib.h>
#include <string.h>

static size_t count(const char *s, char c)
{
    size_t n = 0;
    for (; *s; s++)
        n += *s == c;
    return n;
}

/* Runs the taker on a copy of src; the copy (caller frees) or NULL when
 * nothing was taken (then src must be unchanged). */
static char *take(const char *src, oct_front_matter *fm)
{
    size_t len = strlen(src);
    char *t = malloc(len + 1);
    memcpy(t, src, len + 1);
    bool took = oct_front_matter_take(t, &len, fm);
    CHECK(strlen(t) == len);
    if (!took) {
        CHECK(strcmp(t, src) == 0 && !fm->title && fm->nkeys == 0);
        free(t);
        return NULL;
    }
    CHECK(count(t, '\n') == count(src, '\n')); /* line numbers kept */
    return t;
}

static void test_yaml(void)
{
    oct_front_matter fm;
    const char *src = "---\n"
                      "title: \"Ferments: kimchi \\\"and\\\" kraut\"\n"
                      "tags: [food, microbiology]\n"
                      "authors:\n"
                      "  - name: Ana\n"
                      "    role: cook\n"
                      "# a comment\n"
                      "draft: false\n"
                      "---\n"
                      "## Why brine?\n";
    char *t = take(src, &fm);
    CHECK(t != NULL);
    if (!t) return;
    CHECK_STR(fm.title, "Ferments: kimchi \"and\" kraut");
    CHECK(fm.nkeys == 4 && fm.lines == 9 && !fm.toml);
    CHECK_STR(t, "\n\n\n\n\n\n\n\n\n## Why brine?\n");
    oct_front_matter_release(&fm);
    free(t);

    /* single quotes, a comment after a plain title, CRLF, "..." closing */
    t = take("---\r\ntitle: 'Baker''s notes'\r\ndate: 2024-01-02\r\n...\r\nBody\r\n", &fm);
    CHECK(t && fm.title && strcmp(fm.title, "Baker's notes") == 0);
    oct_front_matter_release(&fm);
    free(t);
    t = take("---\ntitle: Sourdough starters # draft\n---\n", &fm);
    CHECK(t && fm.title && strcmp(fm.title, "Sourdough starters") == 0);
    CHECK(t && strcmp(t, "\n\n\n") == 0);
    oct_front_matter_release(&fm);
    free(t);
    /* a block title is not a one-line title; the block is still taken */
    t = take("---\ntitle: >\n  Folded\n  title\ntags: [x]\n---\ntext\n", &fm);
    CHECK(t && !fm.title && fm.nkeys == 2);
    oct_front_matter_release(&fm);
    free(t);
    /* closed at the end of the file, without a newline */
    t = take("---\ntitle: Only metadata\n---", &fm);
    CHECK(t && fm.title && strcmp(t, "\n\n") == 0);
    oct_front_matter_release(&fm);
    free(t);
}

static void test_toml(void)
{
    oct_front_matter fm;
    char *t = take("+++\ntitle = \"Rocks and minerals\"\nweight = 3\n[params]\n  level = 2\n"
                   "+++\n# Igneous\n",
                   &fm);
    CHECK(t != NULL);
    if (!t) return;
    CHECK(fm.toml && fm.title && strcmp(fm.title, "Rocks and minerals") == 0);
    CHECK(strcmp(t, "\n\n\n\n\n\n# Igneous\n") == 0);
    oct_front_matter_release(&fm);
    free(t);
}

/* `lang` or `language` when it reads as a language tag. */
static void test_language(void)
{
    static const struct {
        const char *in, *want;
    } cases[] = {
        {"---\ntitle: Notas\nlanguage: pt-BR\n---\nx\n", "pt-BR"},
        {"---\nlang: \"de\"\n---\nx\n", "de"},
        {"+++\nlanguage = \"fr_CA\"\n+++\nx\n", "fr_CA"},
        {"---\nlanguage: French please\ntitle: x\n---\nx\n", NULL},
        {"---\nlanguage: e\ntitle: x\n---\nx\n", NULL},
        {"---\nlanguage: en-\ntitle: x\n---\nx\n", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        oct_front_matter fm;
        char *t = take(cases[i].in, &fm);
        CHECK(t != NULL);
        if (cases[i].want)
            CHECK_STR(fm.lang, cases[i].want);
        else
            CHECK(t && fm.lang == NULL);
        oct_front_matter_release(&fm);
        free(t);
    }
}

static void test_left_alone(void)
{
    oct_front_matter fm;
    /* a rule, prose, a setext underline */
    CHECK(!take("---\nSome opening words.\n---\n", &fm));
    /* questions between rules */
    CHECK(!take("---\nQ: What is osmosis?\nA: Water crossing a membrane.\n---\n", &fm));
    /* keys, but none that front matter uses */
    CHECK(!take("---\nfoo: 1\nbar: 2\n---\n", &fm));
    /* never closed */
    CHECK(!take("---\ntitle: Open\ntags: [a]\n\n# Heading\n", &fm));
    /* not at the very top */
    CHECK(!take("\n---\ntitle: Late\n---\n", &fm));
    /* "title:" without a space is not a key */
    CHECK(!take("---\ntitle:x\n---\n", &fm));
    CHECK(!take("", &fm) && !take("---", &fm));
}

/* Through the ingest: the chapter is named by it, and no key is text. */
static void test_ingest(void)
{
    oct_tree *t = oct_tree_new();
    oct_diag *d = oct_diag_new(NULL);
    const char *src = "---\ntitle: Tidal pools\ntags: [sea]\n---\n\n## What lives there?\n\n"
                      "Anemones.\n";
    oct_node *ch = oct_ingest_source(t, "pools.md", src, strlen(src), NULL, NULL, d);
    CHECK(ch != NULL);
    if (ch) {
        CHECK_STR(ch->u.chapter.title, "Tidal pools");
        const char *text = oct_node_plain_text(t->arena, ch);
        CHECK(strstr(text, "Anemones") && !strstr(text, "tags") && !strstr(text, "sea]"));
        CHECK(ch->first && ch->first->span.line == 6); /* the heading keeps its line */
    }
    CHECK(oct_diag_count(d, OCT_NOTE) == 1);
    /* a .txt source keeps its lines: "---" there is a rule */
    oct_node *tx = oct_ingest_source(t, "chat.txt", src, strlen(src), NULL, NULL, d);
    CHECK(tx && strstr(oct_node_plain_text(t->arena, tx), "Tidal pools"));
    oct_diag_free(d);
    oct_tree_free(t);
}

int main(void)
{
    test_yaml();
    test_toml();
    test_language();
    test_left_alone();
    test_ingest();
    return check_done();
}
