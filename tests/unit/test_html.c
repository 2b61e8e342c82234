/* HTML in Markdown → tree (src/ingest/html*.c): elements across cmark's
 * separate HTML blocks, inline tags, tables, lists, <pre>, dropped elements
 * and their warnings, text that only looks like a tag, malformed HTML, deep
 * nesting, and random mixes of HTML and Markdown under a structural check.
 * Shapes are compared with the golden dump (one node a line). */
#include "check.h"
#include "html_support.h"
#include "epub/epub.h"
#include "ingest/ingest.h"
#include "study/study.h"
#include "test_pdf_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- structure ------------------------------------------------------------ */

static bool holds_inlines(oct_kind k)
{
    return k == OCT_PARAGRAPH || k == OCT_SECTION || k == OCT_TABLE_CELL || k == OCT_SUMMARY ||
           k == OCT_QUESTION || k == OCT_EMPH || k == OCT_STRONG || k == OCT_STRIKE ||
           k == OCT_LINK || k == OCT_IMAGE || k == OCT_SUPERSCRIPT || k == OCT_SUBSCRIPT;
}

static bool child_ok(const oct_node *p, const oct_node *c)
{
    switch (p->kind) {
    case OCT_LIST:
        return c->kind == OCT_ITEM;
    case OCT_TABLE:
        return c->kind == OCT_TABLE_ROW;
    case OCT_TABLE_ROW:
        return c->kind == OCT_TABLE_CELL;
    case OCT_DETAILS:
        return c == p->first ? c->kind == OCT_SUMMARY
                             : !oct_kind_is_inline(c->kind) && c->kind != OCT_SUMMARY &&
                                   c->kind != OCT_ITEM && c->kind != OCT_TABLE_ROW &&
                                   c->kind != OCT_TABLE_CELL;
    case OCT_QUESTION:
        return oct_kind_is_inline(c->kind) || (c->kind == OCT_ANSWER && !c->next);
    default:
        break;
    }
    if (holds_inlines(p->kind)) return oct_kind_is_inline(c->kind);
    if (oct_kind_is_inline(p->kind)) return false; /* TEXT, CODE, breaks: leaves */
    if (p->kind == OCT_CODE_BLOCK || p->kind == OCT_THEMATIC_BREAK) return false;
    return !oct_kind_is_inline(c->kind) && c->kind != OCT_ITEM && c->kind != OCT_TABLE_ROW &&
           c->kind != OCT_TABLE_CELL && c->kind != OCT_SUMMARY && c->kind != OCT_CHAPTER;
}

/* What is wrong with the subtree of ch, or NULL. */
static const char *problem(const oct_node *ch, bool studied)
{
    oct_iter it;
    oct_iter_init(&it, ch);
    oct_event ev;
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE) {
        const oct_node *n = it.cur;
        if (ev != OCT_EV_ENTER) continue;
        if (n->span.line < 1 || n->span.col < 1) return "no position";
        for (const oct_node *c = n->first; c; c = c->next) {
            if (c->parent != n || (c->next && c->next->prev != c)) return "bad links";
            if (!child_ok(n, c)) {
                static char msg[80];
                snprintf(msg, sizeof msg, "%s in %s", oct_kind_name(c->kind),
                         oct_kind_name(n->kind));
                return msg;
            }
            if (c->kind == OCT_TEXT && c->next && c->next->kind == OCT_TEXT) return "unmerged text";
        }
        if ((n->kind == OCT_TEXT || n->kind == OCT_CODE) && (!n->text || !*n->text))
            return "empty text";
        if (n->kind == OCT_PARAGRAPH && !n->first) return "empty paragraph";
        if (n->kind == OCT_TABLE) {
            if (n->u.table.ncols < 1 || !n->u.table.aligns) return "bad table";
            for (const oct_node *r = n->first; r; r = r->next) {
                int k = 0;
                for (const oct_node *c = r->first; c; c = c->next)
                    k++;
                if (k != n->u.table.ncols) return "row width";
            }
        }
        if (n->kind == OCT_ITEM && n->parent->u.list.ordered && n->u.item.number < 0)
            return "item number";
        if (studied && (n->kind == OCT_DETAILS || n->kind == OCT_SUMMARY))
            return "details left after study";
        if (n->kind == OCT_TEXT && (strstr(n->text, "<script") || strstr(n->text, "onclick")))
            return "active content kept";
    }
    return NULL;
}

