#include "epub/docs.h"
#include "epub/xwriter.h"

#include <string.h>

/* The EPUB 3 navigation document: the table of contents (nested <ol>s,
 * every <a> with text, no empty <ol>) and landmarks, which reading systems
 * use for "go to contents" and "go to start". */

static void write_ol(oct_epub_xw *x, const oct_epub_toc *t, size_t *i, int parent)
{
    oct_epub_xw_start(x, "ol");
    oct_epub_xw_nl(x);
    while (*i < t->n && t->e[*i].level > parent) {
        const oct_epub_toc_entry *e = &t->e[(*i)++];
        /* The NCX lists the contents page; the contents need no link to
         * themselves. */
        if (!strncmp(e->href, OCT_EPUB_NAV "#", strlen(OCT_EPUB_NAV) + 1)) continue;
        oct_epub_xw_start(x, "li");
        oct_epub_xw_start(x, "a");
        oct_epub_xw_attr(x, "href", e->href);
        oct_epub_xw_text(x, e->label);
        oct_epub_xw_end(x);
        if (*i < t->n && t->e[*i].level > e->level) {
            oct_epub_xw_nl(x);
            write_ol(x, t, i, e->level);
        }
        oct_epub_xw_end(x);
        oct_epub_xw_nl(x);
    }
    oct_epub_xw_end(x);
    oct_epub_xw_nl(x);
}

static void write_landmark(oct_epub_xw *x, const char *type, const char *href, const char *text)
{
    oct_epub_xw_start(x, "li");
    oct_epub_xw_start(x, "a");
    oct_epub_xw_attr(x, "epub:type", type);
    oct_epub_xw_attr(x, "href", href);
    oct_epub_xw_text(x, text);
    oct_epub_xw_end(x);
    oct_epub_xw_end(x);
    oct_epub_xw_nl(x);
}

int oct_epub_nav_xhtml(const oct_epub_book *b, const oct_epub_toc *t, char **data, size_t *len)
{
    oct_epub_xw *x = oct_epub_xw_new();
    oct_epub_xw_xhtml_begin(x, b->meta.lang, oct_phrase(b->meta.lang, OCT_PH_CONTENTS),
                            OCT_EPUB_CSS);
    oct_epub_xw_start(x, "nav");
    oct_epub_xw_attr(x, "epub:type", "toc");
    oct_epub_xw_attr(x, "role", "doc-toc");
    oct_epub_xw_attr(x, "id", "toc");
    oct_epub_xw_nl(x);
    oct_epub_xw_element(x, "h1", oct_phrase(b->meta.lang, OCT_PH_CONTENTS));
    oct_epub_xw_nl(x);
    size_t i = 0;
    if (t->n) write_ol(x, t, &i, -1);
    oct_epub_xw_end(x);
    oct_epub_xw_nl(x);

    oct_epub_xw_start(x, "nav");
    oct_epub_xw_attr(x, "epub:type", "landmarks");
    oct_epub_xw_attr(x, "id", "landmarks");
    oct_epub_xw_attr(x, "hidden", "hidden");
    oct_epub_xw_nl(x);
    oct_epub_xw_element(x, "h2", "Landmarks");
    oct_epub_xw_nl(x);
    oct_epub_xw_start(x, "ol");
    oct_epub_xw_nl(x);
    write_landmark(x, "titlepage", OCT_EPUB_TITLE, oct_phrase(b->meta.lang, OCT_PH_TITLE_PAGE));
    write_landmark(x, "toc", OCT_EPUB_NAV "#toc", oct_phrase(b->meta.lang, OCT_PH_CONTENTS));
    if (b->nunits)
        write_landmark(x, "bodymatter", b->units[0].file, oct_phrase(b->meta.lang, OCT_PH_START));
    oct_epub_xw_end(x);
    oct_epub_xw_nl(x);
    oct_epub_xw_end(x);
    oct_epub_xw_nl(x);
    return oct_epub_xw_close(x, b->diag, "the navigation document", data, len);
}
