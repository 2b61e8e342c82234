#include "epub/epub.h"
#include "epub/book.h"
#include "epub/docs.h"
#include "epub/render.h"
#include "util/fileio.h"
#include "util/xalloc.h"
#include "util/zip.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* render() produces every file of the EPUB in memory, in archive order;
 * close() only packs them, so a failure while writing never leaves a
 * half-made book behind (and the previous good one survives). */

typedef struct {
    char *name, *data;
    size_t len;
    int store;
    size_t size;       /* before deflating */
    unsigned long crc; /* of those bytes; size 0: data is not deflated */
} entry;

struct oct_epub {
    oct_diag *diag;
    oct_epub_style style;
    entry *entries;
    size_t n, cap;
    int rendered;
    unsigned dos_time, dos_date;
    const struct oct_index *index; /* given (oct_epub_use_index), or NULL */
};

oct_epub *oct_epub_new(const oct_layout *layout, oct_diag *diag)
{
    oct_epub *e = oct_xcalloc(1, sizeof *e);
    e->diag = diag;
    if (layout && layout->body_size > 0) {
        e->style.h1 = layout->h1_size / layout->body_size;
        e->style.h2 = layout->h2_size / layout->body_size;
        e->style.h3 = layout->h3_size / layout->body_size;
        e->style.h4 = layout->h4_size / layout->body_size;
    }
    return e;
}

static void clear_entries(oct_epub *e)
{
    for (size_t i = 0; i < e->n; i++) {
        free(e->entries[i].name);
        free(e->entries[i].data);
    }
    free(e->entries);
    e->entries = NULL;
    e->n = e->cap = 0;
    e->rendered = 0;
}

/* Deflate level 1 (libdeflate, util/deflate.h), counted by callgrind on
 * the Django booklet's 23 text entries (434 KB): 10 M instructions for
 * 86.8 KB, where level 4 takes 19 M for 81.9 KB and zlib's level 2, used
 * before, took 18 M for 90.4 KB. A reader never notices 5 % of a small
 * file; a build on a busy machine notices the time. */
enum { LEVEL = 1 };

/* Takes ownership of data. An entry to compress is deflated now, as the
 * archive will hold it: the book is kept at a quarter of its size until it
 * is written (100x the Django notes: 25 MB of XHTML). */
static void add_entry(oct_epub *e, const char *dir, const char *name, char *data, size_t len,
                      int store)
{
    OCT_GROW(e->entries, e->cap, e->n + 1);
    size_t n = strlen(dir) + strlen(name) + 1;
    char *full = oct_xmalloc(n);
    snprintf(full, n, "%s%s", dir, name);
    entry en = {full, data, len, store, 0, 0};
    void *z;
    size_t zlen;
    if (!store && len > 0 && oct_zip_deflate(data, len, LEVEL, &z, &zlen, &en.crc) == 0) {
        free(data);
        en.data = z;
        en.len = zlen;
        en.size = len;
    }
    e->entries[e->n++] = en;
}

/* At most this many entries in the contents: a reader scrolls a list of
 * thousands no better than the chapters' own lists, and epubcheck 4.2.6
 * follows the nav's reading order one stack frame an entry (4,772 entries
 * overflowed its stack; 3,457 passed). */
#define NAV_MAX_ENTRIES 3500

/* nav.xhtml and toc.ncx of a detail level, questions listed in the units
 * before qunits; whether they keep to the budget: the nav under
 * b->nav_budget and the NCX (about 1.6 times as big for the same entries)
 * under 5/3 of it. -1 on failure. */
static int contents_at(const oct_epub_book *b, int detail, size_t qunits, char **nav,
                       size_t *nav_len, char **ncx, size_t *ncx_len)
{
    free(*nav);
    free(*ncx);
    *nav = *ncx = NULL;
    oct_epub_toc toc;
    oct_epub_toc_build(b, detail, qunits, &toc);
    if (toc.n > NAV_MAX_ENTRIES && detail != OCT_EPUB_TOC_CHAPTERS) {
        oct_epub_toc_free(&toc); /* too many entries: no need to write them to know */
        return 0;
    }
    int rc = oct_epub_nav_xhtml(b, &toc, nav, nav_len);
    if (rc == 0) rc = oct_epub_ncx(b, &toc, ncx, ncx_len);
    size_t entries = toc.n;
    oct_epub_toc_free(&toc);
    if (rc != 0) return -1;
    return *nav_len <= b->nav_budget && *ncx_len / 5 * 3 <= b->nav_budget &&
           entries <= NAV_MAX_ENTRIES;
}

/* nav.xhtml and toc.ncx, as detailed as the budget allows: every question
 * when they fit; else the questions of as many documents from the start
 * as fit (found by bisection), the chapters' own documents carrying the
 * rest; else no questions; else chapters only. */
static int render_contents(oct_epub *e, const oct_epub_book *b)
{
    char *nav = NULL, *ncx = NULL;
    size_t nav_len = 0, ncx_len = 0;
    int fits = contents_at(b, OCT_EPUB_TOC_FULL, b->nunits, &nav, &nav_len, &ncx, &ncx_len);
    if (fits == 0) {
        size_t lo = 0, hi = b->nunits; /* the questions of lo units fit, of hi do not */
        while (hi - lo > 1) {
            size_t mid = lo + (hi - lo) / 2;
            int r = contents_at(b, OCT_EPUB_TOC_FULL, mid, &nav, &nav_len, &ncx, &ncx_len);
            if (r < 0) break;
            if (r)
                lo = mid;
            else
                hi = mid;
        }
        fits = lo > 0 ? contents_at(b, OCT_EPUB_TOC_FULL, lo, &nav, &nav_len, &ncx, &ncx_len) : 0;
    }
    for (int detail = OCT_EPUB_TOC_NO_QUESTIONS; fits == 0 && detail <= OCT_EPUB_TOC_CHAPTERS;
         detail++) {
        fits = contents_at(b, detail, 0, &nav, &nav_len, &ncx, &ncx_len);
        if (detail == OCT_EPUB_TOC_CHAPTERS && fits == 0) fits = 1; /* the least there is */
    }
    if (fits < 0) {
        free(nav);
        free(ncx);
        return -1;
    }
    add_entry(e, "OEBPS/", OCT_EPUB_NAV, nav, nav_len, 0);
    add_entry(e, "OEBPS/", OCT_EPUB_NCX, ncx, ncx_len, 0);
    return 0;
}

