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

static void read_count(loader *ld, const oct_yaml_node *n, int *out, int lo, int hi)
{
    double v;
    if (oct_yaml_number(ld->doc, n, &v) != 0) return;
    if (v != (double)(long)v || v < lo || v > hi) {
        oct_yaml_error(ld->doc, n, "invalid-value",
                       "'%s' must be a whole number from %d to %d, got '%s'", n->key, lo, hi,
                       n->text);
        return;
    }
    *out = (int)v;
}

void oct_layout_read_breaks(loader *ld, const oct_yaml_node *n)
{
    static const char *const keys[] = {"orphans", "widows", "code-lines", "flush-bottom", NULL};
    if (oct_yaml_expect(ld->doc, n, OCT_YAML_MAPPING)) return;
    oct_breaks *b = &ld->l->breaks;
    for (const oct_yaml_node *c = n->first; c; c = c->next) {
        switch (oct_layout_key_index(keys, c->key)) {
        case 0:
            read_count(ld, c, &b->orphans, 1, 4);
            break;
        case 1:
            read_count(ld, c, &b->widows, 1, 4);
            break;
        case 2:
            read_count(ld, c, &b->code_lines, 2, 60);
            break;
        case 3:
            oct_layout_read_bool(ld, c, &b->flush_bottom);
            break;
        default:
            oct_yaml_unknown_key(ld->doc, c, "breaks", keys);
        }
    }
}
