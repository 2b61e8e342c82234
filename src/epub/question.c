#include "epub/docs.h"
#include "epub/render.h"
#include "tree/phrases.h"
#include "tree/wordings.h"

#include <stdio.h>
#include <string.h>

/* A question is a block of its own: its number, the prompt set apart, then
 * the answer, or a visible marker when the notes never answer it (so a
 * reader sees the gap instead of a question that seems to lead nowhere). */

static int has_prompt(const oct_node *q)
{
    for (const oct_node *c = q->first; c; c = c->next)
        if (oct_kind_is_inline(c->kind)) return 1;
    return q->u.question.number > 0 || q->u.question.label;
}

/* The number and the prompt as a paragraph of class `cls`; `flat` writes
 * the prompt as plain text (a copy: no second link or note anchor). */
static void write_prompt(oct_epub_ctx *r, const oct_node *q, const char *cls, bool flat)
{
    oct_epub_xw_start(r->xw, "p");
    oct_epub_xw_attr(r->xw, "class", cls);
    oct_epub_lang_attrs(r, q);
    if (q->u.question.number > 0 || q->u.question.label) {
        char num[40];
        if (q->u.question.label)
            snprintf(num, sizeof num, "%s%s", q->u.question.label,
                     oct_question_label_dot(q->u.question.label));
        else
            snprintf(num, sizeof num, "%d.", q->u.question.number);
        oct_epub_xw_start(r->xw, "span");
        oct_epub_xw_attr(r->xw, "class", "qnum");
        oct_epub_xw_text(r->xw, num);
        oct_epub_xw_end(r->xw);
        oct_epub_xw_text(r->xw, " ");
    }
    for (const oct_node *c = q->first; c; c = c->next) {
        if (!oct_kind_is_inline(c->kind)) continue;
        if (flat)
            oct_epub_flat_text(r, c);
        else
            oct_epub_inlines(r, c, c->next);
    }
    if (q->u.question.marks > 0) { /* an exam part's "[2]", set apart from its wording */
        char m[24];
        snprintf(m, sizeof m, "[%d]", q->u.question.marks);
        oct_epub_xw_text(r->xw, " ");
        oct_epub_xw_start(r->xw, "span");
        oct_epub_xw_attr(r->xw, "class", "marks");
        oct_epub_xw_text(r->xw, m);
        oct_epub_xw_end(r->xw);
    }
    oct_epub_xw_end(r->xw);
    oct_epub_xw_nl(r->xw);
}

static void text_para(oct_epub_ctx *r, const char *cls, const char *text)
{
    oct_epub_xw_start(r->xw, "p");
    oct_epub_xw_attr(r->xw, "class", cls);
    oct_epub_xw_text(r->xw, text);
    oct_epub_xw_end(r->xw);
    oct_epub_xw_nl(r->xw);
}

/* Arranged booklets: the sources that ask it, and its other wordings. */
static void write_provenance(oct_epub_ctx *r, const oct_node *q)
{
    const oct_tree *t = r->book->tree;
    oct_buf b = OCT_BUF_INIT, lead = OCT_BUF_INIT;
    oct_question_asked_line(t, q, &b);
    if (b.len) text_para(r, "asked-in", b.data);
    for (const oct_node *w = oct_question_other_wording(q, NULL); w;
         w = oct_question_other_wording(q, w)) {
        oct_wording_also_asked(t, w, &lead, &b);
        oct_epub_xw_start(r->xw, "p");
        oct_epub_xw_attr(r->xw, "class", "also-asked");
        oct_epub_xw_text(r->xw, lead.data);
        oct_epub_inlines(r, w->first, NULL);
        oct_epub_xw_text(r->xw, b.data);
        oct_epub_xw_end(r->xw);
        oct_epub_xw_nl(r->xw);
    }
    oct_buf_free(&b);
    oct_buf_free(&lead);
}

