/* HTML in Markdown, the rough edges (src/ingest/html/html_table.c, markdown_html.c,
 * rawblocks.c): column alignment from align= and text-align, Markdown blocks
 * folded into a table cell, a pasted page's frame tags, unterminated
 * <script>/<style>/<iframe>, and the <summary> shapes GitHub READMEs use. */
#include "check.h"
#include "html_support.h"
#include "ingest/ingest.h"
#include "study/study.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The "align=" of the n-th table in the dump ("" when there is none). */
static char *aligns(const doc *r, int n)
{
    char *d = dump(r), *p = d;
    static char out[64];
    out[0] = '\0';
    for (int k = 0; p && (p = strstr(p, "table cols=")); k++, p++)
        if (k == n) {
            const char *a = strstr(p, "align=");
            if (a) sscanf(a + 6, "%63[^ ]", out);
            break;
        }
    free(d);
    return out;
}

static bool has_diag(const doc *r, const char *code, const char *text)
{
    for (size_t i = 0; i < oct_diag_size(r->d); i++) {
        const oct_diag_msg *e = oct_diag_at(r->d, i);
        if (strcmp(e->code, code) == 0 && (!text || strstr(e->message, text))) return true;
    }
    return false;
}

/* ---- 1. column alignment ----------------------------------------------------- */

static void test_aligns(void)
{
    /* <colgroup align> is its <col>s' default, <col span> covers columns */
    doc r = ingest("<table><colgroup align=\"right\"><col><col span=\"2\" align=\"center\">"
                   "</colgroup><tr><td>1</td><td>2</td><td>3</td><td>4</td></tr></table>\n");
    CHECK_STR(aligns(&r, 0), "rcc-");
    release(&r);
    /* <tr align> for its cells; a cell's own align= and text-align win; the
     * header says first */
    r = ingest("<table>\n<tr align=\"center\"><th>A</th><th align=\"LEFT\">B</th>"
               "<th style=\"color:red; Text-Align : right !important\">C</th></tr>\n"
               "<tr><td align=\"right\">1</td><td align=\"right\">2</td><td>3</td></tr>\n"
               "</table>\n");
    CHECK_STR(aligns(&r, 0), "clr");
    release(&r);
    /* a column whose header says nothing takes the first row that says;
     * justify and look-alike properties say nothing */
    r = ingest("<table><tr><th align=\"justify\">A</th><th style=\"not-text-align:right\">B</th>"
               "<th>C</th></tr><tr><td>1</td><td>2</td><td>3</td></tr>"
               "<tr><td style=\"text-align:center\">4</td><td>5</td><td align=middle>6</td></tr>"
               "<tr><td align=right>7</td><td>8</td><td>9</td></tr></table>\n");
    CHECK_STR(aligns(&r, 0), "c-c");
    release(&r);
    /* an implicit table (a <tr> with no <table>) aligns too; GFM tables as before */
    r = ingest("<tr><td align=\"right\">1</td></tr>\n\n| a | b |\n|:-:|--:|\n| 1 | 2 |\n");
    CHECK_STR(aligns(&r, 0), "r");
    CHECK_STR(aligns(&r, 1), "cr");
    release(&r);
}

/* ---- 2. Markdown blocks in a cell -------------------------------------------------- */

static const char *FOLD =
    "<table>\n<tr><th>Step</th><th>How</th></tr>\n<tr><td>Count</td><td>\n\n"
    "3. first\n4. second *item*\n   - nested\n\n</td></tr>\n<tr><td>Run</td><td>\n\n"
    "```\nmake\n\nmake install\n```\n\n> quoted\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n---\n\n"
    "</td></tr>\n<tr><td>Check\n\nSign the sheet.</td><td>Fridays</td></tr>\n"
    "<tr><td>\n\n# Heading in a cell\n\n</td><td>x\n\nafter</td></tr>\n</table>\n\nAfter.\n";

