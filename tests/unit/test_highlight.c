/* The source-highlight shim: tokens at the right offsets for Python, SQL,
 * JSON, YAML and Django templates; nothing for unknown languages, empty
 * or oversized input; binary junk and two threads at once do not crash. */
#include "check.h"
#include "highlight/highlight.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* Whether some span of class c covers exactly the first `word` in text. */
static bool has(const char *lang, const char *text, const char *word, oct_hl_class c)
{
    oct_hl_span *v;
    size_t n = oct_hl_spans(lang, text, strlen(text), &v);
    const char *at = strstr(text, word);
    bool found = false;
    for (size_t k = 0; at && k < n; k++)
        if (v[k].off == (size_t)(at - text) && v[k].len == strlen(word) && v[k].cls == c)
            found = true;
    free(v);
    return found;
}

/* Spans sorted, disjoint, inside the text and never cutting UTF-8. */
static bool well_formed(const char *lang, const char *text, size_t len)
{
    oct_hl_span *v;
    size_t n = oct_hl_spans(lang, text, len, &v), end = 0;
    bool ok = true;
    for (size_t k = 0; k < n; k++) {
        size_t a = v[k].off, b = a + v[k].len;
        if (a < end || b > len || v[k].len == 0 || v[k].cls == OCT_HL_PLAIN) ok = false;
        if (a < len && ((unsigned char)text[a] & 0xC0) == 0x80) ok = false;
        if (b < len && ((unsigned char)text[b] & 0xC0) == 0x80) ok = false;
        end = b;
    }
    free(v);
    return ok;
}

static const char PY[] = "import os\n"
                         "# the river's gauges\n"
                         "def level(station, floor=3):\n"
                         "    return \"débit\" + station  # metres\n";

static void *worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < 50; i++)
        if (!has("python", PY, "def", OCT_HL_KEYWORD)) return (void *)1;
    return NULL;
}

int main(void)
{
    CHECK(has("python", PY, "def", OCT_HL_KEYWORD));
    CHECK(has("py", PY, "return", OCT_HL_KEYWORD));
    CHECK(has("Python", PY, "\"débit\"", OCT_HL_STRING));
    CHECK(has("python", PY, "# the river's gauges", OCT_HL_COMMENT));
    CHECK(has("python", PY, "# metres", OCT_HL_COMMENT));
    CHECK(has("python", PY, "3", OCT_HL_NUMBER));
    CHECK(well_formed("python", PY, strlen(PY)));

    const char *sql = "SELECT name FROM wells WHERE depth > 40 -- deep ones\n";
    CHECK(has("sql", sql, "SELECT", OCT_HL_KEYWORD));
    CHECK(has("postgresql", sql, "WHERE", OCT_HL_KEYWORD));
    CHECK(has("sql", sql, "40", OCT_HL_NUMBER));
    CHECK(has("sql", sql, "-- deep ones", OCT_HL_COMMENT));

    const char *json = "{\"mill\": \"Kinderdijk\", \"sails\": 4, \"open\": true}";
    CHECK(has("json", json, "\"Kinderdijk\"", OCT_HL_STRING));
    CHECK(has("json", json, "4", OCT_HL_NUMBER));
    CHECK(has("json", json, "true", OCT_HL_KEYWORD));

    const char *yaml = "# orchard\ntrees: 12\nripe: false\n";
    CHECK(has("yml", yaml, "# orchard", OCT_HL_COMMENT));
    CHECK(has("yaml", yaml, "trees", OCT_HL_TAG));
    CHECK(has("yaml", yaml, "12", OCT_HL_NUMBER));
    const char *dj = "{% if hive %}<b>{{ hive.name }}</b>{% endif %}";
    CHECK(has("django", dj, "if", OCT_HL_KEYWORD));
    CHECK(has("django", dj, "{{", OCT_HL_VARIABLE));
    CHECK(has("sh", "ls -l # list\n", "# list", OCT_HL_COMMENT));
    CHECK(has("javascript", "const x = 'kite';", "const", OCT_HL_KEYWORD));
    /* fence words lang.map lacks, as GitHub and editors write them */
    CHECK(has("rust", "fn main() { let kite = 3; }", "fn", OCT_HL_KEYWORD));
    CHECK(has("golang", "func fly() { return }", "func", OCT_HL_KEYWORD));
    CHECK(has("c++", "int main() { return 0; }", "return", OCT_HL_KEYWORD));
    CHECK(has("C#", "public class Kite { }", "class", OCT_HL_KEYWORD));
    CHECK(has("tsx", "const k = 'kite';", "const", OCT_HL_KEYWORD));
    CHECK(has("toml", "# tails\nlength = 3\n", "# tails", OCT_HL_COMMENT));

    CHECK(oct_hl_known("python") && oct_hl_known("console") && oct_hl_known("dockerfile"));
    CHECK(!oct_hl_known("klingon") && !oct_hl_known("") && !oct_hl_known(NULL));

    oct_hl_span *v = (oct_hl_span *)1;
    CHECK(oct_hl_spans("klingon", PY, strlen(PY), &v) == 0 && v == NULL);
    CHECK(oct_hl_spans(NULL, PY, strlen(PY), &v) == 0 && v == NULL);
    CHECK(oct_hl_spans("python", "", 0, &v) == 0 && v == NULL);
    CHECK(oct_hl_spans("../../etc/passwd", PY, strlen(PY), &v) == 0);

    /* Binary junk (NULs, stray UTF-8 continuation bytes, unclosed strings)
     * and a long single line. */
    size_t big = 300000;
    char *junk = malloc(big);
    unsigned s = 12345;
    for (size_t i = 0; i < big; i++) {
        s = s * 1103515245u + 12345u;
        junk[i] = (char)(s >> 16);
    }
    CHECK(well_formed("python", junk, big));
    CHECK(well_formed("html", junk, big));
    memset(junk, 'a', big);
    junk[0] = '"';
    CHECK(well_formed("javascript", junk, big));
    free(junk);
    CHECK(strcmp(oct_hl_class_name(OCT_HL_COMMENT), "comment") == 0);
    CHECK(strcmp(oct_hl_class_name((oct_hl_class)99), "plain") == 0);

    pthread_t a, b;
    void *ra = NULL, *rb = NULL;
    pthread_create(&a, NULL, worker, NULL);
    pthread_create(&b, NULL, worker, NULL);
    pthread_join(a, &ra);
    pthread_join(b, &rb);
    CHECK(ra == NULL && rb == NULL);
    return check_done();
}
