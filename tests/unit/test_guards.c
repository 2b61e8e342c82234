/* The ingest guards of oct_limits.h: bracket runs escaped past the limit
 * (but never in fenced code, code spans or definition lines), over-long
 * lines refused, headings past the count or length limit set as
 * paragraphs, table rows past the limit kept as a code block, and links
 * with schemes other than http(s)/mailto turned into their text. */
#include "check.h"
#include "ingest/guards.h"
#include "ingest/ingest.h"
#include "ingest/linkscheme.h"
#include "util/buf.h"

#include <stdlib.h>
#include <string.h>

static size_t count_sub(const char *s, const char *sub)
{
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, sub)); p += strlen(sub))
        n++;
    return n;
}

static void test_brackets(void)
{
    oct_buf b = OCT_BUF_INIT;
    int first = 0;
    size_t len = 0;
    /* under the limit: nothing to do */
    for (int i = 0; i < 900; i++)
        oct_buf_puts(&b, "[a] ");
    CHECK(oct_guard_brackets(b.data, b.len, &len, &first) == NULL);
    /* two paragraphs of 900 each: the count starts again at a blank line */
    oct_buf_puts(&b, "\n\n");
    for (int i = 0; i < 900; i++)
        oct_buf_puts(&b, "[b] ");
    CHECK(oct_guard_brackets(b.data, b.len, &len, &first) == NULL);
    /* a third paragraph of 1,500 after a fence with 2,000 and a code span */
    oct_buf_puts(&b, "\n\n```\n");
    for (int i = 0; i < 2000; i++)
        oct_buf_puts(&b, "[c]");
    oct_buf_puts(&b, "\n```\n\nintro `[in] [span]`\n");
    for (int i = 0; i < 1500; i++)
        oct_buf_puts(&b, "![d]");
    oct_buf_puts(&b, "\n");
    char *out = oct_guard_brackets(b.data, b.len, &len, &first);
    CHECK(out != NULL);
    if (out) {
        CHECK(len == strlen(out));
        CHECK(first == 9); /* the paragraph after the fenced block */
        CHECK(count_sub(out, "!\\[d]") == 500);
        CHECK(count_sub(out, "\\[c]") == 0 && count_sub(out, "[c]") == 2000);
        CHECK(strstr(out, "`[in] [span]`") != NULL);
        CHECK(count_sub(out, "\\[b]") == 0);
    }
    free(out);
    /* definition lines are no openers */
    oct_buf_clear(&b);
    for (int i = 0; i < 3000; i++) {
        char line[64];
        snprintf(line, sizeof line, "[r%d]: https://example.org/%d\n", i, i);
        oct_buf_puts(&b, line);
    }
    CHECK(oct_guard_brackets(b.data, b.len, &len, &first) == NULL);
    oct_buf_free(&b);
}

static void test_lines(void)
{
    size_t n = OCT_LIMIT_LINE_BYTES + 10;
    char *s = malloc(n + 1);
    memset(s, 'x', n);
    s[n] = '\0';
    s[5] = '\n';
    oct_diag *d = oct_diag_new(NULL);
    CHECK(oct_guard_lines("long.md", s, n, d) == -1);
    CHECK(check_count_code(d, "limit-line-length") == 1);
    CHECK(oct_diag_at(d, 0)->line == 2);
    s[OCT_LIMIT_LINE_BYTES] = '\n';
    CHECK(oct_guard_lines("long.md", s, n, d) == 0);
    oct_diag_free(d);
    free(s);
}

static oct_node *ingest(oct_tree *t, const char *text, size_t len, oct_diag *d)
{
    oct_ingest_options o = {.normalize = false};
    return oct_ingest_source(t, "g.md", text, len, NULL, &o, d);
}

static size_t count_kind(const oct_node *root, oct_kind k)
{
    size_t n = 0;
    oct_iter it;
    oct_iter_init(&it, root);
    oct_event ev;
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE)
        n += ev == OCT_EV_ENTER && it.cur->kind == k;
    return n;
}