static void test_fold(void)
{
    doc r = ingest(FOLD);
    CHECK_DUMP(r, "table cols=2 align=-- @1:1\n"
                  "  table_row header @2:1\n"
                  "    table_cell @2:1\n"
                  "      text \"Step\" @2:1\n"
                  "    table_cell @2:1\n"
                  "      text \"How\" @2:1\n"
                  "  table_row @3:1\n"
                  "    table_cell @3:1\n"
                  "      text \"Count\" @3:1\n"
                  "    table_cell @3:1\n"
                  "      text \"3. first\" @5:1\n"
                  "      line_break @6:1\n"
                  "      text \"4. second \" @6:1\n"
                  "      emph @6:11\n"
                  "        text \"item\" @6:12\n"
                  "      line_break @7:4\n"
                  "      text \"• nested\" @7:4\n"
                  "  table_row @10:1\n"
                  "    table_cell @10:1\n"
                  "      text \"Run\" @10:1\n"
                  "    table_cell @10:1\n"
                  "      code \"make\" @13:1\n"
                  "      line_break @14:1\n"
                  "      line_break @15:1\n"
                  "      code \"make install\" @15:1\n"
                  "      line_break @18:1\n"
                  "      text \"quoted\" @18:3\n"
                  "      line_break @20:1\n"
                  "      text \"a | b\" @20:3\n"
                  "      line_break @22:1\n"
                  "      text \"1 | 2\" @22:3\n"
                  "  table_row @27:1\n"
                  "    table_cell @27:1\n"
                  "      text \"Check\" @27:1\n"
                  "      line_break @29:1\n"
                  "      text \"Sign the sheet.\" @29:1\n"
                  "    table_cell @29:21\n"
                  "      text \"Fridays\" @29:25\n"
                  "  table_row @30:1\n"
                  "    table_cell @30:1\n"
                  "      text \"Heading in a cell\" @32:3\n"
                  "    table_cell @34:1\n"
                  "      text \"x\" @34:1\n"
                  "      line_break @36:1\n"
                  "      text \"after\" @36:1\n"
                  "paragraph @39:1\n"
                  "  text \"After.\" @39:1\n");
    CHECK(oct_diag_size(r.d) == 0);
    release(&r);
    /* a <td> never closed does not take the rest of the notes */
    r = ingest("<table><tr><td>x\n\n# Heading\n\nPara\n\n- list\n");
    CHECK(r.ch->first && r.ch->first->kind == OCT_TABLE && r.ch->first->next &&
          r.ch->first->next->kind == OCT_SECTION && r.ch->last->kind == OCT_LIST);
    release(&r);
}

/* ---- 3. a pasted page ------------------------------------------------------------- */

static void test_pasted_page(void)
{
    doc r =
        ingest("<!DOCTYPE html>\n<html>\n<head>\n<title>Page</title>\n<meta charset=\"utf-8\">\n"
               "</head>\n<body>\n<details>\n<summary>1. What is a cell?</summary>\n\nThe unit "
               "of life.\n\n</body>\n</html>\n\nStill in the box.\n\n</details>\n\nAfter.\n"
               "\nInline </body></html> <BODY class=x> tags too.\n");
    CHECK_DUMP(r, "details @8:1\n"
                  "  summary @9:1\n"
                  "    text \"1. What is a cell?\" @9:1\n"
                  "  paragraph @11:1\n"
                  "    text \"The unit of life.\" @11:1\n"
                  "  paragraph @16:1\n"
                  "    text \"Still in the box.\" @16:1\n"
                  "paragraph @20:1\n"
                  "  text \"After.\" @20:1\n"
                  "paragraph @22:1\n"
                  "  text \"Inline tags too.\" @22:1\n");
    CHECK(oct_diag_size(r.d) == 2);
    CHECK(has_diag(&r, "html-dropped", "<title> dropped with its content (line 4)"));
    CHECK(has_diag(&r, "html-dropped", "<meta> dropped with its content (line 5)"));
    release(&r);
}

/* ---- 4. unterminated dropped elements ---------------------------------------------- */

