/* Jupyter notebooks (src/ingest/formats/): cells → Markdown with the
 * .ipynb line of every line, outputs, pictures, nbformat 3, broken
 * notebooks (a diagnostic, never a crash), and a notebook through ingest
 * and the study pass. */
#include "check.h"
#include "ingest/formats/notebook.h"
#include "ingest/ingest.h"
#include "study/study.h"
#include "test_study_support.h"
#include "util/buf.h"

#include <stdlib.h>
#include <string.h>

/* Reads json as "t.ipynb" into nb; the diagnostics stay in *d (caller frees). */
static int read_nb(const char *json, oct_notebook *nb, oct_diag **d)
{
    *d = oct_diag_new(NULL);
    return oct_notebook_read("t.ipynb", json, strlen(json), nb, *d);
}

/* The first diagnostic of code, or NULL. */
static const oct_diag_msg *find_code(const oct_diag *d, const char *code)
{
    for (size_t i = 0; i < oct_diag_size(d); i++)
        if (!strcmp(oct_diag_at(d, i)->code, code)) return oct_diag_at(d, i);
    return NULL;
}

static void test_paths(void)
{
    CHECK(oct_notebook_is_path("a/b/lesson.ipynb"));
    CHECK(!oct_notebook_is_path("lesson.ipynb.md"));
    CHECK(!oct_notebook_is_path("ipynb"));
    CHECK(oct_ingest_max_bytes("x.ipynb") > oct_ingest_max_bytes("x.md"));
}

/* Each source line keeps the line of its own string; a string "source"
 * keeps its one line for all of its lines. */
static void test_cells_and_lines(void)
{
    const char *json = "{\n"                                            /* 1 */
                       " \"cells\": [\n"                                /* 2 */
                       "  {\"cell_type\": \"markdown\",\n"              /* 3 */
                       "   \"source\": [\n"                             /* 4 */
                       "    \"# Title\\n\",\n"                          /* 5 */
                       "    \"\\n\",\n"                                 /* 6 */
                       "    \"Some *text*.\"\n"                         /* 7 */
                       "   ]},\n"                                       /* 8 */
                       "  {\"cell_type\": \"code\", \"outputs\": [],\n" /* 9 */
                       "   \"source\": \"x = 1\\r\\ny = 2\"}\n"         /* 10 */
                       " ],\n"                                          /* 11 */
                       " \"metadata\": {\"kernelspec\": {\"language\": \"Python\"},\n"
                       "              \"title\": \"Meta title\"},\n"
                       " \"nbformat\": 4\n"
                       "}\n";
    oct_notebook nb;
    oct_diag *d;
    CHECK(read_nb(json, &nb, &d) == 0);
    CHECK_STR(nb.text, "# Title\n\nSome *text*.\n\n```python\nx = 1\ny = 2\n```\n\n");
    int want[] = {5, 6, 7, 7, 10, 10, 10, 10, 10};
    CHECK(nb.nlines == sizeof want / sizeof *want);
    for (size_t i = 0; i < nb.nlines && i < sizeof want / sizeof *want; i++) {
        if (nb.line_map[i] != want[i])
            fprintf(stderr, "line %zu maps to %d, not %d\n", i + 1, nb.line_map[i], want[i]);
        CHECK(nb.line_map[i] == want[i]);
    }
    CHECK_STR(nb.title, "Meta title");
    CHECK(oct_diag_size(d) == 0);
    oct_notebook_release(&nb);
    oct_diag_free(d);
}

/* Streams and results share one plain block after the code; colour codes
 * go; a carriage return overwrites; a traceback keeps its lines; a fence
 * inside code makes the fence longer; an open fence in a Markdown cell is
 * closed at the cell's end. */
