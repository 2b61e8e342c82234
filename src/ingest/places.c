#include "ingest/places.h"
#include "tree/anchors.h"

#include <stdlib.h>
#include <string.h>

/* A paragraph that shows nothing: only breaks and blank text. */
static bool is_blank(const oct_node *p)
{
    for (const oct_node *k = p->first; k; k = k->next) {
        if (k->kind == OCT_SOFT_BREAK || k->kind == OCT_LINE_BREAK) continue;
        if (k->kind == OCT_TEXT && k->text && strspn(k->text, " \t\n") == strlen(k->text)) continue;
        return false;
    }
    return true;
}

/* "<a name="q12"></a>" on a line of its own, before "## 12. …", leaves an
 * empty paragraph with the anchor: the anchor belongs to what follows (or,
 * at the end of a container, to the container). */
static void settle(oct_tree *t, oct_node *chapter)
{
    size_t n;
    oct_node **paras = oct_node_collect(chapter, OCT_PARAGRAPH, &n);
    for (size_t i = n; i-- > 0;) {
        oct_node *p = paras[i];
        if (!p->anchors || !is_blank(p)) continue;
        oct_node_move_anchors(t, p, p->next ? p->next : p->parent);
        oct_node_unlink(p);
    }
    free(paras);
}

void oct_ingest_places(oct_tree *t, oct_node *chapter)
{
    settle(t, chapter);
    oct_anchor_slugger sl = {0};
    oct_buf text = OCT_BUF_INIT;
    size_t n;
    oct_node **heads = oct_node_collect(chapter, OCT_SECTION, &n);
    for (size_t i = 0; i < n; i++) {
        oct_buf_clear(&text);
        oct_node_plain_text_to(heads[i], &text);
        const char *a = oct_anchor_slugger_next(&sl, t->arena, text.data ? text.data : "");
        /* the heading's own anchor comes first: it is what GitHub shows */
        const char **had = heads[i]->anchors;
        heads[i]->anchors = NULL;
        oct_node_add_anchor(t, heads[i], a);
        for (size_t k = 0; had && had[k]; k++)
            oct_node_add_anchor(t, heads[i], had[k]);
    }
    free(heads);
    oct_buf_free(&text);
    oct_anchor_slugger_free(&sl);
}
