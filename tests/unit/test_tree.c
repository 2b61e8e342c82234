#include "check.h"
#include "tree/tree.h"

#include <stdlib.h>

static oct_node *add_text(oct_tree *t, oct_node *parent, const char *s, int line)
{
    oct_node *n = oct_node_new_text(t, OCT_TEXT, (oct_span){0, line, 1}, s, strlen(s));
    oct_node_append(parent, n);
    return n;
}

static void test_build_and_dump(void)
{
    oct_tree *t = oct_tree_new();
    unsigned f = oct_tree_add_file(t, "notes.md");
    CHECK(f == 0);
    oct_node *ch = oct_node_new(t, OCT_CHAPTER, (oct_span){f, 1, 1});
    ch->u.chapter.title = "Notes";
    oct_node_append(t->root, ch);
    oct_node *h = oct_node_new(t, OCT_SECTION, (oct_span){f, 1, 1});
    h->u.section.level = 1;
    oct_node_append(ch, h);
    add_text(t, h, "Hello \"world\"", 1);
    oct_node *p = oct_node_new(t, OCT_PARAGRAPH, (oct_span){f, 3, 1});
    oct_node_append(ch, p);
    add_text(t, p, "a", 3);
    oct_node *b = add_text(t, p, "b", 3);
    oct_node *c = oct_node_new_text(t, OCT_TEXT, (oct_span){f, 3, 2}, "c", 1);
    oct_node_insert_before(b, c);
    CHECK(p->first->next == c && c->next == b && b->prev == c);
    oct_node_unlink(c);
    CHECK(p->first->next == b && b->prev == p->first);

    oct_buf out = OCT_BUF_INIT;
    oct_tree_dump(t, t->root, &out);
    CHECK_STR(out.data, "document\n"
                        "  chapter title=\"Notes\" file=\"notes.md\" @1:1\n"
                        "    section level=1 @1:1\n"
                        "      text \"Hello \\\"world\\\"\" @1:1\n"
                        "    paragraph @3:1\n"
                        "      text \"a\" @3:1\n"
                        "      text \"b\" @3:1\n");
    oct_buf_free(&out);

    CHECK_STR(oct_node_plain_text(t->arena, h), "Hello \"world\"");
    oct_tree_assign_ids(t);
    CHECK_STR(ch->id, "ch-notes");
    CHECK_STR(h->id, "s-hello-world");
    CHECK(p->id == NULL);
    oct_tree_free(t);
}

static void test_ids_unique(void)
{
    oct_tree *t = oct_tree_new();
    oct_node *ch = oct_node_new(t, OCT_CHAPTER, (oct_span){0, 1, 1});
    ch->u.chapter.title = "X";
    oct_node_append(t->root, ch);
    oct_node *hs[3];
    for (int i = 0; i < 3; i++) {
        hs[i] = oct_node_new(t, OCT_SECTION, (oct_span){0, i + 1, 1});
        oct_node_append(ch, hs[i]);
        add_text(t, hs[i], "Same title!", i + 1);
    }
    oct_tree_assign_ids(t);
    CHECK_STR(hs[0]->id, "s-same-title");
    CHECK_STR(hs[1]->id, "s-same-title-2");
    CHECK_STR(hs[2]->id, "s-same-title-3");
    oct_tree_free(t);
}

static void test_deep_iteration(void)
{
    /* A very deep tree must iterate without recursion. */
    oct_tree *t = oct_tree_new();
    oct_node *cur = t->root;
    for (int i = 0; i < 100000; i++) {
        oct_node *q = oct_node_new(t, OCT_BLOCKQUOTE, (oct_span){0, i, 1});
        oct_node_append(cur, q);
        cur = q;
    }
    oct_iter it;
    oct_iter_init(&it, t->root);
    long enters = 0, exits = 0;
    oct_event ev;
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE) {
        if (ev == OCT_EV_ENTER)
            enters++;
        else
            exits++;
    }
    CHECK(enters == 100001 && exits == 100001);
    oct_tree_free(t);
}

