/* Fuzz target: Markdown (HTML included) → tree. The whole ingest of one
 * source, as a build runs it, then the tree's invariants: every child's
 * parent is its parent, the sibling links agree, every node has a span in
 * the one file, and the golden dump and plain text can be made. The first
 * byte picks the file kind (.md or .txt) and whether the normalizer runs,
 * so both paths are reached. */
#include "fuzz.h"
#include "ingest/ingest.h"
#include "tree/tree.h"
#include "util/buf.h"

#include <stdlib.h>

static void check_tree(const oct_node *root)
{
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
    const char *path = (flags & 1) ? "fuzz.txt" : "fuzz.md";
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
