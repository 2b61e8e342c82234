/* How the booklet's own documents (Most asked, To research, the index)
 * open: the XHTML head in the booklet's language, one section with its
 * semantics and id, and the title as its heading. */
#include "epub/docs.h"
#include "epub/xwriter.h"

struct oct_epub_xw *oct_epub_section_doc(const oct_epub_book *b, const char *title,
                                         const char *epub_type, const char *cls, const char *id)
{
    return oct_epub_piece_doc(b, title, epub_type, cls, id, 0);
}

struct oct_epub_xw *oct_epub_piece_doc(const oct_epub_book *b, const char *title,
                                       const char *epub_type, const char *cls, const char *id,
                                       unsigned piece)
{
    const char *cont =
        piece ? oct_arena_printf(b->arena, oct_phrase(b->meta.lang, OCT_PH_CONTINUED), title)
              : NULL;
    oct_epub_xw *x = oct_epub_xw_new();
    oct_epub_xw_xhtml_begin(x, b->meta.lang, cont ? cont : title, OCT_EPUB_CSS);
    oct_epub_xw_start(x, "section");
    if (epub_type) oct_epub_xw_attr(x, "epub:type", epub_type);
    if (cls) oct_epub_xw_attr(x, "class", cls);
    oct_epub_xw_attr(x, "id", cont ? NULL : id);
    oct_epub_xw_nl(x);
    if (cont) {
        oct_epub_xw_start(x, "p");
        oct_epub_xw_attr(x, "class", "continued");
        oct_epub_xw_text(x, cont);
        oct_epub_xw_end(x);
    } else {
        oct_epub_xw_element(x, "h1", title);
    }
    oct_epub_xw_nl(x);
    return x;
}
