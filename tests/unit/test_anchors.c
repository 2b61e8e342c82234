/* Links inside the booklet (src/tree/anchors.c, src/ingest/places.c,
 * navlinks.c): GitHub's heading anchor algorithm on many headings, its
 * de-duplication, hand-set anchors (<a name>, <a id>, id=), resolution of
 * "#anchor", "other.md#anchor" and "other.md" after the study pass, the
 * "back to top" links dropped with one note, and question ids that follow
 * the written label. */
#include "check.h"
#include "ingest/ingest.h"
#include "study/study.h"
#include "tree/anchors.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void check_slug(const char *text, const char *want)
{
    oct_buf b = OCT_BUF_INIT;
    oct_anchor_slug(text, &b);
    CHECK_STR(b.data ? b.data : "", want);
    oct_buf_free(&b);
}

static void test_slugs(void)
{
    check_slug("12. What is X?", "12-what-is-x");
    check_slug("What is ownership?", "what-is-ownership");
    check_slug("Closures", "closures");
    check_slug("Table of Contents", "table-of-contents");
    check_slug("Qu'est-ce qu'un \xC2\xAB closure \xC2\xBB ?", "quest-ce-quun--closure--");
    check_slug("Why use strict mode? \xF0\x9F\x9A\x80", "why-use-strict-mode-");
    check_slug("\xF0\x9F\x9A\x80 Getting started", "-getting-started");
    check_slug("Caf\xC3\xA9-style currying: what is it?", "caf\xC3\xA9-style-currying-what-is-it");
    check_slug("Difference between == and ===", "difference-between--and-");
    check_slug("Object.freeze() and its limits", "objectfreeze-and-its-limits");
    check_slug("snake_case and kebab-case", "snake_case-and-kebab-case");
    check_slug("C++ vs C#", "c-vs-c");
    check_slug("\xC3\x9C"
               "BER \xC3\x84pfel",
               "\xC3\xBC"
               "ber-\xC3\xA4pfel");
    check_slug("\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82 \xD0\xBC\xD0\xB8\xD1\x80",
               "\xD0\xBF\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82-\xD0\xBC\xD0\xB8\xD1\x80");
    check_slug(
        "\xE5\x95\x8F\xE9\xA1\x8C\xEF\xBC\x9A\xE4\xBD\x9C\xE7\x94\xA8\xE5\x9F\x9F",
        "\xE5\x95\x8F\xE9\xA1\x8C\xE4\xBD\x9C\xE7\x94\xA8\xE5\x9F\x9F"); /* fullwidth colon gone */
    check_slug("4a. Sub-numbers", "4a-sub-numbers");
    check_slug("12.1 Nested", "121-nested");
    check_slug("Version 2.0 \xE2\x80\x93 what\xE2\x80\x99s new", "version-20--whats-new");
    check_slug("", "");
    check_slug("?!", "");
}

static void test_dedup(void)
{
    oct_arena *a = oct_arena_new();
    oct_anchor_slugger s = {0};
    const char *want[] = {"faq", "faq-1", "faq-2", "faq-1-1", "notes", "faq-3"};
    const char *text[] = {"FAQ", "faq", "Faq?", "FAQ 1", "Notes", "FAQ"};
    for (size_t i = 0; i < 6; i++)
        CHECK_STR(oct_anchor_slugger_next(&s, a, text[i]), want[i]);
    oct_anchor_slugger_free(&s);
    /* many equal headings: counted, not searched (stays linear) */
    oct_anchor_slugger m = {0};
    const char *last = NULL;
    for (int i = 0; i < 50000; i++)
        last = oct_anchor_slugger_next(&m, a, "Example");
    CHECK_STR(last, "example-49999");
    CHECK_STR(oct_anchor_slugger_next(&m, a, "example 7"), "example-7-1");
    oct_anchor_slugger_free(&m);
    oct_arena_free(a);
}

/* A booklet of two sources, studied and given ids like a build. */
typedef struct {
    oct_tree *t;
    oct_diag *d;
    oct_anchor_table *tab;
} book;

static book make_book(const char *md1, const char *md2)
{
    book b = {oct_tree_new(), oct_diag_new(NULL), NULL};
    oct_ingest_options o = {.normalize = false};
    oct_ingest_source(b.t, "notes/readme.md", md1, strlen(md1), NULL, &o, b.d);
    if (md2) oct_ingest_source(b.t, "notes/sub/other.md", md2, strlen(md2), NULL, &o, b.d);
    oct_study_run(b.t, b.d);
    oct_tree_fold_title_headings(b.t);
    oct_tree_assign_ids(b.t);
    b.tab = oct_anchor_table_build(b.t);
    return b;
}

static void release(book *b)
{
    oct_anchor_table_free(b->tab);
    oct_tree_free(b->t);
    oct_diag_free(b->d);
}

