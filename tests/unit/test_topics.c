/* Topics: the manifest's taxonomy (parsing and its errors) and the study
 * pass that files every question under one topic or "Other". */
#include "config/manifest.h"
#include "test_study_support.h"

#include <unistd.h>

static char dir[256];

/* Writes dir/booklet.yaml (with one source, a.md) and loads it. */
static int load(const char *yaml, oct_manifest *m, oct_diag *d)
{
    char path[512];
    snprintf(path, sizeof path, "%s/booklet.yaml", dir);
    FILE *f = fopen(path, "w");
    if (!f) return -2;
    fputs(yaml, f);
    fclose(f);
    return oct_manifest_load(path, m, d);
}

/* The diagnostic with code, or NULL. */
static const oct_diag_msg *diag_with(const oct_diag *d, const char *code)
{
    for (size_t i = 0; i < oct_diag_size(d); i++)
        if (!strcmp(oct_diag_at(d, i)->code, code)) return oct_diag_at(d, i);
    return NULL;
}

static void test_manifest_ok(void)
{
    oct_diag *d = oct_diag_new(NULL);
    oct_manifest m;
    CHECK(load("title: Netze\n"
               "sources: [a.md]\n"
               "topics:\n"
               "  - name: Routing\n"
               "    keywords: [OSPF, BGP, routing table]\n"
               "  - name: Schichten\n"
               "    order: 0\n"
               "  - Sicherheit\n",
               &m, d) == 0);
    CHECK(m.ntopics == 3);
    if (m.ntopics == 3) {
        CHECK_STR(m.topics[0].name, "Routing");
        CHECK(m.topics[0].order == 1);
        CHECK(m.topics[0].nkeywords == 3);
        CHECK_STR(m.topics[0].keywords[2], "routing table");
        CHECK(m.topics[1].order == 0);
        CHECK(m.topics[1].nkeywords == 0);
        CHECK_STR(m.topics[2].name, "Sicherheit");
        CHECK(m.topics[2].order == 3);
    }
    CHECK(m.group_by == NULL);
    oct_manifest_release(&m);
    CHECK(load("title: T\nsources: [a.md]\ngroup_by: source\n", &m, d) == 0);
    CHECK_STR(m.group_by, "source");
    CHECK(m.ntopics == 0);
    oct_manifest_release(&m);
    CHECK(oct_diag_size(d) == 0);
    oct_diag_free(d);
}

/* Each bad manifest fails with a file:line diagnostic of the given code. */
static void expect_error(const char *yaml, const char *code, int line)
{
    oct_diag *d = oct_diag_new(NULL);
    oct_manifest m;
    CHECK(load(yaml, &m, d) == -1);
    const oct_diag_msg *msg = diag_with(d, code);
    CHECK(msg != NULL);
    if (msg) {
        CHECK(msg->line == line);
        CHECK(msg->file && strstr(msg->file, "booklet.yaml"));
    } else
        fprintf(stderr, "  no [%s] for:\n%s\n", code, yaml);
    oct_diag_free(d);
}

static void test_manifest_errors(void)
{
    const char *head = "title: T\nsources: [a.md]\n";
    char y[1024];
    snprintf(y, sizeof y, "%stopics:\n  - name: A\n    colour: red\n", head);
    expect_error(y, "unknown-key", 5);
    snprintf(y, sizeof y, "%stopics:\n  - keywords: [x]\n", head);
    expect_error(y, "missing-key", 4);
    snprintf(y, sizeof y, "%stopics:\n  - name: A\n    keywords: x\n", head);
    expect_error(y, "wrong-type", 5);
    snprintf(y, sizeof y, "%stopics:\n  - name: A\n    keywords: [[x]]\n", head);
    expect_error(y, "wrong-type", 5);
    snprintf(y, sizeof y, "%stopics:\n  - name: A\n    order: first\n", head);
    expect_error(y, "wrong-type", 5);
    snprintf(y, sizeof y, "%stopics:\n  - name: A\n    order: 1.5\n", head);
    expect_error(y, "invalid-value", 5);
    snprintf(y, sizeof y, "%stopics:\n  - A\n  - B\n  - A\n", head);
    expect_error(y, "duplicate-topic", 6);
    snprintf(y, sizeof y, "%stopics:\n  - Other\n", head);
    expect_error(y, "invalid-value", 4);
    snprintf(y, sizeof y, "%stopics: Routing\n", head);
    expect_error(y, "wrong-type", 3);
    snprintf(y, sizeof y, "%sgroup_by: chapter\n", head);
    expect_error(y, "invalid-value", 3);
    snprintf(y, sizeof y, "%sgroup_by: topic\n", head);
    expect_error(y, "invalid-value", 3);
    snprintf(y, sizeof y, "%stopix: [A]\n", head);
    expect_error(y, "unknown-key", 3);
}

