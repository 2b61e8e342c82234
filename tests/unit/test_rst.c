#define _XOPEN_SOURCE 700 /* mkdtemp */
/* The reStructuredText reader (src/ingest/formats/rst.c and its
 * neighbours): each construct's Markdown, the lines its nodes keep, what
 * it reports, questions for the study pass, hostile input. */
#include "formats_support.h"
#include "study/study.h"

#include <stdio.h>
#include <sys/stat.h>

static void test_sections(void)
{
    read_result r = read_as("n.rst", "=======\n Title\n=======\n\nPart\n====\n\nSub\n---\n\nMore\n"
                                     "====\n\n----\n\nEnd\n");
    CHECK_STR(r.out.text, "# Title\n\n## Part\n\n### Sub\n\n## More\n\n***\n\nEnd\n");
    CHECK(line_of(&r, "# Title") == 2);
    CHECK(line_of(&r, "### Sub") == 8);
    CHECK(line_of(&r, "End") == 16);
    read_free(&r);
    /* a short underline under a long line is no title */
    check_md("n.rst", "A sentence that goes on\n--\n", "A sentence that goes on\n\\--\n");
}

static void test_paragraphs(void)
{
    check_md("n.rst", "One line\nand *two*.\n\nNext.\n", "One line\nand *two*.\n\nNext.\n");
    check_md("n.rst", "Example::\n\n    x = 1\n\nAfter\n",
             "Example:\n\n```\nx = 1\n```\n\nAfter\n");
    check_md("n.rst", "Example ::\n\n    x = 1\n", "Example\n\n```\nx = 1\n```\n");
    check_md("n.rst", "::\n\n    x = 1\n", "```\nx = 1\n```\n");
    check_md("n.rst", ".. highlight:: python\n\nCode::\n\n    print(1)\n",
             "Code:\n\n```python\nprint(1)\n```\n");
    check_md("n.rst", ">>> 1 + 1\n2\n", "```python\n>>> 1 + 1\n2\n```\n");
    check_md("n.rst", "| Roses\n| Violets\n", "Roses\\\nViolets\n");
    check_md("n.rst", "Text\n\n    A quote.\n\nAfter\n", "Text\n\n> A quote.\n\nAfter\n");
    /* lines that Markdown would read as blocks stay text */
    check_md("n.rst", "Costs\n# of items\n- and\n1. not a list\n",
             "Costs\n\\# of items\n\\- and\n1\\. not a list\n");
}

static void test_code(void)
{
    read_result r = read_as("n.rst", "Intro\n\n.. code-block:: sql\n   :linenos:\n   :caption: "
                                     "Users\n\n   SELECT *\n     FROM t;\n\nAfter\n");
    CHECK_STR(r.out.text, "Intro\n\n*Users*\n\n```sql\nSELECT *\n  FROM t;\n```\n\nAfter\n");
    CHECK(line_of(&r, "```sql") == 3);
    CHECK(line_of(&r, "SELECT") == 7);
    CHECK(check_count_code(r.d, "rst-metadata") == 1);
    read_free(&r);
    check_md("n.rst", ".. code:: c++\n\n   int x;\n", "```c++\nint x;\n```\n");
    check_md("n.rst", ".. sourcecode:: bash\n\n   ls\n", "```bash\nls\n```\n");
}

