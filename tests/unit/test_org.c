#define _XOPEN_SOURCE 700 /* mkdtemp */
/* The Org reader (src/ingest/formats/org.c): each construct's Markdown,
 * the lines its nodes keep, what it reports, cards for the study pass. */
#include "formats_support.h"
#include "study/study.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

static void test_headings(void)
{
    check_md("n.org", "* TODO [#A] Newton's laws [1/3] :physics:exam:\n** DONE Energy\n",
             "# Newton's laws\n\n## Energy\n");
    check_md("n.org", "******** Deep\n", "###### Deep\n");
    check_md("n.org", "*bold* start\n", "**bold** start\n");
    /* #+TODO keywords of the file's own */
    check_md("n.org", "#+TODO: READ WRITING | PUBLISHED\n* READ Dune\n* WRITING Essay\n",
             "# Dune\n\n# Essay\n");
    read_result r = read_as("n.org", "* Cells :biology:\n\n** Mitochondria :biology:organelle:\n");
    CHECK(check_count_code(r.d, "tags") == 1);
    CHECK(strstr(oct_diag_at(r.d, 0)->message, "biology, organelle") != NULL);
    CHECK(line_of(&r, "## Mitochondria") == 3);
    read_free(&r);
}

static void test_metadata(void)
{
    read_result r = read_as("n.org", "#+TITLE: Optics\n#+AUTHOR: Lee\n#+LANGUAGE: de\n#+OPTIONS: "
                                     "toc:nil\n\nText.\n# a private remark\n");
    CHECK_STR(r.out.text, "Text.\n");
    CHECK_STR(r.out.title, "Optics");
    CHECK_STR(r.lang, "de");
    CHECK(check_count_code(r.d, "org-metadata") == 1);
    CHECK(check_count_code(r.d, "org-comment") == 1);
    CHECK(line_of(&r, "Text.") == 6);
    read_free(&r);
    /* drawers and planning lines under a heading */
    check_md("n.org",
             "* Task\nSCHEDULED: <2026-01-01 Thu>\n:PROPERTIES:\n:ID: x\n:END:\n:LOGBOOK:\nCLOCK: "
             "x\n:END:\nBody\n",
             "# Task\nBody\n");
    /* an unclosed drawer is text */
    check_md("n.org", ":NOTES:\nkept\n", ":NOTES:\nkept\n");
    /* an #+INCLUDE whose file is missing: its line prints, with a warning */
    r = read_as("n.org", "#+INCLUDE: other.org\n");
    CHECK(check_count_code(r.d, "org-include") == 1);
    CHECK(strstr(r.out.text, "other.org") != NULL);
    read_free(&r);
}

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    CHECK(f && fputs(text, f) >= 0 && fclose(f) == 0);
}

/* #+INCLUDE reads a file beside the source in its place: as Org (nested,
 * each line at the #+INCLUDE's), as code with src/example, cut by
 * :lines; refused, with its line printed, when missing, outside the
 * source's folder, in a cycle and beyond 8 deep (rst's limits). */
