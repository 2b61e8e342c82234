/* Word and OpenDocument notes (src/ingest/formats/), construct by
 * construct: packages zipped here from XML written in the test (libzip,
 * util/zip.h), read by oct_ingest_source, their tree dumped and compared,
 * node lines included (each node's line is its element's in the part). */
#include "check.h"
#include "documents_support.h"
#include "ingest/formats/formats.h"
#include "ingest/images/images.h"
#include "ingest/ingest.h"
#include "oct_limits.h"
#include "tree/tree.h"
#include "util/fileio.h"
#include "util/zip.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void test_runs_and_lines(void)
{
    oct_diag *d = oct_diag_new(NULL);
    char *s =
        docx("<w:p><w:r><w:t>Plain </w:t></w:r><w:r><w:rPr><w:b/><w:i/></w:rPr>"
             "<w:t>both</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">"
             " bold</w:t></w:r></w:p>\n"
             "<w:p><w:r><w:rPr><w:strike/></w:rPr><w:t>gone</w:t></w:r><w:r><w:rPr>"
             "<w:vertAlign w:val=\"superscript\"/></w:rPr><w:t>2</w:t></w:r><w:r><w:br/>"
             "<w:t>next</w:t><w:tab/><w:t>col</w:t></w:r></w:p>\n"
             "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE "
             "</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r>"
             "<w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>\n"
             "<w:p/>\n"
             "<w:p><w:r><w:t>CO</w:t></w:r><w:r><w:rPr><w:position w:val=\"-2\"/></w:rPr>"
             "<w:t>2</w:t></w:r><w:r><w:rPr><w:rStyle w:val=\"Link\"/></w:rPr><w:t> link"
             "</w:t></w:r><w:r><w:rPr><w:u w:val=\"single\"/></w:rPr><w:t> stressed</w:t>"
             "</w:r></w:p>\n",
             "<w:styles " W_NS "><w:style w:type=\"character\" w:styleId=\"Link\"><w:name "
             "w:val=\"Hyperlink\"/><w:rPr><w:u w:val=\"single\"/></w:rPr></w:style></w:styles>",
             NULL, d);
    CHECK(has(s,
              "paragraph @4:1\n      text \"Plain \" @4:1\n      strong @4:1\n        emph @4:1\n"
              "          text \"both\" @4:1\n        text \" bold\" @4:1\n"));
    CHECK(has(s, "paragraph @5:1\n      strike @5:1\n        text \"gone\" @5:1\n"
                 "      superscript @5:1\n        text \"2\" @5:1\n      line_break @5:1\n"
                 "      text \"next\\tcol\" @5:1\n"));
    CHECK(has(s, "paragraph @6:1\n      text \"7\" @6:1\n")); /* no " PAGE " */
    CHECK(!strstr(s, "PAGE"));
    CHECK(!strstr(s, "@7:1")); /* the empty paragraph is spacing */
    /* LibreOffice's lowered text; a link style's underline is no emphasis */
    CHECK(has(s, "paragraph @8:1\n      text \"CO\" @8:1\n      subscript @8:1\n        text \"2\" "
                 "@8:1\n      text \" link\" @8:1\n      emph @8:1\n        text \" stressed\""));
    free(s);
    oct_diag_free(d);
}

static const char STYLES[] =
    "<w:styles " W_NS ">"
    "<w:style w:styleId=\"berschrift1\"><w:name w:val=\"heading 1\"/></w:style>"
    "<w:style w:styleId=\"Eigene\"><w:name w:val=\"Eigene\"/><w:basedOn w:val=\"Zwei\"/></w:style>"
    "<w:style w:styleId=\"Zwei\"><w:name w:val=\"\xc3\x9c"
    "berschrift 2\"/></w:style>"
    "<w:style w:styleId=\"Outline\"><w:name w:val=\"Gliederung\"/><w:pPr><w:outlineLvl "
    "w:val=\"2\"/></w:pPr></w:style>"
    "<w:style w:styleId=\"Loop\"><w:name w:val=\"Loop\"/><w:basedOn w:val=\"Loop\"/></w:style>"
    "<w:style w:styleId=\"HTMLPreformatted\"><w:name w:val=\"HTML Preformatted\"/></w:style>"
    "<w:style w:styleId=\"Zitat\"><w:name w:val=\"Quote\"/></w:style>"
    "</w:styles>";

static void test_styles(void)
{
    oct_diag *d = oct_diag_new(NULL);
    char *s = docx(
        "<w:p><w:r><w:t>Lead</w:t></w:r></w:p>\n"
        "<w:p><w:pPr><w:pStyle w:val=\"berschrift1\"/></w:pPr><w:r><w:t>Eins</w:t></w:r></w:p>\n"
        "<w:p><w:pPr><w:pStyle w:val=\"Eigene\"/></w:pPr><w:r><w:t>Zwei</w:t></w:r></w:p>\n"
        "<w:p><w:pPr><w:pStyle w:val=\"Outline\"/></w:pPr><w:r><w:t>Drei</w:t></w:r></w:p>\n"
        "<w:p><w:pPr><w:pStyle w:val=\"Loop\"/></w:pPr><w:r><w:t>Kreis</w:t></w:r></w:p>\n"
        "<w:p><w:pPr><w:pStyle w:val=\"HTMLPreformatted\"/></w:pPr><w:r><w:t "
        "xml:space=\"preserve\">  x = 1</w:t></w:r></w:p>\n"
        "<w:p><w:pPr><w:pStyle w:val=\"HTMLPreformatted\"/></w:pPr><w:r><w:t>y = "
        "2</w:t></w:r></w:p>\n"
        "<w:p><w:r><w:t>Then</w:t></w:r></w:p>\n"
        "<w:p><w:r><w:rPr><w:rFonts w:ascii=\"Courier New\"/></w:rPr><w:t>z = 3</w:t></w:r></w:p>\n"
        "<w:p><w:pPr><w:pStyle w:val=\"Zitat\"/></w:pPr><w:r><w:t>Wer kämpft</w:t></w:r></w:p>\n",
        STYLES, NULL, d);
    CHECK(has(s, "section level=1 @5:1\n      text \"Eins\""));
    CHECK(has(s, "section level=2 @6:1\n      text \"Zwei\""));
    CHECK(has(s, "section level=3 @7:1\n      text \"Drei\""));
    CHECK(has(s, "paragraph @8:1\n      text \"Kreis\"")); /* a basedOn cycle ends */
    CHECK(has(s, "code_block \"  x = 1\\ny = 2\\n\" @9:1"));
    CHECK(has(s, "code_block \"z = 3\\n\" @12:1"));
    CHECK(has(s, "blockquote @13:1\n      paragraph @13:1\n        text \"Wer kämpft\""));
    free(s);
    oct_diag_free(d);
}