static void test_lists(void)
{
    check_md("n.rst", "- a\n- b\n\n  second para\n\n* c\n", "- a\n- b\n\n  second para\n\n- c\n");
    check_md("n.rst", "#. one\n#. two\n", "1. one\n1. two\n");
    check_md("n.rst", "3. three\n4. four\n", "3. three\n4. four\n");
    check_md("n.rst", "(a) alpha\n(b) beta\n", "1. alpha\n1. beta\n");
    check_md("n.rst", "- outer\n\n  - inner\n", "- outer\n\n  - inner\n");
    check_md("n.rst", "- - nested at once\n", "- - nested at once\n");
    check_md("n.rst", "term\n    its meaning\nother : classifier\n    more\nWhy?\n    Because.\n",
             "- **term**: its meaning\n- **other : classifier**: more\n- **Why?** Because.\n");
    /* a term whose definition is a definition list: both terms print */
    check_md("n.rst", "outer\n    inner\n        meaning\n",
             "- **outer**: \n  - **inner**: meaning\n");
    read_result r = read_as("n.rst", ":Author: Me\n:Language: pt-BR\n\nText\n\n:param x: the x\n");
    CHECK_STR(r.out.text, "Text\n\n- **param x**: the x\n");
    CHECK_STR(r.lang, "pt-BR");
    CHECK(check_count_code(r.d, "rst-metadata") == 1);
    read_free(&r);
}

static void test_inline(void)
{
    check_md("n.rst", "``code *x*`` *em* **strong** `title` 2*3*4 snake_case_\n",
             "`code *x*` *em* **strong** *title* 2\\*3\\*4 snake\\_case\\_\n");
    check_md("n.rst",
             "See `the docs <https://d.org/>`_ and `Python`_.\n\n.. _Python: "
             "https://python.org/\n",
             "See [the docs](<https://d.org/>) and [Python](<https://python.org/>).\n");
    check_md("n.rst", "`One`__ and `two`__.\n\n__ https://one.org/\n\n.. __: https://two.org/\n",
             "[One](<https://one.org/>) and [two](<https://two.org/>).\n");
    check_md("n.rst", "Read pep8_ now.\n\n.. _pep8: https://peps.org/8/\n",
             "Read [pep8](<https://peps.org/8/>) now.\n");
    check_md("n.rst",
             ":func:`os.path.join`, :meth:`~a.B.c`, :ref:`joins <sec-joins>`, "
             ":term:`index`, :math:`x^2`\n",
             "`os.path.join`, `c`, joins, index, `$x^2$`\n");
    check_md("n.rst", "|name| is |undefined|.\n\n.. |name| replace:: Octavo\n",
             "Octavo is undefined.\n");
    /* a substitution naming itself stops after a few rounds (it recursed
     * until the stack ran out: found by fuzz_markdown) */
    check_md("n.rst", "|s| ends.\n\n.. |s| replace:: *e* |s|\n",
             "*e* *e* *e* *e* *e* *e* *e* *e* \\*e\\* \\|s\\| ends.\n");
    check_md("n.rst", "Escaped \\*star\\* and a\\ b.\n", "Escaped \\*star\\* and ab.\n");
    check_md("n.rst", "A fact [1]_ and [#]_.\n\n.. [1] First.\n.. [#] Auto.\n",
             "A fact [^1] and [^auto-1].\n\n[^1]: First.\n\n[^auto-1]: Auto.\n");
}

