/* A saved web page's <title> names its chapter when no level-1 heading
 * opens the page (ingest.c, html_title.c): the site's name after it left
 * out when it plainly is one, a note either way, and only for .html and
 * .htm sources. */
#include "html_support.h"
#include "ingest/html/html.h"

static doc page(const char *path, const char *html)
{
    doc r = {oct_tree_new(), oct_diag_new(NULL), NULL};
    oct_ingest_options o = {.normalize = true};
    r.ch = oct_ingest_source(r.t, path, html, strlen(html), NULL, &o, r.d);
    return r;
}

static bool has_diag(const doc *r, const char *code, const char *text)
{
    for (size_t i = 0; i < oct_diag_size(r->d); i++) {
        const oct_diag_msg *e = oct_diag_at(r->d, i);
        if (strcmp(e->code, code) == 0 && (!text || strstr(e->message, text))) return true;
    }
    return false;
}

static const char *title_of(doc *r)
{
    return r->ch && r->ch->u.chapter.title ? r->ch->u.chapter.title : "(none)";
}

static void test_pages(void)
{
    doc r = page("notes/osmose.html",
                 "<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n"
                 "<title>\n  Osmose und Diffusion &ndash; Biologie Kompakt\n</title>\n</head>\n"
                 "<body>\n<p>Wasser wandert durch die Membran.</p>\n"
                 "<h1>Ein spätes h1</h1>\n<p>Mehr.</p>\n</body>\n</html>\n");
    CHECK_STR(title_of(&r), "Osmose und Diffusion");
    CHECK(has_diag(&r, "html-title", "its site's name \"Biologie Kompakt\" left out"));
    CHECK(!has_diag(&r, "html-dropped", "<title>"));
    CHECK(r.d && oct_diag_at(r.d, 0) && oct_diag_size(r.d) >= 1);
    for (size_t i = 0; i < oct_diag_size(r.d); i++)
        if (strcmp(oct_diag_at(r.d, i)->code, "html-title") == 0)
            CHECK(oct_diag_at(r.d, i)->line == 5);
    release(&r);

    /* an h1 opening the page names it: the <title> is dropped, said so */
    r = page("cells.htm", "<html><head><title>Cells | Site</title></head>\n<body>\n"
                          "<h1>The cell</h1>\n<p>Its parts.</p>\n</body></html>\n");
    CHECK_STR(title_of(&r), "The cell");
    CHECK(has_diag(&r, "html-dropped", "<title> \"Cells\" dropped: the page's first heading"));
    release(&r);

    /* no site's name to take off: the whole title */
    r = page("q.html", "<title>Cells - what are they?</title>\n\n<p>Units of life.</p>\n");
    CHECK_STR(title_of(&r), "Cells - what are they?");
    CHECK(has_diag(&r, "html-title", "names the chapter \"Cells - what are they?\""));
    release(&r);

    /* a Markdown note that holds a <title> is no saved page */
    r = page("notes.md", "<title>Not mine</title>\n\nSome text.\n");
    CHECK_STR(title_of(&r), "notes");
    CHECK(has_diag(&r, "html-dropped", "<title> dropped with its content"));
    release(&r);

    /* an empty title names nothing */
    r = page("empty.html", "<title>  </title>\n<p>Text.</p>\n");
    CHECK_STR(title_of(&r), "empty");
    release(&r);
}

static const char *clean(oct_tree *t, const char *s, const char **site)
{
    const char *r = oct_html_page_title(t, s, strlen(s), site);
    return r ? r : "(null)";
}

static void test_suffixes(void)
{
    oct_tree *t = oct_tree_new();
    const char *site;
    CHECK_STR(clean(t, "Osmosis | BBC Bitesize", &site), "Osmosis");
    CHECK_STR(site, "BBC Bitesize");
    CHECK_STR(clean(t, "python - How do I sort a dict? - Stack Overflow", &site),
              "python - How do I sort a dict?");
    CHECK_STR(clean(t, "Redox \xE2\x80\x94 chemnotes.example.org", &site), "Redox");
    CHECK_STR(clean(t, "Newton's laws - Part 2", &site), "Newton's laws - Part 2");
    CHECK(site == NULL);
    CHECK_STR(clean(t, "Ley de Ohm \xC2\xB7 Apuntes de F\xC3\xADsica", &site), "Ley de Ohm");
    CHECK_STR(clean(t, "Apuntes de clase - tema 3", &site), "Apuntes de clase - tema 3");
    CHECK_STR(clean(t, "  One\n\ttitle  ", &site), "One title");
    CHECK_STR(clean(t, " \n ", &site), "(null)");
    CHECK_STR(clean(t, "| Site", &site), "| Site");
    oct_tree_free(t);
}

int main(void)
{
    test_pages();
    test_suffixes();
    return check_done();
}