/* ---- matching ---- */

typedef struct {
    const char *name, *kw[8];
} topic_spec;

static oct_tree *studied(const char *lang, const char *title, const topic_spec *spec, size_t n,
                         const char *md)
{
    oct_tree *t = oct_tree_new();
    oct_topic *tp = oct_arena_alloc(t->arena, n * sizeof *tp);
    for (size_t i = 0; i < n; i++) {
        size_t k = 0;
        while (spec[i].kw[k])
            k++;
        tp[i] = (oct_topic){spec[i].name, (const char **)spec[i].kw, k, (int)i + 1};
    }
    t->meta.lang = lang;
    t->meta.title = title;
    t->meta.topics = n ? tp : NULL;
    t->meta.ntopics = n;
    oct_diag *d = oct_diag_new(NULL);
    oct_ingest_options o = {.normalize = true};
    oct_ingest_source(t, "notes.md", md, strlen(md), NULL, &o, d);
    oct_study_run(t, d);
    oct_diag_free(d);
    return t;
}

/* The topic of the question whose prompt starts with `start`. */
static const char *topic_of(const oct_tree *t, const char *start)
{
    oct_buf b = OCT_BUF_INIT;
    const char *found = "(no such question)";
    oct_iter it;
    oct_iter_init(&it, t->root);
    oct_event ev;
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE) {
        if (ev != OCT_EV_ENTER || it.cur->kind != OCT_QUESTION) continue;
        oct_buf_clear(&b);
        oct_node_plain_text_to(it.cur, &b);
        if (b.data && !strncmp(b.data, start, strlen(start))) {
            found = it.cur->u.question.topic ? it.cur->u.question.topic : "(null)";
            break;
        }
    }
    oct_buf_free(&b);
    return found;
}

static const topic_spec BIO[] = {
    {"Cells", {"cell", "membrane", "mitochondrion", "nucleus", "organelle", NULL}},
    {"Genetics", {"gene", "DNA", "allele", "heredity", "natural selection", NULL}},
    {"Ecology", {"ecosystem", "food chain", "population", "predator", NULL}},
};

static void test_english(void)
{
    oct_tree *t = studied("en", "Biology Revision", BIO, 3,
                          "# Biology Revision\n\n"
                          "## Questions\n\n"
                          "1. What do mitochondria do in a cell?\n"
                          "2. How are genes passed on? Explain heredity.\n"
                          "3. Describe a food chain in a pond.\n"
                          "4. What is the Krebs cycle?\n"
                          "5. Why do predators and membranes matter?\n"
                          "6. How does natural selection work?\n"
                          "7. Who wrote the syllabus?\n");
    CHECK_STR(topic_of(t, "What do mitochondria"), "Cells");    /* stemmed plural */
    CHECK_STR(topic_of(t, "How are genes"), "Genetics");        /* two keywords */
    CHECK_STR(topic_of(t, "Describe a food chain"), "Ecology"); /* phrase */
    CHECK_STR(topic_of(t, "What is the Krebs"), "Other");
    /* one keyword each: the one the prompt names first wins */
    CHECK_STR(topic_of(t, "Why do predators"), "Ecology");
    CHECK_STR(topic_of(t, "How does natural"), "Genetics");
    CHECK_STR(topic_of(t, "Who wrote"), "Other");
    oct_tree_free(t);
}

/* "selection" alone is no phrase match; heading hints decide what the
 * prompt leaves open, and a keyword in the prompt outweighs the heading. */
