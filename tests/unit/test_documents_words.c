/* Word notes, what a run and a list mean beyond their text: list levels
 * numbered as Word shows them (w:lvlRestart, a w:num's start and level
 * overrides) and text typed in a symbol font (Symbol's "a" is α). */
#include "check.h"
#include "documents_support.h"

#include <stdlib.h>
#include <string.h>

/* The number of the item whose text is `text` in dump s, or -1. */
static int item_number(const char *s, const char *text)
{
    char want[120];
    snprintf(want, sizeof want, "text \"%s\"", text);
    const char *at = strstr(s, want);
    if (!at) return -1;
    const char *item = NULL;
    for (const char *p = s; (p = strstr(p, "item number=")) && p < at; p++)
        item = p;
    return item ? atoi(item + strlen("item number=")) : -1;
}

/* A multilevel list for a revision sheet: level 0 numbers the chapters
 * (Heading 1 is linked to it, "Chapter %1"), level 1 the questions, level
 * 2 their parts. restart1 and restart2: the w:lvlRestart of levels 1 and
 * 2, "" for none. Lists 1 and 2 are that numbering; list 3 restarts the
 * questions at 10, list 4 sets the chapters in capitals from III. */
static char *numbering(const char *restart1, const char *restart2)
{
    char *n = malloc(4000);
    snprintf(n, 4000,
             "<w:numbering " W_NS "><w:abstractNum w:abstractNumId=\"0\">"
             "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
             "<w:pStyle w:val=\"H1\"/><w:lvlText w:val=\"Chapter %%1:\"/></w:lvl>"
             "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>%s"
             "<w:lvlText w:val=\"%%2.\"/></w:lvl>"
             "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/>%s"
             "<w:lvlText w:val=\"(%%3)\"/></w:lvl></w:abstractNum>"
             "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
             "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/></w:num>"
             "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"1\">"
             "<w:startOverride w:val=\"10\"/></w:lvlOverride></w:num>"
             "<w:num w:numId=\"4\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"0\">"
             "<w:startOverride w:val=\"3\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"3\"/><w:numFmt "
             "w:val=\"upperRoman\"/>"
             "<w:lvlText w:val=\"%%1.\"/></w:lvl></w:lvlOverride></w:num></w:numbering>",
             restart1, restart2);
    return n;
}

static const char LIST_STYLES[] =
    "<w:styles " W_NS "><w:style w:styleId=\"H1\"><w:name w:val=\"heading 1\"/><w:pPr>"
    "<w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style></w:styles>";

#define CHAPTER(t) "<w:p><w:pPr><w:pStyle w:val=\"H1\"/></w:pPr><w:r><w:t>" t "</w:t></w:r></w:p>\n"
#define ITEM(num, l, t)                                                                            \
    "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" l "\"/><w:numId w:val=\"" num "\"/></w:numPr>"         \
    "</w:pPr><w:r><w:t>" t "</w:t></w:r></w:p>\n"

static const char SHEET[] = CHAPTER("Cells") ITEM("1", "1", "What is a cell?")
    ITEM("1", "1", "Name two organelles.") ITEM("1", "2", "one in plants")
        ITEM("1", "2", "one in animals") ITEM("1", "1", "What does a ribosome make?")
            ITEM("1", "2", "and where?") CHAPTER("Energy") ITEM("1", "1", "What is ATP?")
                ITEM("1", "2", "its sugar") ITEM("1", "1", "Where is it made?");

/* Word's default: a level restarts after any level above it, so the
 * questions of each chapter count from 1 and the parts of each question
 * from (a). */
static void test_restart_default(void)
{
    oct_diag *d = oct_diag_new(NULL);
    char *num = numbering("", "");
    char *s = docx(SHEET, LIST_STYLES, num, d);
    CHECK(has(s, "text \"Chapter 1: Cells\""));
    CHECK(has(s, "text \"Chapter 2: Energy\""));
    CHECK(item_number(s, "Name two organelles.") == 2);
    CHECK(item_number(s, "one in animals") == 2);
    CHECK(item_number(s, "and where?") == 1);
    CHECK(item_number(s, "What is ATP?") == 1);
    CHECK(item_number(s, "Where is it made?") == 2);
    free(s);
    free(num);
    oct_diag_free(d);
}

/* Questions numbered on through the chapters (lvlRestart 0), parts that
 * restart only at a chapter (lvlRestart 1), not at each question. */
