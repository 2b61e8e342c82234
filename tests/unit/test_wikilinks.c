/* Obsidian's inline syntax (src/ingest/wikilinks.c): wikilinks print as
 * the words they show (in the text around them: text nodes never sit side
 * by side), picture embeds become pictures, "==text==" prints bold; code,
 * links' own words and equals signs of prose or code stay as written. */
#include "check.h"
#include "html_support.h"

static void test_links(void)
{
    doc r = ingest("See [[Mitochondria]], [[Membranes|cell membranes]], [[Page#Part]], "
                   "[[#Local]] and [[Note^abc12]].\n");
    CHECK_DUMP(r,
               "paragraph @1:1\n"
               "  text \"See Mitochondria, cell membranes, Page › Part, Local and Note.\" @1:1\n");
    release(&r);
    /* embeds: a picture (with words or a width), a note */
    r = ingest("![[cell.png]] ![[cell.png|A cell]] ![[cell.PNG|300]] ![[Other note]]\n");
    CHECK_DUMP(r, "paragraph @1:1\n"
                  "  image url=\"cell.png\" @1:1\n"
                  "    text \"cell.png\" @1:1\n"
                  "  text \" \" @1:1\n"
                  "  image url=\"cell.png\" @1:1\n"
                  "    text \"A cell\" @1:1\n"
                  "  text \" \" @1:1\n"
                  "  image url=\"cell.PNG\" @1:1\n"
                  "    text \"cell.PNG\" @1:1\n"
                  "  text \" Other note\" @1:1\n");
    release(&r);
    /* not wikilinks: empty, a blank first, unclosed, in code, a link's words */
    r = ingest("[[]] [[ x]] [[open and `[[code]]` and [see [[this]]](https://example.org)\n");
    CHECK_DUMP(r, "paragraph @1:1\n"
                  "  text \"[[]] [[ x]] [[open and \" @1:1\n"
                  "  code \"[[code]]\" @1:25\n"
                  "  text \" and \" @1:34\n"
                  "  link url=\"https://example.org\" @1:39\n"
                  "    text \"see [[this]]\" @1:40\n");
    release(&r);
}

static void test_highlights(void)
{
    doc r = ingest("==Key term== and ==two words==, a == b, a==b==c, ===x===, == y==, `==z==`\n");
    CHECK_DUMP(r, "paragraph @1:1\n"
                  "  strong @1:1\n"
                  "    text \"Key term\" @1:1\n"
                  "  text \" and \" @1:1\n"
                  "  strong @1:1\n"
                  "    text \"two words\" @1:1\n"
                  "  text \", a == b, a==b==c, ===x===, == y==, \" @1:1\n"
                  "  code \"==z==\" @1:68\n");
    release(&r);
    /* both in one text, in their order */
    r = ingest("[[A]] is ==B==, ==C== is [[D|d]].\n");
    CHECK_DUMP(r, "paragraph @1:1\n"
                  "  text \"A is \" @1:1\n"
                  "  strong @1:1\n"
                  "    text \"B\" @1:1\n"
                  "  text \", \" @1:1\n"
                  "  strong @1:1\n"
                  "    text \"C\" @1:1\n"
                  "  text \" is d.\" @1:1\n");
    release(&r);
}

int main(void)
{
    test_links();
    test_highlights();
    return check_done();
}
