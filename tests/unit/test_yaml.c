#include "check.h"
#include "config/yaml.h"
#include "util/buf.h"

#include <math.h>
#include <stdlib.h>

/* Loads s as "t.yaml" into a fresh quiet diag sink (caller frees both). */
static oct_yaml_doc *load(const char *s, oct_diag **d)
{
    *d = oct_diag_new(NULL);
    return oct_yaml_load_string("t.yaml", s, strlen(s), *d);
}

/* The first diagnostic with `code`, or NULL. */
static const oct_diag_msg *find(const oct_diag *d, const char *code)
{
    for (size_t i = 0; i < oct_diag_size(d); i++)
        if (!strcmp(oct_diag_at(d, i)->code, code)) return oct_diag_at(d, i);
    return NULL;
}

/* Checks that s fails with one diagnostic `code` at line:col whose
 * message contains `part`. */
static void expect_error(const char *s, const char *code, int line, int col, const char *part)
{
    oct_diag *d;
    oct_yaml_doc *doc = load(s, &d);
    CHECK(doc == NULL);
    const oct_diag_msg *m = find(d, code);
    CHECK(m != NULL);
    if (m) {
        CHECK_STR(m->file, "t.yaml");
        CHECK(m->severity == OCT_ERROR);
        CHECK(m->line == line);
        if (m->line != line) fprintf(stderr, "  line %d, expected %d\n", m->line, line);
        CHECK(col == 0 || m->col == col);
        if (col && m->col != col) fprintf(stderr, "  col %d, expected %d\n", m->col, col);
        CHECK(strstr(m->message, part) != NULL);
        if (!strstr(m->message, part)) fprintf(stderr, "  message: %s\n", m->message);
    }
    oct_yaml_free(doc);
    oct_diag_free(d);
}

static void test_tree(void)
{
    oct_diag *d;
    oct_yaml_doc *doc = load("# comment\n"
                             "title: Hello\n"
                             "page:\n"
                             "  size: [210mm, '297mm']\n"
                             "empty:\n"
                             "list:\n"
                             "  - one\n"
                             "  - {file: two.txt}\n",
                             &d);
    CHECK(doc != NULL);
    CHECK(oct_diag_size(d) == 0);
    if (!doc) goto out;
    const oct_yaml_node *root = doc->root;
    CHECK(root->kind == OCT_YAML_MAPPING && root->count == 4);
    CHECK(root->line == 2 && root->col == 1);
    const oct_yaml_node *title = oct_yaml_get(root, "title");
    CHECK(title && title->kind == OCT_YAML_SCALAR && title->plain);
    CHECK_STR(title->text, "Hello");
    CHECK(title->line == 2 && title->col == 8 && title->key_line == 2 && title->key_col == 1);
    const oct_yaml_node *size = oct_yaml_get(oct_yaml_get(root, "page"), "size");
    CHECK(size && size->kind == OCT_YAML_SEQUENCE && size->count == 2);
    CHECK(size->line == 4 && size->col == 9);
    CHECK(size->first->plain && !size->first->next->plain);
    CHECK_STR(size->first->next->text, "297mm");
    CHECK(size->first->next->index == 1);
    CHECK(oct_yaml_is_null(oct_yaml_get(root, "empty")));
    CHECK(oct_yaml_get(root, "missing") == NULL);
    CHECK(oct_yaml_get(title, "x") == NULL);
    const oct_yaml_node *list = oct_yaml_get(root, "list");
    CHECK_STR(oct_yaml_describe(doc, list->first->next), "item 2 of 'list'");
    CHECK_STR(oct_yaml_describe(doc, title), "'title'");
    CHECK_STR(oct_yaml_describe(doc, root), "the document");
    CHECK_STR(oct_yaml_get(list->first->next, "file")->text, "two.txt");
out:
    oct_yaml_free(doc);
    oct_diag_free(d);
}

