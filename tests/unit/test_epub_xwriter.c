/* src/epub/xwriter.c: a counting writer (oct_epub_xw_counter) must count
 * exactly the bytes the libxml2 writer writes, whatever the calls: random
 * sequences of elements (full and empty), attributes and text holding
 * every character the two escape differently (&, <, >, ", newline, tab,
 * CR, C1 controls, non-ASCII, invalid UTF-8), drained at random points,
 * are given to both and every drain compared. The EPUB's documents are
 * split by these counts, so a difference would move a split. */
#include "check.h"
#include "epub/xwriter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned seed = 2026;

static unsigned next(unsigned n)
{
    seed = seed * 1103515245u + 12345u;
    return (seed >> 8) % n;
}

static const char *const NAMES[] = {"p", "li", "section", "a", "br", "span", "epub:switch"};
static const char *const PIECES[] = {
    "plain words ",
    "&",
    "<",
    ">",
    "\"",
    "'",
    "\n",
    "\t",
    "\r",
    "caf\xC3\xA9 ",
    "\xF0\x9F\x9A\x80",
    "\xC2\x85",
    "\xEF\xBF\xBE",
    "\xFF",
    "\xE2\x80",
    "x < y && z > \"w\"",
    "",
};

static void random_text(char *out, size_t cap)
{
    out[0] = '\0';
    for (unsigned k = next(5); k > 0; k--) {
        const char *p = PIECES[next(sizeof PIECES / sizeof *PIECES)];
        if (strlen(out) + strlen(p) + 1 < cap) strcat(out, p);
    }
}

/* One random call, given to both writers; depth is the open elements. */
static void step(oct_epub_xw *real, oct_epub_xw *count, int *depth, bool *may_attr)
{
    char text[256];
    const char *name = NAMES[next(sizeof NAMES / sizeof *NAMES)];
    void (*end)(oct_epub_xw *);
    unsigned kind = next(7);
    switch (kind) {
    case 0:
    case 1:
        oct_epub_xw_start(real, name);
        oct_epub_xw_start(count, name);
        (*depth)++;
        *may_attr = true;
        return;
    case 2:
        if (!*may_attr) break;
        random_text(text, sizeof text);
        oct_epub_xw_attr(real, name, text);
        oct_epub_xw_attr(count, name, text);
        return;
    case 3:
    case 4:
        if (*depth == 0) break;
        end = kind == 3 ? oct_epub_xw_end : oct_epub_xw_end_empty;
        end(real);
        end(count);
        (*depth)--;
        break;
    case 5:
        oct_epub_xw_nl(real);
        oct_epub_xw_nl(count);
        break;
    default:
        random_text(text, sizeof text);
        oct_epub_xw_text(real, text);
        oct_epub_xw_text(count, text);
        break;
    }
    *may_attr = false;
}

static void test_random_documents(void)
{
    size_t drains = 0, wrong = 0;
    for (int doc = 0; doc < 300; doc++) {
        oct_epub_xw *real = oct_epub_xw_new(), *count = oct_epub_xw_counter();
        if (doc % 3 == 0) {
            oct_epub_xw_xhtml_begin(real, "fr", "Un titre & <plus>", "s.css");
            oct_epub_xw_xhtml_begin(count, "fr", "Un titre & <plus>", "s.css");
        }
        int depth = doc % 3 == 0 ? 2 : 0;
        bool may_attr = false;
        for (int k = 0; k < 120; k++) {
            step(real, count, &depth, &may_attr);
            if (next(6) == 0) {
                size_t a = oct_epub_xw_drain(real), b = oct_epub_xw_drain(count);
                drains++;
                if (a != b && wrong++ < 5)
                    printf("doc %d step %d: wrote %zu, counted %zu\n", doc, k, a, b);
            }
        }
        CHECK(oct_epub_xw_drain(real) == oct_epub_xw_drain(count));
        char *data;
        size_t len;
        CHECK(oct_epub_xw_finish(count, &data, &len) == 0 && len == 0);
        free(data);
        oct_epub_xw_free(real);
        oct_epub_xw_free(count);
    }
    printf("%zu drains compared\n", drains);
    CHECK(drains > 1000);
    CHECK(wrong == 0);
}

/* An empty value as a writer's first: alt="" (a decorative picture) came
 * out as whatever the fresh scratch memory held. */
static void test_empty_first_value(void)
{
    oct_epub_xw *x = oct_epub_xw_new();
    oct_epub_xw_start(x, "img");
    oct_epub_xw_attr(x, "alt", "");
    oct_epub_xw_end_empty(x);
    char *data;
    size_t len;
    CHECK(oct_epub_xw_finish(x, &data, &len) == 0);
    CHECK(data && strstr(data, "<img alt=\"\"/>") != NULL);
    free(data);
    oct_epub_xw_free(x);
}

/* What the text and attribute escaping write, as libxml2's own
 * xmlTextWriterWriteString and WriteAttribute write it (measured). */
static void test_escaping(void)
{
    oct_epub_xw *x = oct_epub_xw_new();
    oct_epub_xw_start(x, "p");
    oct_epub_xw_attr(x, "title", "a&b<c>d\"e'f\n\tg\rh\xC2\x85");
    oct_epub_xw_text(x, "a&b<c>d\"e'f\n\tg\rh\xC2\x85");
    oct_epub_xw_end(x);
    char *data;
    size_t len;
    CHECK(oct_epub_xw_finish(x, &data, &len) == 0);
    CHECK(data && strstr(data, "<p title=\"a&amp;b&lt;c&gt;d&quot;e'f&#10;&#9;gh\xEF\xBF\xBD\">"
                               "a&amp;b&lt;c&gt;d&quot;e'f\n\tgh\xEF\xBF\xBD</p>") != NULL);
    free(data);
    oct_epub_xw_free(x);
}

int main(void)
{
    test_escaping();
    test_empty_first_value();
    test_random_documents();
    return check_done();
}
