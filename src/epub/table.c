#include "epub/render.h"

/* Header rows go to <thead> and the rest to <tbody>, in their order; column
 * alignment is a class (text-align in the stylesheet) because the HTML
 * align attribute is obsolete and epubcheck rejects it. */

static const char *align_class(const oct_node *table, int col)
{
    if (!table->u.table.aligns || col >= table->u.table.ncols) return NULL;
    switch (table->u.table.aligns[col]) {
    case OCT_ALIGN_LEFT:
        return "align-left";
    case OCT_ALIGN_CENTER:
        return "align-center";
    case OCT_ALIGN_RIGHT:
        return "align-right";
    default:
        return NULL;
    }
}

static void write_row(oct_epub_ctx *r, const oct_node *table, const oct_node *row, bool header)
{
    oct_epub_xw_start(r->xw, "tr");
    int col = 0;
    for (const oct_node *c = row->first; c; c = c->next, col++) {
        oct_epub_xw_start(r->xw, header ? "th" : "td");
        if (header) oct_epub_xw_attr(r->xw, "scope", "col");
        oct_epub_xw_attr(r->xw, "class", align_class(table, col));
        if (c->kind == OCT_TABLE_CELL)
            oct_epub_inlines(r, c->first, NULL);
        else
            oct_epub_inlines(r, c, c->next);
        oct_epub_xw_end(r->xw);
    }
    oct_epub_xw_end(r->xw);
    oct_epub_xw_nl(r->xw);
}

static int count_rows(const oct_node *table, bool header)
{
    int n = 0;
    for (const oct_node *row = table->first; row; row = row->next)
        if (row->kind == OCT_TABLE_ROW && row->u.row.header == header) n++;
    return n;
}

static void write_group(oct_epub_ctx *r, const oct_node *table, bool header)
{
    if (!count_rows(table, header)) return;
    oct_epub_xw_start(r->xw, header ? "thead" : "tbody");
    oct_epub_xw_nl(r->xw);
    for (const oct_node *row = table->first; row; row = row->next)
        if (row->kind == OCT_TABLE_ROW && row->u.row.header == header)
            write_row(r, table, row, header);
    oct_epub_xw_end(r->xw);
    oct_epub_xw_nl(r->xw);
}

void oct_epub_table(oct_epub_ctx *r, const oct_node *table)
{
    if (!count_rows(table, true) && !count_rows(table, false)) return;
    oct_epub_xw_start(r->xw, "table");
    oct_epub_xw_nl(r->xw);
    write_group(r, table, true);
    write_group(r, table, false);
    oct_epub_xw_end(r->xw);
}
