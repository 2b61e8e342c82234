/* The index document (index.xhtml), last in the spine: the terms of
 * study/index.h grouped by initial letter, in the EPUB Indexes vocabulary
 * (index > index-group > index-entry-list > index-entry > index-term,
 * index-locator), each locator a link to the question (or heading) the
 * term occurs in. An e-book has no pages, so a locator names its place:
 * the question's number, or the heading's words. */
#include "epub/docs.h"
#include "epub/xwriter.h"
#include "study/index.h"
#include "util/xalloc.h"

#include <string.h>

/* Words of a heading or an unnumbered prompt shown in a locator. */
#define LOCATOR_MAX_BYTES 40

static const char *locator_href(const oct_epub_book *b, const oct_index_loc *l)
{
    return oct_epub_href(b, l->target);
}

static size_t linked(const oct_epub_book *b, const oct_index_term *t)
{
    size_t k = 0;
    for (size_t i = 0; i < t->nlocs; i++)
        if (locator_href(b, &t->locs[i])) k++;
    return k;
}

bool oct_epub_has_index(const oct_epub_book *b)
{
    size_t n;
    const oct_index_term *t = b->index ? oct_index_terms(b->index, &n) : NULL;
    if (!oct_index_worth_printing(b->index)) return false;
    for (size_t i = 0; t && i < n; i++)
        if (linked(b, &t[i])) return true;
    return false;
}

/* "Q12" for a numbered question ("Problem 3" when its label names itself), else the first words of
 * its prompt or heading (cut at a word, with an ellipsis). */
static const char *locator_text(const oct_epub_book *b, const oct_node *n)
{
    if (n->kind == OCT_QUESTION && n->u.question.label) {
        const char *lab = n->u.question.label;
        return *lab >= '0' && *lab <= '9' ? oct_arena_printf(b->arena, "Q%s", lab) : lab;
    }
    const char *s = n->kind == OCT_CHAPTER && n->u.chapter.title ? n->u.chapter.title
                                                                 : oct_epub_plain(b->arena, n);
    size_t len = strlen(s);
    if (len == 0) return n->kind == OCT_QUESTION ? "question" : "section";
    if (len <= LOCATOR_MAX_BYTES) return s;
    size_t cut = LOCATOR_MAX_BYTES;
    while (cut > 10 && s[cut] != ' ')
        cut--;
    while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80) /* never inside a character */
        cut--;
    return oct_arena_printf(b->arena, "%.*s…", (int)cut, s);
}

static void write_term(oct_epub_xw *x, const oct_index_term *t)
{
    oct_epub_xw_start(x, "span");
    oct_epub_xw_attr(x, "epub:type", "index-term");
    if (t->code) {
        oct_epub_xw_start(x, "code");
        oct_epub_xw_text(x, t->text);
        oct_epub_xw_end(x);
    } else {
        oct_epub_xw_text(x, t->text);
    }
    oct_epub_xw_end(x);
    if (t->expansion) {
        oct_epub_xw_text(x, " ");
        oct_epub_xw_start(x, "span");
        oct_epub_xw_attr(x, "class", "index-expansion");
        oct_epub_xw_text(x, t->expansion);
        oct_epub_xw_end(x);
    }
}

static void write_entry(oct_epub_xw *x, const oct_epub_book *b, const oct_index_term *t)
{
    oct_epub_xw_start(x, "li");
    oct_epub_xw_attr(x, "epub:type", "index-entry");
    write_term(x, t);
    const char *sep = ", ";
    for (size_t i = 0; i < t->nlocs; i++) {
        const char *href = locator_href(b, &t->locs[i]);
        if (!href) continue;
        oct_epub_xw_text(x, sep);
        oct_epub_xw_start(x, "a");
        oct_epub_xw_attr(x, "epub:type", "index-locator");
        oct_epub_xw_attr(x, "href", href);
        oct_epub_xw_text(x, locator_text(b, t->locs[i].target));
        oct_epub_xw_end(x);
        sep = "; ";
    }
    oct_epub_xw_end(x);
    oct_epub_xw_nl(x);
}

