/* Spaced-repetition flashcards (src/ingest/srcards.c): in a deck (the
 * #flashcards tag in the text or the front matter's tags) every "a::b"
 * and "a:::b" line and every "?"-separated card becomes a question and its
 * answer, each at the writer's line; outside a deck only a left side that
 * ends with '?' makes a card, so Dataview fields and C++ names stay text;
 * code is never read. Through ingest and the study pass. */
#include "check.h"
#include "html_support.h"
#include "ingest/frontmatter.h"
#include "ingest/srcards.h"
#include "study/study.h"
#include "test_study_support.h"

#include <stdlib.h>
#include <string.h>

static doc studied(const char *md)
{
    doc r = ingest(md);
    oct_study_run(r.t, r.d);
    return r;
}

/* Question n's prompt and its answer's first paragraph, plain. */
static void check_card(const doc *r, int n, const char *prompt, const char *answer, int line)
{
    const oct_node *q = nth_question(r->ch, n);
    CHECK(q != NULL);
    if (!q) return;
    oct_buf p = OCT_BUF_INIT, a = OCT_BUF_INIT;
    for (const oct_node *c = q->first; c; c = c->next)
        if (oct_kind_is_inline(c->kind)) oct_node_plain_text_to(c, &p);
    const oct_node *ans = q->last && q->last->kind == OCT_ANSWER ? q->last : NULL;
    if (ans && ans->first) oct_node_plain_text_to(ans->first, &a);
    CHECK_STR(p.data ? p.data : "", prompt);
    CHECK_STR(a.data ? a.data : "", answer);
    CHECK(q->span.line == line);
    if (q->span.line != line)
        fprintf(stderr, "question %d at line %d, not %d\n", n, q->span.line, line);
    oct_buf_free(&p);
    oct_buf_free(&a);
}

