/* Cards written inside block quotes (study_int.h, st_unwrap_quoted_cards).
 *
 * Notes quote a card to set it apart: "> Q: …" / "> A: …", "> **Question:**
 * …", "> Q: … A: …" on one line, and the Q:/A: paragraphs ingest made of
 * "> term :: definition", "> front >> back" and the other card forms. The
 * rest of the pass reads the blocks of a chapter, not the inside of a
 * quote, so such a card stayed text. From the paragraph where it opens (a
 * line with a question label, an answer label on a later line) the
 * quote's blocks take its place, after what stays quoted; the quote's
 * look goes with them, and they are read as a card written without ">".
 * A quote in a quote or in a list item is read the same: inner quotes
 * first, so a card two quotes deep leaves both. */
#include "study/study_int.h"

#include <stdint.h>

/* Past this depth of quotes and lists a card stays quoted (ingest caps
 * nesting far below: this only bounds the recursion). */
enum { MAX_DEPTH = 32 };

/* The text of line i of l (cleared first); NULL for an empty line. */
static const char *line_text(const st_lines *l, size_t i, oct_buf *text)
{
    oct_buf_clear(text);
    if (l->v[i].first) st_range_text(l->v[i].first, l->v[i].last, text);
    return text->data;
}

/* Whether an answer label opens a line of a paragraph from p on (p's own
 * from line `from`). l is overwritten. */
static bool answer_follows(const oct_node *p, size_t from, st_lines *l, oct_buf *text)
{
    for (const oct_node *b = p; b; b = b->next) {
        if (b->kind != OCT_PARAGRAPH) continue;
        st_lines_of(b, l);
        for (size_t i = b == p ? from : 0; i < l->n; i++) {
            const char *s = line_text(l, i, text);
            if (s && st_answer_label(s, text->len)) return true;
        }
    }
    return false;
}

/* The line of paragraph p where a card opens: a question label opens it
 * and an answer label a later line, of p or of a paragraph after it;
 * SIZE_MAX if none. l holds p's lines after it. *last: no answer label
 * follows p's question, so none follows any later one either (the quote
 * is read once, however many labels it holds). */
static size_t card_opens(const oct_node *p, st_lines *l, oct_buf *text, bool *last)
{
    st_lines_of(p, l);
    size_t at = SIZE_MAX;
    for (size_t i = 0; i < l->n && at == SIZE_MAX; i++) {
        const char *s = line_text(l, i, text);
        if (s && st_question_label(s, text->len, NULL)) at = i;
    }
    if (at == SIZE_MAX) return SIZE_MAX;
    if (!answer_follows(p, at + 1, l, text)) {
        *last = true;
        return SIZE_MAX;
    }
    st_lines_of(p, l);
    return at;
}

/* The blocks of quote from p on take its place, after it; an emptied
 * quote goes. The quote's end was the card's: its last block ends the
 * answer, which would otherwise run on into the blocks after the quote. */
static void move_out(oct_node *quote, oct_node *p)
{
    oct_node *after = quote->next, *up = quote->parent, *last = NULL;
    while (p) {
        oct_node *next = p->next;
        oct_node_unlink(p);
        if (after)
            oct_node_insert_before(after, p);
        else
            oct_node_append(up, p);
        last = p;
        p = next;
    }
    if (last) last->ends_answer = true;
    if (!quote->first) oct_node_unlink(quote);
}

static void unwrap_quote(oct_tree *t, oct_node *quote, st_lines *l, oct_buf *text)
{
    /* "> Q: What is X? A: Y.": the answer cut to a paragraph of its own,
     * as in a chapter (only a line with a question label is ever cut) */
    for (oct_node *p = quote->first; p;) {
        oct_node *rest = p->kind == OCT_PARAGRAPH ? st_split_inline_card(t, p, l) : NULL;
        p = rest ? rest : p->next;
    }
    bool last = false;
    for (oct_node *p = quote->first; p && !last; p = p->next) {
        if (p->kind != OCT_PARAGRAPH) continue;
        size_t at = card_opens(p, l, text, &last);
        if (at == SIZE_MAX) continue;
        move_out(quote, at > 0 ? st_split_at(t, p, l, at) : p);
        return;
    }
}

static void unwrap_in(oct_tree *t, oct_node *container, st_lines *l, oct_buf *text, int depth)
{
    if (depth > MAX_DEPTH) return;
    for (oct_node *b = container->first; b;) {
        oct_node *next = b->next; /* what leaves a quote goes before it */
        if (b->kind == OCT_BLOCKQUOTE || b->kind == OCT_LIST || b->kind == OCT_ITEM)
            unwrap_in(t, b, l, text, depth + 1);
        if (b->kind == OCT_BLOCKQUOTE) unwrap_quote(t, b, l, text);
        b = next;
    }
}

void st_unwrap_quoted_cards(oct_tree *t, oct_node *container, st_lines *l)
{
    oct_buf text = OCT_BUF_INIT;
    unwrap_in(t, container, l, &text, 0);
    oct_buf_free(&text);
}