#define CHECK_SANE(r)                                                                              \
    do {                                                                                           \
        const char *p_ = problem((r).ch, false);                                                   \
        if (p_) fprintf(stderr, "  tree problem: %s\n", p_);                                       \
        CHECK(p_ == NULL);                                                                         \
    } while (0)

/* ---- cases ------------------------------------------------------------------ */

/* <details> opens in one HTML block, the Markdown between becomes its
 * children, </details> closes it blocks later; a box inside a list item
 * closes in the item; a stray </details> vanishes; an open one closes at
 * the end. */
static void test_details_across_blocks(void)
{
    doc r = ingest("<details>\n<summary><h3>1. What is <b>X</b>?</h3></summary>\n\n"
                   "Answer **md**.\n\n```js\nx\n```\n\n</details>\n\n- item\n\n"
                   "  <details><summary>Answer</summary>\n\n  inside item\n\n  </details>\n\n"
                   "</details>\n\n<details><summary>open</summary>\n\nnever closed\n");
    CHECK_SANE(r);
    CHECK_DUMP(r, "details @1:1\n"
                  "  summary @2:1\n"
                  "    text \"1. What is \" @2:1\n"
                  "    strong @2:1\n"
                  "      text \"X\" @2:1\n"
                  "    text \"?\" @2:1\n"
                  "  paragraph @4:1\n"
                  "    text \"Answer \" @4:1\n"
                  "    strong @4:8\n"
                  "      text \"md\" @4:10\n"
                  "    text \".\" @4:14\n"
                  "  code_block lang=js \"x\" @6:1\n"
                  "list bullet loose @12:1\n"
                  "  item @12:1\n"
                  "    paragraph @12:3\n"
                  "      text \"item\" @12:3\n"
                  "    details @14:3\n"
                  "      summary @14:3\n"
                  "        text \"Answer\" @14:3\n"
                  "      paragraph @16:3\n"
                  "        text \"inside item\" @16:3\n"
                  "details @22:1\n"
                  "  summary @22:1\n"
                  "    text \"open\" @22:1\n"
                  "  paragraph @24:1\n"
                  "    text \"never closed\" @24:1\n");
    CHECK(oct_diag_size(r.d) == 0);
    release(&r);
}

/* Consecutive boxes in one HTML block are siblings, not nested. */
static void test_details_siblings(void)
{
    doc r = ingest("<details><summary>1. What is A?</summary>\n\nalpha\n\n</details>\n"
                   "<details><summary>2. What is B?</summary>\n\nbeta\n\n</details>\n");
    CHECK_SANE(r);
    CHECK(r.ch->first && r.ch->first->kind == OCT_DETAILS && r.ch->first->next &&
          r.ch->first->next->kind == OCT_DETAILS && !r.ch->first->next->next);
    release(&r);
}

/* One cmark node per inline tag: open and close against a stack within
 * the paragraph; names that are no HTML element stay text. */
static void test_inline_tags(void)
{
    doc r = ingest("Press <kbd>Ctrl</kbd>, x<sup>2</sup>, H<sub>2</sub>O <a href=\"u\" "
                   "title=\"t\">l</a> <img src=\"p.png\" alt=\"A\" title=\"T\"><br>x &amp; "
                   "Token <token>, List<String>, a < b, </T> <span style=\"x\">sp</span> "
                   "<!-- c -->z <b onclick=\"evil()\">*b*</b>\n");
    CHECK_SANE(r);
    CHECK_DUMP(r, "paragraph @1:1\n"
                  "  text \"Press \" @1:1\n"
                  "  code \"Ctrl\" @1:7\n"
                  "  text \", x\" @1:22\n"
                  "  superscript @1:25\n"
                  "    text \"2\" @1:30\n"
                  "  text \", H\" @1:37\n"
                  "  subscript @1:40\n"
                  "    text \"2\" @1:45\n"
                  "  text \"O \" @1:52\n"
                  "  link url=\"u\" title=\"t\" @1:54\n"
                  "    text \"l\" @1:76\n"
                  "  text \" \" @1:81\n"
                  "  image url=\"p.png\" title=\"T\" @1:82\n"
                  "    text \"A\" @1:82\n"
                  "  line_break @1:117\n"
                  "  text \"x & Token <token>, List<String>, a < b, </T> sp z \" @1:121\n"
                  "  strong @1:208\n"
                  "    emph @1:228\n"
                  "      text \"b\" @1:229\n");
    release(&r);
}

