/* "To research": an appendix document listing each question cluster that
 * no wording answers, once (its first wording), with its number and
 * source chapter, each entry a link to the question. */
#include "epub/docs.h"
#include "epub/xwriter.h"
#include "util/xalloc.h"

int oct_epub_has_research(const oct_epub_book *b)
{
    return b->bank.ntodo > 0;
}

static void write_entry(oct_epub_xw *x, const oct_epub_book *b, int k, const oct_node *q)
{
    const char *href = oct_epub_href(b, q);
    oct_epub_xw_start(x, "li");
    oct_epub_xw_attr(x, "id", oct_arena_printf(b->arena, "research-%d", k));
    if (href) {
        oct_epub_xw_start(x, "a");
        oct_epub_xw_attr(x, "href", href);
    }
    char nb[40];
    const char *lab = *oct_question_name(q, nb, sizeof nb) ? nb : NULL;
    if (lab) {
        oct_epub_xw_start(x, "span");
        oct_epub_xw_attr(x, "class", "qnum");
        oct_epub_xw_text(x, oct_arena_printf(b->arena, "%s%s", lab, oct_question_label_dot(lab)));
        oct_epub_xw_end(x);
        oct_epub_xw_text(x, " ");
    }
    const char *prompt = oct_epub_plain(b->arena, q);
    oct_epub_xw_text(x, *prompt ? prompt : "Question");
    if (href) oct_epub_xw_end(x);
    const oct_node *ch = oct_node_chapter(q);
    if (ch && ch->u.chapter.title && *ch->u.chapter.title) {
        oct_epub_xw_text(x, " ");
        oct_epub_xw_start(x, "span");
        oct_epub_xw_attr(x, "class", "research-source");
        oct_epub_xw_text(x, oct_arena_printf(b->arena, "(%s)", ch->u.chapter.title));
        oct_epub_xw_end(x);
    }
    oct_epub_xw_end(x);
    oct_epub_xw_nl(x);
}

size_t *oct_epub_research_sizes(const oct_epub_book *b)
{
    size_t *sizes = oct_xcalloc(b->bank.ntodo + 1, sizeof *sizes);
    oct_epub_xw *x = oct_epub_xw_counter();
    oct_epub_xw_start(x, "ol");
    oct_epub_xw_drain(x);
    for (size_t i = 0; i < b->bank.ntodo; i++) {
        write_entry(x, b, (int)b->bank.todo[i] + 1, oct_bank_first(&b->bank, b->bank.todo[i]));
        sizes[i] = oct_epub_xw_drain(x);
    }
    oct_epub_xw_free(x);
    return sizes;
}

int oct_epub_research_xhtml(const oct_epub_book *b, size_t u, char **data, size_t *len)
{
    const oct_epub_unit *un = &b->units[u];
    oct_epub_xw *x = oct_epub_piece_doc(b, oct_phrase(b->meta.lang, OCT_PH_TO_RESEARCH), "appendix",
                                        "research", "research", un->piece);
    oct_epub_xw_start(x, "ol");
    oct_epub_xw_attr(x, "class", "research-list");
    if (un->lo > 0) oct_epub_xw_attr_int(x, "start", (long)un->lo + 1); /* numbering goes on */
    oct_epub_xw_nl(x);
    for (size_t i = un->lo; i < un->hi; i++)
        write_entry(x, b, (int)b->bank.todo[i] + 1, oct_bank_first(&b->bank, b->bank.todo[i]));
    oct_epub_xw_end(x);
    oct_epub_xw_nl(x);
    oct_epub_xw_end(x);
    oct_epub_xw_nl(x);
    return oct_epub_xw_close(x, b->diag, "the To research appendix", data, len);
}