static void test_outputs(void)
{
    const char *json =
        "{\"cells\": [\n"
        " {\"cell_type\": \"markdown\", \"source\": [\"```\\n\", \"open fence\"]},\n"
        " {\"cell_type\": \"code\", \"source\": [\"print('```')\"], \"outputs\": [\n"
        "  {\"output_type\": \"stream\", \"name\": \"stdout\", \"text\": "
        "[\"10%\\r50%\\r100%\\n\"]},\n"
        "  {\"output_type\": \"execute_result\", \"data\": {\"text/plain\": "
        "\"\\u001b[1;31m42\\u001b[0m\"}},\n"
        "  {\"output_type\": \"error\", \"ename\": \"E\", \"evalue\": \"v\",\n"
        "   \"traceback\": [\"\\u001b[0;31mfirst\\u001b[0m\", \"second\"]},\n"
        "  {\"output_type\": \"error\", \"ename\": \"ValueError\", \"evalue\": \"bad\"},\n"
        "  {\"output_type\": \"display_data\", \"data\": {\"text/html\": \"<b>x</b>\"}}\n"
        " ]}\n"
        "], \"metadata\": {}, \"nbformat\": 4}";
    oct_notebook nb;
    oct_diag *d;
    CHECK(read_nb(json, &nb, &d) == 0);
    CHECK_STR(nb.text, "```\nopen fence\n```\n\n"
                       "````\nprint('```')\n````\n\n"
                       "```output\n100%\n42\nfirst\nsecond\nValueError: bad\n```\n\n");
    const oct_diag_msg *m = find_code(d, "notebook-output");
    CHECK(m && m->line == 9 && strstr(m->message, "cell 2") && strstr(m->message, "text/html"));
    oct_notebook_release(&nb);
    oct_diag_free(d);
}

/* An HTML block only its end marker ends (<pre>, a comment...) left
 * open by a Markdown cell ends with the cell, with a warning naming it:
 * the cells after it print. One closed in the cell is left alone. */
static void test_open_html(void)
{
    const char *json =
        "{\"cells\": [\n"
        " {\"cell_type\": \"markdown\", \"source\": [\"<PRE class=x>\\n\", \"a  b\\n\", "
        "\"\\n\", \"c\"]},\n"
        " {\"cell_type\": \"markdown\", \"source\": [\"## Zweite Zelle\"]},\n"
        " {\"cell_type\": \"markdown\", \"source\": [\"<!-- Entwurf\\n\", \"```\\n\", "
        "\"noch Kommentar\"]},\n"
        " {\"cell_type\": \"markdown\", \"source\": [\"## Dritte Zelle\"]},\n"
        " {\"cell_type\": \"markdown\", \"source\": [\"<!-- closed --> text\\n\", "
        "\"<script>x()</script>\"]},\n"
        " {\"cell_type\": \"markdown\", \"source\": [\"```\\n\", \"<!--\"]},\n"
        " {\"cell_type\": \"markdown\", \"source\": [\"## Vierte Zelle\"]}\n"
        "], \"metadata\": {}, \"nbformat\": 4}";
    oct_notebook nb;
    oct_diag *d;
    CHECK(read_nb(json, &nb, &d) == 0);
    CHECK_STR(nb.text, "<PRE class=x>\na  b\n\nc\n</pre>\n\n## Zweite Zelle\n\n"
                       "<!-- Entwurf\n```\nnoch Kommentar\n-->\n\n## Dritte Zelle\n\n"
                       "<!-- closed --> text\n<script>x()</script>\n\n"
                       "```\n<!--\n```\n\n## Vierte Zelle\n\n");
    CHECK(oct_diag_size(d) == 2);
    const oct_diag_msg *m = find_code(d, "html-unclosed");
    CHECK(m && m->line == 2 && strstr(m->message, "cell 1") && strstr(m->message, "<pre>"));
    oct_notebook_release(&nb);
    oct_diag_free(d);
    /* through ingest: the headings after the open comment are there */
    oct_tree *t = oct_tree_new();
    d = oct_diag_new(NULL);
    oct_ingest_options o = {.normalize = true};
    oct_node *ch = oct_ingest_source(t, "t.ipynb", json, strlen(json), NULL, &o, d);
    int sections = 0;
    for (oct_node *k = ch ? ch->first : NULL; k; k = k->next)
        sections += k->kind == OCT_SECTION;
    CHECK(sections == 3);
    oct_tree_free(t);
    oct_diag_free(d);
}

/* A cell's text output is an output in the tree (u.code.output), not
 * code: no language, set apart by the backends; the code above it is
 * code. A Markdown fence marked "output" is one too. */