static void test_fold_title_headings(void)
{
    oct_tree *t = oct_tree_new();
    const char *titles[] = {"Cell Biology", "Genetics", "What is DNA?"};
    const char *heads[] = {"Cell  Biology", "Other heading", "What is DNA?"};
    oct_node *chs[3];
    for (int i = 0; i < 3; i++) {
        chs[i] = oct_node_new(t, OCT_CHAPTER, (oct_span){0, 1, 1});
        chs[i]->u.chapter.title = titles[i];
        oct_node_append(t->root, chs[i]);
        /* the third chapter's heading became a question: it stays */
        oct_node *h = oct_node_new(t, i == 2 ? OCT_QUESTION : OCT_SECTION, (oct_span){0, 1, 1});
        h->u.section.level = 1;
        oct_node_append(chs[i], h);
        add_text(t, h, heads[i], 1);
        oct_node_append(chs[i], oct_node_new(t, OCT_PARAGRAPH, (oct_span){0, 3, 1}));
    }
    oct_tree_fold_title_headings(t);
    CHECK(chs[0]->first && chs[0]->first->kind == OCT_PARAGRAPH); /* same words: folded */
    CHECK(chs[1]->first && chs[1]->first->kind == OCT_SECTION);
    CHECK(chs[2]->first && chs[2]->first->kind == OCT_QUESTION);
    oct_tree_free(t);
}

/* oct_node_collect skips the inside of paragraphs and inlines when it
 * looks for a block, except where a block was linked in (a tree ingest
 * should not make, but must not lose blocks in), however it got there. */
static void test_collect_blocks_in_inlines(void)
{
    oct_tree *t = oct_tree_new();
    oct_span sp = {0, 1, 1};
    oct_node *para = oct_node_new(t, OCT_PARAGRAPH, sp), *em = oct_node_new(t, OCT_EMPH, sp);
    oct_node_append(t->root, para);
    oct_node_append(para, em);
    add_text(t, em, "plain", 1);
    oct_node *tab = oct_node_new(t, OCT_TABLE, sp); /* a table under a TEXT: appended */
    oct_node_append(em->first, tab);
    oct_node *cell = oct_node_new(t, OCT_TABLE_CELL, sp); /* inserted before a TEXT */
    add_text(t, para, "after", 2);
    oct_node_insert_before(para->last, cell);
    /* a heading that holds a list, set as a paragraph afterwards */
    oct_node *sec = oct_node_new(t, OCT_SECTION, sp), *list = oct_node_new(t, OCT_LIST, sp);
    oct_node_append(t->root, sec);
    oct_node_append(sec, list);
    oct_node_set_kind(sec, OCT_PARAGRAPH);
    /* a subtree holding a block, moved under an inline elsewhere */
    oct_node *p2 = oct_node_new(t, OCT_PARAGRAPH, sp), *st = oct_node_new(t, OCT_STRONG, sp);
    oct_node_append(t->root, p2);
    oct_node_append(p2, st);
    oct_node *lk = oct_node_new(t, OCT_LINK, sp);
    oct_node_append(lk, oct_node_new(t, OCT_CODE_BLOCK, sp));
    oct_node_append(st, lk);
    oct_node *plain = oct_node_new(t, OCT_PARAGRAPH, sp); /* inlines only: not marked */
    oct_node_append(t->root, plain);
    add_text(t, plain, "only words", 3);
    /* headings, wordings and summaries hold inlines too: a block in one is
     * found, and one holding only words is skipped */
    oct_node *q = oct_node_new(t, OCT_QUESTION, sp), *w = oct_node_new(t, OCT_WORDING, sp);
    oct_node_append(t->root, q);
    oct_node_append(q, w);
    oct_node_append(w, oct_node_new(t, OCT_FIGURE, sp));
    oct_node *p3 = oct_node_new(t, OCT_PARAGRAPH, sp); /* a cell, itself made for inlines */
    oct_node_append(t->root, p3);
    oct_node_append(p3, oct_node_new(t, OCT_TABLE_CELL, sp));
    oct_node *words = oct_node_new(t, OCT_SECTION, sp);
    oct_node_append(t->root, words);
    add_text(t, words, "a heading", 4);
    size_t n;
    oct_kind kinds[] = {OCT_TABLE, OCT_TABLE_CELL, OCT_LIST, OCT_CODE_BLOCK, OCT_FIGURE};
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
        oct_node **v = oct_node_collect(t->root, kinds[k], &n);
        CHECK(n == (kinds[k] == OCT_TABLE_CELL ? 2u : 1u));
        free(v);
    }
    CHECK(w->holds_block && !q->holds_block && !words->holds_block && p3->holds_block);
    oct_node **texts = oct_node_collect(t->root, OCT_TEXT, &n);
    CHECK(n == 4);
    free(texts);
    CHECK(para->holds_block && em->holds_block && em->first->holds_block);
    CHECK(p2->holds_block && st->holds_block && lk->holds_block);
    CHECK(!plain->holds_block && !plain->first->holds_block);
    oct_tree_free(t);
}

int main(void)
{
    test_collect_blocks_in_inlines();
    test_fold_title_headings();
    test_build_and_dump();
    test_ids_unique();
    test_deep_iteration();
    return check_done();
}
