#include "epub/render.h"
#include "tree/phrases.h"
#include "util/xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* One unit → one XHTML file: a <section> holding the title as <h1>, the
 * blocks, and the unit's footnotes as <aside> elements at the end.
 *
 * A footnote's backlink must point at a reference anchor that really was
 * written, and references inside links or deep flattened content are not;
 * the simplest exact answer is to write the unit twice, the first time
 * only to learn which references exist. Units without notes are written
 * once. */

typedef struct {
    const oct_node **defs;
    size_t n, cap;
} note_list;

/* The unit's footnotes (filed by split.c with their first reference), and
 * in quiz mode its answered questions (their answers close the document). */
static void collect_notes(const oct_epub_book *b, const oct_epub_unit *u, note_list *out,
                          note_list *quiz)
{
    for (size_t i = 0; i < u->nnotes; i++) {
        OCT_GROW(out->defs, out->cap, out->n + 1);
        out->defs[out->n++] = u->notes[i];
    }
    if (!oct_tree_in_mode(b->tree, "quiz")) return;
    const oct_node *first, *last;
    oct_epub_unit_span(u, &first, &last);
    for (const oct_node *top = first; top; top = top->next) {
        if (oct_epub_unit_holds(u, top)) {
            oct_iter it;
            oct_event ev;
            oct_iter_init(&it, top);
            while ((ev = oct_iter_next(&it)) != OCT_EV_NONE) {
                if (ev != OCT_EV_ENTER || it.cur->kind != OCT_QUESTION ||
                    !oct_question_has_answer(it.cur))
                    continue;
                OCT_GROW(quiz->defs, quiz->cap, quiz->n + 1);
                quiz->defs[quiz->n++] = it.cur;
            }
        }
        if (top == last) break;
    }
}

static void write_note_label(oct_epub_ctx *r, const oct_node *def, const char *anchor)
{
    char label[32];
    if (def->u.footnote.index > 0)
        snprintf(label, sizeof label, "%d.", def->u.footnote.index);
    else
        snprintf(label, sizeof label, "*");
    if (r->prev_refs && oct_epub_map_get(r->prev_refs, anchor)) {
        oct_epub_xw_start(r->xw, "a");
        oct_epub_xw_attr(r->xw, "class", "fn-back");
        oct_epub_xw_attr(r->xw, "role", "doc-backlink");
        oct_epub_xw_attr(
            r->xw, "href",
            oct_arena_printf(r->book->arena, "#%s", oct_epub_ref_anchor(r, anchor, 0)));
    } else {
        oct_epub_xw_start(r->xw, "span");
        oct_epub_xw_attr(r->xw, "class", "fn-num");
    }
    oct_epub_xw_text(r->xw, label);
    oct_epub_xw_end(r->xw);
    oct_epub_xw_text(r->xw, " ");
}

void oct_epub_footnote(oct_epub_ctx *r, const oct_node *def)
{
    const char *anchor = oct_epub_anchor(r->book, def);
    oct_epub_xw_start(r->xw, "aside");
    oct_epub_xw_attr(r->xw, "epub:type", "footnote");
    oct_epub_xw_attr(r->xw, "role", "doc-footnote");
    oct_epub_xw_attr(r->xw, "class", "footnote");
    oct_epub_xw_attr(r->xw, "id", anchor);
    oct_epub_xw_nl(r->xw);
    const oct_node *rest = def->first;
    oct_epub_xw_start(r->xw, "p");
    if (rest && rest->kind == OCT_PARAGRAPH) {
        /* The number (the way back) leads the first paragraph. */
        write_note_label(r, def, anchor);
        oct_epub_inlines(r, rest->first, NULL);
        rest = rest->next;
    } else {
        oct_epub_xw_attr(r->xw, "class", "fn-label");
        write_note_label(r, def, anchor);
    }
    oct_epub_xw_end(r->xw);
    oct_epub_xw_nl(r->xw);
    if (rest) oct_epub_blocks(r, rest, NULL, false);
    oct_epub_xw_end(r->xw);
    oct_epub_xw_nl(r->xw);
}

static void write_body(oct_epub_ctx *r, const oct_epub_unit *u)
{
    const oct_node *first, *last;
    oct_epub_unit_span(u, &first, &last);
    for (const oct_node *top = first; top; top = top->next) {
        if (oct_epub_unit_holds(u, top) && top != u->title_node)
            oct_epub_blocks(r, top, top, false);
        if (top == last) break;
    }
}

static void write_notes(oct_epub_ctx *r, const note_list *notes)
{
    if (!notes->n) return;
    oct_epub_xw_start(r->xw, "section");
    oct_epub_xw_attr(r->xw, "class", "footnotes");
    oct_epub_xw_nl(r->xw);
    for (size_t i = 0; i < notes->n; i++) {
        r->depth = r->block_depth = 0;
        oct_epub_footnote(r, notes->defs[i]);
    }
    oct_epub_xw_end(r->xw);
    oct_epub_xw_nl(r->xw);
}