/* Tables (header from <thead>, short rows padded), lists (start, value),
 * <pre><code class="language-…">, entities. */
static void test_tables_lists_pre(void)
{
    doc r =
        ingest("<table>\n<thead><tr><th>A</th><th align=\"right\">B</th></tr></thead>\n"
               "<tbody>\n<tr><td>1</td></tr>\n<tr><td>2</td><td>3</td><td>4</td></tr>\n"
               "</tbody>\n</table>\n\n<ol start=\"5\">\n<li>five</li>\n<li value=\"9\">nine</li>\n"
               "<li>ten<ul><li>sub</li></ul></li>\n</ol>\n\n<pre><code class=\"language-py\">"
               "if a &lt; b:\n    print(1)\n</code></pre>\n");
    CHECK_SANE(r);
    CHECK_DUMP(r, "table cols=3 align=-r- @1:1\n"
                  "  table_row header @2:1\n"
                  "    table_cell @2:1\n"
                  "      text \"A\" @2:1\n"
                  "    table_cell @2:1\n"
                  "      text \"B\" @2:1\n"
                  "    table_cell @2:1\n"
                  "  table_row @4:1\n"
                  "    table_cell @4:1\n"
                  "      text \"1\" @4:1\n"
                  "    table_cell @4:1\n"
                  "    table_cell @4:1\n"
                  "  table_row @5:1\n"
                  "    table_cell @5:1\n"
                  "      text \"2\" @5:1\n"
                  "    table_cell @5:1\n"
                  "      text \"3\" @5:1\n"
                  "    table_cell @5:1\n"
                  "      text \"4\" @5:1\n"
                  "list ordered start=5 delim=. tight @9:1\n"
                  "  item number=5 @10:1\n"
                  "    paragraph @10:1\n"
                  "      text \"five\" @10:1\n"
                  "  item number=9 @11:1\n"
                  "    paragraph @11:1\n"
                  "      text \"nine\" @11:1\n"
                  "  item number=10 @12:1\n"
                  "    paragraph @12:1\n"
                  "      text \"ten\" @12:1\n"
                  "    list bullet tight @12:1\n"
                  "      item @12:1\n"
                  "        paragraph @12:1\n"
                  "          text \"sub\" @12:1\n"
                  "code_block lang=py \"if a < b:\\n    print(1)\" @15:1\n");
    release(&r);
}

/* A cell spanning columns keeps the row's later values under their own
 * headings: the columns it covers stay empty. */
static void test_colspan(void)
{
    doc r = ingest("<table>\n<tr><th>Op</th><th>ops/s</th><th>p99</th></tr>\n"
                   "<tr><td colspan=\"2\">scan</td><td>310</td></tr>\n"
                   "<tr><td colspan=\"99999\">wide</td></tr>\n</table>\n");
    CHECK_SANE(r);
    const oct_node *tb = r.ch ? r.ch->first : NULL;
    CHECK(tb && tb->kind == OCT_TABLE && tb->u.table.ncols == 64);
    const oct_node *row = tb ? tb->first->next : NULL, *c = row ? row->first : NULL;
    CHECK(c && c->first && !strcmp(c->first->text, "scan"));
    CHECK(c && c->next && !c->next->first); /* covered by "scan" */
    CHECK(c && c->next && c->next->next && c->next->next->first &&
          !strcmp(c->next->next->first->text, "310"));
    release(&r);
}

/* Dropped kinds: gone with their content, one warning per kind naming
 * every line; an unfinished tag at a block's end is text; README blocks
 * (centred heading, badge row) become a heading and a paragraph. */
