/* Internal to src/epub: turning the tree into XHTML content documents.
 * blocks.c handles block nodes (lists.c, table.c and question.c the bigger
 * ones), inline.c inline nodes, chapter.c the document of one unit
 * (heading, body, footnotes). All markup goes through
 * xwriter.h. */
#ifndef OCT_EPUB_RENDER_H
#define OCT_EPUB_RENDER_H
#include <stdbool.h>

#include "epub/book.h"
#include "epub/map.h"
#include "epub/xwriter.h"

/* Tree nesting deeper than this is written as plain text: readers and
 * validators cope badly with very deep XML, and it bounds recursion. */
#define OCT_EPUB_MAX_DEPTH 64
/* Nested blocks (quotes in lists in quotes…) deeper than this become plain
 * paragraphs too: every level indents, and past a dozen levels the text
 * column of a phone is gone. */
#define OCT_EPUB_MAX_BLOCK_DEPTH 12

typedef struct {
    const oct_epub_book *book;
    oct_epub_xw *xw;
    size_t unit;     /* index of the unit being written */
    int depth;       /* tree nesting of the node being written */
    int block_depth; /* nesting of block nodes only */
    int in_link;     /* inside <a>: no nested links or note references */
    int quiet;       /* a rehearsal pass: report nothing */
    int in_figure;   /* the picture's title is the figcaption, not an attribute */
    /* Footnote reference anchors written so far, by definition anchor
     * (count as a pointer). The first pass fills `refs`; the second pass
     * reads `prev_refs` to know which definitions get a backlink. */
    oct_epub_map refs;
    const oct_epub_map *prev_refs;
    /* Anchors of the footnotes this document ends with (NULL while
     * measuring): a reference to one of them stays in the document. */
    const oct_epub_map *notes_here;
} oct_epub_ctx;

/* Siblings first..last (last NULL: to the end) in block context: runs of
 * inline nodes are wrapped in <p> unless `tight` (list items of tight
 * lists); FOOTNOTE_DEF nodes are skipped (see chapter.c). */
void oct_epub_blocks(oct_epub_ctx *r, const oct_node *first, const oct_node *last, bool tight);
/* Siblings from first onwards in inline context, stopping before `stop`
 * (NULL: to the end). Block nodes met here are written as their text. */
void oct_epub_inlines(oct_epub_ctx *r, const oct_node *first, const oct_node *stop);
/* xml:lang, lang and dir="rtl" on the element just opened for block n,
 * when its letters say so (blocks.c). */
void oct_epub_lang_attrs(oct_epub_ctx *r, const oct_node *n);
/* Single block nodes, each in its own file: lists.c, table.c, question.c. */
void oct_epub_list(oct_epub_ctx *r, const oct_node *list);
void oct_epub_table(oct_epub_ctx *r, const oct_node *table);
void oct_epub_question(oct_epub_ctx *r, const oct_node *q);
/* Quiz mode (the booklet's mode is "quiz"): a question shows only a link
 * to its answers; the document ends with them, one footnote aside per
 * question (oct_epub_quiz_answer, question.c), which readers with pop-ups
 * hide and the others show after the questions, like a key. */
void oct_epub_quiz_answer(oct_epub_ctx *r, const oct_node *q);
/* An ANSWER as <div class="answer">, with its id when `with_id` (a copy
 * of another wording's answer has none: that keeps its place), headed by
 * its source when `cite`; and the "Back to the question" line of a
 * pop-up. Both in question.c, for the quiz key and the cards. */
void oct_epub_answer(oct_epub_ctx *r, const oct_node *a, bool with_id, bool cite);
void oct_epub_back_link(oct_epub_ctx *r, const oct_node *q);
/* Flashcards mode (cards.c): q as its cluster's card, or a link to it. */
void oct_epub_card(oct_epub_ctx *r, const oct_node *q);
/* n's text written without markup (iteratively: any depth is safe);
 * FOOTNOTE_DEF subtrees are left out. */
void oct_epub_flat_text(oct_epub_ctx *r, const oct_node *n);
/* text[0..len) of a code block in `lang`: each line a <span class="cl">
 * (with iN, its indent in columns), tabs expanded, highlighted tokens in
 * <span class="hl-..."> (codehl.c). */
void oct_epub_code_text(oct_epub_ctx *r, const char *lang, const char *text, size_t len);
/* The deepest indent (columns) a code line's class names; css.c styles
 * classes i1..iN, deeper lines hang from column N. */
#define OCT_EPUB_CODE_MAX_INDENT 24
/* The footnote definition `def` as an <aside>, with a backlink to its
 * first reference when one was written. */
void oct_epub_footnote(oct_epub_ctx *r, const oct_node *def);
/* The id of the k-th (0-based) reference anchor to the note `def_anchor`.
 * Arena string of the book. */
const char *oct_epub_ref_anchor(const oct_epub_ctx *r, const char *def_anchor, long k);

/* In the first document of a chapter split in several, the list of its
 * pieces (pieces.c); nothing elsewhere. */
void oct_epub_piece_list(oct_epub_ctx *r);
/* How many documents unit u's group has (1 when not split). */
size_t oct_epub_group_pieces(const oct_epub_book *b, size_t u);
/* Bytes the piece list of an n-piece chapter may take at most. */
#define OCT_EPUB_PIECE_LIST_BYTES(n) (64 + 250 * (size_t)(n))

/* Writes the XHTML document of unit u. Returns 0 and a malloc'd document
 * (caller frees), or -1 after reporting to the book's diag. */
int oct_epub_unit_xhtml(const oct_epub_book *b, size_t u, char **data, size_t *len);

#endif
