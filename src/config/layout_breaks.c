/* The layout's `breaks:` key: how pages end.
 *
 *   breaks:
 *     orphans: 2          # first lines of a paragraph kept at a page foot
 *     widows: 2           # last lines of a paragraph carried to a page head
 *     code-lines: 8       # a code block of up to this many lines never splits
 *     flush-bottom: true  # a chapter's full pages end on the same line
 *
 * One line alone at either end of a page is what a typographer circles
 * first; 1 allows it (a draft), 2 is the book convention, more than 4
 * leaves pages visibly short.
 */
#include "config/layout_internal.h"

void oct_layout_read_breaks(loader *ld, const oct_yaml_node *n)
{
    static const char *const keys[] = {"orphans", "widows", "code-lines", "flush-bottom", NULL};
    if (oct_yaml_expect(ld->doc, n, OCT_YAML_MAPPING)) return;
    oct_breaks *b = &ld->l->breaks;
    for (const oct_yaml_node *c = n->first; c; c = c->next) {
        switch (oct_layout_key_index(keys, c->key)) {
        case 0:
            oct_layout_read_whole(ld, c, &b->orphans, 1, 4);
            break;
        case 1:
            oct_layout_read_whole(ld, c, &b->widows, 1, 4);
            break;
        case 2:
            oct_layout_read_whole(ld, c, &b->code_lines, 2, 60);
            break;
        case 3:
            oct_layout_read_bool(ld, c, &b->flush_bottom);
            break;
        default:
            oct_yaml_unknown_key(ld->doc, c, "breaks", keys);
        }
    }
}
