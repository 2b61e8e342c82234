/* Flashcards mode: each question cluster is one card (as on the printed
 * cards and in the Anki deck): its number and topic, the clearest wording,
 * and an "Answer" link that e-readers open as a pop-up (noteref to a
 * footnote aside in the same document) holding every answer of the
 * cluster and a link back. Another wording of a card's question (an
 * unarranged booklet asks it in several sources) points to that card. */
#include "epub/render.h"
#include "tree/phrases.h"
#include "tree/wordings.h"

#include <stdio.h>
#include <string.h>

static void start(oct_epub_ctx *r, const char *tag, const char *cls)
{
    oct_epub_xw_start(r->xw, tag);
    if (cls) oct_epub_xw_attr(r->xw, "class", cls);
}

static void end_nl(oct_epub_ctx *r)
{
    oct_epub_xw_end(r->xw);
    oct_epub_xw_nl(r->xw);
}

static const char *card_label(const oct_epub_book *b, int cluster)
{
    return oct_arena_printf(b->arena, oct_phrase(b->meta.lang, OCT_PH_CARD_LABEL), cluster);
}

/* The pop-up: every answer of cluster k (0-based) or "No answer". */
static void write_back(oct_epub_ctx *r, const oct_node *q, size_t k, const char *key)
{
    const oct_epub_book *b = r->book;
    start(r, "aside", "card-back");
    oct_epub_xw_attr(r->xw, "epub:type", "footnote");
    oct_epub_xw_attr(r->xw, "role", "doc-footnote");
    oct_epub_xw_attr(r->xw, "id", key);
    oct_epub_xw_nl(r->xw);
    size_t answering = b->bank.nanswering[k];
    for (size_t i = b->bank.first[k]; i != (size_t)-1; i = b->bank.next[i]) {
        const oct_node *m = b->bank.q[i];
        if (!oct_question_has_answer(m)) continue;
        bool cite = answering > 1 || oct_question_cites_answers(m);
        for (const oct_node *a = m->first; a; a = a->next)
            if (a->kind == OCT_ANSWER && a->first)
                oct_epub_answer(r, a, m == q, cite); /* another wording keeps its id */
    }
    if (answering == 0) {
        start(r, "p", "no-answer");
        oct_epub_xw_text(r->xw, oct_phrase(b->meta.lang, OCT_PH_NO_ANSWER));
        end_nl(r);
    }
    oct_epub_back_link(r, q);
    end_nl(r); /* aside */
}

static void write_prompt(oct_epub_ctx *r, const oct_node *q)
{
    start(r, "p", "card-prompt");
    for (const oct_node *c = q->first; c; c = c->next)
        if (oct_kind_is_inline(c->kind)) oct_epub_inlines(r, c, c->next);
    end_nl(r);
}

static void write_card(oct_epub_ctx *r, const oct_node *q, int cluster)
{
    const oct_epub_book *b = r->book;
    const char *id = oct_epub_anchor(b, q);
    const char *key = oct_arena_printf(b->arena, "card-%s", id);
    start(r, "div", "card");
    oct_epub_xw_attr(r->xw, "id", id);
    oct_epub_xw_nl(r->xw);
    start(r, "p", "card-label");
    oct_epub_xw_text(r->xw, card_label(b, cluster));
    /* the topic, unless the chapter is that topic already */
    const oct_node *ch = oct_node_chapter(q);
    const char *topic = q->u.question.topic;
    if (topic && *topic && !(ch && ch->u.chapter.title && !strcmp(ch->u.chapter.title, topic))) {
        start(r, "span", "card-topic");
        oct_epub_xw_text(r->xw, topic);
        oct_epub_xw_end(r->xw);
    }
    end_nl(r);
    write_prompt(r, q);
    start(r, "p", "card-show");
    oct_epub_xw_start(r->xw, "a");
    oct_epub_xw_attr(r->xw, "epub:type", "noteref");
    oct_epub_xw_attr(r->xw, "role", "doc-noteref");
    oct_epub_xw_attr(r->xw, "href", oct_arena_printf(b->arena, "#%s", key));
    oct_epub_xw_text(r->xw, oct_phrase(b->meta.lang, OCT_PH_SHOW_ANSWER));
    oct_epub_xw_end(r->xw);
    end_nl(r);
    write_back(r, q, (size_t)cluster - 1, key);
    end_nl(r);
}

/* A wording that is not its cluster's card: the prompt and a link there. */
static void write_same_card(oct_epub_ctx *r, const oct_node *q, const oct_node *pick, int cluster)
{
    const oct_epub_book *b = r->book;
    start(r, "div", "card-alias");
    oct_epub_xw_attr(r->xw, "id", oct_epub_anchor(b, q));
    oct_epub_xw_nl(r->xw);
    write_prompt(r, q);
    const char *href = oct_epub_href(b, pick);
    start(r, "p", "card-same");
    if (href) {
        oct_epub_xw_start(r->xw, "a");
        oct_epub_xw_attr(r->xw, "href", href);
    }
    oct_epub_xw_text(r->xw, oct_arena_printf(b->arena, oct_phrase(b->meta.lang, OCT_PH_SAME_CARD),
                                             card_label(b, cluster)));
    if (href) oct_epub_xw_end(r->xw);
    end_nl(r);
    end_nl(r);
}

void oct_epub_card(oct_epub_ctx *r, const oct_node *q)
{
    const oct_bank *bank = &r->book->bank;
    int k = q->u.question.cluster;
    if (k <= 0 || (size_t)k > bank->nclusters) {
        /* not in the bank (a tree studied without clusters): a card alone */
        start(r, "div", "card");
        oct_epub_xw_attr(r->xw, "id", oct_epub_anchor(r->book, q));
        write_prompt(r, q);
        end_nl(r);
        return;
    }
    const oct_node *pick = bank->q[oct_bank_pick(bank, (size_t)k - 1)];
    if (pick == q)
        write_card(r, q, k);
    else
        write_same_card(r, q, pick, k);
}
