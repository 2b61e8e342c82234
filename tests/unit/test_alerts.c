/* GitHub alert blocks (src/ingest/alerts.c): "> [!NOTE]" on its own line
 * becomes a bold title; anything else that looks like one stays text. */
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
                  "    text \"[!TIP] inline\" @7:3\n"
                  "blockquote @9:1\n"
                  "  paragraph @9:3\n"
                  "    text \"[!NOPE]\" @9:3\n"
                  "    soft_break @9:3\n"
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

int main(void)
{
    test_alerts();
    return check_done();
}