static void write_quiz_key(oct_epub_ctx *r, const note_list *quiz)
{
    if (!quiz->n) return;
    oct_epub_xw_start(r->xw, "section");
    oct_epub_xw_attr(r->xw, "class", "quiz-key");
    oct_epub_xw_nl(r->xw);
    oct_epub_xw_start(r->xw, "h2");
    oct_epub_xw_text(r->xw, oct_phrase(r->book->meta.lang, OCT_PH_ANSWER_KEY));
    oct_epub_xw_end(r->xw);
    oct_epub_xw_nl(r->xw);
    for (size_t i = 0; i < quiz->n; i++) {
        r->depth = r->block_depth = 0;
        oct_epub_quiz_answer(r, quiz->defs[i]);
    }
    oct_epub_xw_end(r->xw);
    oct_epub_xw_nl(r->xw);
}

static int write_pass(oct_epub_ctx *r, const note_list *notes, const note_list *quiz, char **data,
                      size_t *len)
{
    const oct_epub_unit *u = &r->book->units[r->unit];
    /* After the first piece of a split chapter: no heading (one chapter,
     * one <h1>), a "(continued)" line instead. */
    const char *cont =
        u->piece ? oct_arena_printf(r->book->arena,
                                    oct_phrase(r->book->meta.lang, OCT_PH_CONTINUED), u->title)
                 : NULL;
    oct_epub_xw_xhtml_begin(r->xw, r->book->meta.lang, cont ? cont : u->title, "style.css");
    oct_epub_xw_start(r->xw, "section");
    /* Loose blocks read like an untitled chapter. */
    int part = u->kind == OCT_EPUB_UNIT_PART;
    oct_epub_xw_attr(r->xw, "epub:type", part ? "part" : "chapter");
    oct_epub_xw_attr(r->xw, "role", part ? "doc-part" : "doc-chapter");
    oct_epub_xw_attr(r->xw, "id", cont ? NULL : u->anchor);
    /* a chapter whose note names its own language in its front matter */
    const char *own = u->node && u->node->kind == OCT_CHAPTER ? u->node->u.chapter.lang : NULL;
    const char *book = r->book->meta.lang ? r->book->meta.lang : "";
    if (own && strcasecmp(own, book) != 0) {
        oct_epub_xw_attr(r->xw, "xml:lang", own);
        oct_epub_xw_attr(r->xw, "lang", own);
    }
    oct_epub_xw_nl(r->xw);
    if (cont) {
        oct_epub_xw_start(r->xw, "p");
        oct_epub_xw_attr(r->xw, "class", "continued");
        oct_epub_xw_text(r->xw, cont);
    } else {
        oct_epub_xw_start(r->xw, "h1");
        if (u->title_node) oct_epub_xw_attr(r->xw, "id", oct_epub_anchor(r->book, u->title_node));
        oct_epub_xw_text(r->xw, u->title);
    }
    oct_epub_xw_end(r->xw);
    oct_epub_xw_nl(r->xw);
    oct_epub_piece_list(r);
    write_body(r, u);
    write_quiz_key(r, quiz);
    write_notes(r, notes);
    oct_epub_xw_end(r->xw);
    oct_epub_xw_nl(r->xw);
    return oct_epub_xw_finish(r->xw, data, len);
}

int oct_epub_unit_xhtml(const oct_epub_book *b, size_t u, char **data, size_t *len)
{
    note_list notes = {0}, quiz = {0};
    collect_notes(b, &b->units[u], &notes, &quiz);
    oct_epub_map first_refs = {0}, here = {0};
    for (size_t i = 0; i < notes.n; i++)
        oct_epub_map_put(&here, oct_epub_anchor(b, notes.defs[i]), (void *)1);
    int rc = 0;
    if (notes.n) {
        oct_epub_ctx rehearsal = {
            .book = b, .xw = oct_epub_xw_counter(), .unit = u, .quiet = 1, .notes_here = &here};
        char *scratch;
        size_t slen;
        rc = write_pass(&rehearsal, &notes, &quiz, &scratch, &slen);
        free(scratch);
        oct_epub_xw_free(rehearsal.xw);
        first_refs = rehearsal.refs;
    }
    if (rc == 0) {
        oct_epub_ctx r = {.book = b,
                          .xw = oct_epub_xw_new(),
                          .unit = u,
                          .prev_refs = &first_refs,
                          .notes_here = &here};
        rc = write_pass(&r, &notes, &quiz, data, len);
        oct_epub_xw_free(r.xw);
        oct_epub_map_free(&r.refs);
    }
    if (rc != 0)
        oct_diag_report(b->diag, OCT_ERROR, NULL, 0, 0, "epub-xml",
                        "could not write the XHTML for '%s'", b->units[u].title);
    oct_epub_map_free(&first_refs);
    oct_epub_map_free(&here);
    free(notes.defs);
    free(quiz.defs);
    return rc;
}