static void close_group(oct_epub_xw *x)
{
    oct_epub_xw_end(x); /* ul */
    oct_epub_xw_nl(x);
    oct_epub_xw_end(x); /* section */
    oct_epub_xw_nl(x);
}

static void open_group(oct_epub_xw *x, const oct_epub_book *b, const char *group, int k)
{
    oct_epub_xw_start(x, "section");
    oct_epub_xw_attr(x, "epub:type", "index-group");
    oct_epub_xw_attr(x, "id", oct_arena_printf(b->arena, "index-group-%d", k));
    oct_epub_xw_nl(x);
    oct_epub_xw_element(x, "h2", group);
    oct_epub_xw_nl(x);
    oct_epub_xw_start(x, "ul");
    oct_epub_xw_attr(x, "epub:type", "index-entry-list");
    oct_epub_xw_attr(x, "class", "index-entries");
    oct_epub_xw_nl(x);
}

static void open_continued(oct_epub_xw *x, const oct_epub_book *b, const char *group)
{
    oct_epub_xw_start(x, "section");
    oct_epub_xw_attr(x, "epub:type", "index-group");
    oct_epub_xw_nl(x);
    oct_epub_xw_start(x, "h2");
    oct_epub_xw_attr(x, "class", "continued");
    oct_epub_xw_text(x,
                     oct_arena_printf(b->arena, oct_phrase(b->meta.lang, OCT_PH_CONTINUED), group));
    oct_epub_xw_end(x);
    oct_epub_xw_nl(x);
    oct_epub_xw_start(x, "ul");
    oct_epub_xw_attr(x, "epub:type", "index-entry-list");
    oct_epub_xw_attr(x, "class", "index-entries");
    oct_epub_xw_nl(x);
}

/* Writes terms [lo, hi) into x; sizes, when not NULL, gets each term's
 * bytes (a group's heading counted with its first term). */
static void write_terms(oct_epub_xw *x, const oct_epub_book *b, size_t lo, size_t hi, size_t *sizes)
{
    size_t n;
    const oct_index_term *t = oct_index_terms(b->index, &n);
    /* the group of the last linked term before lo: cut in two, it goes on
     * here under a "(continued)" heading without the group's id */
    const char *before = NULL, *group = NULL;
    int k = 0;
    for (size_t i = 0; i < lo && i < n; i++) {
        if (!linked(b, &t[i])) continue;
        if (!before || strcmp(before, t[i].group) != 0) k++;
        before = t[i].group;
    }
    if (sizes) oct_epub_xw_drain(x);
    for (size_t i = lo; i < hi && i < n; i++) {
        if (linked(b, &t[i])) {
            if (!group || strcmp(group, t[i].group) != 0) {
                if (group) close_group(x);
                if (!group && before && !strcmp(before, t[i].group))
                    open_continued(x, b, t[i].group);
                else
                    open_group(x, b, t[i].group, ++k);
                group = t[i].group;
            }
            write_entry(x, b, &t[i]);
        }
        if (sizes) sizes[i] = oct_epub_xw_drain(x);
    }
    if (group) close_group(x);
}

size_t *oct_epub_index_sizes(const oct_epub_book *b, size_t *n)
{
    oct_index_terms(b->index, n);
    size_t *sizes = oct_xcalloc(*n + 1, sizeof *sizes);
    oct_epub_xw *x = oct_epub_xw_counter();
    oct_epub_xw_start(x, "body");
    write_terms(x, b, 0, *n, sizes);
    oct_epub_xw_free(x);
    return sizes;
}

int oct_epub_index_xhtml(const oct_epub_book *b, size_t u, char **data, size_t *len)
{
    const oct_epub_unit *un = &b->units[u];
    oct_epub_xw *x = oct_epub_piece_doc(b, oct_phrase(b->meta.lang, OCT_PH_INDEX), "index", NULL,
                                        "index", un->piece);
    write_terms(x, b, un->lo, un->hi, NULL);
    oct_epub_xw_end(x);
    oct_epub_xw_nl(x);
    return oct_epub_xw_close(x, b->diag, "the index", data, len);
}