static void test_dropped_and_malformed(void)
{
    doc r = ingest("<script>\nvar x = \"<b>\";\n</script>\n<p>kept</p>\n<style>p{}</style>\n\n"
                   "<script src=\"y.js\"></script>\n\n<div id=\"x\"\n*hi*\n\n"
                   "<blockquote><p>q</p></blockquote>\n<hr>\n<h2 align=\"center\">Head "
                   "<img src=\"i.png\"></h2>\n<p align=\"center\"><a href=\"https://x.y/actions\">"
                   "<img src=\"https://img.shields.io/b.svg\" alt=\"ci\"></a></p>\n\n"
                   "Watch <video src=\"v.mp4\">no video</video> this.\n");
    CHECK_SANE(r);
    CHECK_DUMP(r, "paragraph @4:1\n"
                  "  text \"kept\" @4:1\n"
                  "paragraph @9:1\n"
                  "  text \"<div id=\\\"x\\\" *hi*\" @9:1\n"
                  "blockquote @12:1\n"
                  "  paragraph @12:1\n"
                  "    text \"q\" @12:1\n"
                  "thematic_break @13:1\n"
                  "section level=2 @14:1\n"
                  "  text \"Head \" @14:1\n"
                  "  image url=\"i.png\" @14:1\n"
                  "paragraph @15:1\n"
                  "  link url=\"https://x.y/actions\" @15:1\n"
                  "    image url=\"https://img.shields.io/b.svg\" @15:1\n"
                  "      text \"ci\" @15:1\n"
                  "paragraph @17:1\n"
                  "  text \"Watch  this.\" @17:1\n");
    CHECK(oct_diag_size(r.d) == 3);
    const char *want[] = {"<script> dropped with its content (lines 1, 7)",
                          "<style> dropped with its content (line 5)",
                          "<video> dropped with its content (line 17)"};
    for (size_t i = 0; i < 3 && i < oct_diag_size(r.d); i++) {
        CHECK_STR(oct_diag_at(r.d, i)->code, "html-dropped");
        CHECK_STR(oct_diag_at(r.d, i)->message, want[i]);
    }
    CHECK(oct_diag_at(r.d, 0)->line == 1);
    release(&r);
}

/* A page saved from the web: its <nav> of site links goes, with the
 * warning, and the article's heading is the first thing left. */
static void test_saved_page_nav(void)
{
    doc r = ingest("<nav><a href=\"/\">Home</a> | <a href=\"/about\">About</a></nav>\n\n"
                   "<h1>Acids and bases</h1>\n\n<p>What is a buffer?</p>\n");
    CHECK_SANE(r);
    CHECK(r.ch && r.ch->first && r.ch->first->kind == OCT_SECTION);
    oct_buf b = OCT_BUF_INIT;
    if (r.ch) oct_node_plain_text_to(r.ch, &b);
    CHECK(b.data && !strstr(b.data, "Home") && strstr(b.data, "buffer"));
    oct_buf_free(&b);
    CHECK(oct_diag_size(r.d) == 1);
    if (oct_diag_size(r.d) == 1)
        CHECK_STR(oct_diag_at(r.d, 0)->message, "<nav> dropped with its content (line 1)");
    release(&r);
}

/* Markdown between <td> and </td> (blank lines around it): its inlines
 * join the cell, a later paragraph after a line break. */
static void test_markdown_in_cell(void)
{
    doc r = ingest("<table>\n<tr>\n<td>\n\n**Markdown** here\n\nand more\n\n</td>\n<td>\n\n"
                   "- a list\n\n</td>\n</tr>\n</table>\n\nafter\n");
    CHECK_SANE(r);
    const oct_node *tb = r.ch->first;
    CHECK(tb && tb->kind == OCT_TABLE && tb->u.table.ncols >= 1);
    const oct_node *cell = tb && tb->first ? tb->first->first : NULL;
    CHECK(cell && cell->first && cell->first->kind == OCT_STRONG);
    CHECK(cell && cell->last && cell->last->kind == OCT_TEXT &&
          strcmp(cell->last->text, "and more") == 0);
    CHECK(r.ch->last && r.ch->last->kind == OCT_PARAGRAPH);
    release(&r);
}

/* Markdown blocks nested deeper than the walk's first stack inside an HTML
 * cell: each folded block pushes a frame, which moved the stack under the
 * frame being written (a use after free the fuzzer found). Every line's
 * word stays in the cell. */
static void test_deep_blocks_in_cell(void)
{
    oct_buf b = OCT_BUF_INIT;
    oct_buf_puts(&b, "<table><tr><td>\n\n");
    for (int i = 1; i <= 90; i++) {
        for (int k = 0; k < i; k++)
            oct_buf_puts(&b, "> ");
        oct_buf_printf(&b, "w%d\n", i);
    }
    oct_buf_puts(&b, "\n</td></tr></table>\n\nafter\n");
    doc r = ingest(b.data);
    CHECK_SANE(r);
    char *got = dump(&r);
    char want[16];
    int found = 0;
    for (int i = 1; i <= 90; i++) {
        snprintf(want, sizeof want, "\"w%d", i);
        found += strstr(got, want) != NULL;
    }
    CHECK(found == 90);
    CHECK(strstr(got, "\"after\"") != NULL);
    free(got);
    release(&r);
    oct_buf_free(&b);
}