static void test_include(void)
{
    char top[] = "/tmp/oct-org-XXXXXX";
    CHECK(mkdtemp(top) != NULL);
    char dir[600], sub[700], path[800];
    snprintf(dir, sizeof dir, "%s/notes", top);
    snprintf(sub, sizeof sub, "%s/teile", dir);
    CHECK(mkdir(dir, 0700) == 0 && mkdir(sub, 0700) == 0);
    write_file(top, "geheim.org", "* Geheim\n");
    write_file(sub, "zellen.org",
               "** Mitochondrien\nSie erzeugen *ATP*.\n#+INCLUDE: \"../haupt.org\"\n");
    write_file(sub, "zaehlen.py",
               "import sys\nzellen = 0\nfor z in sys.stdin:\n"
               "    zellen += 1\nprint(zellen)\n");
    write_file(sub, "log.txt", "Probe 3: 12 Zellen\n");
    const char *main_org = "* Biologie\n#+INCLUDE: \"teile/zellen.org\"\n"
                           "#+INCLUDE: \"teile/zaehlen.py\" src python :lines \"2-5\"\n"
                           "#+INCLUDE: teile/log.txt example\n"
                           "#+INCLUDE: \"../geheim.org\"\n- Punkt\n#+INCLUDE: \"fehlt.org\"\n";
    write_file(dir, "haupt.org", main_org);
    snprintf(path, sizeof path, "%s/haupt.org", dir);
    read_result r = read_as(path, main_org);
    CHECK_STR(r.out.text,
              "# Biologie\n\n## Mitochondrien\nSie erzeugen **ATP**.\n\n"
              "\\#+INCLUDE: \"../haupt.org\"\n\n"
              "```python\nzellen = 0\nfor z in sys.stdin:\n    zellen += 1\n```\n\n"
              "```\nProbe 3: 12 Zellen\n```\n\n\\#+INCLUDE: \"../geheim.org\"\n\n- Punkt\n\n"
              "\\#+INCLUDE: \"fehlt.org\"\n");
    CHECK(line_of(&r, "## Mitochondrien") == 2);
    CHECK(line_of(&r, "    zellen += 1") == 3);
    CHECK(line_of(&r, "Probe 3") == 4);
    CHECK(check_count_code(r.d, "org-include") == 3); /* the cycle, outside, missing */
    int cycle = 0, outside = 0, missing = 0;
    for (size_t k = 0; k < oct_diag_size(r.d); k++) {
        const oct_diag_msg *m = oct_diag_at(r.d, k);
        cycle += strstr(m->message, "being read already") && strstr(m->file, "zellen.org") &&
                 m->line == 3;
        outside += strstr(m->message, "outside the source's folder") && m->line == 5;
        missing += strstr(m->message, "fehlt.org") && m->line == 7;
    }
    CHECK(cycle == 1 && outside == 1 && missing == 1);
    read_free(&r);
    /* :lines "-2" is line 1 alone, "4-" from line 4 on */
    const char *cut = "#+INCLUDE: \"teile/zaehlen.py\" src python :lines \"-2\"\n"
                      "#+INCLUDE: \"teile/zaehlen.py\" example :lines \"4-\"\n";
    write_file(dir, "schnitt.org", cut);
    snprintf(path, sizeof path, "%s/schnitt.org", dir);
    r = read_as(path, cut);
    CHECK_STR(r.out.text,
              "```python\nimport sys\n```\n\n```\n    zellen += 1\nprint(zellen)\n```\n");
    read_free(&r);
    /* a chain of includes ends 8 deep */
    for (int k = 0; k < 12; k++) {
        char name[32], text[64];
        snprintf(name, sizeof name, "k%d.org", k);
        snprintf(text, sizeof text, "Stufe %d\n#+INCLUDE: \"k%d.org\"\n", k, k + 1);
        write_file(dir, name, text);
    }
    snprintf(path, sizeof path, "%s/k0.org", dir);
    r = read_as(path, "Stufe 0\n#+INCLUDE: \"k1.org\"\n");
    CHECK(strstr(r.out.text, "Stufe 8") && !strstr(r.out.text, "Stufe 9"));
    CHECK(check_count_code(r.d, "org-include") == 1);
    read_free(&r);
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", top);
    CHECK(system(cmd) == 0);
}

/* Subtrees Org's export leaves out are not printed, each with a note at
 * its heading's line. */