static void test_directives(void)
{
    check_md("n.rst", ".. image:: cell.png\n   :alt: A cell\n", "![A cell](<cell.png>)\n");
    check_md("n.rst", ".. image:: https://b.io/v.svg\n   :target: https://pypi.org/p/\n",
             "[![https://b.io/v.svg](<https://b.io/v.svg>)](<https://pypi.org/p/>)\n");
    check_md("n.rst", ".. figure:: map.png\n\n   The map.\n",
             "![map.png](<map.png>)\n\nThe map.\n");
    check_md("n.rst", ".. note:: Keys are\n   unique.\n\nAfter\n",
             "> [!note]\n>\n> Keys are\n> unique.\n\nAfter\n");
    check_md("n.rst", ".. warning::\n\n   Slow.\n", "> [!warning]\n>\n> Slow.\n");
    check_md("n.rst", ".. admonition:: Remember\n\n   This.\n", "> [!note] Remember\n>\n> This.\n");
    check_md("n.rst", ".. seealso:: Other\n", "> [!info] See also\n>\n> Other\n");
    read_result r = read_as("n.rst", ".. toctree::\n   :maxdepth: 2\n\n   intro\n\nText\n");
    CHECK_STR(r.out.text, "Text\n");
    CHECK(check_count_code(r.d, "rst-metadata") == 1);
    read_free(&r);
    r = read_as("n.rst", ".. a comment\n   over lines\n..\n\nText\n");
    CHECK_STR(r.out.text, "Text\n");
    CHECK(check_count_code(r.d, "rst-comment") == 1);
    read_free(&r);
    r = read_as("n.rst", ".. mystery:: the argument\n\n   Its body.\n");
    CHECK_STR(r.out.text, "the argument\n\nIts body.\n");
    CHECK(check_count_code(r.d, "rst-unknown") == 1);
    read_free(&r);
    check_md("n.rst", ".. function:: f(x)\n\n   Does f.\n", "`f(x)`\n\nDoes f.\n");
    check_md("n.rst", ".. versionadded:: 3.2\n", "*New in version 3.2*\n");
    check_md("n.rst", ".. math::\n\n   E = mc^2\n", "`$$E = mc^2$$`\n");
}

static void test_tables(void)
{
    read_result r = read_as("n.rst", "+------+-------+\n| Név  | Típus |\n+======+=======+\n| "
                                     "id   | int   |\n|      | (pk)  |\n+------+-------+\n");
    CHECK_STR(r.out.text, "| Név | Típus |\n| --- | --- |\n| id | int (pk) |\n");
    CHECK(line_of(&r, "| id") == 4);
    read_free(&r);
    check_md("n.rst",
             "=====  =====\nA      B\n=====  =====\n1      2\n3      four\n       more\n"
             "=====  =====\n",
             "| A | B |\n| --- | --- |\n| 1 | 2 |\n| 3 | four more |\n");
    check_md("n.rst", "=====  =====\n1      2\n=====  =====\n",
             "|  |  |\n| --- | --- |\n| 1 | 2 |\n");
    /* spanning cells: the text in the cell where the span starts, the
     * cells it covers empty (GFM cannot span); a border through a row
     * span is no border there */
    r = read_as("n.rst", "+--------+--------+-------+\n| Stoff  | Eigenschaften  |\n"
                         "+========+========+=======+\n| Eisen  | fest   | rostet|\n"
                         "+--------+--------+ an    |\n| Wasser | flüssig| Luft  |\n"
                         "+--------+--------+-------+\n| eine Zeile über alles   |\n"
                         "+-------------------------+\n");
    CHECK_STR(r.out.text, "| Stoff | Eigenschaften |  |\n| --- | --- | --- |\n"
                          "| Eisen | fest | rostet an Luft |\n| Wasser | flüssig |  |\n"
                          "| eine Zeile über alles |  |  |\n");
    CHECK(line_of(&r, "| Wasser") == 6);
    CHECK(check_count_code(r.d, "rst-unknown") == 0);
    read_free(&r);
    check_md("n.rst", "+---+---+\n| a     |\n+---+---+\n", "|  |  |\n| --- | --- |\n| a |  |\n");
    /* a cell that is no rectangle: printed as drawn, with a warning */
    r = read_as("n.rst", "+---+---+\n| x | y |\n+---+   |\n| z     |\n+---+---+\n");
    CHECK(check_count_code(r.d, "rst-unknown") == 1);
    CHECK(strstr(r.out.text, "| z     |") != NULL);
    read_free(&r);
}

/* csv-table:: as a table: :header:, quotes (doubled inside), a cell over
 * two lines, :header-rows:, :delim:; a :url: is not fetched. */
