/* The normalizer's pre-passes for the syntax of note apps and site
 * generators: Obsidian comments (normalize_comments.c). Each keeps the
 * line count, so the line map stays 1:1, and reports what it took out. */
#include "check.h"
#include "diag.h"
#include "ingest/normalize.h"

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

int main(void)
{
    test_comments();
    return check_done();
}