static void test_unterminated(void)
{
    doc r = ingest("# Notes\n\n<script>\nvar a = 1;\n\n## Kept heading\n\nKept text.\n\n<style>\n"
                   ".x{}\n\nKept too.\n\n<iframe src=x>\n\nLast words.\n\n<div>\n<video>\n</div>\n"
                   "\nEnd.\n\n```html\n<script>\n```\n\n> <pre>\n> quoted code\n\nAfter the "
                   "quote.\n");
    CHECK_DUMP(r, "section level=1 @1:1\n"
                  "  text \"Notes\" @1:3\n"
                  "section level=2 @6:1\n"
                  "  text \"Kept heading\" @6:4\n"
                  "paragraph @8:1\n"
                  "  text \"Kept text.\" @8:1\n"
                  "paragraph @13:1\n"
                  "  text \"Kept too.\" @13:1\n"
                  "paragraph @17:1\n"
                  "  text \"Last words.\" @17:1\n"
                  "paragraph @23:1\n"
                  "  text \"End.\" @23:1\n"
                  "code_block lang=html \"<script>\" @25:1\n"
                  "blockquote @29:1\n"
                  "  code_block \"quoted code\" @29:3\n"
                  "paragraph @32:1\n"
                  "  text \"After the quote.\" @32:1\n");
    CHECK(has_diag(&r, "html-unclosed",
                   "<script> has no end tag: it ends with its block (lines 3-4)"));
    CHECK(has_diag(&r, "html-unclosed",
                   "<style> has no end tag: it ends with its block (lines 10-11)"));
    CHECK(has_diag(&r, "html-unclosed",
                   "<pre> has no end tag: it ends with its block (lines 29-30)"));
    CHECK(has_diag(&r, "html-dropped", "<iframe> dropped with its content (line 15)"));
    CHECK(has_diag(&r, "html-dropped", "<video> dropped with its content (line 20)"));
    CHECK(oct_diag_size(r.d) == 7);
    release(&r);
}

/* ---- 5. summaries ------------------------------------------------------------------ */

static const oct_node *nth(const oct_node *ch, oct_kind k, int n)
{
    for (const oct_node *c = ch->first; c; c = c->next)
        if (c->kind == k && n-- == 0) return c;
    return NULL;
}

static void test_summaries(void)
{
    doc r =
        ingest("<details>\n<summary><h3>1. What is a variable?</h3></summary>\n\nA name.\n\n"
               "</details>\n\n<details open>\n<summary><b>2. What is a loop?</b></summary>\n\n"
               "Repetition.\n\n</details>\n\n<details>\n<summary>3. What is recursion?<br/>"
               "(short)</summary>\n\nSelf-reference.\n\n<details>\n<summary>Hint</summary>\n\n"
               "Base case.\n\n</details>\n\n</details>\n\n<details><summary><h2>Contents</h2>"
               "</summary>\n\n- one\n\n</details>\n\n<p align=\"center\"><a href=\"https://x.org\">"
               "<picture><source srcset=\"dark.png\" media=\"(prefers-color-scheme: dark)\">"
               "<img src=\"light.png\" alt=\"Logo\"></picture></a></p>\n");
    oct_study_run(r.t, r.d);
    const oct_node *q[3];
    for (int i = 0; i < 3; i++) {
        q[i] = nth(r.ch, OCT_QUESTION, i);
        CHECK(q[i] && q[i]->u.question.number == i + 1 && q[i]->u.question.answered);
    }
    CHECK(!nth(r.ch, OCT_QUESTION, 3) && !nth(r.ch, OCT_SECTION, 0));
    oct_buf b = OCT_BUF_INIT;
    for (int i = 0; i < 3 && q[i]; i++) {
        oct_buf_clear(&b);
        for (const oct_node *k = q[i]->first; k && k->kind != OCT_ANSWER; k = k->next)
            oct_node_plain_text_to(k, &b);
        static const char *const WANT[] = {"What is a variable?", "What is a loop?",
                                           "What is recursion?(short)"};
        CHECK_STR(b.data ? b.data : "", WANT[i]);
    }
    oct_buf_free(&b);
    /* the hint box stays in the answer of 3 */
    CHECK(q[2] && q[2]->last->kind == OCT_ANSWER && q[2]->last->last &&
          q[2]->last->last->kind == OCT_PARAGRAPH);
    char *d = dump(&r);
    CHECK(strstr(d, "image url=\"light.png\"") && !strstr(d, "dark.png"));
    CHECK(strstr(d, "link url=\"https://x.org\"") != NULL);
    CHECK(strstr(d, "text \"Contents\"") && strstr(d, "text \"Base case.\""));
    free(d);
    release(&r);
}