static void test_csv_table(void)
{
    read_result r = read_as("n.rst", "Intro\n\n.. csv-table:: Planets\n   :header: \"Name\", "
                                     "\"Moons\"\n   :widths: 10, 5\n\n   Mars, 2\n   \"Jupiter, "
                                     "giant\", \"95 \"\"known\"\"\"\n   \"Earth\n   (home)\", 1\n"
                                     "\nAfter\n");
    CHECK_STR(r.out.text, "Intro\n\n*Planets*\n\n| Name | Moons |\n| --- | --- |\n| Mars | 2 |\n"
                          "| Jupiter, giant | 95 \"known\" |\n| Earth (home) | 1 |\n\nAfter\n");
    CHECK(line_of(&r, "| Mars") == 7);
    CHECK(line_of(&r, "| Earth") == 9);
    CHECK(check_count_code(r.d, "rst-unknown") == 0);
    read_free(&r);
    check_md("n.rst",
             ".. csv-table::\n   :header-rows: 1\n   :delim: ;\n\n   Wort;Bedeutung\n"
             "   Hund;dog | pet\n   Katze\n",
             "| Wort | Bedeutung |\n| --- | --- |\n| Hund | dog \\| pet |\n| Katze |  |\n");
    r = read_as("n.rst", ".. csv-table::\n   :url: https://example.org/x.csv\n");
    CHECK(check_count_code(r.d, "rst-include") == 1);
    read_free(&r);
}

/* list-table:: as a table: rows of "* - cell" items, a cell over two
 * lines (joined), :header-rows:, the title as a caption, :widths: as
 * metadata; a ragged row is padded with a warning; text outside a cell
 * stays a cell's, with a warning; no header rows: an empty header. */
static void test_list_table(void)
{
    read_result r = read_as("n.rst", "Intro\n\n.. list-table:: Vulcões\n   :widths: 20 10\n"
                                     "   :header-rows: 1\n\n   * - Nome\n     - Altura\n"
                                     "   * - Etna\n     - 3357 m,\n       *ativo*\n"
                                     "   * - Vesúvio\n\nAfter\n");
    CHECK_STR(r.out.text, "Intro\n\n*Vulcões*\n\n| Nome | Altura |\n| --- | --- |\n"
                          "| Etna | 3357 m, *ativo* |\n| Vesúvio |  |\n\nAfter\n");
    CHECK(line_of(&r, "| Etna") == 9);
    CHECK(line_of(&r, "| Vesúvio") == 12);
    CHECK(check_count_code(r.d, "rst-table") == 1);
    CHECK(check_count_code(r.d, "rst-metadata") == 1);
    read_free(&r);
    /* the row's first cell under its bullet; no header rows */
    check_md("n.rst",
             ".. list-table::\n\n   *\n     - 東京\n     - 1868\n   *\n     - 京都\n"
             "     - 794\n",
             "|  |  |\n| --- | --- |\n| 東京 | 1868 |\n| 京都 | 794 |\n");
    r = read_as("n.rst", ".. list-table::\n\n   Stray words\n   * - a\n     - b\n");
    CHECK(r.out.text && strstr(r.out.text, "| Stray words |"));
    CHECK(r.out.text && strstr(r.out.text, "| a | b |"));
    CHECK(check_count_code(r.d, "rst-table") == 2); /* loose text, and its row is short */
    read_free(&r);
}

/* raw:: html goes the HTML way, other raw text and autodoc's directives
 * are dropped with a note (an autodoc body's own words print). */
