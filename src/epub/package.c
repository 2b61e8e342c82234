#include "epub/docs.h"
#include "epub/xwriter.h"

#include <stdlib.h>

/* The package document (OPF): Dublin Core metadata, exactly one
 * dcterms:modified, the accessibility metadata EPUB Accessibility 1.1
 * asks for, the manifest and the spine; and META-INF/container.xml, which
 * points at it. */

/* True of every book octavo makes, whatever the notes contain. */
#define A11Y_SUMMARY                                                                               \
    "Publication with a table of contents (navigation document and NCX), headings and a "          \
    "reading order that follows the source notes. Pictures carry the text descriptions "           \
    "their authors gave. Footnotes link to and from their references."

static void write_meta(oct_epub_xw *x, const char *property, const char *refines, const char *value)
{
    oct_epub_xw_start(x, "meta");
    oct_epub_xw_attr(x, "property", property);
    oct_epub_xw_attr(x, "refines", refines);
    oct_epub_xw_text(x, value);
    oct_epub_xw_end(x);
    oct_epub_xw_nl(x);
}

static void write_dc(oct_epub_xw *x, const char *name, const char *id, const char *value)
{
    if (!value) return;
    oct_epub_xw_start(x, name);
    oct_epub_xw_attr(x, "id", id);
    oct_epub_xw_text(x, value);
    oct_epub_xw_end(x);
    oct_epub_xw_nl(x);
}

static void write_accessibility(oct_epub_xw *x, bool pictures)
{
    write_meta(x, "schema:accessMode", NULL, "textual");
    if (pictures) {
        write_meta(x, "schema:accessMode", NULL, "visual");
        write_meta(x, "schema:accessModeSufficient", NULL, "textual,visual");
    }
    write_meta(x, "schema:accessModeSufficient", NULL, "textual");
    write_meta(x, "schema:accessibilityFeature", NULL, "structuralNavigation");
    write_meta(x, "schema:accessibilityFeature", NULL, "tableOfContents");
    write_meta(x, "schema:accessibilityFeature", NULL, "readingOrder");
    write_meta(x, "schema:accessibilityFeature", NULL, "displayTransformability");
    write_meta(x, "schema:accessibilityHazard", NULL, "none");
    write_meta(x, "schema:accessibilitySummary", NULL, A11Y_SUMMARY);
    write_meta(x, "dcterms:conformsTo", NULL, "EPUB Accessibility 1.1 - WCAG 2.1 Level AA");
    write_meta(x, "a11y:certifiedBy", NULL, "octavo");
}