static const char NUMBERING[] =
    "<w:numbering " W_NS ">"
    "<w:abstractNum w:abstractNumId=\"7\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"5\"/>"
    "<w:numFmt w:val=\"decimal\"/></w:lvl><w:lvl w:ilvl=\"1\"><w:numFmt w:val=\"bullet\"/>"
    "</w:lvl></w:abstractNum>"
    "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"7\"/></w:num>"
    "</w:numbering>";

static void test_lists(void)
{
    oct_diag *d = oct_diag_new(NULL);
#define ITEM(l, t)                                                                                 \
    "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" l "\"/><w:numId w:val=\"3\"/></w:numPr></w:pPr>"       \
    "<w:r><w:t>" t "</w:t></w:r></w:p>\n"
    char *s =
        docx(ITEM("0", "five") ITEM("1", "dot")
                 ITEM("0", "six") "<w:p><w:r><w:t>Between</w:t></w:r></w:p>\n" ITEM("0", "seven"),
             NULL, NUMBERING, d);
    CHECK(has(s, "list ordered start=5 delim=. tight @4:1\n      item number=5 @4:1\n"
                 "        paragraph @4:1\n          text \"five\" @4:1\n"
                 "        list bullet tight @5:1\n          item @5:1\n"));
    CHECK(has(s, "      item number=6 @6:1\n"));
    /* Word counts on across a paragraph between: seven, not one */
    CHECK(has(s, "list ordered start=7 delim=. tight @8:1\n      item number=7 @8:1"));
    free(s);
    oct_diag_free(d);
}

static void test_tables(void)
{
    oct_diag *d = oct_diag_new(NULL);
    char *s = docx("<w:tbl>\n<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:r>"
                   "<w:t>wide</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>c</w:t></w:r></w:p>"
                   "<w:p><w:r><w:t>d</w:t></w:r></w:p></w:tc></w:tr>\n"
                   "<w:tr><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>in1</w:t></w:r></w:p></w:tc>"
                   "<w:tc><w:p><w:r><w:t>in2</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc>"
                   "<w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>m</w:t>"
                   "</w:r></w:p></w:tc></w:tr>\n</w:tbl>\n",
                   NULL, NULL, d);
    CHECK(has(s, "table cols=3"));
    CHECK(has(s, "table_row @5:1\n        table_cell @5:1\n          text \"wide\" @5:1\n"
                 "        table_cell @5:1\n        table_cell @5:1\n          text \"c\" @5:1\n"
                 "          line_break @5:1\n          text \"d\" @5:1\n"));
    CHECK(has(s, "text \"in1\" @6:1\n          text \" | \" @6:1\n          text \"in2\""));
    free(s);
    oct_diag_free(d);
}

static void test_hyperlinks_notes_boxes(void)
{
    oct_diag *d = oct_diag_new(NULL);
    const char *doc =
        "<?xml version=\"1.0\"?>\n<w:document " W_NS "><w:body>\n"
        "<w:p><w:hyperlink r:id=\"L1\"><w:r><w:t>site</w:t></w:r></w:hyperlink><w:r>"
        "<w:footnoteReference w:id=\"2\"/></w:r><w:r><w:drawing><wp:inline><wp:docPr id=\"1\" "
        "name=\"p\" descr=\"a red dot\"/><a:graphic><a:graphicData><a:blip r:embed=\"P1\"/>"
        "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>\n"
        "<w:p><w:r><w:drawing><wp:inline><wp:docPr id=\"2\" name=\"q\"/><a:graphic><a:graphicData>"
        "<a:blip r:embed=\"P1\"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>\n"
        "<w:p><w:r><w:t>Box:</w:t></w:r><w:r><w:pict><w:txbxContent><w:p><w:r><w:t>boxed "
        "text</w:t></w:r></w:p></w:txbxContent></w:pict></w:r></w:p>\n"
        "<w:p><w:r><w:t>Odd</w:t></w:r><w:futureThing><w:t>kept</w:t></w:futureThing></w:p>\n"
        "<w:p><w:r><w:drawing><a:blip r:link=\"X1\"/></w:drawing></w:r></w:p>\n"
        "</w:body></w:document>";
    const char *rels =
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
        "relationships\"><Relationship Id=\"L1\" Target=\"https://example.org/\" "
        "TargetMode=\"External\"/><Relationship Id=\"X1\" Target=\"file:///C:/x.png\" "
        "TargetMode=\"External\"/><Relationship Id=\"P1\" "
        "Target=\"media/dot.png\"/></Relationships>";
    const char *notes = "<w:footnotes " W_NS ">\n<w:footnote w:id=\"2\"><w:p><w:r><w:t>A note."
                        "</w:t></w:r></w:p></w:footnote></w:footnotes>";
    unsigned char px[4 * 4 * 3];
    memset(px, 200, sizeof px);
    unsigned char *png;
    size_t pnglen;
    char why[100];
    CHECK(oct_image_write_png(px, 4, 4, 3, &png, &pnglen, why, sizeof why) == 0);
    part p[] = {{"[Content_Types].xml", TYPES, 0},
                {"word/document.xml", doc, 0},
                {"word/_rels/document.xml.rels", rels, 0},
                {"word/footnotes.xml", notes, 0},
                {"word/media/dot.png", (const char *)png, pnglen}};
    oct_tree *t;
    char *s = read_package("pics.docx", p, 5, d, &t);
    CHECK(has(s, "link url=\"https://example.org/\" @3:1\n        text \"site\""));
    CHECK(has(s, "footnote_ref index=1 label=\"2\" @3:1"));
    CHECK(has(s, "image url=\"word/media/dot.png\" image=1 @3:1\n        text \"a red dot\""));
    CHECK(has(s, "figure @4:1\n      image url=\"word/media/dot.png\" image=1 @4:1"));
    CHECK(t->nimages == 1); /* one picture, twice */
    CHECK(has(s, "text \"Box:\" @5:1\n    paragraph @5:1\n      text \"boxed text\""));
    CHECK(has(s, "text \"Oddkept\" @6:1"));
    CHECK(has(s, "footnote_def index=1 label=\"2\" @3:1\n      paragraph @2:1\n"
                 "        text \"A note.\" @2:1"));
    CHECK(check_count_code(d, "document-unknown") == 2); /* the box, the future element */
    CHECK(check_count_code(d, "image-outside") == 1);    /* linked, not embedded */
    CHECK(has(s, "paragraph @7:1\n      image url=\"file:///C:/x.png\" @7:1"));
    free(s);
    free(png);
    oct_tree_free(t);
    oct_diag_free(d);
}