static void test_empty(void)
{
    const char *inputs[] = {"", "# only a comment\n\n", "---\n", "---\n...\n"};
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        oct_diag *d;
        oct_yaml_doc *doc = load(inputs[i], &d);
        CHECK(doc != NULL);
        CHECK(doc && (doc->root == NULL || oct_yaml_is_null(doc->root)));
        CHECK(oct_diag_size(d) == 0);
        oct_yaml_free(doc);
        oct_diag_free(d);
    }
}

static void test_aliases_and_tags(void)
{
    expect_error("base: &b 10\nbody: *b\n", "yaml-anchor", 1, 7, "'&b'");
    expect_error("base: &b 10\nbody: *b\n", "yaml-alias", 2, 7, "'*b'");
    expect_error("a: &m {x: 1}\n", "yaml-anchor", 1, 4, "anchors are not supported");
    expect_error("a:\n  <<: *m\n", "yaml-alias", 2, 7, "'*m'");
    expect_error("a: !!str 10\n", "yaml-tag", 1, 4, "'!!str'");
    expect_error("a: !custom 10\n", "yaml-tag", 1, 4, "'!custom'");

    /* Every problem is reported, not only the first. */
    oct_diag *d;
    oct_yaml_doc *doc = load("a: &x 1\nb: *x\nc: *x\n", &d);
    CHECK(doc == NULL);
    CHECK(oct_diag_count(d, OCT_ERROR) == 3);
    oct_diag_free(d);
}

static void test_duplicates(void)
{
    expect_error("margins: 1\ntop: 2\nmargins: 3\n", "duplicate-key", 3, 1,
                 "duplicate key 'margins' (first at line 1)");
    expect_error("page:\n  margins:\n    top: 1\n    top: 2\n", "duplicate-key", 4, 5,
                 "duplicate key 'top'");
    expect_error("{a: 1, a: 2}\n", "duplicate-key", 1, 8, "'a'");
    /* The same key in sibling mappings is fine. */
    oct_diag *d;
    oct_yaml_doc *doc = load("a:\n  x: 1\nb:\n  x: 2\nc: [{x: 1}, {x: 2}]\n", &d);
    CHECK(doc != NULL);
    CHECK(oct_diag_size(d) == 0);
    oct_yaml_free(doc);
    oct_diag_free(d);
}

static char *nested(int depth, const char *inner)
{
    oct_buf b = OCT_BUF_INIT;
    oct_buf_puts(&b, "a: ");
    for (int i = 1; i < depth; i++)
        oct_buf_putc(&b, '[');
    oct_buf_puts(&b, inner);
    for (int i = 1; i < depth; i++)
        oct_buf_putc(&b, ']');
    oct_buf_putc(&b, '\n');
    return oct_buf_detach(&b);
}

static void test_depth(void)
{
    oct_diag *d;
    /* The root mapping is level 1: 31 brackets make 32 levels, the limit. */
    char *ok = nested(OCT_YAML_MAX_DEPTH, "x");
    oct_yaml_doc *doc = load(ok, &d);
    CHECK(doc != NULL);
    CHECK(oct_diag_size(d) == 0);
    oct_yaml_free(doc);
    oct_diag_free(d);
    free(ok);

    char *deep = nested(OCT_YAML_MAX_DEPTH + 1, "x");
    expect_error(deep, "yaml-depth", 1, 4 + OCT_YAML_MAX_DEPTH - 1, "deeper than 32");
    free(deep);

    /* Far past the limit: stops early, no crash, one error. */
    char *bomb = nested(100000, "");
    doc = load(bomb, &d);
    CHECK(doc == NULL);
    CHECK(oct_diag_size(d) == 1 && find(d, "yaml-depth"));
    oct_diag_free(d);
    free(bomb);
}

