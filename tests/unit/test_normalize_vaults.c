/* The normalizer's pre-passes for the syntax of note apps and site
 * generators: Obsidian comments (normalize_comments.c). Each keeps the
 * line count, so the line map stays 1:1, and reports what it took out;
 * mkdocs' and Docusaurus' admonitions as callouts
 * (normalize_admonitions.c). */
#include "check.h"
#include "diag.h"
#include "ingest/normalize/normalize.h"

#include <stdlib.h>
#include <string.h>

/* text normalized as a Markdown source (plain: a .txt one); *notes gets
 * the number of notes of code `code`. */
static char *norm(const char *text, bool plain, const char *code, int *notes)
{
    oct_normalized out;
    oct_normalize_options opts = {.plain = plain};
    oct_diag *d = oct_diag_new(NULL);
    CHECK(oct_normalize("notes.md", text, strlen(text), &opts, &out, d) == 0);
    size_t lines = 1;
    for (const char *p = text; *p; p++)
        lines += *p == '\n' && p[1];
    CHECK(out.nlines == lines);
    *notes = 0;
    for (size_t i = 0; i < oct_diag_size(d); i++)
        *notes += !strcmp(oct_diag_at(d, i)->code, code);
    oct_diag_free(d);
    free(out.line_map);
    free(out.title);
    return out.text;
}

static void check_norm(const char *in, bool plain, const char *code, const char *want, int notes)
{
    int got;
    char *out = norm(in, plain, code, &got);
    CHECK_STR(out, want);
    CHECK(got == notes);
    free(out);
}

static void test_comments(void)
{
    check_norm("Salt %%private%% lowers the freezing point.\n", false, "comment",
               "Salt lowers the freezing point.\n", 1);
    check_norm("Intro\n\n%%\nsecret one\nsecret two\n%%\n\nOutro\n", false, "comment",
               "Intro\n\n\n\n\n\n\nOutro\n", 1);
    check_norm("Starts %%here\nand goes on\nthere%% and ends.\n", false, "comment",
               "Starts\n\nand ends.\n", 1);
    check_norm("> [!tip]\n> %%\n> hidden\n> %%\n> shown\n", false, "comment",
               "> [!tip]\n>\n>\n>\n> shown\n", 1);
    /* code keeps its signs; an unclosed one is text; plain text is not a vault */
    check_norm("Use `%%` here %%x%%.\n", false, "comment", "Use `%%` here.\n", 1);
    check_norm("```\n%% cell\nx = 1 %% y\n```\n", false, "comment",
               "```\n%% cell\nx = 1 %% y\n```\n", 0);
    check_norm("A rise of 100%% is\n", false, "comment", "A rise of 100%% is\n", 0);
    check_norm("%% Section\nx %% y\n", true, "comment", "%% Section\nx %% y\n", 0);
}

static void test_admonitions(void)
{
    check_norm("!!! note \"Salt\"\n    Lowers the freezing point.\n\n    Of water.\n\nAfter.\n",
               false, "-",
               "> [!note] Salt\n> Lowers the freezing point.\n>\n> Of water.\n\nAfter.\n", 0);
    check_norm("??? question \"Why?\"\n\tBecause.\n???+ tip\n    Open.\n", false, "-",
               "> [!question]- Why?\n> Because.\n> [!tip]+\n> Open.\n", 0);
    check_norm("!!! danger blink \"No\"\n    Stop.\n\n    !!! tip\n        Inner.\n", false, "-",
               "> [!danger] No\n> Stop.\n>\n> > [!tip]\n> > Inner.\n", 0);
    check_norm("- item\n\n    !!! note\n        Body.\n", false, "-",
               "- item\n\n    > [!note]\n    > Body.\n", 0);
    check_norm(":::tip Cold water\nRises.\n\n```\n:::\n```\n:::\nAfter.\n", false, "-",
               "> [!tip] Cold water\n> Rises.\n>\n> ```\n> :::\n> ```\n\nAfter.\n", 0);
    check_norm("::::info[Outer]\n:::note\nIn.\n:::\n::::\n", false, "-",
               "> [!info] Outer\n> > [!note]\n> > In.\n>\n\n", 0);
    /* not admonitions: unclosed, in code, prose, plain text */
    const char *same[] = {":::tip\nNever closed.\n", "```\n!!! note\n    x\n```\n",
                          "!!! IMPORTANT !!!\n", "!!!\n", "Wow!!! note\n"};
    for (size_t i = 0; i < sizeof same / sizeof *same; i++)
        check_norm(same[i], false, "-", same[i], 0);
    check_norm("!!! note\n    x\n", true, "-", "!!! note\n    x\n", 0);
}