static void test_odt(void)
{
    oct_diag *d = oct_diag_new(NULL);
    const char *content =
        "<?xml version=\"1.0\"?>\n<office:document-content "
        "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
        "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
        "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
        "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
        "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\">\n"
        "<office:automatic-styles><style:style style:name=\"B\" style:family=\"text\">"
        "<style:text-properties fo:font-weight=\"bold\"/></style:style>"
        "<style:style style:name=\"Sub\" style:family=\"text\"><style:text-properties "
        "style:text-position=\"sub 58%\"/></style:style>"
        "<style:style style:name=\"P1\" style:family=\"paragraph\" "
        "style:parent-style-name=\"Heading_20_3\"/>"
        "<text:list-style style:name=\"N\"><text:list-level-style-number text:level=\"1\" "
        "style:num-format=\"1\"/></text:list-style></office:automatic-styles>\n"
        "<office:body><office:text>\n"
        "<text:h text:outline-level=\"2\">Titre</text:h>\n"
        "<text:p>a<text:s text:c=\"3\"/>b <text:span text:style-name=\"B\">gras</text:span> "
        "CO<text:span text:style-name=\"Sub\">2</text:span><text:line-break/>fin</text:p>\n"
        "<text:list text:style-name=\"N\"><text:list-item text:start-value=\"4\"><text:p>quatre"
        "</text:p></text:list-item>\n<text:list-item><text:p>cinq</text:p></text:list-item>"
        "</text:list>\n"
        "<table:table><table:table-row><table:table-cell table:number-columns-spanned=\"2\">"
        "<text:p>x</text:p></table:table-cell><table:covered-table-cell/></table:table-row>"
        "</table:table>\n"
        "<text:p>\n      deux\n      mots  </text:p>\n"
        "<text:p text:style-name=\"P1\">Drei</text:p>\n"
        "<text:p>note<office:annotation><text:p>a comment</text:p></office:annotation></text:p>\n"
        "</office:text></office:body></office:document-content>";
    part p[] = {{"mimetype", "application/vnd.oasis.opendocument.text", 0},
                {"content.xml", content, 0}};
    char *s = read_package("vocab.zip", p, 2, d, NULL); /* known by its mimetype */
    CHECK(has(s, "section level=2 @5:1\n      text \"Titre\""));
    CHECK(has(s, "text \"a   b \" @6:1\n      strong @6:1\n        text \"gras\" @6:1\n"
                 "      text \" CO\" @6:1\n      subscript @6:1\n        text \"2\" @6:1\n"
                 "      line_break @6:1\n      text \"fin\" @6:1"));
    CHECK(has(s, "list ordered start=4 delim=. tight @7:1\n      item number=4 @7:1"));
    CHECK(has(s, "item number=5 @8:1"));
    CHECK(has(s, "table cols=2 align=-- @9:1\n      table_row @9:1\n        table_cell @9:1\n"
                 "          text \"x\" @9:1\n        table_cell @9:1\n    paragraph"));
    CHECK(has(s, "paragraph @10:1\n      text \"deux mots\" @10:1\n"));
    CHECK(has(s, "section level=3 @13:1\n      text \"Drei\""));
    CHECK(!strstr(s, "a comment"));
    CHECK(check_count_code(d, "document-dropped") == 1);
    free(s);
    oct_diag_free(d);
}

/* The styles part found through the main document's relationships, not
 * by its usual name. */