static void test_headings_and_rows(void)
{
    oct_buf b = OCT_BUF_INIT;
    oct_buf_puts(&b, "# ");
    for (int i = 0; i < OCT_LIMIT_HEADING_BYTES / 5 + 10; i++)
        oct_buf_puts(&b, "word ");
    oct_buf_puts(&b, "\n\n");
    for (int i = 0; i < OCT_LIMIT_HEADINGS + 3; i++) {
        char line[48];
        snprintf(line, sizeof line, "## Part %d\n\n", i);
        oct_buf_puts(&b, line);
    }
    oct_buf_puts(&b, "| k | v |\n|---|---|\n");
    for (int i = 0; i < OCT_LIMIT_TABLE_ROWS + 2; i++) {
        char line[48];
        snprintf(line, sizeof line, "| k%d | v%d |\n", i, i);
        oct_buf_puts(&b, line);
    }
    oct_tree *t = oct_tree_new();
    oct_diag *d = oct_diag_new(NULL);
    oct_node *ch = ingest(t, b.data, b.len, d);
    CHECK(ch != NULL);
    /* the long heading counts as the first; the last 4 are past the limit */
    CHECK(count_kind(ch, OCT_SECTION) == OCT_LIMIT_HEADINGS - 1);
    CHECK(count_kind(ch, OCT_PARAGRAPH) == 5);
    CHECK(count_kind(ch, OCT_TABLE_ROW) == OCT_LIMIT_TABLE_ROWS);
    CHECK(count_kind(ch, OCT_CODE_BLOCK) == 1);
    const oct_node *code = ch->last;
    CHECK(code && code->kind == OCT_CODE_BLOCK && code->prev && code->prev->kind == OCT_TABLE);
    if (code && code->kind == OCT_CODE_BLOCK) {
        CHECK(strstr(code->text, "| k1999 | v1999 |") != NULL);
        CHECK(strstr(code->text, "| k2001 | v2001 |") != NULL);
    }
    CHECK(check_count_code(d, "limit-headings") == 1);
    CHECK(check_count_code(d, "limit-heading-length") == 1);
    CHECK(check_count_code(d, "limit-table-rows") == 1);
    oct_diag_free(d);
    oct_tree_free(t);
    oct_buf_free(&b);
}

static void test_links(void)
{
    CHECK(oct_link_unsafe("javascript:alert(1)"));
    CHECK(oct_link_unsafe("  JavaScript:x"));
    CHECK(oct_link_unsafe("java\tscript:x"));
    CHECK(oct_link_unsafe("data:text/html,x"));
    CHECK(oct_link_unsafe("vbscript:x") && oct_link_unsafe("file:///etc/passwd"));
    CHECK(oct_link_unsafe("ftp://example.org/"));
    CHECK(!oct_link_unsafe("https://example.org/a:b") && !oct_link_unsafe("HTTP://x"));
    CHECK(!oct_link_unsafe("mailto:a@b.c"));
    CHECK(!oct_link_unsafe("notes.md#x") && !oct_link_unsafe("#frag") && !oct_link_unsafe("a/b:c"));
    CHECK(!oct_link_unsafe("") && !oct_link_unsafe(NULL));

    const char *md = "See [one](javascript:void(0)) and <a href=\"data:x\">two</a>, "
                     "[three](https://example.org).\n";
    oct_tree *t = oct_tree_new();
    oct_diag *d = oct_diag_new(NULL);
    oct_node *ch = ingest(t, md, strlen(md), d);
    CHECK(ch && count_kind(ch, OCT_LINK) == 1);
    CHECK(check_count_code(d, "limit-brackets") == 0 && check_count_code(d, "link-unsafe") == 1);
    const oct_node *p = ch ? ch->first : NULL;
    CHECK(p && p->first && p->first->kind == OCT_TEXT &&
          strcmp(p->first->text, "See one and two, ") == 0);
    oct_diag_free(d);
    oct_tree_free(t);
}

/* An empty header row ("|  |  |" over "|---|---|") heads nothing: it goes;
 * a header with text, or a table of that row alone, stays. */
static void test_empty_header(void)
{
    const char *cases[] = {"|  |  |\n| --- | --- |\n| hola | hello |\n| pan | bread |\n",
                           "| es | en |\n| --- | --- |\n| hola | hello |\n",
                           "|  |  |\n| --- | --- |\n"};
    const size_t rows[] = {2, 2, 1};
    const int headers[] = {0, 1, 1};
    for (int i = 0; i < 3; i++) {
        oct_tree *t = oct_tree_new();
        oct_node *ch = ingest(t, cases[i], strlen(cases[i]), NULL);
        CHECK(ch != NULL);
        CHECK(count_kind(ch, OCT_TABLE_ROW) == rows[i]);
        const oct_node *table = ch ? ch->first : NULL;
        CHECK(table && table->kind == OCT_TABLE && table->first);
        if (table && table->first) CHECK(table->first->u.row.header == (headers[i] == 1));
        oct_tree_free(t);
    }
}

int main(void)
{
    test_empty_header();
    test_brackets();
    test_lines();
    test_headings_and_rows();
    test_links();
    return check_done();
}
