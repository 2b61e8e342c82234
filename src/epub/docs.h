/* Internal to src/epub: the documents around the content — navigation
 * (nav.c), NCX (ncx.c), title page (titlepage.c), package document and
 * container (package.c), stylesheet (css.c). Each writer returns 0 and a
 * malloc'd document (caller frees), or -1 after reporting to the book's
 * diag. */
#ifndef OCT_EPUB_DOCS_H
#define OCT_EPUB_DOCS_H
#include <stdbool.h>
#include <stddef.h>

#include "epub/book.h"
#include "tree/phrases.h"

/* File names inside OEBPS/. */
#define OCT_EPUB_NAV "nav.xhtml"
#define OCT_EPUB_NCX "toc.ncx"
#define OCT_EPUB_CSS "style.css"
#define OCT_EPUB_TITLE "title.xhtml"
#define OCT_EPUB_OPF "content.opf"
#define OCT_EPUB_MOST_ASKED "most-asked.xhtml"
#define OCT_EPUB_RESEARCH "research.xhtml"
#define OCT_EPUB_INDEX "index.xhtml"

/* One entry of the table of contents: the title page, chapters, their headings (levels 1
 * to 3) and their questions, in reading order. Entries nest under the
 * nearest earlier entry with a smaller level. */
typedef struct {
    int level;
    const char *label; /* plain text, never empty */
    const char *href;  /* "file.xhtml" or "file.xhtml#anchor" */
    size_t unit;       /* the unit it points into, or (size_t)-1 */
    bool question;
} oct_epub_toc_entry;

typedef struct {
    oct_epub_toc_entry *e; /* malloc'd */
    size_t n, cap;
    /* the labels and links: the contents are built a few times to fit a
     * budget (epub.c), and each build's strings go with it */
    oct_arena *arena;
} oct_epub_toc;

/* Detail levels of the contents, fullest first: everything (questions
 * of the units before `question_units`: b->nunits for all of them); no
 * questions; chapters and appendices only. Every document of the spine
 * is reached at every level (a piece nothing points into gets a
 * "(continued)" entry). */
enum { OCT_EPUB_TOC_FULL, OCT_EPUB_TOC_NO_QUESTIONS, OCT_EPUB_TOC_CHAPTERS };
void oct_epub_toc_build(const oct_epub_book *b, int detail, size_t question_units,
                        oct_epub_toc *out);
void oct_epub_toc_free(oct_epub_toc *t);

int oct_epub_nav_xhtml(const oct_epub_book *b, const oct_epub_toc *t, char **data, size_t *len);
int oct_epub_ncx(const oct_epub_book *b, const oct_epub_toc *t, char **data, size_t *len);
int oct_epub_title_page(const oct_epub_book *b, char **data, size_t *len);
/* The "Most asked" document (mostasked.c): the question clusters asked in
 * two sources or more, linked; the book has it only when some are. */
bool oct_epub_has_most_asked(const oct_epub_book *b);
int oct_epub_most_asked(const oct_epub_book *b, char **data, size_t *len);
int oct_epub_opf(const oct_epub_book *b, char **data, size_t *len);
/* A writer holding the head of one of the booklet's own documents and an
 * open <section> (epub:type and class when not NULL, then id) whose first
 * child is the title as <h1> (backdoc.c). */
struct oct_epub_xw *oct_epub_section_doc(const oct_epub_book *b, const char *title,
                                         const char *epub_type, const char *cls, const char *id);

/* The same for piece `piece` of a split document: after the first, the
 * section has no id and a "(continued)" line instead of the heading. */
struct oct_epub_xw *oct_epub_piece_doc(const oct_epub_book *b, const char *title,
                                       const char *epub_type, const char *cls, const char *id,
                                       unsigned piece);

/* The "To research" appendix (research.c): each question cluster no
 * wording of which is answered, once, linked to its question. Only when
 * oct_epub_has_research(b). Entry k has the id "research-k". */
int oct_epub_has_research(const oct_epub_book *b);
int oct_epub_research_xhtml(const oct_epub_book *b, size_t unit, char **data, size_t *len);
/* Bytes of each entry (malloc'd, ntodo of them), for split.c. */
size_t *oct_epub_research_sizes(const oct_epub_book *b);
/* The index (index.c): terms with links to where they occur, in the
 * EPUB Indexes vocabulary; only when oct_epub_has_index(b). */
bool oct_epub_has_index(const oct_epub_book *b);
int oct_epub_index_xhtml(const oct_epub_book *b, size_t unit, char **data, size_t *len);
/* Bytes of each of the *n index terms (0 when not listed; malloc'd). */
size_t *oct_epub_index_sizes(const oct_epub_book *b, size_t *n);
int oct_epub_container(const oct_epub_book *b, char **data, size_t *len);

/* Pictures (images.c): used[i] is 1 when tree picture i + 1 is shown
 * somewhere; *count of them. malloc'd (caller frees), NULL when the tree
 * has none. Each goes into the book once, as OEBPS/<oct_image.name>. */
unsigned char *oct_epub_images_used(const oct_tree *t, size_t *count);
/* The bytes an EPUB carries for a picture (an SVG's PNG raster). */
const unsigned char *oct_epub_image_bytes(const oct_image *im, size_t *len);

/* Heading sizes in em, taken from the layout when it has them. */
typedef struct {
    double h1, h2, h3, h4;
} oct_epub_style;

/* The stylesheet (malloc'd, caller frees); its fixed words (the label
 * over a program's output) in language lang (NULL: English). */
char *oct_epub_css(const oct_epub_style *s, const char *lang, size_t *len);

#endif
