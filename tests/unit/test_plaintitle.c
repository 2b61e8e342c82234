/* A plain-text note's title line (ingest/plaintitle.h): the first line,
 * alone before a blank line, becomes the chapter's title in notes of many
 * kinds and languages; a question, a label, a sentence, code, a list
 * item, a table row or a line with no blank after it stays as it was.
 * End to end: the chapter is titled by it, and its text is not printed
 * twice nor lost. */
#include "check.h"
#include "ingest/ingest.h"
#include "ingest/plaintitle.h"
#include "tree/tree.h"

#include <stdlib.h>
#include <string.h>

/* Runs the pass on text; what it wrote (caller frees). */
static char *titled(const char *text, bool *made)
{
    oct_normalized n = {.text = strdup(text), .len = strlen(text)};
    *made = oct_plain_title(&n);
    CHECK(strlen(n.text) == n.len);
    return n.text;
}

static void check_title(const char *text, const char *want)
{
    bool made;
    char *got = titled(text, &made);
    CHECK(made);
    CHECK_STR(got, want);
    free(got);
}

static void check_kept(const char *text)
{
    bool made;
    char *got = titled(text, &made);
    CHECK(!made);
    CHECK_STR(got, text);
    free(got);
}

static void test_titles(void)
{
    check_title("Cell Biology Review\n\n1. What is a cell?\nThe unit of life.\n",
                "# Cell Biology Review\n\n1. What is a cell?\nThe unit of life.\n");
    check_title("\n\nLab 4 \xE2\x80\x93 Molar mass database\n\nWe keep every compound.\n",
                "\n\n# Lab 4 \xE2\x80\x93 Molar mass database\n\nWe keep every compound.\n");
    check_title("Notizen zur Gr\xC3\xB6\xC3\x9F"
                "e von Projekten\n\nText.\n",
                "# Notizen zur Gr\xC3\xB6\xC3\x9F"
                "e von Projekten\n\nText.\n");
    check_title("\xD0\x9E\xD1\x81\xD0\xBD\xD0\xBE\xD0\xB2\xD1\x8B \xD1\x85\xD0\xB8\xD0\xBC\xD0"
                "\xB8\xD0\xB8\n\n\xD0\xA2\xD0\xB5\xD0\xBA\xD1\x81\xD1\x82.\n",
                "# \xD0\x9E\xD1\x81\xD0\xBD\xD0\xBE\xD0\xB2\xD1\x8B \xD1\x85\xD0\xB8\xD0\xBC\xD0"
                "\xB8\xD0\xB8\n\n\xD0\xA2\xD0\xB5\xD0\xBA\xD1\x81\xD1\x82.\n");
    check_title("\xE5\x85\x89\xE5\x90\x88\xE4\xBD\x9C\xE7\x94\xA8\xE7\xAC\x94\xE8\xAE\xB0\n\n"
                "\xE6\x96\x87\xE5\xAD\x97\xE3\x80\x82\n",
                "# \xE5\x85\x89\xE5\x90\x88\xE4\xBD\x9C\xE7\x94\xA8\xE7\xAC\x94\xE8\xAE\xB0\n\n"
                "\xE6\x96\x87\xE5\xAD\x97\xE3\x80\x82\n");
}

static void test_kept(void)
{
    check_kept("What is a cell\n\nThe unit of life.\n");                   /* a question */
    check_kept("Warum sind Bl\xC3\xA4tter gr\xC3\xBCn\n\nChlorophyll.\n"); /* one in German */
    check_kept("What is a cell?\n\nThe unit of life.\n");
    check_kept("Q: What is a cell\nA: The unit of life.\n");
    check_kept("Questions:\n\n1. One?\n");
    check_kept("Here is my summary of the chapter.\n\nText.\n");       /* a sentence */
    check_kept("Sure! Here are your notes\n\nText.\n");                /* two sentences */
    check_kept("Here are 20 Django interview questions\n\n1. One?\n"); /* a chat's opener */
    check_kept("x = compute(y)\n\nText.\n");
    check_kept("print()\n\nText.\n");
    check_kept("- first item\n\n- second item\n");
    check_kept("1. Django Basics\n\nText.\n");
    check_kept("name\tvalue\n\nText.\n");
    check_kept("Notes from https://example.org\n\nText.\n");
    check_kept("Title right above text\nText on the next line.\n"); /* no blank after it */
    check_kept("Only a title\n");                                   /* nothing after it */
    check_kept("Only a title\n\n\n");
    check_kept("    indented code\n\nText.\n");
    check_kept("Chapter 3: Cells\n\nText.\n"); /* a colon: could be a label */
    check_kept("A very long line that goes on and on with many words in it, far too many for "
               "a title of a note\n\nText.\n");
}

/* A note parsed end to end: its title line names the chapter and is
 * printed once, as its title. */