void oct_epub_answer(oct_epub_ctx *r, const oct_node *a, bool with_id, bool cite)
{
    oct_epub_xw_start(r->xw, "div");
    oct_epub_xw_attr(r->xw, "class", "answer");
    if (with_id) oct_epub_xw_attr(r->xw, "id", oct_epub_anchor(r->book, a));
    oct_epub_xw_nl(r->xw);
    if (cite) {
        oct_buf b = OCT_BUF_INIT;
        oct_answer_source_line(r->book->tree, a, &b);
        if (b.len) text_para(r, "answer-source", b.data);
        oct_buf_free(&b);
    }
    oct_epub_blocks(r, a->first, NULL, false);
    oct_epub_xw_end(r->xw);
    oct_epub_xw_nl(r->xw);
}

/* Another wording answered: one line linking there. Answered nowhere: the
 * marker, and a link to its entry in the "To research" appendix. */
static void write_unanswered(oct_epub_ctx *r, const oct_node *q)
{
    const oct_epub_book *b = r->book;
    const oct_node *to = oct_bank_answer_for(&b->bank, q);
    const char *href = to ? oct_epub_href(b, to) : NULL;
    if (href) {
        char nb[40];
        const char *lab = *oct_question_name(to, nb, sizeof nb) ? nb : NULL;
        const oct_node *ch = oct_node_chapter(to);
        bool elsewhere =
            ch && ch != oct_node_chapter(q) && ch->u.chapter.title && *ch->u.chapter.title;
        const char *lang = b->meta.lang;
        const char *text =
            lab         ? oct_arena_printf(b->arena, oct_phrase(lang, OCT_PH_ANSWERED_UNDER), lab)
            : elsewhere ? oct_phrase(lang, OCT_PH_ANSWERED)
                        : oct_phrase(lang, OCT_PH_ANSWERED_OTHER);
        if (elsewhere)
            text = oct_arena_printf(
                b->arena, "%s%s", text,
                oct_arena_printf(b->arena, oct_phrase(lang, OCT_PH_IN), ch->u.chapter.title));
        oct_epub_xw_start(r->xw, "p");
        oct_epub_xw_attr(r->xw, "class", "answered-elsewhere");
        oct_epub_xw_start(r->xw, "a");
        oct_epub_xw_attr(r->xw, "href", href);
        oct_epub_xw_text(r->xw, text);
        oct_epub_xw_end(r->xw);
        oct_epub_xw_end(r->xw);
        return;
    }
    oct_epub_xw_start(r->xw, "p");
    oct_epub_xw_attr(r->xw, "class", "no-answer");
    oct_epub_xw_text(r->xw, oct_phrase(b->meta.lang, OCT_PH_NO_ANSWER));
    oct_epub_xw_end(r->xw);
    int k = q->u.question.cluster;
    if (!oct_epub_has_research(b) || k <= 0 || (size_t)k > b->bank.nclusters ||
        b->bank.answered[k - 1])
        return;
    oct_epub_xw_nl(r->xw);
    oct_epub_xw_start(r->xw, "p");
    oct_epub_xw_attr(r->xw, "class", "to-research");
    oct_epub_xw_start(r->xw, "a");
    oct_epub_xw_attr(r->xw, "href",
                     oct_epub_href_id(b, oct_arena_printf(b->arena, "research-%d", k), (size_t)-1));
    oct_epub_xw_text(r->xw, oct_phrase(b->meta.lang, OCT_PH_LISTED_RESEARCH));
    oct_epub_xw_end(r->xw);
    oct_epub_xw_end(r->xw);
}

static const char *key_anchor(const oct_epub_book *b, const oct_node *q)
{
    return oct_arena_printf(b->arena, "key-%s", oct_epub_anchor(b, q));
}

/* Quiz mode, under the question: a link that e-readers open as a pop-up
 * (noteref to a footnote aside of the same document, see
 * oct_epub_quiz_answer); a reader without pop-ups jumps there and back. */