static void write_metadata(oct_epub_xw *x, const oct_epub_meta *m, bool pictures)
{
    oct_epub_xw_start(x, "metadata");
    oct_epub_xw_attr(x, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
    oct_epub_xw_nl(x);
    write_dc(x, "dc:identifier", "bookid", m->identifier);
    write_dc(x, "dc:title", "title", m->title);
    if (m->subtitle) {
        write_meta(x, "title-type", "#title", "main");
        write_dc(x, "dc:title", "subtitle", m->subtitle);
        write_meta(x, "title-type", "#subtitle", "subtitle");
    }
    if (m->author) {
        write_dc(x, "dc:creator", "creator", m->author);
        oct_epub_xw_start(x, "meta");
        oct_epub_xw_attr(x, "property", "role");
        oct_epub_xw_attr(x, "refines", "#creator");
        oct_epub_xw_attr(x, "scheme", "marc:relators");
        oct_epub_xw_text(x, "aut");
        oct_epub_xw_end(x);
        oct_epub_xw_nl(x);
    }
    write_dc(x, "dc:language", NULL, m->lang);
    write_dc(x, "dc:date", NULL, m->date);
    write_dc(x, "dc:description", NULL, m->description);
    for (size_t i = 0; i < m->nkeywords; i++) {
        const char *k = m->keywords[i];
        if (k && *k) write_dc(x, "dc:subject", NULL, k);
    }
    write_meta(x, "dcterms:modified", NULL, m->modified);
    write_accessibility(x, pictures);
    oct_epub_xw_end(x);
    oct_epub_xw_nl(x);
}

static void write_item(oct_epub_xw *x, const char *id, const char *href, const char *type,
                       const char *properties)
{
    oct_epub_xw_start(x, "item");
    oct_epub_xw_attr(x, "id", id);
    oct_epub_xw_attr(x, "href", href);
    oct_epub_xw_attr(x, "media-type", type);
    oct_epub_xw_attr(x, "properties", properties);
    oct_epub_xw_end_empty(x);
    oct_epub_xw_nl(x);
}

static void write_itemref(oct_epub_xw *x, const char *idref)
{
    oct_epub_xw_start(x, "itemref");
    oct_epub_xw_attr(x, "idref", idref);
    oct_epub_xw_end_empty(x);
    oct_epub_xw_nl(x);
}

static void write_manifest_and_spine(oct_epub_xw *x, const oct_epub_book *b)
{
    static const char xhtml[] = "application/xhtml+xml";
    oct_epub_xw_start(x, "manifest");
    oct_epub_xw_nl(x);
    write_item(x, "nav", OCT_EPUB_NAV, xhtml, "nav");
    write_item(x, "ncx", OCT_EPUB_NCX, "application/x-dtbncx+xml", NULL);
    write_item(x, "css", OCT_EPUB_CSS, "text/css", NULL);
    write_item(x, "titlepage", OCT_EPUB_TITLE, xhtml, NULL);
    bool most_asked = oct_epub_has_most_asked(b);
    if (most_asked) write_item(x, "most-asked", OCT_EPUB_MOST_ASKED, xhtml, NULL);
    for (size_t i = 0; i < b->nunits; i++)
        write_item(x, b->units[i].item_id, b->units[i].file, xhtml, NULL);
    size_t nused;
    unsigned char *used = oct_epub_images_used(b->tree, &nused);
    for (size_t i = 0; used && i < b->tree->nimages; i++) {
        if (!used[i]) continue;
        const oct_image *im = &b->tree->images[i];
        /* "img/<hash>.png" → id "img-<hash>" */
        const char *id = oct_arena_printf(b->arena, "img-%.20s", im->name + 4);
        write_item(x, id, im->name, im->media_type, NULL);
    }
    free(used);
    oct_epub_xw_end(x);
    oct_epub_xw_nl(x);
    oct_epub_xw_start(x, "spine");
    oct_epub_xw_attr(x, "toc", "ncx");
    oct_epub_xw_nl(x);
    write_itemref(x, "titlepage");
    write_itemref(x, "nav");
    if (most_asked) write_itemref(x, "most-asked");
    for (size_t i = 0; i < b->nunits; i++)
        write_itemref(x, b->units[i].item_id);
    oct_epub_xw_end(x);
    oct_epub_xw_nl(x);
}

int oct_epub_opf(const oct_epub_book *b, char **data, size_t *len)
{
    oct_epub_xw *x = oct_epub_xw_new();
    oct_epub_xw_start(x, "package");
    oct_epub_xw_attr(x, "xmlns", "http://www.idpf.org/2007/opf");
    oct_epub_xw_attr(x, "version", "3.0");
    oct_epub_xw_attr(x, "unique-identifier", "bookid");
    oct_epub_xw_attr(x, "xml:lang", b->meta.lang);
    oct_epub_xw_nl(x);
    size_t nused;
    free(oct_epub_images_used(b->tree, &nused));
    write_metadata(x, &b->meta, nused > 0);
    write_manifest_and_spine(x, b);
    oct_epub_xw_end(x);
    oct_epub_xw_nl(x);
    return oct_epub_xw_close(x, b->diag, "the package document", data, len);
}

int oct_epub_container(const oct_epub_book *b, char **data, size_t *len)
{
    oct_epub_xw *x = oct_epub_xw_new();
    oct_epub_xw_start(x, "container");
    oct_epub_xw_attr(x, "xmlns", "urn:oasis:names:tc:opendocument:xmlns:container");
    oct_epub_xw_attr(x, "version", "1.0");
    oct_epub_xw_nl(x);
    oct_epub_xw_start(x, "rootfiles");
    oct_epub_xw_nl(x);
    oct_epub_xw_start(x, "rootfile");
    oct_epub_xw_attr(x, "full-path", "OEBPS/" OCT_EPUB_OPF);
    oct_epub_xw_attr(x, "media-type", "application/oebps-package+xml");
    oct_epub_xw_end_empty(x);
    oct_epub_xw_nl(x);
    oct_epub_xw_end(x);
    oct_epub_xw_nl(x);
    oct_epub_xw_end(x);
    oct_epub_xw_nl(x);
    return oct_epub_xw_close(x, b->diag, "META-INF/container.xml", data, len);
}