static void test_output_role(void)
{
    const char *json =
        "{\"cells\": [\n"
        " {\"cell_type\": \"code\", \"source\": [\"print(2 ** 10)\"], \"outputs\": [\n"
        "  {\"output_type\": \"stream\", \"name\": \"stdout\", \"text\": [\"1024\\n\"]}]},\n"
        " {\"cell_type\": \"markdown\", \"source\": [\"```output\\n\", \"$ ls\\n\", \"```\"]}\n"
        "], \"metadata\": {\"kernelspec\": {\"language\": \"python\"}}, \"nbformat\": 4}";
    oct_tree *t = oct_tree_new();
    oct_diag *d = oct_diag_new(NULL);
    oct_node *ch = oct_ingest_source(t, "t.ipynb", json, strlen(json), NULL, NULL, d);
    const oct_node *code[4] = {NULL};
    size_t n = 0;
    for (const oct_node *k = ch ? ch->first : NULL; k; k = k->next)
        if (k->kind == OCT_CODE_BLOCK && n < 4) code[n++] = k;
    CHECK(n == 3);
    CHECK(code[0] && !code[0]->u.code.output && code[0]->u.code.lang &&
          !strcmp(code[0]->u.code.lang, "python"));
    CHECK(code[1] && code[1]->u.code.output && !code[1]->u.code.lang &&
          !strcmp(code[1]->text, "1024") && code[1]->span.line == 3);
    CHECK(code[2] && code[2]->u.code.output);
    oct_buf dump = OCT_BUF_INIT;
    oct_tree_dump(t, ch, &dump);
    CHECK(dump.data && strstr(dump.data, "code_block output \"1024\" @3:1"));
    oct_buf_free(&dump);
    oct_tree_free(t);
    oct_diag_free(d);
}

/* A message's column is one in the cell's line where the Markdown line is
 * the cell's line as written (a Markdown or code cell's), and none where
 * octavo made the line (a fence, an output), also for the messages of the
 * decoder and the normalizer, which pass through a line map. */
static void test_columns(void)
{
    const char *json = "{\"cells\": [\n"                                         /* 1 */
                       " {\"cell_type\": \"markdown\", \"source\": [\n"          /* 2 */
                       "    \"# Ondas\\n\",\n"                                   /* 3 */
                       "    \"luz\\u0007 e som\"\n"                              /* 4 */
                       " ]},\n"                                                  /* 5 */
                       " {\"cell_type\": \"code\", \"source\": [\"x = 1\\n\",\n" /* 6 */
                       "   \"y =\\u0007 2\"], \"outputs\": [\n"                  /* 7 */
                       "  {\"output_type\": \"stream\", \"name\": \"stdout\",\n" /* 8 */
                       "   \"text\": [\"ok\\u0007\\n\"]}]}\n"                    /* 9 */
                       "], \"metadata\": {}, \"nbformat\": 4}";
    oct_notebook nb;
    oct_diag *d;
    CHECK(read_nb(json, &nb, &d) == 0);
    CHECK(nb.line_cols && nb.nlines >= 9);
    unsigned char want[] = {1, 1, 0, 0, 1, 1, 0, 0, 0};
    for (size_t i = 0; nb.line_cols && i < sizeof want && i < nb.nlines; i++)
        CHECK(nb.line_cols[i] == want[i]);
    oct_notebook_release(&nb);
    oct_diag_free(d);
    /* through ingest: the decoder's message (one a file) keeps its column */
    oct_tree *t = oct_tree_new();
    d = oct_diag_new(NULL);
    oct_ingest_source(t, "t.ipynb", json, strlen(json), NULL, NULL, d);
    const oct_diag_msg *m = find_code(d, "control-char");
    CHECK(m && m->line == 4 && m->col == 4);
    oct_tree_free(t);
    oct_diag_free(d);
}

/* Backticks longer than any fence: the fence is 63 long and a line that
 * could close it (up to three spaces, then 63 backticks or more) moves
 * four spaces right. */
static void test_long_backtick_run(void)
{
    oct_buf b = OCT_BUF_INIT, want = OCT_BUF_INIT;
    oct_buf_puts(
        &b, "{\"cells\": [{\"cell_type\": \"code\", \"outputs\": [], \"source\": [\"x\\n\", \"  ");
    for (int i = 0; i < 70; i++)
        oct_buf_putc(&b, '`');
    oct_buf_puts(&b, "\"]}], \"nbformat\": 4}");
    for (int k = 0; k < 2; k++) {
        for (int i = 0; i < 63; i++)
            oct_buf_putc(&want, '`');
        oct_buf_puts(&want, k ? "\n\n" : "\nx\n      ");
        if (!k)
            for (int i = 0; i < 70; i++)
                oct_buf_putc(&want, '`');
        if (!k) oct_buf_putc(&want, '\n');
    }
    oct_notebook nb;
    oct_diag *d;
    CHECK(read_nb(b.data, &nb, &d) == 0);
    CHECK_STR(nb.text, want.data);
    oct_notebook_release(&nb);
    oct_diag_free(d);
    oct_buf_free(&b);
    oct_buf_free(&want);
}

