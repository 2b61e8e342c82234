/* Plain text of blocks (tree/blocktext.c), as the question bank's JSON
 * carries an answer: paragraphs parted by a blank line, list markers with
 * the item's other lines under them, numbers as the source gave them,
 * tasks, code as written, table rows, quotations, and a question's
 * answer after the study pass (none for an unanswered one). */
#include "check.h"
#include "ingest/ingest.h"
#include "study/study.h"

#include <string.h>

typedef struct {
    oct_tree *t;
    oct_diag *d;
    oct_node *ch;
} doc;

static doc ingest(const char *md)
{
    doc r = {oct_tree_new(), oct_diag_new(NULL), NULL};
    oct_ingest_options o = {.normalize = false};
    r.ch = oct_ingest_source(r.t, "notes.md", md, strlen(md), NULL, &o, r.d);
    return r;
}

static void release(doc *r)
{
    oct_tree_free(r->t);
    oct_diag_free(r->d);
}

/* The block text of every block of the chapter, one after another. */
static bool chapter_text_is(const char *md, const char *want)
{
    doc r = ingest(md);
    oct_buf b = OCT_BUF_INIT;
    for (const oct_node *n = r.ch ? r.ch->first : NULL; n; n = n->next) {
        if (n != r.ch->first) oct_buf_puts(&b, "\n\n");
        oct_node_block_text_to(n, &b);
    }
    bool ok = b.data && strcmp(b.data, want) == 0;
    if (!ok) fprintf(stderr, "got:\n%s\n---\nwant:\n%s\n", b.data ? b.data : "(null)", want);
    oct_buf_free(&b);
    release(&r);
    return ok;
}

static void test_blocks(void)
{
    CHECK(chapter_text_is("A *short*\nparagraph.\n\nAnother one.\n",
                          "A short paragraph.\n\nAnother one."));
    CHECK(chapter_text_is("- one\n- two\n  continued\n\n  second paragraph\n- three\n",
                          "- one\n\n- two continued\n\n  second paragraph\n\n- three"));
    CHECK(chapter_text_is("3. three\n4. four\n   - nested\n   - list\n",
                          "3. three\n4. four\n\n   - nested\n   - list"));
    CHECK(chapter_text_is("- [x] done\n- [ ] open\n", "- [x] done\n- [ ] open"));
    CHECK(chapter_text_is("```python\ndef f(x):\n    return x\n```\n", "def f(x):\n    return x"));
    CHECK(chapter_text_is("| a | b |\n|---|---|\n| 1 | `2` |\n", "a | b\n1 | 2"));
    CHECK(chapter_text_is("> quoted\n>\n> twice\n", "> quoted\n>\n> twice"));
    CHECK(chapter_text_is("---\n", "---"));
}

static void test_answers(void)
{
    doc r = ingest("## What is a mole?\n\nAn amount of substance:\n\n- 6.022e23 particles\n"
                   "- of anything\n\n## Why is the sky blue?\n\n## Wozu dient ein Katalysator?\n\n"
                   "Er senkt die Aktivierungsenergie.\n");
    CHECK(oct_study_run(r.t, r.d) == 0);
    const oct_node *q[3] = {NULL};
    size_t nq = 0;
    for (const oct_node *n = r.ch->first; n && nq < 3; n = n->next)
        if (n->kind == OCT_QUESTION) q[nq++] = n;
    CHECK(nq == 3);
    oct_buf b = OCT_BUF_INIT;
    if (q[0]) oct_node_block_text_to(q[0], &b);
    CHECK(b.data &&
          strcmp(b.data, "An amount of substance:\n\n- 6.022e23 particles\n- of anything") == 0);
    oct_buf_clear(&b);
    if (q[1]) oct_node_block_text_to(q[1], &b);
    CHECK(b.len == 0); /* no answer: nothing */
    oct_buf_clear(&b);
    if (q[2]) oct_node_block_text_to(q[2], &b);
    CHECK(b.data && strcmp(b.data, "Er senkt die Aktivierungsenergie.") == 0);
    oct_buf_free(&b);
    release(&r);
}

int main(void)
{
    test_blocks();
    test_answers();
    return check_done();
}