static void test_related_parts(void)
{
    oct_diag *d = oct_diag_new(NULL);
    const char *doc = "<w:document " W_NS "><w:body><w:p><w:pPr><w:pStyle w:val=\"K\"/></w:pPr>"
                      "<w:r><w:t>Kopf</w:t></w:r></w:p></w:body></w:document>";
    const char *rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                       "relationships\"><Relationship Id=\"S\" Type=\"http://schemas."
                       "openxmlformats.org/officeDocument/2006/relationships/styles\" "
                       "Target=\"/custom/look.xml\"/></Relationships>";
    const char *styles = "<w:styles " W_NS "><w:style w:styleId=\"K\"><w:name w:val=\"heading "
                         "4\"/></w:style></w:styles>";
    part p[] = {{"[Content_Types].xml", TYPES, 0},
                {"word/document.xml", doc, 0},
                {"word/_rels/document.xml.rels", rels, 0},
                {"custom/look.xml", styles, 0}};
    char *s = read_package("rel.docx", p, 4, d, NULL);
    CHECK(has(s, "section level=4 @1:1\n      text \"Kopf\""));
    free(s);
    oct_diag_free(d);
}

/* Lists nested past the builder's depth stay lists, their text kept. */
static void test_odt_deep_lists(void)
{
    oct_diag *d = oct_diag_new(NULL);
    oct_buf x = OCT_BUF_INIT;
    oct_buf_puts(&x, "<office:document-content "
                     "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                     "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\">"
                     "<office:body><office:text>");
    for (int i = 0; i < 40; i++)
        oct_buf_printf(&x, "<text:list><text:list-item><text:p>level %d</text:p>", i);
    for (int i = 0; i < 40; i++)
        oct_buf_puts(&x, "</text:list-item></text:list>");
    oct_buf_puts(&x, "</office:text></office:body></office:document-content>");
    part p[] = {{"mimetype", "application/vnd.oasis.opendocument.text", 0},
                {"content.xml", x.data, 0}};
    char *s = read_package("deep.odt", p, 2, d, NULL);
    CHECK(has(s, "text \"level 0\""));
    CHECK(has(s, "text \"level 39\""));
    CHECK(check_count_code(d, "limit-nesting") == 1);
    free(s);
    oct_buf_free(&x);
    oct_diag_free(d);
}

/* The language a document names (its properties' dc:language, else its
 * default style's) is its chapter's, as a front matter's would be. */
static const char *chapter_lang(const char *name, const part *parts, size_t n, oct_tree **t)
{
    oct_diag *d = oct_diag_new(NULL);
    free(read_package(name, parts, n, d, t));
    oct_diag_free(d);
    const oct_node *ch = *t && (*t)->root ? (*t)->root->first : NULL;
    return ch && ch->u.chapter.lang ? ch->u.chapter.lang : "";
}

static void test_languages(void)
{
    char body[512];
    snprintf(body, sizeof body,
             "<?xml version=\"1.0\"?>\n<w:document %s><w:body><w:p><w:r><w:t>Wann war das?"
             "</w:t></w:r></w:p></w:body></w:document>",
             W_NS);
    const char *styles = "<w:styles " W_NS "><w:docDefaults><w:rPrDefault><w:rPr>"
                         "<w:lang w:val=\"de-DE\" w:eastAsia=\"zh-CN\"/></w:rPr></w:rPrDefault>"
                         "</w:docDefaults></w:styles>";
    const char *core = "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/"
                       "2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/"
                       "1.1/\"><dc:language>de-AT</dc:language></cp:coreProperties>";
    oct_tree *t = NULL;
    part w[] = {{"[Content_Types].xml", TYPES, 0},
                {"word/document.xml", body, 0},
                {"word/styles.xml", styles, 0}};
    CHECK_STR(chapter_lang("a.docx", w, 3, &t), "de-DE");
    oct_tree_free(t);
    part wc[] = {{"[Content_Types].xml", TYPES, 0},
                 {"word/document.xml", body, 0},
                 {"word/styles.xml", styles, 0},
                 {"docProps/core.xml", core, 0}};
    CHECK_STR(chapter_lang("b.docx", wc, 4, &t), "de-AT");
    oct_tree_free(t);
    CHECK_STR(chapter_lang("c.docx", w, 2, &t), ""); /* no styles: none named */
    oct_tree_free(t);
    const char *ns = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                     "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
                     "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
                     "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" "
                     "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"";
    char content[1024], ostyles[1024], meta[1024];
    snprintf(content, sizeof content,
             "<office:document-content %s><office:body><office:text><text:p>Qu'est-ce ?</text:p>"
             "</office:text></office:body></office:document-content>",
             ns);
    snprintf(ostyles, sizeof ostyles,
             "<office:document-styles %s><office:styles><style:default-style "
             "style:family=\"graphic\"/><style:default-style style:family=\"paragraph\">"
             "<style:text-properties fo:language=\"fr\" fo:country=\"CA\"/></style:default-style>"
             "</office:styles></office:document-styles>",
             ns);
    snprintf(meta, sizeof meta,
             "<office:document-meta %s><office:meta><dc:language>fr-BE</dc:language>"
             "</office:meta></office:document-meta>",
             ns);
    part o[] = {{"mimetype", "application/vnd.oasis.opendocument.text", 0},
                {"content.xml", content, 0},
                {"styles.xml", ostyles, 0},
                {"meta.xml", meta, 0}};
    CHECK_STR(chapter_lang("d.odt", o, 3, &t), "fr-CA");
    oct_tree_free(t);
    CHECK_STR(chapter_lang("e.odt", o, 4, &t), "fr-BE");
    oct_tree_free(t);
}

/* Paragraphs aligned by tabs are a table when the plain-text rule says
 * so (three rows or more that split alike); a tab elsewhere stays one. */
