/* The question bank as JSON: valid (checked by a small strict parser),
 * escaped, in a stable order, with the fields the brief names. */
#include "check.h"
#include "study/study.h"
#include "util/utf8.h"

#include <string.h>

/* --- a strict JSON syntax check (RFC 8259), UTF-8 verified -------------- */

typedef struct {
    const char *s;
    int depth;
} js;

static void ws(js *p)
{
    while (*p->s == ' ' || *p->s == '\n' || *p->s == '\t' || *p->s == '\r')
        p->s++;
}

static int value(js *p);

static int string(js *p)
{
    if (*p->s != '"') return 0;
    p->s++;
    while (*p->s != '"') {
        unsigned char c = (unsigned char)*p->s;
        if (c == 0 || c < 0x20) return 0;
        if (c == '\\') {
            p->s++;
            if (*p->s == 'u') {
                for (int i = 1; i <= 4; i++)
                    if (!strchr("0123456789abcdefABCDEF", p->s[i]) || !p->s[i]) return 0;
                p->s += 5;
            } else if (*p->s && strchr("\"\\/bfnrt", *p->s)) {
                p->s++;
            } else {
                return 0;
            }
            continue;
        }
        size_t len;
        unsigned cp = oct_utf8_decode(p->s, strlen(p->s), &len);
        if (cp == OCT_REPLACEMENT_CHAR && strncmp(p->s, "\xEF\xBF\xBD", 3) != 0) return 0;
        p->s += len;
    }
    p->s++;
    return 1;
}

static int number(js *p)
{
    const char *st = p->s;
    if (*p->s == '-') p->s++;
    if (*p->s == '0')
        p->s++;
    else if (*p->s >= '1' && *p->s <= '9')
        while (*p->s >= '0' && *p->s <= '9')
            p->s++;
    else
        return 0;
    return p->s > st;
}

static int container(js *p, char open, char close, int object)
{
    if (*p->s != open || ++p->depth > 64) return 0;
    p->s++;
    ws(p);
    if (*p->s == close) {
        p->s++;
        p->depth--;
        return 1;
    }
    for (;;) {
        ws(p);
        if (object) {
            if (!string(p)) return 0;
            ws(p);
            if (*p->s++ != ':') return 0;
            ws(p);
        }
        if (!value(p)) return 0;
        ws(p);
        if (*p->s == ',') {
            p->s++;
            continue;
        }
        if (*p->s++ != close) return 0;
        p->depth--;
        return 1;
    }
}

static int value(js *p)
{
    ws(p);
    switch (*p->s) {
    case '{':
        return container(p, '{', '}', 1);
    case '[':
        return container(p, '[', ']', 0);
    case '"':
        return string(p);
    case 't':
        return strncmp(p->s, "true", 4) == 0 ? (p->s += 4, 1) : 0;
    case 'f':
        return strncmp(p->s, "false", 5) == 0 ? (p->s += 5, 1) : 0;
    case 'n':
        return strncmp(p->s, "null", 4) == 0 ? (p->s += 4, 1) : 0;
    default:
        return number(p);
    }
}

static int valid_json(const char *s)
{
    js p = {s, 0};
    if (!value(&p)) return 0;
    ws(&p);
    return *p.s == '\0';
}

/* --- trees ------------------------------------------------------------------ */

static oct_node *para(oct_tree *t, oct_node *ch, unsigned file, int line, const char *s)
{
    oct_node *p = oct_node_new(t, OCT_PARAGRAPH, (oct_span){file, line, 1});
    oct_node_append(ch, p);
    oct_node_append(p, oct_node_new_text(t, OCT_TEXT, p->span, s, strlen(s)));
    return p;
}

static oct_node *chapter(oct_tree *t, unsigned file)
{
    oct_node *ch = oct_node_new(t, OCT_CHAPTER, (oct_span){file, 1, 1});
    ch->u.chapter.title = "c";
    oct_node_append(t->root, ch);
    return ch;
}

static void test_validator(void)
{
    /* the checker itself must reject what is not JSON */
    CHECK(valid_json("{\"a\":[1,true,null,\"x\\u00e9\"]}"));
    CHECK(!valid_json("{\"a\":[1,]}"));
    CHECK(!valid_json("{\"a\":\"tab\there\"}"));
    CHECK(!valid_json("{\"a\":\"\xff\"}"));
    CHECK(!valid_json("{\"a\":1} x"));
    CHECK(!valid_json("{a:1}"));
}