/* ---- random mixes ------------------------------------------------------------------- */

/* A table is rows of cells of inlines, ncols wide with an alignment each. */
static const char *bad_table(const oct_node *n)
{
    for (const oct_node *c = n->first; c; c = c->next) {
        if (n->kind == OCT_TABLE && c->kind != OCT_TABLE_ROW) return "not a row in a table";
        if (n->kind == OCT_TABLE_ROW && c->kind != OCT_TABLE_CELL) return "not a cell in a row";
        if (n->kind == OCT_TABLE_CELL && !oct_kind_is_inline(c->kind)) return "block in a cell";
        if (c->kind == OCT_TEXT && (!c->text || !*c->text)) return "empty text";
        if (c->kind == OCT_TEXT && (strstr(c->text, "<td") || strstr(c->text, "</td") ||
                                    strstr(c->text, "<script") || strstr(c->text, "</body")))
            return "a tag printed";
        const char *p = bad_table(c);
        if (p) return p;
    }
    if (n->kind == OCT_TABLE) {
        if (!n->u.table.aligns || n->u.table.ncols < 1) return "table without columns";
        for (const oct_node *r = n->first; r; r = r->next) {
            int k = 0;
            for (const oct_node *c = r->first; c; c = c->next)
                k++;
            if (k != n->u.table.ncols) return "ragged table";
        }
    }
    return NULL;
}

/* Cells with more than one line (something folded or broken in them). */
static int multiline_cells(const oct_node *n)
{
    int k = 0;
    for (const oct_node *c = n->first; c; c = c->next) {
        if (n->kind == OCT_TABLE_CELL && c->kind == OCT_LINE_BREAK) return 1;
        k += multiline_cells(c);
    }
    return k;
}

static void test_random(void)
{
    static const char *const PARTS[] = {"<table>",
                                        "</table>",
                                        "<tr align=right>",
                                        "</tr>",
                                        "<td>",
                                        "</td>",
                                        "<th style=\"text-align:center\">",
                                        "</th>",
                                        "<col align=left>",
                                        "\n\n",
                                        "\n",
                                        "- item\n",
                                        "1. step\n",
                                        "```\ncode\n```\n",
                                        "    indented\n",
                                        "> quote\n",
                                        "# head\n",
                                        "| a | b |\n|---|---|\n| 1 | 2 |\n",
                                        "---\n",
                                        "word ",
                                        "*em* ",
                                        "<b>",
                                        "</b>",
                                        "<script>",
                                        "</script>",
                                        "<style>",
                                        "<iframe>",
                                        "</body>",
                                        "</html>",
                                        "<html>",
                                        "<head><title>t</title></head>",
                                        "<body>",
                                        "<details>",
                                        "</details>",
                                        "<summary>1. Why?</summary>",
                                        "<pre>",
                                        "</pre>",
                                        "<ul><li>",
                                        "</li></ul>",
                                        "<br>",
                                        "<p>"};
    const size_t np = sizeof PARTS / sizeof *PARTS;
    unsigned seed = 12345;
    int bad = 0, multi = 0;
    for (int it = 0; it < 4000; it++) {
        oct_buf b = OCT_BUF_INIT;
        int n = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 24;
        for (int k = 0; k < n; k++)
            oct_buf_puts(&b, PARTS[((seed = seed * 1103515245u + 12345u) >> 16) % np]);
        oct_buf_putc(&b, '\n');
        doc r = ingest(b.data);
        const char *p = r.ch ? bad_table(r.ch) : "no chapter";
        if (!p) {
            oct_study_run(r.t, r.d);
            p = bad_table(r.ch);
        }
        multi += r.ch ? multiline_cells(r.ch) : 0;
        if (p && bad++ < 3) fprintf(stderr, "random %d: %s\n%s\n---\n", it, p, b.data);
        release(&r);
        oct_buf_free(&b);
    }
    CHECK(bad == 0);
    CHECK(multi > 100); /* the mixes do reach cells */
    printf("random: %d cells of several lines\n", multi);
}

int main(void)
{
    test_aligns();
    test_fold();
    test_pasted_page();
    test_unterminated();
    test_summaries();
    test_random();
    return check_done();
}
