#include "epub/docs.h"
#include "epub/xwriter.h"

#include <stdio.h>

/* The EPUB 2 NCX, for reading systems that ignore the EPUB 3 navigation
 * document (older Kobo and Adobe RMSDK devices). Same entries as the nav;
 * playOrder follows reading order. */

typedef struct {
    oct_epub_xw *x;
    const oct_epub_toc *t;
    size_t i;
    int order;
} ncx_walk;

static void write_points(ncx_walk *w, int parent)
{
    while (w->i < w->t->n && w->t->e[w->i].level > parent) {
        const oct_epub_toc_entry *e = &w->t->e[w->i++];
        char id[32];
        snprintf(id, sizeof id, "np-%d", ++w->order);
        oct_epub_xw_start(w->x, "navPoint");
        oct_epub_xw_attr(w->x, "id", id);
        oct_epub_xw_attr_int(w->x, "playOrder", w->order);
        oct_epub_xw_start(w->x, "navLabel");
        oct_epub_xw_element(w->x, "text", e->label);
        oct_epub_xw_end(w->x);
        oct_epub_xw_start(w->x, "content");
        oct_epub_xw_attr(w->x, "src", e->href);
        oct_epub_xw_end_empty(w->x);
        oct_epub_xw_nl(w->x);
        if (w->i < w->t->n && w->t->e[w->i].level > e->level) write_points(w, e->level);
        oct_epub_xw_end(w->x);
        oct_epub_xw_nl(w->x);
    }
}

/* Nesting depth of the entries, as dtb:depth wants it. */
static int toc_depth(const oct_epub_toc *t)
{
    int stack[64], top = 0, depth = 0;
    for (size_t i = 0; i < t->n; i++) {
        while (top && stack[top - 1] >= t->e[i].level)
            top--;
        if (top < 64) stack[top++] = t->e[i].level;
        if (top > depth) depth = top;
    }
    return depth;
}

static void write_meta(oct_epub_xw *x, const char *name, const char *content)
{
    oct_epub_xw_start(x, "meta");
    oct_epub_xw_attr(x, "name", name);
    oct_epub_xw_attr(x, "content", content);
    oct_epub_xw_end_empty(x);
    oct_epub_xw_nl(x);
}

int oct_epub_ncx(const oct_epub_book *b, const oct_epub_toc *t, char **data, size_t *len)
{
    oct_epub_xw *x = oct_epub_xw_new();
    oct_epub_xw_start(x, "ncx");
    oct_epub_xw_attr(x, "xmlns", "http://www.daisy.org/z3986/2005/ncx/");
    oct_epub_xw_attr(x, "version", "2005-1");
    oct_epub_xw_attr(x, "xml:lang", b->meta.lang);
    oct_epub_xw_nl(x);
    oct_epub_xw_start(x, "head");
    oct_epub_xw_nl(x);
    char depth[16];
    snprintf(depth, sizeof depth, "%d", toc_depth(t));
    write_meta(x, "dtb:uid", b->meta.identifier);
    write_meta(x, "dtb:depth", depth);
    write_meta(x, "dtb:totalPageCount", "0");
    write_meta(x, "dtb:maxPageNumber", "0");
    oct_epub_xw_end(x);
    oct_epub_xw_nl(x);
    oct_epub_xw_start(x, "docTitle");
    oct_epub_xw_element(x, "text", b->meta.title);
    oct_epub_xw_end(x);
    oct_epub_xw_nl(x);
    if (b->meta.author) {
        oct_epub_xw_start(x, "docAuthor");
        oct_epub_xw_element(x, "text", b->meta.author);
        oct_epub_xw_end(x);
        oct_epub_xw_nl(x);
    }
    oct_epub_xw_start(x, "navMap");
    oct_epub_xw_nl(x);
    ncx_walk w = {x, t, 0, 0};
    write_points(&w, -1);
    oct_epub_xw_end(x);
    oct_epub_xw_nl(x);
    oct_epub_xw_end(x);
    oct_epub_xw_nl(x);
    return oct_epub_xw_close(x, b->diag, "the NCX", data, len);
}