static void test_empty(void)
{
    oct_tree *t = oct_tree_new();
    oct_buf b = OCT_BUF_INIT;
    oct_study_write_json(t, NULL, &b);
    CHECK(valid_json(b.data));
    CHECK_STR(b.data, "{\"sources\":[],\n \"questions\":[],\n \"clusters\":[],\n"
                      " \"unanswered_clusters\":0,\n \"group_by\":\"source\",\n \"topics\":[],\n"
                      " \"diagnostics\":[]}\n");
    oct_buf_free(&b);
    oct_tree_free(t);
}

static void test_bank(void)
{
    oct_tree *t = oct_tree_new();
    unsigned f0 = oct_tree_add_file(t, "notes/a \"quoted\".md");
    unsigned f1 = oct_tree_add_file(t, "b.txt");
    unsigned f2 = oct_tree_add_file(t, "empty.md");
    (void)f2;
    oct_node *a = chapter(t, f0);
    para(t, a, f0, 3, "What is \\ a \"path\"\twith\x01 control?");
    para(t, a, f0, 5, "Why \xff broken\xe2\x80\xa8 bytes?");
    oct_node *b = chapter(t, f1);
    oct_node *p = para(t, b, f1, 7, "Q3: Which   one\nis it?");
    (void)p;
    para(t, b, f1, 9, "A: This one.");
    oct_diag *d = oct_diag_new(NULL);
    oct_diag_report(d, OCT_WARNING, "b.txt", 2, 4, "some-code", "say \"%s\"", "hi");
    oct_diag_report(d, OCT_ERROR, NULL, 0, 0, "no-file", "line\nbreak");
    CHECK(oct_study_run(t, d) == 0);
    oct_tree_assign_ids(t);

    oct_buf j = OCT_BUF_INIT, again = OCT_BUF_INIT;
    oct_study_write_json(t, d, &j);
    oct_study_write_json(t, d, &again);
    CHECK_STR(j.data, again.data); /* stable */
    CHECK(valid_json(j.data));
    if (!valid_json(j.data)) fputs(j.data, stderr);
    CHECK(
        strstr(j.data, "{\"path\":\"notes/a \\\"quoted\\\".md\",\"questions\":2,\"answered\":0}"));
    CHECK(strstr(j.data, "{\"path\":\"b.txt\",\"questions\":1,\"answered\":1}"));
    CHECK(strstr(j.data, "{\"path\":\"empty.md\",\"questions\":0,\"answered\":0}"));
    /* white space collapses to one space, other controls are escaped */
    CHECK(strstr(j.data, "\"prompt\":\"What is \\\\ a \\\"path\\\" with\\u0001 control?\""));
    CHECK(strstr(j.data, "\"prompt\":\"Why \xef\xbf\xbd broken\\u2028 bytes?\""));
    /* labels go, white space collapses, the number is kept */
    CHECK(strstr(j.data, "{\"id\":\"q3-which-one-is-it\",\"source\":\"b.txt\",\"line\":7,"
                         "\"number\":3,\"label\":\"3\",\"prompt\":\"Which one is it?\","
                         "\"answered\":true,\"cluster\":3,\"asked_in\":1,\"topic\":null,"
                         "\"answer\":\"This one.\"}"));
    /* every question its own cluster here; two are unanswered */
    CHECK(strstr(j.data, "{\"id\":3,\"prompt\":\"Which one is it?\",\"members\":"
                         "[\"q3-which-one-is-it\"],\"sources\":[\"b.txt\"],\"answered\":true,"
                         "\"answers\":[{\"question\":\"q3-which-one-is-it\",\"source\":"
                         "\"b.txt\",\"line\":9}]}"));
    CHECK(strstr(j.data, "\"unanswered_clusters\":2,"));
    CHECK(strstr(j.data, "{\"file\":\"b.txt\",\"line\":2,\"col\":4,\"severity\":\"warning\","
                         "\"code\":\"some-code\",\"message\":\"say \\\"hi\\\"\"}"));
    CHECK(strstr(j.data, "{\"file\":null,\"line\":0,\"col\":0,\"severity\":\"error\","
                         "\"code\":\"no-file\",\"message\":\"line\\nbreak\"}"));
    /* document order */
    const char *q1 = strstr(j.data, "What is"), *q2 = strstr(j.data, "Why"),
               *q3 = strstr(j.data, "Which one");
    CHECK(q1 && q2 && q3 && q1 < q2 && q2 < q3);
    oct_buf_free(&j);
    oct_buf_free(&again);
    oct_diag_free(d);
    oct_tree_free(t);
}

