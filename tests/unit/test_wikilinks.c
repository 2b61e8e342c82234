/* Obsidian's inline syntax (src/ingest/wikilinks.c): wikilinks print as
 * the words they show (in the text around them: text nodes never sit side
 * by side), picture embeds become pictures, "==text==" prints bold; code,
 * links' own words and equals signs of prose or code stay as written. */
#include "check.h"
#include "html_support.h"
#include "tree/anchors.h"

static void test_links(void)
{
    doc r = ingest("See [[Mitochondria]], [[Membranes|cell membranes]], [[Page#Part Two]], "
                   "[[#Local]] and [[Note#^abc12]].\n");
    CHECK_DUMP(r, "paragraph @1:1\n"
                  "  text \"See \" @1:1\n"
                  "  link url=\"Mitochondria\" @1:1\n"
                  "    text \"Mitochondria\" @1:1\n"
                  "  text \", \" @1:1\n"
                  "  link url=\"Membranes\" @1:1\n"
                  "    text \"cell membranes\" @1:1\n"
                  "  text \", \" @1:1\n"
                  "  link url=\"Page#part-two\" @1:1\n"
                  "    text \"Page › Part Two\" @1:1\n"
                  "  text \", \" @1:1\n"
                  "  link url=\"#local\" @1:1\n"
                  "    text \"Local\" @1:1\n"
                  "  text \" and \" @1:1\n"
                  "  link url=\"Note\" @1:1\n"
                  "    text \"Note\" @1:1\n"
                  "  text \".\" @1:1\n");
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
                  "  text \" \" @1:1\n"
                  "  link url=\"Other%20note\" @1:1\n"
                  "    text \"Other note\" @1:1\n");
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
    r = ingest("[[A]] is ==B==, ==C== is [[D|d]], ==see [[E]]==.\n");
    CHECK_DUMP(r, "paragraph @1:1\n"
                  "  link url=\"A\" @1:1\n"
                  "    text \"A\" @1:1\n"
                  "  text \" is \" @1:1\n"
                  "  strong @1:1\n"
                  "    text \"B\" @1:1\n"
                  "  text \", \" @1:1\n"
                  "  strong @1:1\n"
                  "    text \"C\" @1:1\n"
                  "  text \" is \" @1:1\n"
                  "  link url=\"D\" @1:1\n"
                  "    text \"d\" @1:1\n"
                  "  text \", \" @1:1\n"
                  "  strong @1:1\n"
                  "    text \"see \" @1:1\n"
                  "    link url=\"E\" @1:1\n"
                  "      text \"E\" @1:1\n"
                  "  text \".\" @1:1\n");
    release(&r);
}

/* A wikilink leads to the note of that name wherever the booklet holds it
 * (any folder, any case), and to its heading; to nothing when the booklet
 * lacks the note or holds two of that name. */
static void test_resolve(void)
{
    oct_tree *t = oct_tree_new();
    oct_diag *d = oct_diag_new(NULL);
    oct_ingest_options o = {.normalize = false};
    const char *a = "# Cells\n\nSee [[other note#Part Two]], [[Other Note]], [[Missing]], "
                    "[[Twin]], [[#Cells]], [[sub/other note]] and [[v1.2 plan]].\n";
    const char *b = "# Other\n\n## Part Two\n\nText.\n";
    const char *twin = "# Twin\n";
    oct_node *ca = oct_ingest_source(t, "vault/a.md", a, strlen(a), NULL, &o, d);
    oct_node *cb = oct_ingest_source(t, "vault/sub/Other note.md", b, strlen(b), NULL, &o, d);
    oct_ingest_source(t, "vault/x/Twin.md", twin, strlen(twin), NULL, &o, d);
    oct_ingest_source(t, "vault/y/Twin.md", twin, strlen(twin), NULL, &o, d);
    oct_node *plan = oct_ingest_source(t, "vault/v1.2 plan.md", twin, strlen(twin), NULL, &o, d);
    CHECK(ca && cb);
    if (!ca || !cb) return;
    oct_anchor_table *at = oct_anchor_table_build(t);
    const oct_node *links[7];
    size_t n = 0;
    oct_iter it;
    oct_iter_init(&it, ca);
    for (const oct_node *c; (c = oct_iter_next_node(&it)) && n < 7;)
        if (c->kind == OCT_LINK) links[n++] = c;
    CHECK(n == 7);
    if (n == 7) {
        const oct_node *part = oct_anchor_resolve(at, links[0]->u.link.url, ca->span.file);
        CHECK(part && part->kind == OCT_SECTION && part->u.section.level == 2);
        CHECK(oct_anchor_resolve(at, links[1]->u.link.url, ca->span.file) == cb);
        CHECK(oct_anchor_resolve(at, links[2]->u.link.url, ca->span.file) == NULL);
        CHECK(oct_anchor_resolve(at, links[3]->u.link.url, ca->span.file) == NULL);
        const oct_node *own = oct_anchor_resolve(at, links[4]->u.link.url, ca->span.file);
        CHECK(own && own->kind == OCT_SECTION);
        /* a folder from the vault's root; a name with a dot of its own */
        CHECK(oct_anchor_resolve(at, links[5]->u.link.url, ca->span.file) == cb);
        CHECK(plan && oct_anchor_resolve(at, links[6]->u.link.url, ca->span.file) == plan);
    }
    oct_anchor_table_free(at);
    oct_tree_free(t);
    oct_diag_free(d);
}

int main(void)
{
    test_resolve();
    test_links();
    test_highlights();
    return check_done();
}
