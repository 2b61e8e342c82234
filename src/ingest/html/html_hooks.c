#include "ingest/html/html_int.h"

/* The Markdown walk's side of the HTML mapper (html.h): where a Markdown
 * block goes, and closing the elements a frame leaves open. libxml2 is
 * told of every forced close, so its element stack stays the mapper's. */

/* Entries of frame `owner` from index i up are closed by force: libxml2 is
 * told too, so that a <script> or <p> left open cannot swallow or nest what
 * follows. */
static void force_close(oct_html *h, size_t i, size_t owner)
{
    oct_buf tags = OCT_BUF_INIT;
    for (size_t k = h->n; k-- > i;)
        if (h->st[k].xdepth >= 0 && h->st[k].name && *h->st[k].name)
            oct_buf_printf(&tags, "</%s>", h->st[k].name);
    h->owner = owner;
    oct_html_close_from(h, i);
    if (tags.len && h->ctxt) {
        h->resync = true;
        htmlParseChunk(h->ctxt, tags.data, (int)tags.len, 0);
        htmlParseChunk(h->ctxt, "<!--o-->", 8, 0);
        h->resync = false;
    }
    oct_buf_free(&tags);
}

void oct_html_end_block_drops(oct_html *h)
{
    for (size_t i = 0; i < h->n; i++)
        if (h->st[i].role == H_DROP && h->st[i].feed == h->feeds && !h->inline_frag) {
            force_close(h, i, h->owner);
            return;
        }
}

void oct_html_settle(oct_html *h, size_t owner, bool into_cell)
{
    size_t i = h->n, cut = h->n;
    while (i > 0 && h->st[i - 1].owner >= owner) {
        i--;
        const h_entry *e = &h->st[i];
        if (into_cell && e->node && e->node->kind == OCT_TABLE_CELL) break;
        bool keep = e->role == H_ROOT || e->role == H_TBLOCK ||
                    (e->node && oct_html_holds_blocks(e->node->kind));
        if (!keep) cut = i;
    }
    if (cut < h->n) force_close(h, cut, owner);
}

void oct_html_trim_paragraph(oct_node *p)
{
    while (oct_node_is_break(p->first))
        oct_node_unlink(p->first);
    while (oct_node_is_break(p->last))
        oct_node_unlink(p->last);
    /* an "<a name>" alone keeps its paragraph until the anchor pass moves it on */
    if (!p->first && !p->anchors) oct_node_unlink(p);
}

bool oct_html_open(const oct_html *h)
{
    return h && h->n > 0 && h->st[h->n - 1].owner > 0;
}

void oct_html_leave(oct_html *h, size_t owner)
{
    size_t i = h->n;
    while (i > 0 && h->st[i - 1].owner >= owner)
        i--;
    if (i < h->n) force_close(h, i, owner);
}