static void test_tags(void)
{
    const char *yes[] = {"#flashcards", "Deck #flashcards/cells\n", "x\n#flashcards\n",
                         "tags (#flashcards)"};
    const char *no[] = {"#flashcardsX", "a#flashcards", "# flashcards", "#flashcards-old",
                        "flashcards"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        CHECK(oct_srcards_tagged(yes[i], strlen(yes[i])));
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        CHECK(!oct_srcards_tagged(no[i], strlen(no[i])));
    struct {
        const char *text;
        bool deck;
    } fm[] = {
        {"---\ntags: [bio, flashcards]\n---\nbody\n", true},
        {"---\ntitle: Cells\ntags:\n  - biology\n  - flashcards/cells\n---\n", true},
        {"---\ntags: \"#flashcards\"\n---\n", true},
        {"---\ntitle: flashcards\n---\n", false},
        {"---\ntags: [notflashcards]\ntitle: x\n---\n", false},
        {"---\ntags: [bio]\naliases:\n  - flashcards\n---\n", false},
    };
    for (size_t i = 0; i < sizeof fm / sizeof *fm; i++) {
        char *s = strdup(fm[i].text);
        size_t len = strlen(s);
        oct_front_matter f;
        CHECK(oct_front_matter_take(s, &len, &f));
        CHECK(f.flashcards == fm[i].deck);
        if (f.flashcards != fm[i].deck) fprintf(stderr, "front matter %zu\n", i);
        oct_front_matter_release(&f);
        free(s);
    }
}

static void test_deck(void)
{
    doc r = studied("---\ntags: [flashcards]\n---\n"
                    "# Cells\n\n"
                    "Mitochondria::Makes **ATP**\n"
                    "Ribosome :: Builds proteins\n"
                    "Nucleus:::Holds the genome\n"
                    "**Golgi**::Ships proteins\n\n"
                    "What does a lysosome do?\n"
                    "?\n"
                    "It digests\n"
                    "what the cell takes in.\n\n"
                    "Code such as `std::vector` is not read.\n");
    CHECK(count_questions(r.ch).questions == 5);
    CHECK(count_questions(r.ch).answered == 5);
    check_card(&r, 0, "Mitochondria", "Makes ATP", 6);
    check_card(&r, 1, "Ribosome", "Builds proteins", 7);
    check_card(&r, 2, "Nucleus", "Holds the genome", 8);
    check_card(&r, 3, "Golgi", "Ships proteins", 9);
    check_card(&r, 4, "What does a lysosome do?", "It digests what the cell takes in.", 11);
    release(&r);
    /* the tag in the text makes a deck too */
    r = studied("#flashcards\n\nestrella::star\nluna :: moon\n");
    CHECK(count_questions(r.ch).questions == 2);
    check_card(&r, 1, "luna", "moon", 4);
    release(&r);
}

static void test_not_a_deck(void)
{
    doc r = studied("# Notes\n\n"
                    "author:: Jane Doe\n"
                    "What is osmosis?::Water crossing a membrane\n"
                    "Use std::move for rvalues, and fe80::1 is an address.\n\n"
                    "Term::definition is a deck's syntax, not this note's.\n\n"
                    "A line\n?\nwith a question mark alone is no card here.\n");
    CHECK(count_questions(r.ch).questions == 1);
    check_card(&r, 0, "What is osmosis?", "Water crossing a membrane", 4);
    oct_buf all = OCT_BUF_INIT; /* every word, as printed */
    oct_iter it;
    oct_iter_init(&it, r.ch);
    for (const oct_node *c; (c = oct_iter_next_node(&it));)
        if (c->kind == OCT_TEXT && c->text) oct_buf_puts(&all, c->text);
    CHECK(strstr(all.data, "author:: Jane Doe") != NULL);
    CHECK(strstr(all.data, "std::move") && strstr(all.data, "fe80::1"));
    CHECK(strstr(all.data, "Term::definition") != NULL);
    oct_buf_free(&all);
    release(&r);
    /* no words on one side, four colons: no card even in a deck */
    r = studied("#flashcards\n\n::alone\nalone::\na::::b\n");
    CHECK(count_questions(r.ch).questions == 0);
    release(&r);
}

/* Anki's clozes: in a deck a line with one is a card (the cloze blanked,
 * or its hint in brackets; the answer the whole line, the words in bold);
 * a "::" inside "{{...}}" never separates a card; elsewhere the words
 * print bold and the hint is left out with a note. */
static void test_cloze(void)
{
    doc r = studied("#flashcards\n\n"
                    "Quartz is number {{c1::seven}} on the scale.\n"
                    "Talc::{{c1::one}}, the softest\n"
                    "Topaz is {{c1::eight::a number}} and {{c2::corundum **nine**}}.\n");
    CHECK(count_questions(r.ch).questions == 3);
    check_card(&r, 0, "Quartz is number [...] on the scale.",
               "Quartz is number seven on the scale.", 3);
    check_card(&r, 1, "Talc", "one, the softest", 4);
    check_card(&r, 2, "Topaz is [a number] and [...].", "Topaz is eight and corundum nine.", 5);
    const oct_node *a = nth_question(r.ch, 0)->last->first;
    CHECK(a->first->next->kind == OCT_STRONG);
    CHECK(oct_diag_size(r.d) == 0);
    release(&r);
    r = studied("Which mineral is {{c1::seven::a number}} on the scale?::Quartz\n\n"
                "A {{c1::cloze}} in prose, `{{c1::code}}` not.\n");
    CHECK(count_questions(r.ch).questions == 1);
    const oct_node *q = nth_question(r.ch, 0);
    CHECK_STR(text_of(r.t, q), "Which mineral is seven on the scale?");
    CHECK(q->first->next->kind == OCT_STRONG);
    /* the answer ends with the card's line: the paragraph after it is
     * the note's, not more of the answer */
    CHECK(q->last->first == q->last->last);
    const oct_node *p = q->next;
    CHECK(p && p->kind == OCT_PARAGRAPH && p->first->next->kind == OCT_STRONG);
    if (!p) return;
    CHECK(p->last->prev->kind == OCT_CODE && !strcmp(p->last->prev->text, "{{c1::code}}"));
    CHECK(oct_diag_size(r.d) == 1 && !strcmp(oct_diag_at(r.d, 0)->code, "cloze"));
    release(&r);
}

int main(void)
{
    test_tags();
    test_deck();
    test_not_a_deck();
    test_cloze();
    return check_done();
}