static void test_syntax_errors(void)
{
    expect_error("a: 1\n  b: 2\n", "yaml-syntax", 2, 4, "mapping values are not allowed");
    expect_error("title: x\nsizes:\n  body: [1, 2\n  code: 3\n", "yaml-syntax", 4, 7,
                 "while parsing a flow sequence at line 3");
    expect_error("a: \"unterminated\n", "yaml-syntax", 2, 1, "quoted scalar at line 1");
    expect_error("a:\n\tb: 1\n", "yaml-syntax", 2, 1, "tabs");
    expect_error("ok: 1\nbad: \xff\n", "yaml-encoding", 2, 6, "UTF-8");
    expect_error("a: \"x\\0y\"\n", "invalid-value", 1, 4, "NUL");
    expect_error("? [a, b]\n: 1\n", "yaml-complex-key", 1, 3, "keys must be plain strings");
}

static void test_multiple_documents(void)
{
    expect_error("a: 1\n---\nb: 2\n", "yaml-multiple-documents", 2, 1, "only one document");
    expect_error("--- 1\n--- 2\n", "yaml-multiple-documents", 2, 1, "'---'");
}

static void test_limits_and_files(void)
{
    oct_buf b = OCT_BUF_INIT;
    oct_buf_puts(&b, "a: [");
    for (int i = 0; i <= OCT_YAML_MAX_NODES; i++)
        oct_buf_puts(&b, "1,");
    oct_buf_puts(&b, "1]\n");
    expect_error(b.data, "yaml-too-large", 1, 0, "too many values");
    oct_buf_free(&b);

    oct_diag *d = oct_diag_new(NULL);
    CHECK(oct_yaml_load("/nonexistent/dir/x.yaml", d) == NULL);
    CHECK(find(d, "cannot-read") && oct_diag_at(d, 0)->line == 0);
    CHECK(strstr(oct_diag_at(d, 0)->message, "No such file") != NULL);
    oct_diag_free(d);

    const char *src = getenv("OCTAVO_SRC");
    CHECK(src != NULL);
    if (!src) return;
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/data/config/yaml/duplicate.yaml", src);
    d = oct_diag_new(NULL);
    CHECK(oct_yaml_load(path, d) == NULL);
    const oct_diag_msg *m = find(d, "duplicate-key");
    CHECK(m && !strcmp(m->file, path) && m->line == 6 && m->col == 5);
    CHECK(m && strstr(m->message, "duplicate key 'top' (first at line 4)"));
    oct_diag_free(d);

    snprintf(path, sizeof path, "%s/tests/data/config", src);
    d = oct_diag_new(NULL);
    CHECK(oct_yaml_load(path, d) == NULL);
    CHECK(find(d, "cannot-read") != NULL);
    oct_diag_free(d);
}

static void test_numbers_and_lengths(void)
{
    double v = 0;
    CHECK(oct_yaml_parse_number("10.5", &v) == 0 && v == 10.5);
    CHECK(oct_yaml_parse_number("-3", &v) == 0 && v == -3);
    CHECK(oct_yaml_parse_number(".5", &v) == 0 && v == 0.5);
    CHECK(oct_yaml_parse_number("1e2", &v) == 0 && v == 100);
    const char *bad[] = {"", "big", "1.2.3", "0x10", "inf", "nan", " 1", "1 ", "1e", "+", "."};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        CHECK(oct_yaml_parse_number(bad[i], &v) == -1);

    CHECK(oct_yaml_parse_length("12", &v) == 0 && v == 12);
    CHECK(oct_yaml_parse_length("12pt", &v) == 0 && v == 12);
    CHECK(oct_yaml_parse_length("20mm", &v) == 0 && v == 20 * 72.0 / 25.4);
    CHECK(oct_yaml_parse_length("20 mm", &v) == 0 && v == 20 * 72.0 / 25.4);
    CHECK(oct_yaml_parse_length("2.5cm", &v) == 0 && fabs(v - 70.866) < 0.001);
    CHECK(oct_yaml_parse_length("0.75in", &v) == 0 && v == 54);
    const char *badlen[] = {"12px", "mm", "12 ", "12  mm", "12mmm", "12MM", "twelve", "1e999mm"};
    for (size_t i = 0; i < sizeof badlen / sizeof badlen[0]; i++)
        CHECK(oct_yaml_parse_length(badlen[i], &v) == -1);

    double c[3];
    CHECK(oct_yaml_parse_color("#ff8000", c) == 0 && c[0] == 1 && c[1] == 128 / 255.0 && c[2] == 0);
    CHECK(oct_yaml_parse_color("#FFfF00", c) == 0 && c[1] == 1);
    const char *badcol[] = {"ff8000", "#ff800", "#ff80000", "#gg0000", "red", "#fff", ""};
    for (size_t i = 0; i < sizeof badcol / sizeof badcol[0]; i++)
        CHECK(oct_yaml_parse_color(badcol[i], c) == -1);
}