static void test_headings(void)
{
    oct_tree *t = studied("en", "Biology Revision", BIO, 3,
                          "## Inheritance and DNA\n\n"
                          "- What did Mendel find with peas?\n"
                          "- What does selection mean here?\n"
                          "- What is inside the nucleus?\n\n"
                          "## Odds and ends\n\n"
                          "- What did Mendel find with beans?\n");
    CHECK_STR(topic_of(t, "What did Mendel find with peas"), "Genetics");
    CHECK_STR(topic_of(t, "What does selection"), "Genetics");
    CHECK_STR(topic_of(t, "What is inside the nucleus"), "Cells");
    CHECK_STR(topic_of(t, "What did Mendel find with beans"), "Other");
    oct_tree_free(t);
}

/* The answer breaks a tie only when the prompt has nothing to say. */
static void test_answers(void)
{
    oct_tree *t = studied("en", "Biology Revision", BIO, 3,
                          "**Q: Why is the sea green in spring?**\n\n"
                          "A: Algae populations grow fast and feed the whole ecosystem.\n\n"
                          "**Q: Why do cells divide?**\n\n"
                          "A: Each new cell gets a copy of the DNA, so genes and alleles "
                          "pass on.\n");
    CHECK_STR(topic_of(t, "Why is the sea"), "Ecology");
    CHECK_STR(topic_of(t, "Why do cells"), "Cells");
    oct_tree_free(t);
}

/* A German booklet with its own taxonomy: the German stemmer joins
 * "Router"/"Routern", "Protokolle"/"Protokoll"; names without keywords
 * match by their own words. */
static void test_german(void)
{
    static const topic_spec NET[] = {
        {"Vermittlung", {"Router", "Routing", "Routingtabelle", "OSPF", NULL}},
        {"Transportschicht", {"TCP", "UDP", "Protokoll", "Drei-Wege-Handschlag", NULL}},
        {"Sicherheit", {NULL}},
    };
    oct_tree *t = studied("de-DE", "Rechnernetze", NET, 3,
                          "## Fragen\n\n"
                          "1. Was machen die Routern mit einem Paket?\n"
                          "2. Welche Protokolle nutzen Ports?\n"
                          "3. Wie läuft der Drei-Wege-Handschlag ab?\n"
                          "4. Wie erhöht man die Sicherheit im WLAN?\n"
                          "5. Was ist ein Hub?\n");
    CHECK_STR(topic_of(t, "Was machen"), "Vermittlung");
    CHECK_STR(topic_of(t, "Welche Protokolle"), "Transportschicht");
    CHECK_STR(topic_of(t, "Wie läuft"), "Transportschicht");
    CHECK_STR(topic_of(t, "Wie erhöht"), "Sicherheit");
    CHECK_STR(topic_of(t, "Was ist ein Hub"), "Other");
    oct_tree_free(t);
}

/* Subject words (the title's) weigh a tenth; no taxonomy leaves NULL. */
static void test_subject_and_none(void)
{
    static const topic_spec PY[] = {
        {"Basics", {"Python", "interpreter", NULL}},
        {"Data types", {"list", "dict", "tuple", NULL}},
    };
    oct_tree *t = studied("en", "Python Interview", PY, 2,
                          "1. What is Python?\n"
                          "2. How do Python lists differ from tuples?\n"
                          "3. Is a Python dict ordered?\n");
    CHECK_STR(topic_of(t, "What is Python"), "Basics");
    CHECK_STR(topic_of(t, "How do Python lists"), "Data types");
    CHECK_STR(topic_of(t, "Is a Python dict"), "Data types");
    oct_tree_free(t);
    t = studied("en", "Python Interview", NULL, 0, "1. What is Python?\n2. What is a dict?\n");
    CHECK_STR(topic_of(t, "What is Python"), "(null)");
    oct_tree_free(t);
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/octavo-topics-XXXXXX");
    if (!mkdtemp(dir)) return 1;
    char src[512];
    snprintf(src, sizeof src, "%s/a.md", dir);
    FILE *f = fopen(src, "w");
    if (f) fclose(f);
    test_manifest_ok();
    test_manifest_errors();
    test_english();
    test_headings();
    test_answers();
    test_german();
    test_subject_and_none();
    unlink(src);
    char yaml[512];
    snprintf(yaml, sizeof yaml, "%s/booklet.yaml", dir);
    unlink(yaml);
    rmdir(dir);
    return check_done();
}