static void test_shortcodes(void)
{
    check_norm("{{< hint warning >}}\nHot.\n{{< /hint >}}\n", false, "shortcode",
               "> [!warning]\n> Hot.\n\n", 0);
    check_norm("{{% notice tip \"Upwind\" %}}\nStay.\n\n{{% /notice %}}\n", false, "shortcode",
               "> [!tip] Upwind\n> Stay.\n>\n\n", 0);
    check_norm("{{< details title=\"Why?\" >}}\nBecause.\n{{< /details >}}\n", false, "shortcode",
               "> [!question]- Why?\n> Because.\n\n", 0);
    check_norm("{{% alert color=\"primary\" %}}\nx\n{{% /alert %}}\n", false, "shortcode",
               "> [!note]\n> x\n\n", 0);
    /* machinery: left out with one note; a box nothing closes too */
    check_norm("{{< figure src=\"a.png\" >}}\ntext\n{{< hint >}}\n", false, "shortcode",
               "\ntext\n\n", 1);
    const char *same[] = {"See {{< ref \"x\" >}} here.\n",
                          "```\n{{< hint >}}\nx\n{{< /hint >}}\n```\n"};
    for (size_t i = 0; i < sizeof same / sizeof *same; i++)
        check_norm(same[i], false, "shortcode", same[i], 0);
}

static void test_tags(void)
{
    /* trailing tags leave headings and lines; a line of tags goes */
    check_norm("# Cells #biology #cells\n\n#revision/term1, #exam\nText #card\n", false, "tags",
               "# Cells\n\n\nText\n", 1);
    /* an item of tags over children keeps its marker; a lone one goes */
    check_norm("- #topic\n  - child\n- #alone\n", false, "tags", "-\n  - child\n\n", 1);
    check_norm("> [!note]\n> #tag\n> body #x\n", false, "tags", "> [!note]\n>\n> body\n", 1);
    /* #flashcards still makes the note a deck */
    oct_normalized out;
    oct_normalize_options opts = {0};
    const char *deck = "hola::hello #flashcards/spanish\n";
    CHECK(oct_normalize("n.md", deck, strlen(deck), &opts, &out, NULL) == 0);
    CHECK(out.deck_tag);
    oct_normalized_release(&out);
    /* what is no tag, or no tag to cut */
    const char *same[] = {"Learn C# and F#\n",  "See issue #12\n",
                          "Red is #ff0000\n",   "[x](https://e.org/p#part)\n",
                          "A #tag mid text.\n", "```\n#tag\n```\n",
                          "Use `x #y`\n",       "# Heading\n",
                          "#endif\n",           "Ends #tag.\n",
                          "#hashtag\n\ntext\n"};
    for (size_t i = 0; i < sizeof same / sizeof *same; i++)
        check_norm(same[i], false, "tags", same[i], 0);
    check_norm("Text #tag\n", true, "tags", "Text #tag\n", 0); /* plain text: comments */
    check_norm("#flashcards\n\nSun::star\n", false, "tags", "\n\nSun::star\n", 1);
}

static void test_logseq(void)
{
    const char *page = "title:: Verbs\ntags:: grammar\n- Ser is \"to be\".\n  id:: 6a1\n"
                       "- Estar? #card\n  collapsed:: true\n\t- States.\n- Plain #card\n";
    check_norm(page, false, "property",
               "\n\n- Ser is \"to be\".\n\n- Q: Estar?\n\n\t- States.\n- Plain\n", 1);
    oct_normalized out;
    oct_normalize_options opts = {0};
    CHECK(oct_normalize("n.md", page, strlen(page), &opts, &out, NULL) == 0);
    CHECK_STR(out.title, "Verbs");
    oct_normalized_release(&out);
    /* not a Logseq page: a paragraph at the margin, or a deck's cards */
    const char *same[] = {"Intro.\n\n- id:: 3\n  title:: x\n", "hola:: hello\nadios:: bye\n",
                          "- std::vector\n"};
    for (size_t i = 0; i < sizeof same / sizeof *same; i++)
        check_norm(same[i], false, "property", same[i], 0);
}

static void test_glossaries(void)
{
    check_norm(
        "hola - hello\nadiós - goodbye\n¿Dónde está el baño? - where is the bathroom?\n", true, "-",
        "- **hola** - hello\n- **adiós** - goodbye\n- **¿Dónde está el baño?** - where is the "
        "bathroom?\n",
        0);
    check_norm("Osmosis: water crossing a membrane.\nDiffusion: particles spreading out.\n"
               "Enzyme: a catalyst.\n",
               false, "-",
               "- **Osmosis**: water crossing a membrane.\n- **Diffusion**: particles spreading "
               "out.\n- **Enzyme**: a catalyst.\n",
               0);
    /* labels, a repeated term, a question, YAML-like keys, two lines: no glossary */
    const char *same[] = {
        "Q: Why?\nA: Because of it.\nQ: How?\nA: Like this.\n",
        "Question: What is osmosis here?\nAnswer: water moving.\nHint: membranes.\n",
        "name: web\nimage: nginx:1.25\nports: \"80:80\"\n",
        "Term: one two three.\nOther: four five six.\n",
        "Step 1: open it up.\nStep 2: close it again.\nStep 3: done now.\n"};
    for (size_t i = 0; i < sizeof same / sizeof *same; i++)
        check_norm(same[i], false, "-", same[i], 0);
}

int main(void)
{
    test_glossaries();
    test_tags();
    test_logseq();
    test_shortcodes();
    test_comments();
    test_admonitions();
    return check_done();
}