static void test_typed_lookups(void)
{
    oct_diag *d;
    oct_yaml_doc *doc = load("body: big\n"
                             "size: 10.5\n"
                             "gap: 3mm\n"
                             "text: #222222\n"
                             "link: \"#2255aa\"\n"
                             "list: [a]\n"
                             "blank: '  '\n"
                             "colour: x\n",
                             &d);
    CHECK(doc != NULL);
    if (!doc) {
        oct_diag_free(d);
        return;
    }
    const oct_yaml_node *r = doc->root;
    double v, c[3];
    const char *s;
    CHECK(oct_yaml_number(doc, oct_yaml_get(r, "size"), &v) == 0 && v == 10.5);
    CHECK(oct_yaml_number(doc, oct_yaml_get(r, "body"), &v) == -1);
    CHECK_STR(oct_diag_at(d, 0)->message, "'body' must be a number, got 'big'");
    CHECK(oct_diag_at(d, 0)->line == 1 && oct_diag_at(d, 0)->col == 7);
    CHECK(oct_yaml_length(doc, oct_yaml_get(r, "gap"), &v) == 0 && fabs(v - 8.504) < 0.001);
    CHECK(oct_yaml_color(doc, oct_yaml_get(r, "text"), c) == -1);
    CHECK(strstr(oct_diag_at(d, 1)->message, "quote it") != NULL);
    CHECK(oct_yaml_color(doc, oct_yaml_get(r, "link"), c) == 0 && c[2] == 170 / 255.0);
    CHECK(oct_yaml_string(doc, oct_yaml_get(r, "list"), &s) == -1);
    CHECK_STR(oct_diag_at(d, 2)->message, "'list' must be a string, got a list");
    CHECK(oct_yaml_expect(doc, oct_yaml_get(r, "size"), OCT_YAML_MAPPING) == -1);
    CHECK(strstr(oct_diag_at(d, 3)->message, "'size' must be a mapping") != NULL);
    CHECK(oct_yaml_string(doc, oct_yaml_get(r, "blank"), &s) == 0);
    CHECK(oct_yaml_nonempty(doc, oct_yaml_get(r, "blank"), &s) == -1);
    CHECK_STR(oct_diag_at(d, 4)->message, "'blank' must not be empty");

    static const char *const allowed[] = {"body", "size",  "gap",   "text", "link",
                                          "list", "blank", "color", NULL};
    CHECK(oct_yaml_check_keys(doc, r, "colours", allowed) == 1);
    const oct_diag_msg *m = oct_diag_at(d, 5);
    CHECK(m && m->line == 8 && m->col == 1 && !strcmp(m->code, "unknown-key"));
    CHECK_STR(m ? m->message : NULL, "unknown key 'colour' in 'colours' (did you mean 'color'?)");
    CHECK(doc->errors == 6);
    oct_yaml_free(doc);
    oct_diag_free(d);
}

int main(void)
{
    test_tree();
    test_empty();
    test_aliases_and_tags();
    test_duplicates();
    test_depth();
    test_syntax_errors();
    test_multiple_documents();
    test_limits_and_files();
    test_numbers_and_lengths();
    test_typed_lookups();
    return check_done();
}
