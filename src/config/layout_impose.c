/* The layout's `impose:` key: saddle-stitch imposition of the PDF.
 *
 *   impose: saddle            # shorthand: sheets twice the page, one signature
 *   impose:
 *     method: saddle          # or none
 *     sheet: A4               # paper name or [width, height]; used landscape
 *     signature: 0            # sheets per signature, 0: one signature
 *     creep: 0.1mm            # per sheet, inner sheets shift toward the spine
 *     crop-marks: false       # needs a sheet larger than two pages
 */
#include "config/layout_internal.h"

#include <string.h>

static int read_method(loader *ld, const oct_yaml_node *n)
{
    const char *s;
    if (oct_yaml_string(ld->doc, n, &s)) return -1;
    if (strcmp(s, "saddle") == 0 || strcmp(s, "none") == 0) {
        ld->l->impose.saddle = s[0] == 's';
        return 0;
    }
    oct_yaml_error(ld->doc, n, "invalid-value", "'%s' must be 'saddle' or 'none', got '%s'",
                   n->key ? n->key : "impose", s);
    return -1;
}

static void read_sheet(loader *ld, const oct_yaml_node *n)
{
    double w = 0, h = 0;
    if (n->kind == OCT_YAML_SEQUENCE && n->count == 2) {
        if (oct_yaml_length(ld->doc, n->first, &w) || oct_yaml_length(ld->doc, n->first->next, &h))
            return;
    } else {
        const char *s;
        if (n->kind == OCT_YAML_SEQUENCE || oct_yaml_string(ld->doc, n, &s) ||
            oct_layout_paper(s, &w, &h) != 0) {
            oct_yaml_error(ld->doc, n, "invalid-value",
                           "'sheet' must be A4, A5, Letter, Legal or [width, height]");
            return;
        }
    }
    if (w < 72 || h < 72 || w > 14400 || h > 14400) {
        oct_yaml_error(ld->doc, n, "invalid-value", "'sheet' sides must be 72pt to 14400pt");
        return;
    }
    /* a sheet takes two pages side by side: always landscape */
    ld->l->impose.sheet_width = w > h ? w : h;
    ld->l->impose.sheet_height = w > h ? h : w;
}

static void read_length(loader *ld, const oct_yaml_node *n, double *out, double max)
{
    double v;
    if (oct_yaml_length(ld->doc, n, &v) != 0) return;
    if (v < 0 || v > max) {
        oct_yaml_error(ld->doc, n, "invalid-value",
                       "'%s' must be a length from 0 to %gpt, got '%s'", n->key, max, n->text);
        return;
    }
    *out = v;
}

void oct_layout_read_impose(loader *ld, const oct_yaml_node *n)
{
    ld->impose_at = n;
    if (n->kind == OCT_YAML_SCALAR) {
        read_method(ld, n);
        return;
    }
    static const char *const keys[] = {"method", "sheet", "signature", "creep", "crop-marks", NULL};
    if (oct_yaml_expect(ld->doc, n, OCT_YAML_MAPPING)) return;
    oct_impose *im = &ld->l->impose;
    for (const oct_yaml_node *c = n->first; c; c = c->next) {
        switch (oct_layout_key_index(keys, c->key)) {
        case 0:
            read_method(ld, c);
            break;
        case 1:
            read_sheet(ld, c);
            break;
        case 2: {
            int sheets;
            if (oct_layout_read_whole(ld, c, &sheets, 0, 64)) im->signature = sheets;
            break;
        }
        case 3:
            read_length(ld, c, &im->creep, 7.2); /* 2.5 mm a sheet is already a lot */
            break;
        case 4:
            oct_layout_read_bool(ld, c, &im->crop_marks);
            break;
        default:
            oct_yaml_unknown_key(ld->doc, c, "impose", keys);
        }
    }
}

/* Room outside the two pages, each way, for crop marks (points). */
#define CROP_ROOM 9.0

void oct_layout_check_impose(loader *ld)
{
    oct_impose *im = &ld->l->impose;
    const oct_layout *l = ld->l;
    if (!ld->impose_at) return;
    double w = im->sheet_width ? im->sheet_width : 2 * l->page_width;
    double h = im->sheet_height ? im->sheet_height : l->page_height;
    if (w + 0.5 < 2 * l->page_width || h + 0.5 < l->page_height) {
        oct_yaml_error(ld->doc, ld->impose_at, "invalid-value",
                       "two %.0f x %.0f mm pages do not fit side by side on a %.0f x %.0f mm sheet",
                       l->page_width * 25.4 / 72, l->page_height * 25.4 / 72, w * 25.4 / 72,
                       h * 25.4 / 72);
        return;
    }
    if (im->crop_marks && (w - 2 * l->page_width < 2 * CROP_ROOM) &&
        (h - l->page_height < 2 * CROP_ROOM))
        oct_yaml_error(ld->doc, ld->impose_at, "invalid-value",
                       "'crop-marks' need a sheet larger than two pages (%.0f mm around them)",
                       CROP_ROOM * 25.4 / 72);
}