static void test_restart_set(void)
{
    oct_diag *d = oct_diag_new(NULL);
    char *num = numbering("<w:lvlRestart w:val=\"0\"/>", "<w:lvlRestart w:val=\"1\"/>");
    char *s = docx(SHEET, LIST_STYLES, num, d);
    CHECK(has(s, "text \"Chapter 2: Energy\""));
    CHECK(item_number(s, "What is a cell?") == 1);
    CHECK(item_number(s, "What does a ribosome make?") == 3);
    CHECK(item_number(s, "and where?") == 3);   /* (c): parts go on across questions */
    CHECK(item_number(s, "What is ATP?") == 4); /* questions go on across chapters */
    CHECK(item_number(s, "its sugar") == 1);    /* parts restart at a chapter */
    CHECK(item_number(s, "Where is it made?") == 5);
    free(s);
    free(num);
    /* a restart naming the level itself or one below it is ignored */
    num = numbering("<w:lvlRestart w:val=\"2\"/>", "<w:lvlRestart w:val=\"7\"/>");
    s = docx(SHEET, LIST_STYLES, num, d);
    CHECK(item_number(s, "What is ATP?") == 1);
    CHECK(item_number(s, "and where?") == 1);
    free(s);
    free(num);
    oct_diag_free(d);
}

/* A w:num's overrides: a start override restarts its level at its first
 * use and whenever the level restarts; a w:lvl in a w:lvlOverride is the
 * level as that list shows it. */
static void test_overrides(void)
{
    oct_diag *d = oct_diag_new(NULL);
    char *num = numbering("", "");
    char *s = docx(
        ITEM("2", "0", "Revision") ITEM("2", "1", "first") ITEM("2", "1", "second") ITEM("3", "0",
                                                                                         "Test")
            ITEM("3", "1", "tenth") ITEM("3", "1", "eleventh") ITEM("3", "0", "Retest") ITEM(
                "3", "1",
                "tenth again") "<w:p><w:pPr><w:pStyle w:val=\"H1\"/><w:numPr><w:numId "
                               "w:val=\"4\"/></w:numPr></w:pPr><w:r><w:t>Roman</w:t></w:r></w:p>\n",
        LIST_STYLES, num, d);
    CHECK(item_number(s, "second") == 2);
    CHECK(item_number(s, "Test") == 2); /* one abstract numbering: lists 2 and 3 count on */
    CHECK(item_number(s, "tenth") == 10);
    CHECK(item_number(s, "eleventh") == 11);
    CHECK(item_number(s, "tenth again") == 10);
    CHECK(has(s, "text \"III. Roman\""));
    free(s);
    free(num);
    oct_diag_free(d);
}

/* Text typed in a symbol font: Symbol's letters are Greek and its signs
 * operators (in a run's own w:rFonts, through a character style, or in
 * LibreOffice's private-use form F061); a font octavo has no table for
 * keeps its text, with one warning. */
static void test_symbol_runs(void)
{
    oct_diag *d = oct_diag_new(NULL);
#define RUN(font, t)                                                                               \
    "<w:r><w:rPr><w:rFonts w:ascii=\"" font "\" w:hAnsi=\"" font "\"/></w:rPr><w:t "               \
    "xml:space=\"preserve\">" t "</w:t></w:r>"
    const char *styles =
        "<w:styles " W_NS "><w:style w:type=\"character\" w:styleId=\"Griech\"><w:name "
        "w:val=\"Griechisch\"/><w:rPr><w:rFonts w:ascii=\"Symbol\"/></w:rPr></w:style></w:styles>";
    /* one run a line; F044 is Symbol's Δ as LibreOffice writes it */
    // clang-format off
    static const char body[] =
        "<w:p><w:r><w:t xml:space=\"preserve\">Winkel </w:t></w:r>"
        RUN("Symbol", "a b g p")
        "<w:r><w:t xml:space=\"preserve\"> und </w:t></w:r>"
        RUN("Symbol", "\xef\x81\x84")
        "<w:r><w:t>x</w:t></w:r>"
        RUN("Symbol", " \xef\x82\xb3 0") "</w:p>\n"
        "<w:p><w:r><w:rPr><w:rStyle w:val=\"Griech\"/></w:rPr><w:t>W</w:t></w:r>"
        "<w:r><w:t xml:space=\"preserve\"> = 2pf</w:t></w:r></w:p>\n"
        "<w:p>"
        RUN("Wingdings", "\xc3\xbc")
        RUN("Wingdings", "0")
        RUN("Webdings", "abc") "</w:p>\n";
    // clang-format on
    char *s = docx(body, styles, NULL, d);
#undef RUN
    CHECK(has(s, "text \"Winkel \xce\xb1 \xce\xb2 \xce\xb3 \xcf\x80 und \xce\x94x "
                 "\xe2\x89\xa5 0\" @4:1"));
    CHECK(has(s, "text \"\xce\xa9 = 2pf\" @5:1")); /* Ω by its style; a text font's letters stay */
    /* Wingdings' check mark; its "0" (a folder) has no mapping here: as typed */
    CHECK(has(s, "text \"\xe2\x9c\x93"
                 "0abc\" @6:1"));
    CHECK(check_count_code(d, "document-symbol") == 2); /* once per font */
    CHECK(said(d, "document-symbol", "'Webdings'"));
    CHECK(said(d, "document-symbol", "'Wingdings' is printed as typed"));
    free(s);
    /* an ODF span whose font face is Symbol */
    const char *content =
        "<office:document-content "
        "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
        "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
        "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
        "xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\">"
        "<office:font-face-decls><style:font-face style:name=\"Symbol1\" "
        "svg:font-family=\"Symbol\"/></office:font-face-decls><office:automatic-styles>"
        "<style:style style:name=\"T1\" style:family=\"text\"><style:text-properties "
        "style:font-name=\"Symbol1\"/></style:style></office:automatic-styles>"
        "<office:body><office:text>\n<text:p>L\xc3\xa4nge <text:span text:style-name=\"T1\">l"
        "</text:span> = 500 nm</text:p>\n</office:text></office:body></office:document-content>";
    part p[] = {{"mimetype", "application/vnd.oasis.opendocument.text", 0},
                {"content.xml", content, 0}};
    s = read_package("optik.odt", p, 2, d, NULL);
    CHECK(has(s, "text \"L\xc3\xa4nge \xce\xbb = 500 nm\" @2:1"));
    free(s);
    oct_diag_free(d);
}