/* The kind and plain text of what url (written in file `from`) names. */
static char *target(const book *b, const char *url, unsigned from)
{
    const oct_node *n = oct_anchor_resolve(b->tab, url, from);
    if (!n) return strdup("-");
    oct_buf t = OCT_BUF_INIT;
    oct_buf_printf(&t, "%s:", oct_kind_name(n->kind));
    if (n->kind == OCT_CHAPTER)
        oct_buf_puts(&t, n->u.chapter.title ? n->u.chapter.title : "");
    else
        oct_node_plain_text_to(n, &t);
    return oct_buf_detach(&t);
}

#define CHECK_TARGET(b, url, from, want)                                                           \
    do {                                                                                           \
        char *got_ = target(&(b), url, from);                                                      \
        CHECK_STR(got_, want);                                                                     \
        free(got_);                                                                                \
    } while (0)

/* Every TEXT of the tree, answers included, one a line. */
static void all_text(const oct_node *root, oct_buf *out)
{
    oct_iter it;
    oct_event ev;
    oct_iter_init(&it, root);
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE)
        if (ev == OCT_EV_ENTER && it.cur->kind == OCT_TEXT)
            oct_buf_printf(out, "%s\n", it.cur->text);
}

/* <details> questions: "<a name>" in the summary names the question. */
static void test_details(void)
{
    book b = make_book("# Box\n\n<details><summary><a name=\"cat-box\"></a>1. What is in the box?"
                       "</summary>\n\nA cat.\n\n</details>\n\n<details><summary>2. And in the bag?"
                       "</summary>\n\nA dog.\n\n</details>\n\n[first](#cat-box)\n",
                       NULL);
    CHECK_TARGET(b, "#cat-box", 0, "question:What is in the box?");
    release(&b);
}

static const char README[] =
    "# Readme\n\n## Table of Contents\n\n- [One](#1-what-is-one)\n- [Two](#2-what-is-two)\n\n"
    "## Questions\n\n### 1. What is one?\n\nThe first number.\n\n"
    "**[\xE2\xAC\x86 Back to Top](#table-of-contents)**\n\n"
    "<a name=\"q2\"></a>\n\n### 2. What is two?\n\nThe second number.\n\n"
    "[\xE2\x86\x91 Top](#top) | [Next: one](#1-what-is-one)\n\n"
    "### 3. <a id=\"three\"></a>What is three?\n\nAfter two.\n\n"
    "#### Example\n\nThree apples.\n\n<a "
    "href=\"#table-of-contents\">\xE2\xAC\x86\xEF\xB8\x8F</a>\n\n### 4a. Letters\n\nA "
    "letter.\n\n#### Example\n\nFour.\n\n"
    "### 4b. More letters\n\nB.\n\n"
    "<h2 id=\"extras\">Extras</h2>\n\nEnd. Text with <a id=\"mid\"></a>an anchor.\n";

static const char OTHER[] = "# Other\n\n## Lexikalischer G\xC3\xBCltigkeitsbereich\n\nScope.\n\n"
                            "[Zur\xC3\xBC"
                            "ck nach oben](#other)\n";

static void test_resolution(void)
{
    book b = make_book(README, OTHER);
    CHECK_TARGET(b, "#1-what-is-one", 0, "question:What is one?");
    CHECK_TARGET(b, "#2-what-is-two", 0, "question:What is two?");
    CHECK_TARGET(b, "#q2", 0, "question:What is two?");
    CHECK_TARGET(b, "#three", 0, "question:What is three?");
    CHECK_TARGET(b, "#3-what-is-three", 0, "question:What is three?");
    CHECK_TARGET(b, "#4a-letters", 0, "question:Letters");
    CHECK_TARGET(b, "#example", 0, "section:Example");
    CHECK_TARGET(b, "#example-1", 0, "section:Example");
    CHECK(oct_anchor_resolve(b.tab, "#example", 0) != oct_anchor_resolve(b.tab, "#example-1", 0));
    CHECK_TARGET(b, "#extras", 0, "section:Extras");
    CHECK_TARGET(b, "#mid", 0, "paragraph:End. Text with an anchor.");
    CHECK_TARGET(b, "#Table-Of-Contents", 0, "section:Table of Contents");
    CHECK_TARGET(b, "#user-content-questions", 0, "section:Questions");
    CHECK_TARGET(b, "#%31-what-is-one", 0, "question:What is one?");
    CHECK_TARGET(b, "#nowhere", 0, "-");
    CHECK_TARGET(b, "", 0, "-");
    CHECK_TARGET(b, "https://example.org/#1-what-is-one", 0, "-");
    /* across files: relative to the linking file's directory */
    CHECK_TARGET(b, "sub/other.md#lexikalischer-g%C3%BCltigkeitsbereich", 0,
                 "section:Lexikalischer G\xC3\xBCltigkeitsbereich");
    CHECK_TARGET(b, "./sub/other.md", 0, "chapter:Other");
    CHECK_TARGET(b, "../readme.md#2-what-is-two", 1, "question:What is two?");
    CHECK_TARGET(b, "../readme.md#nowhere", 1, "chapter:Readme");
    CHECK_TARGET(b, "other.md#lexikalischer-g%C3%BCltigkeitsbereich", 0, "-");
    /* "#anchor" of another file, when the linking file has none */
    CHECK_TARGET(b, "#lexikalischer-g\xC3\xBCltigkeitsbereich", 0,
                 "section:Lexikalischer G\xC3\xBCltigkeitsbereich");
    /* the chapter's own title heading, folded into the chapter */
    CHECK_TARGET(b, "#other", 1, "chapter:Other");
    /* back-to-top links are gone, the "Next" link of their line stays */
    CHECK(check_count_code(b.d, "nav-link-dropped") == 2);
    oct_buf all = OCT_BUF_INIT;
    all_text(b.t->root, &all);
    CHECK(!strstr(all.data, "Back to Top") && !strstr(all.data, "Top") && !strstr(all.data, "|"));
    CHECK(!strstr(all.data, "nach oben"));
    CHECK(!strstr(all.data, "\xE2\xAC\x86")); /* the lone arrow too */
    CHECK(strstr(all.data, "Next: one") != NULL);
    oct_buf_free(&all);
    /* ids follow the written label */
    const oct_node *q4a = oct_anchor_resolve(b.tab, "#4a-letters", 0);
    const oct_node *q4b = oct_anchor_resolve(b.tab, "#4b-more-letters", 0);
    CHECK(q4a && q4b && q4a->id && q4b->id);
    if (q4a && q4b) {
        CHECK_STR(q4a->id, "q4a-letters");
        CHECK_STR(q4b->id, "q4b-more-letters");
    }
    CHECK_STR(oct_question_label_dot("12.1"), "");
    CHECK_STR(oct_question_label_dot("4a"), ".");
    release(&b);
}