static void test_tabs(void)
{
    oct_diag *d = oct_diag_new(NULL);
#define ROW(a, b) "<w:p><w:r><w:t>" a "</w:t></w:r><w:r><w:tab/><w:t>" b "</w:t></w:r></w:p>\n"
    char *s = docx(
        "<w:p><w:pPr><w:pStyle w:val=\"berschrift1\"/></w:pPr><w:r><w:t>3</w:t>"
        "<w:tab/><w:t>Transport</w:t></w:r></w:p>\n" ROW("Term", "Meaning") ROW(
            "osmosis",
            "water through a membrane") "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>active</w:t></"
                                        "w:r><w:r><w:t"
                                        " xml:space=\"preserve\"> transport</w:t><w:tab/><w:t>uses "
                                        "</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>ATP</w:t></"
                                        "w:r></w:p>\n" ROW("diffusion",
                                                           "high to low") "<w:p/>\n" ROW("Name:",
                                                                                         "Date:"),
        STYLES, NULL, d);
#undef ROW
    CHECK(has(s, "section level=1 @4:1\n      text \"3 Transport\" @4:1\n"));
    CHECK(has(s,
              "table cols=2 align=-- @5:1\n      table_row header @5:1\n        table_cell @5:1\n"
              "          text \"Term\" @5:1\n        table_cell @5:1\n          text \"Meaning\""));
    CHECK(has(s, "table_row @7:1\n        table_cell @7:1\n          strong @7:1\n"
                 "            text \"active\" @7:1\n          text \" transport\" @7:1\n"
                 "        table_cell @7:1\n          text \"uses \" @7:1\n          emph @7:1\n"
                 "            text \"ATP\" @7:1\n"));
    CHECK(has(s, "text \"high to low\" @8:1\n    paragraph @10:1\n      text \"Name:\\tDate:\""));
    free(s);
    const char *content =
        "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
        " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body>"
        "<office:text>\n<text:p>Frage<text:tab/>Antwort</text:p>\n<text:p>1<text:tab/>B</text:p>\n"
        "<text:p>2<text:tab/>C</text:p>\n<text:p>3<text:tab/>A</text:p>\n"
        "</office:text></office:body></office:document-content>";
    part p[] = {{"mimetype", "application/vnd.oasis.opendocument.text", 0},
                {"content.xml", content, 0}};
    s = read_package("schluessel.odt", p, 2, d, NULL);
    CHECK(has(s, "table cols=2 align=-- @2:1\n      table_row header @2:1\n"));
    CHECK(has(s, "table_row @5:1\n        table_cell @5:1\n          text \"3\" @5:1\n"
                 "        table_cell @5:1\n          text \"A\" @5:1"));
    free(s);
    oct_diag_free(d);
}

/* Headings numbered by Word's multilevel list (the style's numPr, the
 * level its w:pStyle names) or ODF's outline style print their numbers. */
static void test_numbered_headings(void)
{
    oct_diag *d = oct_diag_new(NULL);
    const char *styles =
        "<w:styles " W_NS "><w:style w:styleId=\"H1\"><w:name w:val=\"heading 1\"/><w:pPr>"
        "<w:numPr><w:numId w:val=\"5\"/></w:numPr></w:pPr></w:style><w:style w:styleId=\"H2\">"
        "<w:name w:val=\"heading 2\"/><w:pPr><w:numPr><w:numId w:val=\"5\"/></w:numPr></w:pPr>"
        "</w:style><w:style w:styleId=\"H3\"><w:name w:val=\"heading 3\"/><w:pPr><w:numPr>"
        "<w:ilvl w:val=\"2\"/><w:numId w:val=\"5\"/></w:numPr></w:pPr></w:style></w:styles>";
    const char *numbering =
        "<w:numbering " W_NS "><w:abstractNum w:abstractNumId=\"0\">"
        "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:pStyle "
        "w:val=\"H1\"/><w:lvlText w:val=\"%1.\"/></w:lvl>"
        "<w:lvl w:ilvl=\"1\"><w:numFmt w:val=\"decimal\"/><w:pStyle w:val=\"H2\"/>"
        "<w:lvlText w:val=\"%1.%2\"/><w:suff w:val=\"space\"/></w:lvl>"
        "<w:lvl w:ilvl=\"2\"><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"(%3)\"/>"
        "</w:lvl></w:abstractNum><w:num w:numId=\"5\"><w:abstractNumId w:val=\"0\"/></w:num>"
        "</w:numbering>";
#define H(st, t)                                                                                   \
    "<w:p><w:pPr><w:pStyle w:val=\"" st "\"/></w:pPr><w:r><w:t>" t "</w:t></w:r></w:p>\n"
    char *s = docx(H("H1", "Cells") H("H2", "Membranes") H("H2", "Transport") H("H1", "Genetics")
                       H("H2", "DNA") H("H3", "Replication") H("H3", "Repair"),
                   styles, numbering, d);
#undef H
    CHECK(has(s, "section level=1 @4:1\n      text \"1. Cells\""));
    CHECK(has(s, "section level=2 @5:1\n      text \"1.1 Membranes\""));
    CHECK(has(s, "section level=2 @6:1\n      text \"1.2 Transport\""));
    CHECK(has(s, "section level=1 @7:1\n      text \"2. Genetics\""));
    CHECK(has(s, "section level=2 @8:1\n      text \"2.1 DNA\""));
    CHECK(has(s, "section level=3 @9:1\n      text \"(a) Replication\""));
    CHECK(has(s, "section level=3 @10:1\n      text \"(b) Repair\""));
    free(s);
    const char *ns = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                     "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
                     "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"";
    char content[1200], ostyles[1000];
    snprintf(content, sizeof content,
             "<office:document-content %s><office:body><office:text>\n"
             "<text:h text:outline-level=\"1\">R\xc3\xa9volution</text:h>\n"
             "<text:h text:outline-level=\"2\">Causes</text:h>\n"
             "<text:h text:outline-level=\"2\">D\xc3\xa9roulement</text:h>\n"
             "<text:h text:outline-level=\"1\">Empire</text:h>\n"
             "<text:h text:outline-level=\"2\"><text:number>2.1</text:number> Sacre</text:h>\n"
             "<text:h text:outline-level=\"3\">Sans num\xc3\xa9ro</text:h>\n"
             "</office:text></office:body></office:document-content>",
             ns);
    snprintf(ostyles, sizeof ostyles,
             "<office:document-styles %s><office:styles><text:outline-style style:name=\"O\">"
             "<text:outline-level-style text:level=\"1\" style:num-format=\"I\" "
             "style:num-suffix=\".\"/><text:outline-level-style text:level=\"2\" "
             "style:num-format=\"1\" text:display-levels=\"2\"/><text:outline-level-style "
             "text:level=\"3\" style:num-format=\"\"/></text:outline-style></office:styles>"
             "</office:document-styles>",
             ns);
    part p[] = {{"mimetype", "application/vnd.oasis.opendocument.text", 0},
                {"content.xml", content, 0},
                {"styles.xml", ostyles, 0}};
    s = read_package("histoire.odt", p, 3, d, NULL);
    CHECK(has(s, "section level=1 @2:1\n      text \"I. R\xc3\xa9volution\""));
    CHECK(has(s, "section level=2 @3:1\n      text \"I.1 Causes\""));
    CHECK(has(s, "section level=2 @4:1\n      text \"I.2 D\xc3\xa9roulement\""));
    CHECK(has(s, "section level=1 @5:1\n      text \"II. Empire\""));
    CHECK(has(s, "section level=2 @6:1\n      text \"2.1 Sacre\""));
    CHECK(has(s, "section level=3 @7:1\n      text \"Sans num\xc3\xa9ro\""));
    free(s);
    oct_diag_free(d);
}