/* A footnote read in the middle of an ODF paragraph leaves what was open
 * as it was: a quotation goes on after it (not a second one inside the
 * first) and one the note holds is the note's; a code line that refers
 * to a note stays a paragraph, so the reference is not lost. */
static void test_notes_keep_place(void)
{
    oct_diag *d = oct_diag_new(NULL);
#define NOTE(id, body)                                                                             \
    "<text:note text:id=\"" id "\" text:note-class=\"footnote\"><text:note-citation>1"             \
    "</text:note-citation><text:note-body>" body "</text:note-body></text:note>"
    const char *
        content = "<office:document-content "
                  "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                  "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
                  "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"><office:"
                  "automatic-styles>"
                  "<style:style style:name=\"Q\" style:family=\"paragraph\" "
                  "style:parent-style-name=\"Quotations\"/><style:style style:name=\"C\" "
                  "style:family=\"paragraph\" style:parent-style-name=\"Preformatted_20_Text\"/>"
                  "</office:automatic-styles><office:body><office:text>\n"
                  "<text:p text:style-name=\"Q\">Carpe diem" NOTE(
                      "a", "<text:p text:style-name=\"Q\">Horace, "
                           "Odes</text:p><text:p>I.11</text:p>") "</text:p>\n<text:p "
                                                                 "text:style-name=\"Q\">quam "
                                                                 "minimum credula "
                                                                 "postero</text:p>\n"
                                                                 "<text:p "
                                                                 "text:style-name=\"C\">print("
                                                                 "x)" NOTE("b",
                                                                           "<text:p>x is "
                                                                           "3</text:p>") "</"
                                                                                         "text:p>"
                                                                                         "\n</"
                                                                                         "office:"
                                                                                         "text></"
                                                                                         "office:"
                                                                                         "body></"
                                                                                         "office:"
                                                                                         "document-"
                                                                                         "content>";
#undef NOTE
    part p[] = {{"mimetype", "application/vnd.oasis.opendocument.text", 0},
                {"content.xml", content, 0}};
    char *s = read_package("latein.odt", p, 2, d, NULL);
    CHECK(has(s, "    blockquote @2:1\n      paragraph @2:1\n        text \"Carpe diem\" @2:1\n"
                 "        footnote_ref index=1 label=\"a\" @2:1\n      paragraph @3:1\n"
                 "        text \"quam minimum"));
    CHECK(has(s, "footnote_def index=1 label=\"a\" @2:1\n      blockquote @2:1\n"
                 "        paragraph @2:1\n          text \"Horace, Odes\" @2:1\n"
                 "      paragraph @2:1\n        text \"I.11\""));
    CHECK(has(s, "    paragraph @4:1\n      code \"print(x)\" @4:1\n"
                 "      footnote_ref index=2 label=\"b\" @4:1\n"));
    free(s);
    oct_diag_free(d);
}

int main(void)
{
    test_notes_keep_place();
    test_symbol_runs();
    test_restart_default();
    test_restart_set();
    test_overrides();
    return check_done();
}