static void test_raw_and_autodoc(void)
{
    read_result r = read_as("n.rst", ".. raw:: html\n\n      <p>Hello <b>there</b></p>\n\n"
                                     ".. raw:: latex\n\n   \\newpage\n\n"
                                     ".. autoclass:: shop.Cart\n   :members:\n\n   A *basket*.\n\n"
                                     ".. automodule:: shop\n\nEnd\n");
    CHECK_STR(r.out.text, "<p>Hello <b>there</b></p>\n\nA *basket*.\n\nEnd\n");
    CHECK(check_count_code(r.d, "rst-dropped") == 3);
    CHECK(check_count_code(r.d, "rst-unknown") == 0);
    CHECK(strstr(r.out.text, "newpage") == NULL && strstr(r.out.text, "shop") == NULL);
    read_free(&r);
    doc d = ingest_as("n.rst", ".. raw:: html\n\n   <details><summary>Hint</summary>\n   Use a "
                               "<kbd>key</kbd>.\n   </details>\n");
    CHECK(find(d.ch, OCT_DETAILS, 0) != NULL || find(d.ch, OCT_SUMMARY, 0) != NULL);
    doc_free(&d);
}

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    CHECK(f && fputs(text, f) >= 0 && fclose(f) == 0);
}

/* include:: and csv-table's :file: read files beside the source: nested
 * (titles at the source's levels), as code, cut by markers; refused
 * outside the source's folder, in a cycle and beyond 8 deep. */
static void test_include(void)
{
    char top[] = "/tmp/oct-rst-XXXXXX";
    CHECK(mkdtemp(top) != NULL);
    char dir[600], sub[700], path[800];
    snprintf(dir, sizeof dir, "%s/notes", top);
    snprintf(sub, sizeof sub, "%s/parts", dir);
    CHECK(mkdir(dir, 0700) == 0 && mkdir(sub, 0700) == 0);
    write_file(top, "secret.rst", "hidden\n");
    write_file(sub, "waves.rst",
               "Waves\n-----\n\nThey *carry* energy.\n\n.. include:: ../main.rst\n");
    write_file(sub, "data.csv", "f,lambda\n\"440 Hz\",0.78 m\n");
    write_file(sub, "demo.py", "import math\n# begin\nprint(math.pi)\n# end\n");
    const char *main_rst =
        "Physics\n=======\n\nOptics\n------\n\n.. include:: parts/waves.rst\n\n"
        ".. include:: parts/demo.py\n   :code: python\n   :start-after: # begin\n"
        "   :end-before: # end\n\n.. csv-table::\n   :file: parts/data.csv\n"
        "   :header-rows: 1\n\n.. include:: ../secret.rst\n";
    write_file(dir, "main.rst", main_rst);
    snprintf(path, sizeof path, "%s/main.rst", dir);
    read_result r = read_as(path, main_rst);
    CHECK_STR(r.out.text, "# Physics\n\n## Optics\n\n## Waves\n\nThey *carry* energy.\n\n"
                          "```python\nprint(math.pi)\n```\n\n| f | lambda |\n| --- | --- |\n"
                          "| 440 Hz | 0.78 m |\n");
    CHECK(line_of(&r, "## Waves") == 7);
    CHECK(line_of(&r, "print(math.pi)") == 9);
    CHECK(check_count_code(r.d, "rst-include") == 2); /* the cycle, the file outside */
    int cycle = 0, outside = 0;
    for (size_t k = 0; k < oct_diag_size(r.d); k++) {
        const oct_diag_msg *m = oct_diag_at(r.d, k);
        cycle += strstr(m->message, "being read already") && strstr(m->file, "waves.rst");
        outside += strstr(m->message, "outside the source's folder") && m->line == 18;
    }
    CHECK(cycle == 1 && outside == 1);
    read_free(&r);
    /* a chain of includes ends 8 deep */
    for (int k = 0; k < 12; k++) {
        char name[32], text[64];
        snprintf(name, sizeof name, "c%d.rst", k);
        snprintf(text, sizeof text, "level %d\n\n.. include:: c%d.rst\n", k, k + 1);
        write_file(dir, name, text);
    }
    snprintf(path, sizeof path, "%s/c0.rst", dir);
    r = read_as(path, "level 0\n\n.. include:: c1.rst\n");
    CHECK(strstr(r.out.text, "level 8") && !strstr(r.out.text, "level 9"));
    CHECK(check_count_code(r.d, "rst-include") == 1);
    read_free(&r);
    /* files that include the next one twice, 8 deep, over a 200 KB
     * page: the includes stop at the size a source may have */
    char *big = malloc(200 * 1024 + 1);
    for (size_t k = 0; k < 200 * 1024; k++)
        big[k] = k % 64 == 63 ? '\n' : 'w';
    big[200 * 1024] = '\0';
    write_file(dir, "d8.rst", big);
    free(big);
    for (int k = 0; k < 8; k++) {
        char name[32], text[96];
        snprintf(name, sizeof name, "d%d.rst", k);
        snprintf(text, sizeof text, ".. include:: d%d.rst\n\n.. include:: d%d.rst\n", k + 1, k + 1);
        write_file(dir, name, text);
    }
    snprintf(path, sizeof path, "%s/d0.rst", dir);
    r = read_as(path, ".. include:: d1.rst\n\n.. include:: d1.rst\n");
    CHECK(r.out.len <= 9u * 1024 * 1024 && r.out.len > 4u * 1024 * 1024);
    CHECK(check_count_code(r.d, "rst-include") > 0);
    read_free(&r);
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", top);
    CHECK(system(cmd) == 0);
}

