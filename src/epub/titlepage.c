#include "epub/docs.h"
#include "epub/xwriter.h"
#include "tree/dates.h"

#include <stdlib.h>

/* The title page: title, subtitle, author and date as text (no cover
 * image: octavo never fetches or draws one). */

static void write_line(oct_epub_xw *x, const char *cls, const char *text)
{
    if (!text) return;
    oct_epub_xw_start(x, "p");
    oct_epub_xw_attr(x, "class", cls);
    oct_epub_xw_text(x, text);
    oct_epub_xw_end(x);
    oct_epub_xw_nl(x);
}

int oct_epub_title_page(const oct_epub_book *b, char **data, size_t *len)
{
    oct_epub_xw *x = oct_epub_xw_new();
    oct_epub_xw_xhtml_begin(x, b->meta.lang, b->meta.title, OCT_EPUB_CSS);
    oct_epub_xw_start(x, "section");
    oct_epub_xw_attr(x, "epub:type", "titlepage");
    oct_epub_xw_attr(x, "class", "titlepage");
    oct_epub_xw_nl(x);
    oct_epub_xw_start(x, "h1");
    oct_epub_xw_attr(x, "class", "title");
    oct_epub_xw_text(x, b->meta.title);
    oct_epub_xw_end(x);
    oct_epub_xw_nl(x);
    write_line(x, "subtitle", b->meta.subtitle);
    write_line(x, "author", b->meta.author);
    char *date = oct_date_long(b->meta.date, b->meta.lang);
    write_line(x, "date", date);
    free(date);
    oct_epub_xw_end(x);
    oct_epub_xw_nl(x);
    return oct_epub_xw_close(x, b->diag, "the title page", data, len);
}