static void write_quiz_link(oct_epub_ctx *r, const oct_node *q)
{
    const oct_epub_book *b = r->book;
    oct_epub_xw_start(r->xw, "p");
    oct_epub_xw_attr(r->xw, "class", "quiz-link");
    oct_epub_xw_start(r->xw, "a");
    oct_epub_xw_attr(r->xw, "epub:type", "noteref");
    oct_epub_xw_attr(r->xw, "role", "doc-noteref");
    oct_epub_xw_attr(r->xw, "href", oct_arena_printf(b->arena, "#%s", key_anchor(b, q)));
    oct_epub_xw_text(r->xw, oct_phrase(b->meta.lang, OCT_PH_SHOW_ANSWER));
    oct_epub_xw_end(r->xw);
    oct_epub_xw_end(r->xw);
}

void oct_epub_back_link(oct_epub_ctx *r, const oct_node *q)
{
    const oct_epub_book *b = r->book;
    oct_epub_xw_start(r->xw, "p");
    oct_epub_xw_attr(r->xw, "class", "quiz-back");
    oct_epub_xw_start(r->xw, "a");
    oct_epub_xw_attr(r->xw, "href", oct_arena_printf(b->arena, "#%s", oct_epub_anchor(b, q)));
    oct_epub_xw_text(r->xw, oct_phrase(b->meta.lang, OCT_PH_BACK_TO_QUESTION));
    oct_epub_xw_end(r->xw);
    oct_epub_xw_end(r->xw);
    oct_epub_xw_nl(r->xw);
}

void oct_epub_quiz_answer(oct_epub_ctx *r, const oct_node *q)
{
    const oct_epub_book *b = r->book;
    oct_epub_xw_start(r->xw, "aside");
    oct_epub_xw_attr(r->xw, "epub:type", "footnote");
    oct_epub_xw_attr(r->xw, "role", "doc-footnote");
    oct_epub_xw_attr(r->xw, "class", "quiz-answer");
    oct_epub_xw_attr(r->xw, "id", key_anchor(b, q));
    oct_epub_xw_nl(r->xw);
    /* Which question this answers, for a reader who scrolls the key. */
    write_prompt(r, q, "quiz-for", true);
    bool cite = oct_question_cites_answers(q);
    for (const oct_node *a = q->first; a; a = a->next)
        if (a->kind == OCT_ANSWER && a->first) oct_epub_answer(r, a, true, cite);
    oct_epub_back_link(r, q);
    oct_epub_xw_end(r->xw); /* aside */
    oct_epub_xw_nl(r->xw);
}

void oct_epub_question(oct_epub_ctx *r, const oct_node *q)
{
    if (oct_tree_in_mode(r->book->tree, "flashcards")) {
        oct_epub_card(r, q);
        return;
    }
    oct_epub_xw_start(r->xw, "div");
    oct_epub_xw_attr(r->xw, "class", "question");
    oct_epub_xw_attr(r->xw, "id", oct_epub_anchor(r->book, q));
    oct_epub_xw_nl(r->xw);
    if (has_prompt(q)) write_prompt(r, q, "prompt", false);
    write_provenance(r, q);
    /* Blocks inside the prompt (a malformed tree) still get written. */
    for (const oct_node *c = q->first; c; c = c->next)
        if (!oct_kind_is_inline(c->kind) && c->kind != OCT_ANSWER && c->kind != OCT_WORDING)
            oct_epub_blocks(r, c, c, false);
    if (oct_question_has_answer(q) && oct_tree_in_mode(r->book->tree, "quiz")) {
        write_quiz_link(r, q);
    } else if (oct_question_has_answer(q)) {
        bool cite = oct_question_cites_answers(q);
        for (const oct_node *a = q->first; a; a = a->next)
            if (a->kind == OCT_ANSWER && a->first) oct_epub_answer(r, a, true, cite);
    } else {
        write_unanswered(r, q);
    }
    oct_epub_xw_nl(r->xw);
    oct_epub_xw_end(r->xw);
}