/* w:sym: a symbol font's private-use code is the character it shows,
 * never the Latin letter of its byte; one octavo cannot map is U+FFFD
 * with a warning at its line. */
static void test_symbols(void)
{
    oct_diag *d = oct_diag_new(NULL);
#define SYM(f, c) "<w:r><w:sym w:font=\"" f "\" w:char=\"" c "\"/></w:r>"
    char *s = docx(
        "<w:p><w:r><w:t>x </w:t></w:r>" SYM("Symbol", "F0B3") SYM("Symbol", "F020")
            SYM("Symbol", "F061") SYM("Symbol", "F0B4") SYM("Symbol", "F0B9") SYM("Symbol", "F0AE")
                SYM("Symbol",
                    "F0B7") "</w:p>\n"
                            "<w:p>" SYM("Wingdings", "F0FC") SYM("Wingdings",
                                                                 "F0E0") SYM("Wingdings", "F0A8")
                                SYM("Wingdings 2",
                                    "F050") "<w:r><w:t>done</w:t></w:r></w:p>\n"
                                            "<w:p><w:r><w:t>caf</w:t></w:r>" SYM("Times New Roman",
                                                                                 "F0E9")
                                                SYM("Cambria Math",
                                                    "2192") "</w:p>\n"
                                                            "<w:p><w:r><w:t>odd</w:t></w:r>" SYM(
                                                                "Wingdings 3",
                                                                "F0C6") SYM("Wingdings 3", "F0C6")
                                                                SYM("Symbol", "F0F0") "</w:p>\n",
        NULL, NULL, d);
#undef SYM
    CHECK(has(s,
              "text \"x \xe2\x89\xa5 \xce\xb1\xc3\x97\xe2\x89\xa0\xe2\x86\x92\xe2\x80\xa2\" @4:1"));
    CHECK(has(s, "text \"\xe2\x9c\x93\xe2\x86\x92\xe2\x97\xbb\xe2\x9c\x94"
                 "done\" @5:1"));
    CHECK(has(s, "text \"caf\xc3\xa9\xe2\x86\x92\" @6:1"));
    CHECK(has(s, "text \"odd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\" @7:1"));
    CHECK(check_count_code(d, "document-symbol") == 2); /* once per symbol */
    CHECK(said(d, "document-symbol", "F0C6 of the font 'Wingdings 3'"));
    bool at7 = false;
    for (size_t i = 0; i < oct_diag_size(d); i++)
        at7 |= !strcmp(oct_diag_at(d, i)->code, "document-symbol") && oct_diag_at(d, i)->line == 7;
    CHECK(at7);
    free(s);
    oct_diag_free(d);
}

/* A package of a thousand unknown element names warns about ten, and
 * once about the rest; every one keeps its text. */
static void test_unknown_flood(void)
{
    oct_diag *d = oct_diag_new(NULL);
    oct_buf body = OCT_BUF_INIT;
    for (int i = 0; i < 1000; i++)
        oct_buf_printf(&body,
                       "<w:p><w:r><w:t>p%d </w:t></w:r><w:odd%d><w:t>kept%d</w:t></w:odd%d>"
                       "</w:p>\n",
                       i, i, i, i);
    char *s = docx(body.data, NULL, NULL, d);
    CHECK(check_count_code(d, "document-unknown") == 11);
    CHECK(said(d, "document-unknown", "990 more kinds"));
    CHECK(said(d, "document-unknown",
               "odd10, odd11, odd12, odd13, odd14, ...; first on lines 14, "
               "15, 16, 17, 18, 19, 20, 21, ..."));
    CHECK(has(s, "text \"p0 kept0\" @4:1"));
    CHECK(has(s, "text \"p999 kept999\" @1003:1"));
    free(s);
    /* kinds met inside an ODF footnote count with the rest */
    oct_buf_clear(&body);
    oct_buf_puts(&body, "<office:document-content "
                        "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                        "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
                        "xmlns:x=\"urn:example:x\"><office:body><office:text>\n<text:p>A<text:note>"
                        "<text:note-body><text:p>");
    for (int i = 0; i < 15; i++)
        oct_buf_printf(&body, "<x:n%d>in%d</x:n%d>", i, i, i);
    oct_buf_puts(
        &body,
        "</text:p></text:note-body></text:note></text:p>\n<text:p><x:after>out</x:after></text:p>"
        "</office:text></office:body></office:document-content>");
    part p[] = {{"mimetype", "application/vnd.oasis.opendocument.text", 0},
                {"content.xml", body.data, 0}};
    oct_diag *d2 = oct_diag_new(NULL);
    s = read_package("note.odt", p, 2, d2, NULL);
    CHECK(check_count_code(d2, "document-unknown") == 11);
    CHECK(said(d2, "document-unknown", "6 more kinds"));
    CHECK(said(d2, "document-unknown", "n10, n11, n12, n13, n14, ..."));
    CHECK(has(s, "text \"out\" @3:1"));
    free(s);
    oct_diag_free(d2);
    oct_buf_free(&body);
    oct_diag_free(d);
}