/* The files that do not depend on a unit, in archive order. */
static int render_frame(oct_epub *e, const oct_epub_book *b)
{
    char *data;
    size_t len;
    add_entry(e, "", "mimetype", oct_xstrdup("application/epub+zip"), 20, 1);
    if (oct_epub_container(b, &data, &len) != 0) return -1;
    add_entry(e, "META-INF/", "container.xml", data, len, 0);
    if (oct_epub_opf(b, &data, &len) != 0) return -1;
    add_entry(e, "OEBPS/", OCT_EPUB_OPF, data, len, 0);
    data = oct_epub_css(&e->style, b->meta.lang, &len);
    add_entry(e, "OEBPS/", OCT_EPUB_CSS, data, len, 0);
    if (render_contents(e, b) != 0) return -1;
    if (oct_epub_title_page(b, &data, &len) != 0) return -1;
    add_entry(e, "OEBPS/", OCT_EPUB_TITLE, data, len, 0);
    if (!oct_epub_has_most_asked(b)) return 0;
    if (oct_epub_most_asked(b, &data, &len) != 0) return -1;
    add_entry(e, "OEBPS/", OCT_EPUB_MOST_ASKED, data, len, 0);
    return 0;
}

void oct_epub_use_index(oct_epub *e, const struct oct_index *ix)
{
    e->index = ix;
}

int oct_epub_render(oct_epub *e, const oct_tree *tree)
{
    clear_entries(e);
    oct_epub_book b;
    int rc = oct_epub_book_plan(&b, tree, e->index, e->diag);
    if (rc == 0) rc = render_frame(e, &b);
    for (size_t i = 0; rc == 0 && i < b.nunits; i++) {
        char *data;
        size_t len;
        oct_epub_unit_kind k = b.units[i].kind;
        rc = k == OCT_EPUB_UNIT_RESEARCH ? oct_epub_research_xhtml(&b, i, &data, &len)
             : k == OCT_EPUB_UNIT_INDEX  ? oct_epub_index_xhtml(&b, i, &data, &len)
                                         : oct_epub_unit_xhtml(&b, i, &data, &len);
        if (rc == 0) add_entry(e, "OEBPS/", b.units[i].file, data, len, 0);
    }
    size_t nused;
    unsigned char *used = rc == 0 ? oct_epub_images_used(tree, &nused) : NULL;
    for (size_t i = 0; used && i < tree->nimages; i++) {
        if (!used[i]) continue;
        size_t len;
        const unsigned char *bytes = oct_epub_image_bytes(&tree->images[i], &len);
        char *copy = oct_xmalloc(len ? len : 1);
        memcpy(copy, bytes, len);
        /* already compressed: stored as they are */
        add_entry(e, "OEBPS/", tree->images[i].name, copy, len, 1);
    }
    free(used);
    e->dos_time = b.meta.dos_time;
    e->dos_date = b.meta.dos_date;
    oct_epub_book_release(&b);
    if (rc != 0) {
        clear_entries(e);
        return -1;
    }
    e->rendered = 1;
    return 0;
}

size_t oct_epub_book_bytes(const oct_epub *e)
{
    size_t n = 0;
    for (size_t i = 0; e->rendered && i < e->n; i++)
        n += e->entries[i].size ? e->entries[i].size : e->entries[i].len;
    return n;
}

int oct_epub_close(oct_epub *e, const char *path)
{
    if (!e->rendered) {
        oct_diag_report(e->diag, OCT_ERROR, path, 0, 0, "epub-write",
                        "no EPUB to write: rendering failed or never ran");
        return -1;
    }
    char *tmp = oct_atomic_begin(path);
    if (!tmp) {
        oct_diag_report(e->diag, OCT_ERROR, path, 0, 0, "epub-write", "cannot create: %s",
                        strerror(errno));
        return -1;
    }
    oct_zip_entry *z = oct_xcalloc(e->n ? e->n : 1, sizeof *z);
    for (size_t i = 0; i < e->n; i++) {
        const entry *en = &e->entries[i];
        z[i] = (oct_zip_entry){en->name, en->data,     en->len,  en->store,
                               LEVEL,    en->size > 0, en->size, en->crc};
    }
    const char *step, *why;
    int rc = oct_zip_write(tmp, z, e->n, e->dos_time, e->dos_date, &step, &why);
    free(z);
    if (rc != 0) {
        oct_diag_report(e->diag, OCT_ERROR, tmp, 0, 0, "epub-write", "cannot %s the EPUB: %s", step,
                        why);
        oct_atomic_abort(tmp);
        return -1;
    }
    if (oct_atomic_commit(tmp, path) != 0) {
        oct_diag_report(e->diag, OCT_ERROR, path, 0, 0, "epub-write", "cannot write: %s",
                        strerror(errno));
        return -1;
    }
    return 0;
}

void oct_epub_free(oct_epub *e)
{
    if (!e) return;
    clear_entries(e);
    free(e);
}