static void test_export_selection(void)
{
    read_result r = read_as("n.org", "* Kinetics\nRates.\n* COMMENT Draft ideas\nhalf-baked\n** "
                                     "Sub of draft\nmore\n* Enzymes\nCatalysts.\n* Answers "
                                     ":noexport:\nsecret\n* TODO [#B] COMMENT Later\nx\n");
    CHECK_STR(r.out.text, "# Kinetics\nRates.\n\n# Enzymes\nCatalysts.\n");
    CHECK(check_count_code(r.d, "org-excluded") == 3);
    const oct_diag_msg *e = NULL;
    for (size_t k = 0; k < oct_diag_size(r.d); k++)
        if (!strcmp(oct_diag_at(r.d, k)->code, "org-excluded") && !e) e = oct_diag_at(r.d, k);
    CHECK(e && e->line == 3 && strstr(e->message, "Draft ideas") && strstr(e->message, "3-6"));
    read_free(&r);
    /* a "COMMENT" that is a word of the title, a tag inside a word: kept */
    check_md("n.org", "* COMMENTS on Hegel\ntext\n* Notes :noexportable:\nkept\n",
             "# COMMENTS on Hegel\ntext\n\n# Notes\nkept\n");
    /* the file's own exclude tags replace :noexport:; select tags keep
     * their subtrees, the headings above them and the text before */
    check_md("n.org", "#+EXCLUDE_TAGS: private\n* Diary :private:\nx\n* Plan :noexport:\ny\n",
             "# Plan\ny\n");
    check_md("n.org",
             "#+SELECT_TAGS: exam\nPreface.\n* Unit 1\n** Topic A :exam:\nasked\n** Topic B\n"
             "skipped\n* Unit 2\nnot asked\n",
             "Preface.\n\n# Unit 1\n\n## Topic A\nasked\n");
    /* a heading inside a block is no heading: nothing is cut there */
    check_md("n.org", "#+BEGIN_SRC org\n* COMMENT x\n#+END_SRC\nend\n",
             "```org\n* COMMENT x\n```\nend\n");
}

static void test_blocks(void)
{
    read_result r = read_as("n.org", "Intro\n#+BEGIN_SRC python :results output\ndef f():\n    "
                                     "return 1\n,* star\n#+END_SRC\nAfter\n");
    CHECK_STR(r.out.text, "Intro\n\n```python\ndef f():\n    return 1\n* star\n```\nAfter\n");
    CHECK(line_of(&r, "```python") == 2);
    CHECK(line_of(&r, "def f") == 3);
    read_free(&r);
    check_md("n.org", "#+begin_src c++ -n\nint x;\n#+end_src\n", "```c++\nint x;\n```\n");
    check_md("n.org", "#+begin_example\nx = 1\n#+end_example\n", "```\nx = 1\n```\n");
    check_md("n.org", ": fixed one\n:\n: fixed two\n", "```\nfixed one\n\nfixed two\n```\n");
    check_md("n.org", "#+BEGIN_QUOTE\nTo be /or/ not.\n#+END_QUOTE\nNext\n",
             "> To be *or* not.\n\nNext\n");
    check_md("n.org", "#+BEGIN_VERSE\nRoses\nViolets\n#+END_VERSE\n", "Roses\\\nViolets\n");
    check_md("n.org", "#+BEGIN_COMMENT\nhidden\n#+END_COMMENT\nshown\n", "shown\n");
    check_md("n.org", "#+BEGIN_TIP\nSalt the water.\n#+END_TIP\n", "> [!tip]\n> Salt the water.\n");
    /* a fence inside the code gets a longer fence */
    check_md("n.org", "#+BEGIN_SRC markdown\n```\nx\n```\n#+END_SRC\n",
             "````markdown\n```\nx\n```\n````\n");
    /* an unclosed block runs to the end, with a warning; an unknown one
     * keeps its text */
    r = read_as("n.org", "#+BEGIN_SRC sh\nls\n");
    CHECK_STR(r.out.text, "```sh\nls\n```\n");
    CHECK(check_count_code(r.d, "org-unknown") == 1);
    read_free(&r);
    r = read_as("n.org", "#+BEGIN_FOO\nkept text\n#+END_FOO\n");
    CHECK(strstr(r.out.text, "kept text") != NULL);
    CHECK(check_count_code(r.d, "org-unknown") == 1);
    read_free(&r);
}