static void test_ids_unassigned(void)
{
    /* before oct_tree_assign_ids the id is null, still valid JSON */
    oct_tree *t = oct_tree_new();
    unsigned f = oct_tree_add_file(t, "x.md");
    para(t, chapter(t, f), f, 1, "What is X?");
    oct_study_run(t, NULL);
    oct_buf j = OCT_BUF_INIT;
    oct_study_write_json(t, NULL, &j);
    CHECK(valid_json(j.data));
    CHECK(strstr(j.data, "{\"id\":null,\"source\":\"x.md\",\"line\":1,\"number\":0,"
                         "\"label\":null,\"prompt\":\"What is X?\",\"answered\":false,"
                         "\"cluster\":1,\"asked_in\":1,\"topic\":null,\"answer\":null}"));
    CHECK(strstr(j.data, "{\"id\":1,\"prompt\":\"What is X?\",\"members\":[null],"
                         "\"sources\":[\"x.md\"],\"answered\":false,\"answers\":[]}"));
    oct_buf_free(&j);
    oct_tree_free(t);
}

/* One question asked in two sources: one cluster, asked in 2, answered
 * because one wording is, under the wording that is a full question. */
static void test_merged(void)
{
    oct_tree *t = oct_tree_new();
    t->meta.lang = "en";
    unsigned fx = oct_tree_add_file(t, "x.md"), fy = oct_tree_add_file(t, "y.md");
    para(t, chapter(t, fx), fx, 1, "What is a decorator?");
    oct_node *y = chapter(t, fy);
    para(t, y, fy, 4, "Q1: Explain decorators.");
    para(t, y, fy, 5, "A: A function that wraps another function.");
    para(t, y, fy, 7, "Q2: What is a generator?");
    oct_study_run(t, NULL);
    oct_tree_assign_ids(t);
    oct_buf j = OCT_BUF_INIT;
    oct_study_write_json(t, NULL, &j);
    CHECK(valid_json(j.data));
    CHECK(strstr(j.data, "\"prompt\":\"What is a decorator?\",\"answered\":false,"
                         "\"cluster\":1,\"asked_in\":2,\"topic\":null,\"answer\":null}"));
    CHECK(strstr(j.data, "\"prompt\":\"Explain decorators.\",\"answered\":true,"
                         "\"cluster\":1,\"asked_in\":2,\"topic\":null,"
                         "\"answer\":\"A function that wraps another function.\"}"));
    CHECK(strstr(j.data, "\"prompt\":\"What is a generator?\",\"answered\":false,"
                         "\"cluster\":2,\"asked_in\":1,\"topic\":null,\"answer\":null}"));
    CHECK(strstr(j.data, "{\"id\":1,\"prompt\":\"What is a decorator?\",\"members\":["));
    CHECK(strstr(j.data, "\"sources\":[\"x.md\",\"y.md\"],\"answered\":true,\"answers\":"
                         "[{\"question\":\"q1-explain-decorators\",\"source\":\"y.md\","
                         "\"line\":5}]}"));
    CHECK(strstr(j.data, "\"unanswered_clusters\":1,"));
    /* the per-source figures count questions before merging */
    CHECK(strstr(j.data, "{\"path\":\"y.md\",\"questions\":2,\"answered\":1}"));
    /* --no-merge: two clusters for the two wordings */
    oct_study_cluster(t, false);
    oct_buf_clear(&j);
    oct_study_write_json(t, NULL, &j);
    CHECK(strstr(j.data, "\"unanswered_clusters\":2,"));
    oct_buf_free(&j);
    oct_tree_free(t);
}

int main(void)
{
    test_merged();
    test_validator();
    test_empty();
    test_bank();
    test_ids_unassigned();
    return check_done();
}