/* An end tag octavo does not know, written after </tr> in Markdown text,
 * stays text, in a cell of a row of the table: it used to go into the
 * TABLE itself, with the next cell under that TEXT, and was never printed
 * (found by the fuzzer). */
static void test_unknown_tag_after_row(void)
{
    doc r = ingest("<table><tr>t\n\nd</tr></ta>\n");
    CHECK_SANE(r);
    char *got = dump(&r);
    CHECK(strstr(got, "table_cell @3:2\n      text \"</ta>\" @3:7\n") != NULL);
    free(got);
    release(&r);
}

/* A <p> around Markdown (the multiple-choice style) closes before the
 * Markdown; its stray </p> later vanishes; comments vanish. */
static void test_markdown_inside_p(void)
{
    doc r = ingest("<details><summary><b>Answer</b></summary>\n<p>\n\n#### Answer: C\n\n"
                   "Because *hoisting*.\n\n</p>\n</details>\n\n<!-- note -->\n\nafter\n");
    CHECK_SANE(r);
    CHECK_DUMP(r, "details @1:1\n"
                  "  summary @1:1\n"
                  "    strong @1:1\n"
                  "      text \"Answer\" @1:1\n"
                  "  section level=4 @4:1\n"
                  "    text \"Answer: C\" @4:6\n"
                  "  paragraph @6:1\n"
                  "    text \"Because \" @6:1\n"
                  "    emph @6:9\n"
                  "      text \"hoisting\" @6:10\n"
                  "    text \".\" @6:19\n"
                  "paragraph @13:1\n"
                  "  text \"after\" @13:1\n");
    release(&r);
}

/* The study pass: a numbered question box, an "Answer" box after options,
 * and a box that does neither (its summary in bold). No DETAILS is left. */
static void test_study(void)
{
    doc r = ingest("<details><summary>3. What is a <b>closure</b>?</summary>\n\nA function.\n\n"
                   "</details>\n\nWhich is a prime?\n\n- A) 4\n- B) 7\n\n<details><summary>"
                   "Show answer</summary>\n\nB) 7\n\n</details>\n\n<details><summary>Changelog"
                   "</summary>\n\nv2\n\n</details>\n");
    oct_study_run(r.t, r.d);
    const char *p = problem(r.ch, true);
    if (p) fprintf(stderr, "  tree problem: %s\n", p);
    CHECK(p == NULL);
    const oct_node *q = r.ch->first;
    CHECK(q && q->kind == OCT_QUESTION && q->u.question.number == 3 && q->u.question.answered);
    CHECK(q && q->first && q->first->kind == OCT_TEXT && strcmp(q->first->text, "What is a ") == 0);
    const oct_node *q2 = q ? q->next : NULL;
    CHECK(q2 && q2->kind == OCT_QUESTION && q2->u.question.answered);
    CHECK(q2 && q2->last->first && q2->last->first->kind == OCT_PARAGRAPH);
    const oct_node *box = q2 ? q2->next : NULL;
    CHECK(box && box->kind == OCT_PARAGRAPH && box->first->kind == OCT_STRONG);
    CHECK(box && box->next && box->next->kind == OCT_PARAGRAPH && !box->next->next);
    release(&r);
}

/* Thousands of nested elements: bounded depth, one warning, no crash. */
static void test_deep(void)
{
    oct_buf b = OCT_BUF_INIT;
    for (int i = 0; i < 3000; i++)
        oct_buf_puts(&b, i % 3 == 0 ? "<details>" : i % 3 == 1 ? "<blockquote>" : "<b>");
    oct_buf_puts(&b, "deep\n\nafter\n");
    doc r = ingest(b.data);
    CHECK_SANE(r);
    bool warned = false;
    for (size_t i = 0; i < oct_diag_size(r.d); i++)
        warned |= strcmp(oct_diag_at(r.d, i)->code, "limit-nesting") == 0;
    CHECK(warned);
    oct_study_run(r.t, r.d);
    CHECK(problem(r.ch, true) == NULL);
    release(&r);
    oct_buf_free(&b);
}