/* A long output is cut after OCT_NOTEBOOK_MAX_OUTPUT_LINES lines, with a
 * warning that says how much there was. */
static void test_output_cut(void)
{
    oct_buf b = OCT_BUF_INIT;
    oct_buf_puts(&b, "{\"cells\": [{\"cell_type\": \"code\", \"source\": \"loop()\", \"outputs\": "
                     "[{\"output_type\": \"stream\", \"text\": [");
    for (int i = 0; i < 1000; i++)
        oct_buf_printf(&b, "%s\"epoch %d\\n\"", i ? ", " : "", i);
    oct_buf_puts(&b, "]}]}], \"nbformat\": 4}");
    oct_notebook nb;
    oct_diag *d;
    CHECK(read_nb(b.data, &nb, &d) == 0);
    CHECK(strstr(nb.text, "epoch 399\n") != NULL);
    CHECK(strstr(nb.text, "epoch 400\n") == NULL);
    const oct_diag_msg *m = find_code(d, "notebook-output");
    CHECK(m && strstr(m->message, "1000 lines") && strstr(m->message, "first 400"));
    oct_notebook_release(&nb);
    oct_diag_free(d);
    oct_buf_free(&b);
}

/* 1x1 PNG, base64 */
#define PNG_1X1                                                                                    \
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJg" \
    "gg=="

/* Output pictures and attachments are kept for the images pass, each at
 * its cell's lines; the text/plain beside a picture is not printed. */
static void test_pictures(void)
{
    const char *json =
        "{\"cells\": [\n"
        " {\"cell_type\": \"code\", \"source\": \"plot()\", \"outputs\": [\n"
        "  {\"output_type\": \"display_data\", \"data\": {\"image/png\": \"" PNG_1X1
        "\",\n   \"text/plain\": \"<Figure>\"}}]},\n"
        " {\"cell_type\": \"markdown\", \"attachments\": {\"a.png\": {\"image/png\": "
        "\"" PNG_1X1 "\"}},\n"
        "  \"source\": \"![a](attachment:a.png)\"},\n"
        " {\"cell_type\": \"markdown\", \"attachments\": {\"b.png\": {}},\n"
        "  \"source\": \"no picture\"}\n"
        "], \"nbformat\": 4}";
    oct_notebook nb;
    oct_diag *d;
    CHECK(read_nb(json, &nb, &d) == 0);
    CHECK(strstr(nb.text, "![output picture of cell 1](<attachment:octavo-output-1-1.png>)\n"));
    CHECK(!strstr(nb.text, "<Figure>"));
    CHECK(nb.npictures == 2);
    const oct_notebook_picture *p =
        oct_notebook_picture_at(&nb, "attachment:octavo-output-1-1.png", 3);
    CHECK(p && p->len > 8 && !memcmp(p->data, "\x89PNG", 4));
    CHECK(oct_notebook_picture_at(&nb, "attachment:a.png", 6) != NULL);
    CHECK(oct_notebook_picture_at(&nb, "attachment:a.png", 3) == NULL); /* another cell's */
    const oct_diag_msg *m = find_code(d, "notebook-output");
    CHECK(m && strstr(m->message, "b.png") && strstr(m->message, "cell 3"));
    oct_notebook_release(&nb);
    oct_diag_free(d);
}

/* An attachment is found on any line of its cell, whatever the order of
 * the cell's keys (the source written before the attachments). */
static void test_attachment_order(void)
{
    const char *json = "{\"cells\": [\n"
                       " {\"source\": [\n"
                       "   \"![a](attachment:a.png)\\n\",\n"
                       "   \"text\"\n"
                       "  ],\n"
                       "  \"cell_type\": \"markdown\",\n"
                       "  \"attachments\": {\"a.png\": {\"image/png\": \"" PNG_1X1 "\"}}}\n"
                       "], \"nbformat\": 4}";
    oct_notebook nb;
    oct_diag *d;
    CHECK(read_nb(json, &nb, &d) == 0);
    CHECK(nb.nlines > 0 && nb.line_map[0] == 3);
    CHECK(oct_notebook_picture_at(&nb, "attachment:a.png", 3) != NULL);
    oct_notebook_release(&nb);
    oct_diag_free(d);
}