static void test_lists(void)
{
    check_md("n.org", "- a\n- [X] done\n- [ ] open\n- [-] half\n",
             "- a\n- [x] done\n- [ ] open\n- [ ] half\n");
    check_md("n.org", "1. one\n   - sub\n     more\n2) two\n+ plus\n",
             "1. one\n   - sub\n     more\n2) two\n- plus\n");
    check_md("n.org", "- Mass :: resistance\nAfter the list\n",
             "- **Mass**: resistance\n\nAfter the list\n");
    check_md("n.org", "1. [@4] four\n", "4. four\n");
    /* a block inside an item goes at the item's content column */
    check_md("n.org", "- item\n  #+BEGIN_SRC c\n  x;\n  #+END_SRC\n",
             "- item\n\n  ```c\n  x;\n  ```\n");
}

static void test_tables(void)
{
    read_result r = read_as("n.org", "Before\n| a | b |\n|---+---|\n| 1 | 2 |\n| 3 |\n#+TBLFM: "
                                     "$2=$1\nAfter\n");
    CHECK_STR(r.out.text, "Before\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n| 3 |  |\n\nAfter\n");
    CHECK(line_of(&r, "| 3 |") == 5);
    read_free(&r);
    /* no rule: a headless table; column cookies print nothing */
    check_md("n.org", "| <l> | <r> |\n| x | y |\n", "|  |  |\n| --- | --- |\n| x | y |\n");
    check_md("n.org", "| a \\| b |\n", "|  |  |\n| --- | --- |\n| a \\ | b |\n");
}

static void test_inline(void)
{
    check_md("n.org", "*b* /i/ _u_ =v*x= ~c~ +s+ a*b*c 2/3/4\n",
             "**b** *i* *u* `v*x` `c` ~~s~~ a\\*b\\*c 2/3/4\n");
    check_md("n.org", "[[https://a.org/x][the site]] [[https://b.org]] [[file:cell.png]]\n",
             "[the site](<https://a.org/x>) [https://b.org](<https://b.org>) "
             "![cell.png](<cell.png>)\n");
    check_md("n.org", "[[*Heading]] and [[file:notes.org][my notes]]\n", "Heading and my notes\n");
    check_md("n.org", "A fact[fn:1].\n\n[fn:1] Its source.\n",
             "A fact[^1].\n\n[^1]: Its source.\n");
    check_md("n.org", "Inline[fn:: a note] here.\n",
             "Inline[^anon-1] here.\n\n[^anon-1]:  a note\n");
    check_md("n.org", "<<target>>Text <<<radio>>>\n", "Text radio\n");
    check_md("n.org", "# comment\n#hashtag <b> & 1. x\n", "\\#hashtag \\<b> \\& 1. x\n");
    check_md("n.org", "-----\n", "***\n");
    /* TeX math as the code span ingest sets as math; prices stay text */
    check_md("n.org", "So $F = -kx$, \\(\\alpha\\), $5 and $10\n",
             "So `$F = -kx$`, `\\(\\alpha\\)`, $5 and $10\n");
}

/* The study pass reads the cards the reader labels. */
static int questions(doc *r, int *answered)
{
    oct_study_run(r->t, r->d);
    int n = 0;
    *answered = 0;
    for (int i = 0; find(r->ch, OCT_QUESTION, i); i++) {
        n++;
        *answered += find(r->ch, OCT_QUESTION, i)->u.question.answered;
    }
    return n;
}