/* The Markdown `octavo normalize` prints for a document reads back as
 * the document: markup in its text escaped, emphasis delimiters against
 * the words, breaks and notes kept. */
static void test_markdown_out(void)
{
    oct_diag *d = oct_diag_new(NULL);
    char doc[2000];
    snprintf(
        doc, sizeof doc,
        "<w:document %s><w:body>"
        "<w:p><w:r><w:t>1. not a *list*</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Plain</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">"
        " both </w:t></w:r><w:r><w:t>end</w:t><w:br/><w:t># next</w:t></w:r></w:p>"
        "<w:p><w:r><w:rPr><w:rFonts w:ascii=\"Consolas\"/></w:rPr><w:t>x = `y`</w:t></w:r>"
        "</w:p></w:body></w:document>",
        W_NS);
    part p[] = {{"[Content_Types].xml", TYPES, 0}, {"word/document.xml", doc, 0}};
    oct_zip_entry e[2];
    for (size_t i = 0; i < 2; i++)
        e[i] = (oct_zip_entry){.name = p[i].name, .data = p[i].data, .len = strlen(p[i].data)};
    char tmp[] = "/tmp/octavo-docs-XXXXXX";
    close(mkstemp(tmp));
    const char *step, *why;
    CHECK(oct_zip_write(tmp, e, 2, 0, 0x21, &step, &why) == 0);
    size_t len;
    char *bytes = oct_read_file(tmp, 1 << 20, &len);
    unlink(tmp);
    oct_doc *doc_ = NULL;
    CHECK(bytes && oct_doc_open("m.docx", bytes, len, &doc_, d) == 0);
    oct_buf md = OCT_BUF_INIT;
    CHECK(doc_ && oct_doc_markdown(doc_, "m.docx", NULL, &md, d) == 0);
    CHECK_STR(md.data ? md.data : "", "1\\. not a \\*list\\*\n\nPlain **both** end\\\n\\# next\n\n"
                                      "```\nx = `y`\n```\n");
    oct_buf_free(&md);
    oct_doc_free(doc_);
    free(bytes);
    oct_diag_free(d);
}

/* A package's pictures and a notebook's or a file's go one way into the
 * tree (oct_image_store): the same bytes are one entry whoever read them,
 * and a picture that cannot be used is said so in the same words. */
static void test_one_picture_path(void)
{
    oct_diag *d = oct_diag_new(NULL);
    unsigned char px[6 * 6 * 3];
    memset(px, 90, sizeof px);
    unsigned char *png;
    size_t pnglen;
    char why[100];
    CHECK(oct_image_write_png(px, 6, 6, 3, &png, &pnglen, why, sizeof why) == 0);
    const char *doc =
        "<?xml version=\"1.0\"?>\n<w:document " W_NS "><w:body>\n"
        "<w:p><w:r><w:drawing><a:blip r:embed=\"P1\"/></w:drawing></w:r></w:p>\n"
        "<w:p><w:r><w:t>Broken:</w:t></w:r><w:r><w:drawing><a:blip r:embed=\"P2\"/></w:drawing>"
        "</w:r></w:p>\n"
        "<w:p><w:r><w:drawing><a:blip r:embed=\"P3\"/></w:drawing></w:r><w:r><w:drawing>"
        "<a:blip r:embed=\"P3\"/></w:drawing></w:r></w:p>\n</w:body></w:document>";
    const char *rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                       "relationships\"><Relationship Id=\"P1\" Target=\"media/grey.png\"/>"
                       "<Relationship Id=\"P2\" Target=\"media/bad.png\"/>"
                       "<Relationship Id=\"P3\" Target=\"media/anim.gif\"/></Relationships>";
    part p[] = {{"[Content_Types].xml", TYPES, 0},
                {"word/document.xml", doc, 0},
                {"word/_rels/document.xml.rels", rels, 0},
                {"word/media/grey.png", (const char *)png, pnglen},
                {"word/media/bad.png", "\x89PNG\r\n\x1a\nnot really", 0},
                {"word/media/anim.gif", "GIF89a\x01\x00\x01\x00", 0}};
    oct_tree *t;
    char *s = read_package("grey.docx", p, 6, d, &t);
    /* a GIF shown twice is read once, and said twice to be unsupported */
    CHECK(check_count_code(d, "image-unsupported") == 2);
    CHECK(check_count_code(d, "image-damaged") == 1);
    CHECK(has(s, "figure @3:1\n      image url=\"word/media/grey.png\" image=1 @3:1"));
    CHECK(said(d, "image-damaged", "image 'word/media/bad.png' cannot be used: "));
    /* the same bytes from a notebook's output or a file: the same entry */
    oct_node *img = oct_node_new(t, OCT_IMAGE, (oct_span){1, 9, 1});
    img->u.link.url = "attachment:grey.png";
    oct_diag_capped warn = {.d = d, .file = "nb.ipynb", .limit = OCT_IMAGE_WARNINGS};
    CHECK(oct_image_store(t, img, png, pnglen, &warn, NULL) == 1 && t->nimages == 1);
    const char *code = NULL;
    CHECK(oct_image_store(t, img, (const unsigned char *)"GIF89a", 6, &warn, &code) == 0);
    oct_diag_capped_finish(&warn, "pictures");
    CHECK_STR(code ? code : "", "image-unsupported");
    CHECK(said(d, "image-unsupported", "image 'attachment:grey.png' cannot be used: "));
    free(s);
    free(png);
    oct_tree_free(t);
    oct_diag_free(d);
}

