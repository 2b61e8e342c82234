/* The layout's `breaks:` key: how pages end.
 *
 *   breaks:
 *     orphans: 2          # first lines of a paragraph kept at a page foot
 *     widows: 2           # last lines of a paragraph carried to a page head
 *     code-lines: 8       # a code block of up to this many lines never splits
 *     flush-bottom: true  # a chapter's full pages end on the same line
 *     chapters: recto     # a chapter opens on a right-hand page (a blank
 *                         # verso before it if need be); any: on the next page
 *
 * One line alone at either end of a page is what a typographer circles
 * first; 1 allows it (a draft), 2 is the book convention, more than 4
 * leaves pages visibly short.
 */
#include "config/layout_internal.h"

#include <string.h>

/* `chapters: recto | any`. */
static void read_chapters(loader *ld, const oct_yaml_node *c, bool *recto)
{
    const char *s;
    if (oct_yaml_string(ld->doc, c, &s)) return;
    if (strcmp(s, "recto") == 0 || strcmp(s, "any") == 0) {
        *recto = s[0] == 'r';
        return;
    }
    oct_yaml_error(ld->doc, c, "invalid-value", "'%s' must be 'recto' or 'any', got '%s'",
                   "chapters", s);
}

void oct_layout_read_breaks(loader *ld, const oct_yaml_node *n)
{
    static const char *const keys[] = {"orphans",      "widows",   "code-lines",
                                       "flush-bottom", "chapters", NULL};
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
        case 4:
            read_chapters(ld, c, &b->recto_chapters);
            break;
        default:
            oct_yaml_unknown_key(ld->doc, c, "breaks", keys);
        }
    }
}