static void test_cards(void)
{
    check_md("n.org", "* bonjour :drill:\nhello\n", "# Q: bonjour\nhello\n");
    check_md("n.org", "* Item :drill:\nWhat is the oven?\n** Answer\nle four\n",
             "# Item\nQ: What is the oven?\n\nA: le four\n");
    check_md("n.org", "* Item :drill:\n** Answer\nle four\n", "# Q: Item\n\nA: le four\n");
    /* an answer that opens with a block: the label on a line of its own */
    check_md("n.org",
             "* Sort a list? :drill:\n** Answer\n#+BEGIN_SRC python\nsorted(x)\n#+END_SRC\n",
             "# Q: Sort a list?\n\nA:\n\n```python\nsorted(x)\n```\n");
    read_result r = read_as("n.org", "* Cloze :drill:\nThe capital is [Paris||city].\n");
    CHECK_STR(r.out.text, "# Cloze\nThe capital is {{c1::Paris::city}}.\n");
    CHECK(r.out.deck_tag);
    read_free(&r);
    /* brackets outside a drill card are text */
    check_md("n.org", "* Note\nA [word] here.\n", "# Note\nA \\[word\\] here.\n");
    check_md("n.org",
             "* la maison\n:PROPERTIES:\n:ANKI_NOTE_TYPE: Basic\n:END:\n** Front\nla "
             "maison\n** Back\nthe house\n",
             "# la maison\n\nQ: la maison\n\nA: the house\n");

    doc d = ingest_as("deck.org", "#+TITLE: Deck\n* bonjour :drill:\nhello\n\n* Item :drill:\n"
                                  "What is the oven?\n** Answer\nle four\n\n* Cloze :drill:\nThe "
                                  "capital is [Paris].\n");
    int answered, n = questions(&d, &answered);
    CHECK(n == 3 && answered == 3);
    CHECK_STR(d.ch->u.chapter.title, "Deck");
    const oct_node *q = find(d.ch, OCT_QUESTION, 1);
    CHECK(q && q->span.line == 6);
    doc_free(&d);
}

/* Every node keeps its Org line. */
static void test_lines(void)
{
    doc d = ingest_as("n.org", "#+TITLE: T\n\n* One\n:PROPERTIES:\n:ID: 1\n:END:\nFirst "
                               "para.\n\n#+BEGIN_SRC python\nx = 1\n#+END_SRC\n\n| a |\n|---|\n| b "
                               "|\n\n- item\n** Two\n");
    CHECK(line_at(&d, OCT_SECTION, 0) == 3);
    CHECK(line_at(&d, OCT_PARAGRAPH, 0) == 7);
    CHECK(line_at(&d, OCT_CODE_BLOCK, 0) == 9);
    CHECK(line_at(&d, OCT_TABLE, 0) == 13);
    CHECK(line_at(&d, OCT_LIST, 0) == 17);
    CHECK(line_at(&d, OCT_SECTION, 1) == 18);
    CHECK_STR(d.ch->u.chapter.title, "T");
    doc_free(&d);
}

/* Hostile input ends, and keeps its text. */
static void test_hostile(void)
{
    size_t n = 10000;
    char *stars = malloc(n + 16);
    memset(stars, '*', n);
    memcpy(stars + n, " Deep\n", 7);
    read_result r = read_as("n.org", stars);
    CHECK_STR(r.out.text, "###### Deep\n");
    read_free(&r);
    free(stars);
    oct_buf b = OCT_BUF_INIT;
    for (int k = 0; k < 3000; k++)
        oct_buf_puts(&b, "#+BEGIN_QUOTE\n");
    oct_buf_puts(&b, "core\n");
    r = read_as("n.org", b.data);
    CHECK(strstr(r.out.text, "core") != NULL);
    CHECK(
        strstr(r.out.text, "> > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > > ") ==
        NULL); /* 32 deep at most */
    CHECK(strstr(r.out.text, "#+BEGIN\\_QUOTE") != NULL);
    read_free(&r);
    oct_buf_free(&b);
    for (int k = 0; k < 2000; k++)
        oct_buf_printf(&b, "%*s- level\n", k * 2, "");
    r = read_as("n.org", b.data);
    CHECK(r.out.nlines == 2000);
    read_free(&r);
    oct_buf_free(&b);
    check_md("n.org", "[[unclosed link\n[fn:x\n*open /slash =eq\n",
             "\\[\\[unclosed link\n\\[fn:x\n\\*open /slash =eq\n");
}

int main(void)
{
    test_headings();
    test_metadata();
    test_include();
    test_export_selection();
    test_blocks();
    test_lists();
    test_tables();
    test_inline();
    test_cards();
    test_lines();
    test_hostile();
    return check_done();
}