/* A handout with a large photograph: the package is over the 8 MiB a
 * source's text may have, its text is not; the picture is judged as a
 * picture file is. A zip bomb among its pictures is still refused. */
static void test_large_pictures(void)
{
    oct_diag *d = oct_diag_new(NULL);
    enum { SIDE = 1800 }; /* 9.7 MB of noise: PNG cannot pack it */
    unsigned char *px = malloc((size_t)SIDE * SIDE * 3);
    unsigned x = 12345;
    for (size_t i = 0; i < (size_t)SIDE * SIDE * 3; i++) {
        x = x * 1103515245u + 12345u;
        px[i] = (unsigned char)(x >> 23);
    }
    unsigned char *png;
    size_t pnglen;
    char why[100];
    CHECK(oct_image_write_png(px, SIDE, SIDE, 3, &png, &pnglen, why, sizeof why) == 0);
    free(px);
    CHECK(pnglen > OCT_MAX_SOURCE_BYTES);
    size_t zlen = 20u << 20; /* 20 MiB of zeros deflate to 20 KB */
    char *zeros = calloc(1, zlen);
    const char *doc =
        "<?xml version=\"1.0\"?>\n<w:document " W_NS "><w:body>\n"
        "<w:p><w:r><w:t>The cell under the microscope:</w:t></w:r></w:p>\n"
        "<w:p><w:r><w:drawing><wp:inline><wp:docPr id=\"1\" name=\"a\" descr=\"onion cells\"/>"
        "<a:blip r:embed=\"P1\"/></wp:inline></w:drawing></w:r></w:p>\n"
        "<w:p><w:r><w:drawing><wp:inline><wp:docPr id=\"2\" name=\"b\" descr=\"again\"/>"
        "<a:blip r:embed=\"P1\"/></wp:inline></w:drawing></w:r></w:p>\n"
        "<w:p><w:r><w:t>Stained:</w:t></w:r><w:r><w:drawing><wp:inline><wp:docPr id=\"3\" "
        "name=\"c\" descr=\"a bomb\"/><a:blip r:embed=\"P2\"/></wp:inline></w:drawing></w:r>"
        "</w:p>\n</w:body></w:document>";
    const char *rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                       "relationships\"><Relationship Id=\"P1\" Target=\"media/onion.png\"/>"
                       "<Relationship Id=\"P2\" Target=\"media/zeros.png\"/></Relationships>";
    part p[] = {{"[Content_Types].xml", TYPES, 0},
                {"word/document.xml", doc, 0},
                {"word/_rels/document.xml.rels", rels, 0},
                {"word/media/onion.png", (const char *)png, pnglen, 1},
                {"word/media/zeros.png", zeros, zlen}};
    oct_tree *t;
    char *s = read_package("cells.docx", p, 5, d, &t);
    CHECK(has(s, "figure @4:1\n      image url=\"word/media/onion.png\" image=1 @4:1"));
    CHECK(has(s, "figure @5:1\n      image url=\"word/media/onion.png\" image=1 @5:1"));
    CHECK(t->nimages == 1 && t->images[0].width == SIDE);
    CHECK(has(s, "text \"Stained:\" @6:1\n      image url=\"word/media/zeros.png\" @6:1\n"
                 "        text \"a bomb\""));
    CHECK(said(d, "image-damaged", "zip bomb"));
    CHECK(oct_diag_count(d, OCT_ERROR) == 0);
    free(s);
    oct_tree_free(t);
    /* a package over its own limit is refused before it is looked at */
    oct_tree *big = oct_tree_new();
    CHECK(!oct_ingest_source(big, "huge.docx", "PK", (size_t)OCT_LIMIT_PACKAGE_BYTES + 1, NULL,
                             NULL, d));
    CHECK(said(d, "limit-source-size", "package is"));
    oct_tree_free(big);
    free(png);
    free(zeros);
    oct_diag_free(d);
}

static void test_refused(void)
{
    oct_diag *d = oct_diag_new(NULL);
    part none[] = {{"[Content_Types].xml", TYPES, 0}};
    char *s = read_package("empty.docx", none, 1, d, NULL);
    CHECK_STR(s, "(no chapter)");
    CHECK(check_count_code(d, "document-damaged") == 1);
    free(s);
    /* another zip (an .epub) stays refused as binary */
    part epub[] = {{"mimetype", "application/epub+zip", 0}, {"content.opf", "<package/>", 0}};
    s = read_package("book.md", epub, 2, d, NULL);
    CHECK_STR(s, "(no chapter)");
    CHECK(check_count_code(d, "binary-source") == 1);
    free(s);
    oct_diag_free(d);
}

int main(void)
{
    test_runs_and_lines();
    test_styles();
    test_lists();
    test_tables();
    test_hyperlinks_notes_boxes();
    test_odt();
    test_odt_deep_lists();
    test_related_parts();
    test_languages();
    test_refused();
    test_large_pictures();
    test_tabs();
    test_numbered_headings();
    test_symbols();
    test_unknown_flood();
    test_markdown_out();
    test_one_picture_path();
    return check_done();
}