/* The ids of the questions of md, in order, one a line. */
static char *question_ids(const char *md)
{
    book b = make_book(md, NULL);
    size_t n;
    oct_node **qs = oct_node_collect(b.t->root, OCT_QUESTION, &n);
    oct_buf ids = OCT_BUF_INIT;
    for (size_t i = 0; i < n; i++)
        oct_buf_printf(&ids, "%s\n", qs[i]->id ? qs[i]->id : "(none)");
    free(qs);
    release(&b);
    return oct_buf_detach(&ids);
}

/* Ids are ASCII and follow the text: accents go, a letter of another
 * script leaves a hash of the text, the same wherever the question is. */
static void test_ids_of_any_script(void)
{
    char *ids = question_ids("# Notes\n\n"
                             "## Warum sind Bl\xC3\xA4tter gr\xC3\xBCn?\n\nChlorophyll.\n\n"
                             "## Stra\xC3\x9F"
                             "e, \xC5\x92uvre, \xC3\x86r\xC3\xB8, "
                             "\xC5\x81\xC3\xB3"
                             "d\xC5\xBA?\n\nPlaces.\n\n"
                             "## \xD0\xA7\xD1\x82\xD0\xBE \xD1\x82\xD0\xB0\xD0\xBA\xD0\xBE\xD0"
                             "\xB5 \xD0\xB8\xD0\xBE\xD0\xBD?\n\nAn ion.\n\n"
                             "## \xD0\xA7\xD1\x82\xD0\xBE \xD1\x82\xD0\xB0\xD0\xBA\xD0\xBE\xD0"
                             "\xB5 HTTP?\n\nA protocol.\n\n"
                             "## \xE4\xBB\x80\xE4\xB9\x88\xE6\x98\xAF\xE5\x85\x89?\n\nLight.\n");
    char *lines[5] = {0};
    size_t k = 0;
    for (char *save, *l = strtok_r(ids, "\n", &save); l && k < 5; l = strtok_r(NULL, "\n", &save))
        lines[k++] = l;
    CHECK(k == 5);
    if (k == 5) {
        CHECK_STR(lines[0], "q-warum-sind-blatter-grun");
        CHECK_STR(lines[1], "q-strasse-oeuvre-aero-lodz");
        for (int i = 2; i < 5; i++) /* hashed: q-[ascii-]xxxxxxxx, every byte ASCII */
            for (const char *c = lines[i]; *c; c++)
                CHECK((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-');
        CHECK(strncmp(lines[3], "q-http-", 7) == 0 && strlen(lines[3]) == 15);
        CHECK(strlen(lines[2]) == 10 && strlen(lines[4]) == 10);
        CHECK(strcmp(lines[2], lines[4]) != 0);
    }
    /* the same question elsewhere, after another, keeps its id */
    char *moved = question_ids("# Other\n\n## First?\n\nOne.\n\n"
                               "## \xE4\xBB\x80\xE4\xB9\x88\xE6\x98\xAF\xE5\x85\x89?\n\nLight.\n");
    if (k == 5) CHECK(strstr(moved, lines[4]) != NULL);
    free(moved);
    free(ids);
}

int main(void)
{
    test_ids_of_any_script();
    test_slugs();
    test_dedup();
    test_resolution();
    test_details();
    return check_done();
}