static void test_lines_and_questions(void)
{
    doc d = ingest_as("q.rst", "Interview\n=========\n\n:Author: X\n\nWhat is a join?\n"
                               "----------------\n\nIt combines rows.\n\n.. code-block:: sql\n\n"
                               "   SELECT 1;\n\n- one\n- two\n");
    CHECK_STR(d.ch->u.chapter.title, "Interview");
    CHECK(line_at(&d, OCT_SECTION, 1) == 6);
    CHECK(line_at(&d, OCT_PARAGRAPH, 0) == 9);
    CHECK(line_at(&d, OCT_CODE_BLOCK, 0) == 11);
    CHECK(line_at(&d, OCT_LIST, 0) == 15);
    oct_study_run(d.t, d.d);
    const oct_node *q = find(d.ch, OCT_QUESTION, 0);
    CHECK(q && q->u.question.answered && q->span.line == 6);
    doc_free(&d);
}

static void test_hostile(void)
{
    oct_buf b = OCT_BUF_INIT;
    for (int k = 0; k < 3000; k++)
        oct_buf_printf(&b, "%*s- item\n\n", k * 2, "");
    read_result r = read_as("n.rst", b.data);
    CHECK(check_count_code(r.d, "rst-unknown") == 1); /* too deep */
    CHECK(strstr(r.out.text, "item") != NULL);
    read_free(&r);
    oct_buf_clear(&b);
    for (int k = 0; k < 3000; k++)
        oct_buf_printf(&b, "%*sQuote %d\n\n", k, "", k);
    r = read_as("n.rst", b.data);
    CHECK(strstr(r.out.text, "Quote 2999") != NULL);
    read_free(&r);
    oct_buf_clear(&b);
    for (int k = 0; k < 20000; k++)
        oct_buf_putc(&b, '=');
    oct_buf_puts(&b, "\nTitle\n");
    for (int k = 0; k < 20000; k++)
        oct_buf_putc(&b, '=');
    r = read_as("n.rst", b.data);
    CHECK_STR(r.out.text, "# Title\n");
    read_free(&r);
    oct_buf_free(&b);
    check_md("n.rst", "``unclosed *em `ref <x>`_ :role:`x\n",
             "\\`\\`unclosed \\*em [ref](<x>) :role:\\`x\n");
    check_md("n.rst", ".. [#]\n.. |x|\n.. _\n..\n", "[^auto-1]: \n");
}

int main(void)
{
    test_sections();
    test_paragraphs();
    test_code();
    test_lists();
    test_inline();
    test_directives();
    test_tables();
    test_csv_table();
    test_list_table();
    test_raw_and_autodoc();
    test_include();
    test_lines_and_questions();
    test_hostile();
    return check_done();
}