/* nbformat 3: worksheets, heading cells, "input", pyout, the cell's own
 * language; a raw cell prints as the text it is. */
static void test_nbformat3(void)
{
    const char *json =
        "{\"nbformat\": 3, \"metadata\": {\"name\": \"x\"}, \"worksheets\": [{\"cells\": [\n"
        " {\"cell_type\": \"heading\", \"level\": 2, \"source\": [\"Frage?\"]},\n"
        " {\"cell_type\": \"code\", \"language\": \"julia\", \"input\": [\"1 + 1\"],\n"
        "  \"outputs\": [{\"output_type\": \"pyout\", \"text\": [\"2\"]}]},\n"
        " {\"cell_type\": \"raw\", \"source\": [\"*a* <b>\\n\", \"  # c\"]}\n"
        "]}]}";
    oct_notebook nb;
    oct_diag *d;
    CHECK(read_nb(json, &nb, &d) == 0);
    CHECK_STR(nb.text, "## Frage?\n\n```julia\n1 + 1\n```\n\n```output\n2\n```\n\n"
                       "\\*a\\* \\<b\\>\\\n\\# c\n\n");
    CHECK(oct_diag_size(d) == 0);
    oct_notebook_release(&nb);
    oct_diag_free(d);
}

/* A language name is cleaned for the fence: a newline or backticks in it
 * would make lines the line map does not have. */
static void test_language_cleaned(void)
{
    const char *json = "{\"nbformat\": 3, \"worksheets\": [{\"cells\": [{\"cell_type\": \"code\", "
                       "\"language\": \"Ju\\nlia```\", \"input\": \"x\", \"outputs\": []}]}]}";
    oct_notebook nb;
    oct_diag *d;
    CHECK(read_nb(json, &nb, &d) == 0);
    CHECK_STR(nb.text, "```julia\nx\n```\n\n");
    CHECK(nb.nlines == 4);
    oct_notebook_release(&nb);
    oct_diag_free(d);
}

