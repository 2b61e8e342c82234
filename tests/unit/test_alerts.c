/* Callouts (src/ingest/alerts.c): GitHub's "> [!NOTE]" on its own line
 * becomes a bold title; Obsidian's take a title after the marker, a fold
 * sign and types of the writer's own; a question callout with a title
 * leaves its quote as a bold question and its answer. Text that only
 * looks like a marker stays text. */
#include "check.h"
#include "html_support.h"

static void test_alerts(void)
{
    doc r = ingest("> [!NOTE]\n> Read this.\n\n> [!Caution]  \n> Hot.\n\n"
                   "> [!TIP] inline\n\n> [!NOPE]\n> x\n\n- > [!IMPORTANT]\n  > In a list.\n");
    CHECK_DUMP(r, "blockquote @1:1\n"
                  "  paragraph @1:3\n"
                  "    strong @1:3\n"
                  "      text \"Note\" @1:3\n"
                  "    line_break @1:3\n"
                  "    text \"Read this.\" @2:3\n"
                  "blockquote @4:1\n"
                  "  paragraph @4:3\n"
                  "    strong @4:3\n"
                  "      text \"Caution\" @4:3\n"
                  "    line_break @4:3\n"
                  "    text \"Hot.\" @5:3\n"
                  "blockquote @7:1\n"
                  "  paragraph @7:3\n"
                  "    strong @7:3\n"
                  "      text \"inline\" @7:3\n"
                  "blockquote @9:1\n"
                  "  paragraph @9:3\n"
                  "    strong @9:3\n"
                  "      text \"Nope\" @9:3\n"
                  "    line_break @9:3\n"
                  "    text \"x\" @10:3\n"
                  "list bullet tight @12:1\n"
                  "  item @12:1\n"
                  "    blockquote @12:3\n"
                  "      paragraph @12:5\n"
                  "        strong @12:5\n"
                  "          text \"Important\" @12:5\n"
                  "        line_break @12:5\n"
                  "        text \"In a list.\" @13:5\n");
    release(&r);
    /* a marker alone, with nothing after it, is still a title */
    r = ingest("> [!WARNING]\n");
    CHECK_DUMP(r, "blockquote @1:1\n"
                  "  paragraph @1:3\n"
                  "    strong @1:3\n"
                  "      text \"Warning\" @1:3\n");
    release(&r);
}

static void test_obsidian(void)
{
    /* a title with markup, a fold sign, a type of the writer's own */
    doc r = ingest("> [!tip]- Use *select_related*\n> One query.\n\n"
                   "> [!my-recipe]\n> Flour.\n\n"
                   "> [!faq] Why salt the brine?\n> It draws water out.\n>\n> And it keeps moulds "
                   "away.\n\n> [!question]\n> Untitled.\n\n> [!1] x\n\n> [ !note] y\n\n"
                   "> text [!note] z\n");
    CHECK_DUMP(r, "blockquote @1:1\n"
                  "  paragraph @1:3\n"
                  "    strong @1:3\n"
                  "      text \"Use \" @1:3\n"
                  "      emph @1:15\n"
                  "        text \"select_related\" @1:16\n"
                  "    line_break @1:3\n"
                  "    text \"One query.\" @2:3\n"
                  "blockquote @4:1\n"
                  "  paragraph @4:3\n"
                  "    strong @4:3\n"
                  "      text \"My recipe\" @4:3\n"
                  "    line_break @4:3\n"
                  "    text \"Flour.\" @5:3\n"
                  "paragraph @7:3\n"
                  "  strong @7:3\n"
                  "    text \"Why salt the brine?\" @7:3\n"
                  "paragraph @7:3\n"
                  "  text \"It draws water out.\" @8:3\n"
                  "paragraph @10:3\n"
                  "  text \"And it keeps moulds away.\" @10:3\n"
                  "blockquote @12:1\n"
                  "  paragraph @12:3\n"
                  "    strong @12:3\n"
                  "      text \"Question\" @12:3\n"
                  "    line_break @12:3\n"
                  "    text \"Untitled.\" @13:3\n"
                  "blockquote @15:1\n"
                  "  paragraph @15:3\n"
                  "    strong @15:3\n"
                  "      text \"x\" @15:3\n"
                  "blockquote @17:1\n"
                  "  paragraph @17:3\n"
                  "    text \"[ !note] y\" @17:3\n"
                  "blockquote @19:1\n"
                  "  paragraph @19:3\n"
                  "    text \"text [!note] z\" @19:3\n");
    release(&r);
}

/* An untitled question callout asks with its first body line when that
 * line ends in '?' (on the marker's paragraph or the next); its answer's
 * last block is marked to end the answer there. */
static void test_untitled_question(void)
{
    doc r = ingest("> [!faq]\n> Why does ice melt?\n> Entropy wins.\n\n"
                   "> [!question]-\n>\n> Warum schmilzt Eis?\n>\n> Die Entropie.\n\n"
                   "> [!question]\n> Untitled, and no question.\n");
    CHECK_DUMP(r, "paragraph @1:3\n"
                  "  strong @1:3\n"
                  "    text \"Why does ice melt?\" @2:3\n"
                  "paragraph @1:3\n"
                  "  text \"Entropy wins.\" @3:3\n"
                  "paragraph @5:3\n"
                  "  strong @5:3\n"
                  "    text \"Warum schmilzt Eis?\" @7:3\n"
                  "paragraph @9:3\n"
                  "  text \"Die Entropie.\" @9:3\n"
                  "blockquote @11:1\n"
                  "  paragraph @11:3\n"
                  "    strong @11:3\n"
                  "      text \"Question\" @11:3\n"
                  "    line_break @11:3\n"
                  "    text \"Untitled, and no question.\" @12:3\n");
    const oct_node *a = r.ch->first->next, *b = a ? a->next->next : NULL;
    CHECK(a && a->ends_answer && !a->next->ends_answer);
    CHECK(b && b->ends_answer);
    release(&r);
}

int main(void)
{
    test_alerts();
    test_obsidian();
    test_untitled_question();
    return check_done();
}
