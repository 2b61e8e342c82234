/* Fuzz target: Markdown (HTML included) → tree. The whole ingest of one
 * source, as a build runs it, then the tree's invariants: every child's
 * parent is its parent, the sibling links agree, every node has a span in
 * the one file, oct_node_collect finds every block a whole walk finds,
 * and the golden dump and plain text can be made. The first
 * byte picks the file kind (.md or .txt; bit 3 .org, bit 4 .rst: their
 * readers, src/ingest/formats/) and whether the normalizer runs, so every
 * path is reached. */
#include "fuzz.h"
#include "ingest/ingest.h"
#include "tree/tree.h"
#include "util/buf.h"

#include <stdlib.h>

/* oct_node_collect finds every node of the kind, as a whole walk does
 * (it skips the inside of nodes made for inlines that hold no block). */
static void check_collect(oct_node *root, oct_kind k)
{
    size_t walked = 0, n;
    oct_iter it;
    oct_iter_init(&it, root);
    for (const oct_node *c; (c = oct_iter_next_node(&it));)
        walked += c->kind == k;
    oct_node **v = oct_node_collect(root, k, &n);
    free(v);
    if (n != walked) abort();
}

static void check_tree(oct_node *root)
{
    static const oct_kind BLOCKS[] = {OCT_PARAGRAPH, OCT_TABLE_CELL, OCT_CODE_BLOCK, OCT_LIST,
                                      OCT_ITEM,      OCT_SECTION,    OCT_SUMMARY,    OCT_DETAILS,
                                      OCT_FIGURE,    OCT_BLOCKQUOTE, OCT_QUESTION};
    for (size_t k = 0; k < sizeof BLOCKS / sizeof *BLOCKS; k++)
        check_collect(root, BLOCKS[k]);
    oct_iter it;
    oct_iter_init(&it, root);
    oct_event ev;
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE) {
        if (ev != OCT_EV_ENTER) continue;
        const oct_node *n = it.cur;
        const oct_node *prev = NULL;
        for (const oct_node *c = n->first; c; c = c->next) {
            if (c->parent != n || c->prev != prev) abort();
            prev = c;
        }
        if (n->last != prev) abort();
        if (n->span.line < 0 || n->span.col < 0) abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    unsigned flags = size ? data[0] : 0;
    const char *path = (flags & 8)    ? "fuzz.org"
                       : (flags & 16) ? "fuzz.rst"
                       : (flags & 1)  ? "fuzz.txt"
                                      : "fuzz.md";
    oct_diag *diag = oct_diag_new(NULL);
    oct_tree *t = oct_tree_new();
    oct_ingest_options opts = {.normalize = !(flags & 2), .keep_filler = (flags & 4) != 0};
    oct_node *ch = oct_ingest_source(t, path, size ? (const char *)data + 1 : "",
                                     size ? size - 1 : 0, NULL, &opts, diag);
    if (ch) {
        check_tree(t->root);
        oct_buf b = OCT_BUF_INIT;
        oct_tree_dump(t, t->root, &b);
        oct_buf_free(&b);
        (void)oct_node_plain_text(t->arena, ch);
    }
    oct_tree_free(t);
    oct_diag_free(diag);
    return 0;
}