/* Broken notebooks: an error [notebook] at the fault, nothing else. */
static void test_broken(void)
{
    struct {
        const char *json;
        int line, col;
        const char *says;
    } cases[] = {
        {"{\"cells\": [1,\n 2,, 3]}", 2, 4, "invalid"},
        {"", 1, 1, "no JSON"},
        {"[1, 2]", 1, 1, "not an object"},
        {"{\"nbformat\": 4}", 1, 1, "no \"cells\""},
        {"{\"a\": \"caf\xe9\"}", 1, 11, "UTF-8"},
        {"{\"cells\": [\"a\", \"b\"]", 0, 0, "invalid"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        oct_notebook nb;
        oct_diag *d;
        CHECK(read_nb(cases[i].json, &nb, &d) == -1);
        CHECK(nb.text == NULL);
        const oct_diag_msg *m = find_code(d, "notebook");
        CHECK(m && m->severity == OCT_ERROR && strstr(m->message, cases[i].says));
        if (m && cases[i].line) CHECK(m->line == cases[i].line && m->col == cases[i].col);
        if (m && cases[i].line && (m->line != cases[i].line || m->col != cases[i].col))
            fprintf(stderr, "case %zu: %d:%d %s\n", i, m->line, m->col, m->message);
        oct_diag_free(d);
    }
    /* nested past the limit: refused before the parser (it recurses) */
    oct_buf b = OCT_BUF_INIT;
    oct_buf_puts(&b, "{\"cells\": ");
    for (int i = 0; i < 100000; i++)
        oct_buf_putc(&b, '[');
    oct_notebook nb;
    oct_diag *d;
    CHECK(read_nb(b.data, &nb, &d) == -1);
    const oct_diag_msg *m = find_code(d, "notebook");
    CHECK(m && strstr(m->message, "nests deeper") && m->col == 11 + OCT_NOTEBOOK_MAX_DEPTH - 1);
    oct_diag_free(d);
    oct_buf_free(&b);
}

/* Wrong types in cells: a warning, the cell skipped, the rest read. */
static void test_wrong_types(void)
{
    const char *json = "{\"cells\": [\"text\", {\"cell_type\": 5},\n"
                       " {\"cell_type\": \"markdown\", \"source\": [1, \"kept\"]},\n"
                       " {\"cell_type\": \"code\", \"source\": {}, \"outputs\": 3},\n"
                       " {\"cell_type\": \"slides\", \"source\": \"odd\"},\n"
                       " {\"cell_type\": \"code\", \"source\": \"y\", \"outputs\": [7, {}]}\n"
                       "], \"metadata\": {\"kernelspec\": 7}}";
    oct_notebook nb;
    oct_diag *d;
    CHECK(read_nb(json, &nb, &d) == 0);
    CHECK_STR(nb.text, "kept\n\nodd\n\n```\ny\n```\n\n");
    CHECK(check_count_code(d, "notebook") == 8);
    CHECK(oct_diag_count(d, OCT_ERROR) == 0);
    oct_notebook_release(&nb);
    oct_diag_free(d);
}

/* Through ingest and the study pass: a numbered heading cell, then code
 * and its explanation, make one question whose answer holds both; spans
 * and the normalizer's messages point at the .ipynb's lines. */
static void test_study(void)
{
    const char *json =
        "{\n"
        " \"cells\": [\n"
        "  {\"cell_type\": \"markdown\", \"source\": [\"# Lists\\n\"]},\n"
        "  {\"cell_type\": \"markdown\", \"source\": [\n"
        "    \"### 12. How do you reverse a list?\"\n"
        "  ]},\n"
        "  {\"cell_type\": \"code\", \"outputs\": [], \"source\": [\n"
        "    \"xs[::-1]\"\n"
        "  ]},\n"
        "  {\"cell_type\": \"markdown\", \"source\": [\n"
        "    \"A reversed copy.\\n\",\n"
        "    \"Bell\\u0007 here.\"\n"
        "  ]}\n"
        " ],\n"
        " \"metadata\": {\"language_info\": {\"name\": \"python\"}}, \"nbformat\": 4\n"
        "}\n";
    oct_tree *t = oct_tree_new();
    oct_diag *d = oct_diag_new(NULL);
    oct_node *ch = oct_ingest_source(t, "lists.ipynb", json, strlen(json), NULL, NULL, d);
    CHECK(ch != NULL);
    if (!ch) goto out;
    oct_study_run(t, d);
    CHECK_STR(ch->u.chapter.title, "Lists");
    const oct_node *q = nth_question(ch, 0);
    CHECK(q && q->u.question.number == 12 && q->span.line == 5);
    const oct_node *a = q ? answer_of(q) : NULL;
    CHECK(a && a->first && a->first->kind == OCT_CODE_BLOCK);
    CHECK(a && a->first && !strcmp(a->first->u.code.lang, "python") && a->first->span.line == 8);
    CHECK(a && a->first && a->first->next && a->first->next->kind == OCT_PARAGRAPH &&
          a->first->next->span.line == 11);
    const oct_diag_msg *m = find_code(d, "control-char");
    CHECK(m && m->line == 12);
out:
    oct_diag_free(d);
    oct_tree_free(t);
}

/* The three fixtures (tests/data/study) read without an error. */
static void test_fixtures(void)
{
    const char *files[] = {"pandas-interview.ipynb", "estadistica-r.ipynb", "julia-kurs.ipynb"};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        char rel[128];
        snprintf(rel, sizeof rel, "tests/data/study/%s", files[i]);
        size_t len;
        char *bytes = oct_read_file(src_path(rel), 1u << 24, &len);
        CHECK(bytes != NULL);
        if (!bytes) continue;
        oct_notebook nb;
        oct_diag *d = oct_diag_new(NULL);
        CHECK(oct_notebook_read(files[i], bytes, len, &nb, d) == 0);
        CHECK(oct_diag_count(d, OCT_ERROR) == 0 && oct_diag_count(d, OCT_WARNING) == 0);
        CHECK(nb.len > 500 && nb.nlines > 20);
        for (size_t k = 1; k < nb.nlines; k++)
            CHECK(nb.line_map[k] > 0);
        oct_notebook_release(&nb);
        oct_diag_free(d);
        free(bytes);
    }
}

int main(void)
{
    test_paths();
    test_cells_and_lines();
    test_outputs();
    test_open_html();
    test_output_role();
    test_columns();
    test_output_cut();
    test_long_backtick_run();
    test_pictures();
    test_attachment_order();
    test_nbformat3();
    test_language_cleaned();
    test_broken();
    test_wrong_types();
    test_study();
    test_fixtures();
    return check_done();
}