/* Random mixes of HTML atoms and Markdown (fixed seed): every tree is well
 * formed, before and after the study pass. */
static void test_random(void)
{
    static const char *const atoms[] = {"<details>",
                                        "</details>",
                                        "<summary>",
                                        "</summary>",
                                        "1. What is X?",
                                        "<p>",
                                        "</p>",
                                        "<b>",
                                        "</b>",
                                        "<table>",
                                        "<tr>",
                                        "<td>",
                                        "</td>",
                                        "</tr>",
                                        "</table>",
                                        "<ul>",
                                        "<li>",
                                        "</ul>",
                                        "<pre>",
                                        "</pre>",
                                        "<code>",
                                        "</code>",
                                        "<br>",
                                        "<hr>",
                                        "<h2>",
                                        "</h2>",
                                        "<script>",
                                        "</script>",
                                        "<img src=x alt=y>",
                                        "<a href=u>",
                                        "</a>",
                                        "<!--",
                                        "-->",
                                        "<div",
                                        ">",
                                        "<token>",
                                        "\n",
                                        "\n\n",
                                        "- ",
                                        "> ",
                                        "```\n",
                                        "word ",
                                        "&amp;",
                                        "<sup>",
                                        "<kbd>",
                                        "<style>",
                                        "  ",
                                        "Answer",
                                        "<ol start=3>",
                                        "<th>",
                                        "<thead>",
                                        "<iframe>"};
    unsigned seed = 4242;
    int bad = 0;
    for (int k = 0; k < 1500; k++) {
        oct_buf b = OCT_BUF_INIT;
        int n = (int)(seed % 50) + 1;
        for (int i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            oct_buf_puts(&b, atoms[(seed >> 16) % (sizeof atoms / sizeof *atoms)]);
        }
        doc r = ingest(b.data);
        const char *p = r.ch ? problem(r.ch, false) : "no chapter";
        if (!p) {
            oct_study_run(r.t, r.d);
            p = problem(r.ch, true);
        }
        if (p && bad++ < 5) fprintf(stderr, "random %d: %s\n%s\n---\n", k, p, b.data);
        release(&r);
        oct_buf_free(&b);
    }
    CHECK(bad == 0);
}

/* A tree the study pass never saw still prints: a DETAILS as its summary
 * in bold and its blocks, superscripts and subscripts raised and lowered. */
static void test_backends_without_study(void)
{
    doc r = ingest("<details><summary>Click <b>here</b></summary>\n\nInside the box.\n\n"
                   "</details>\n\nE = mc<sup>2</sup> and H<sub>2</sub>O.\n");
    oct_tree_assign_ids(r.t);
    fx_mkdir();
    CHECK(fx_render(r.t, fx_path("stray.pdf"), r.d) == 0);
    char *text = fx_validate(fx_path("stray.pdf"));
    CHECK(fx_contains(text, "Click here"));
    CHECK(fx_contains(text, "Inside the box."));
    CHECK(fx_contains(text, "mc2") || fx_contains(text, "mc 2"));
    free(text);
    oct_layout l = fx_layout();
    oct_epub *e = oct_epub_new(&l, r.d);
    CHECK(e && oct_epub_render(e, r.t) == 0 && oct_epub_close(e, fx_path("stray.epub")) == 0);
    oct_epub_free(e);
    char *out, *err;
    CHECK(fx_run("unzip -p", fx_path("stray.epub"), "'*.xhtml'", &out, &err) == 0);
    CHECK(strstr(out, "<p><strong>Click <strong>here</strong></strong></p>") != NULL);
    CHECK(strstr(out, "mc<sup>2</sup>") && strstr(out, "H<sub>2</sub>O"));
    CHECK(!strstr(out, "details") && !strstr(out, "summary"));
    free(out);
    free(err);
    release(&r);
}

int main(void)
{
    test_details_across_blocks();
    test_details_siblings();
    test_inline_tags();
    test_tables_lists_pre();
    test_colspan();
    test_dropped_and_malformed();
    test_saved_page_nav();
    test_markdown_inside_p();
    test_markdown_in_cell();
    test_deep_blocks_in_cell();
    test_unknown_tag_after_row();
    test_study();
    test_deep();
    test_random();
    test_backends_without_study();
    return check_done();
}