static void test_end_to_end(void)
{
    const char *src = "Cell Biology Review\n\nWhat is a cell?\nThe unit of life.\n";
    oct_tree *t = oct_tree_new();
    oct_diag *d = oct_diag_new(NULL);
    oct_node *ch = oct_ingest_source(t, "notes/cells.txt", src, strlen(src), NULL, NULL, d);
    CHECK(ch != NULL);
    if (ch) {
        CHECK_STR(ch->u.chapter.title, "Cell Biology Review");
        oct_tree_fold_title_headings(t);
        size_t n = 0;
        oct_iter it;
        oct_iter_init(&it, t->root);
        for (const oct_node *k; (k = oct_iter_next_node(&it));)
            n += k->kind == OCT_TEXT && strstr(k->text, "Cell Biology Review") != NULL;
        CHECK(n == 0); /* the chapter's title, not a heading or paragraph of it */
        CHECK(ch->first && ch->first->kind != OCT_SECTION);
    }
    /* the same line in a Markdown file is text: Markdown has '#' for titles */
    oct_node *md = oct_ingest_source(t, "notes/cells.md", src, strlen(src), NULL, NULL, d);
    CHECK(md && strcmp(md->u.chapter.title, "Cell Biology Review") != 0);
    oct_diag_free(d);
    oct_tree_free(t);
}

/* Runs the pass on an exam paper's text (normalize_parts.c said so). */
static char *titled_exam(const char *text, bool *made)
{
    oct_normalized n = {.text = strdup(text), .len = strlen(text), .exam = true};
    *made = oct_plain_title(&n);
    return n.text;
}

/* An exam paper prints its rubric straight under its title: the title
 * line names the chapter without a blank line after it; a label, marks
 * or a rubric line is no title; a note that is no paper still needs the
 * blank line. */
static void test_exam_heads(void)
{
    static const char *const HEADS[][2] = {
        {"Final Examination \xE2\x80\x94 Fluid Mechanics\nDuration: 2 hours\n\n1 Define "
         "viscosity. [2]\n",
         "# Final Examination \xE2\x80\x94 Fluid Mechanics\nDuration: 2 hours\n\n1 Define "
         "viscosity. [2]\n"},
        {"Examen final de Bioqu\xC3\xADmica\nTiempo: 60 minutos.\n",
         "# Examen final de Bioqu\xC3\xADmica\nTiempo: 60 minutos.\n"},
        {"Klausur Analysis I SoSe 2024\nBearbeitungszeit: 90 Minuten.\n",
         "# Klausur Analysis I SoSe 2024\nBearbeitungszeit: 90 Minuten.\n"},
    };
    for (size_t i = 0; i < sizeof HEADS / sizeof *HEADS; i++) {
        bool made;
        char *got = titled_exam(HEADS[i][0], &made);
        CHECK(made);
        CHECK_STR(got, HEADS[i][1]);
        free(got);
        check_kept(HEADS[i][0]); /* the same head in a note that is no paper */
    }
    static const char *const KEPT[] = {
        "Problem 3 Find the pressure\nThe tank is open.\n", /* a question's label */
        "Define viscosity [2]\nNext line.\n",               /* marks */
        "Answer all questions\nTime: 1 hour\n",             /* the rubric */
        "Time allowed: 1 hour\nAnswer all questions.\n",    /* a colon */
        "Section A\nShort questions.\n",
        "Mark scheme\n1 (a) B1\n", /* a section, a scheme */
        "Fluid Mechanics Paper\n", /* nothing after it */
    };
    for (size_t i = 0; i < sizeof KEPT / sizeof *KEPT; i++) {
        bool made;
        char *got = titled_exam(KEPT[i], &made);
        CHECK(!made);
        CHECK_STR(got, KEPT[i]);
        free(got);
    }
    /* end to end: a Spanish paper in a .txt file is titled by its head */
    const char *src = "Examen parcial de Qu\xC3\xADmica Org\xC3\xA1nica\n"
                      "Duraci\xC3\xB3n: 50 minutos. Sin calculadora.\n\n"
                      "1 Nombre el grupo funcional de un alcohol. [1]\n"
                      "2 Escriba la f\xC3\xB3rmula del etanol. [2]\n"
                      "3 Explique qu\xC3\xA9 es un is\xC3\xB3mero. [3]\n";
    oct_tree *t = oct_tree_new();
    oct_diag *d = oct_diag_new(NULL);
    oct_node *ch = oct_ingest_source(t, "papers/parcial.txt", src, strlen(src), NULL, NULL, d);
    CHECK(ch &&
          strcmp(ch->u.chapter.title, "Examen parcial de Qu\xC3\xADmica Org\xC3\xA1nica") == 0);
    /* the rubric is still printed, from its own line */
    oct_tree_fold_title_headings(t);
    CHECK(ch && ch->first && ch->first->kind == OCT_PARAGRAPH && ch->first->span.line == 2);
    oct_diag_free(d);
    oct_tree_free(t);
}

int main(void)
{
    test_titles();
    test_kept();
    test_end_to_end();
    test_exam_heads();
    return check_done();
}
