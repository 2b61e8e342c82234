/* Fuzz target: Word and OpenDocument notes (src/ingest/formats/). The
 * input after its first byte is the main XML part — word/document.xml of
 * a package with fixed styles, numbering, relationships and footnotes
 * (first byte even), or content.xml of an OpenDocument text (odd) — zipped
 * into a package in the scratch directory, read back and ingested as a
 * build would; then the tree's links must agree. Fuzzing the XML, not the
 * zip, reaches the readers (a mutated zip is mostly refused whole). */
#include "fuzz.h"
#include "ingest/ingest.h"
#include "tree/tree.h"
#include "util/fileio.h"
#include "util/zip.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define W "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

static const char TYPES[] =
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override "
    "PartName=\"/word/document.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
static const char STYLES[] =
    "<w:styles " W "><w:style w:styleId=\"H\"><w:name w:val=\"heading 2\"/></w:style>"
    "<w:style w:styleId=\"B\"><w:name w:val=\"B\"/><w:basedOn w:val=\"H\"/></w:style>"
    "<w:style w:styleId=\"C\"><w:name w:val=\"Code\"/></w:style>"
    "<w:style w:styleId=\"Q\"><w:name w:val=\"Quote\"/><w:basedOn w:val=\"Q\"/></w:style>"
    "<w:style w:styleId=\"S\"><w:name w:val=\"Strong\"/><w:rPr><w:b/></w:rPr></w:style>"
    "</w:styles>";
static const char NUMBERING[] =
    "<w:numbering " W "><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start "
    "w:val=\"3\"/><w:numFmt w:val=\"decimal\"/></w:lvl><w:lvl w:ilvl=\"1\"><w:numFmt "
    "w:val=\"bullet\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId "
    "w:val=\"0\"/></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride "
    "w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num></w:numbering>";
static const char RELS[] =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"L\" Target=\"https://example.org/\" TargetMode=\"External\"/>"
    "<Relationship Id=\"P\" Target=\"media/none.png\"/></Relationships>";
static const char NOTES[] = "<w:footnotes " W "><w:footnote w:id=\"1\"><w:p><w:r><w:t>note"
                            "</w:t></w:r></w:p></w:footnote></w:footnotes>";

static void check_tree(const oct_node *root)
{
    oct_iter it;
    oct_iter_init(&it, root);
    oct_event ev;
    while ((ev = oct_iter_next(&it)) != OCT_EV_NONE) {
        if (ev != OCT_EV_ENTER) continue;
        const oct_node *n = it.cur, *prev = NULL;
        for (const oct_node *c = n->first; c; c = c->next) {
            if (c->parent != n || c->prev != prev) abort();
            prev = c;
        }
        if (n->last != prev) abort();
        if (n->kind != OCT_DOCUMENT && n->span.line < 1) abort(); /* every node has its line */
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bool odt = size && (data[0] & 1);
    const char *main = size ? (const char *)data + 1 : "";
    size_t len = size ? size - 1 : 0;
    oct_zip_entry docx[] = {
        {.name = "[Content_Types].xml", .data = TYPES, .len = strlen(TYPES)},
        {.name = "word/document.xml", .data = main, .len = len},
        {.name = "word/styles.xml", .data = STYLES, .len = strlen(STYLES)},
        {.name = "word/numbering.xml", .data = NUMBERING, .len = strlen(NUMBERING)},
        {.name = "word/_rels/document.xml.rels", .data = RELS, .len = strlen(RELS)},
        {.name = "word/footnotes.xml", .data = NOTES, .len = strlen(NOTES)}};
    static const char MIME[] = "application/vnd.oasis.opendocument.text";
    oct_zip_entry text[] = {{.name = "mimetype", .data = MIME, .len = strlen(MIME), .store = 1},
                            {.name = "content.xml", .data = main, .len = len}};
    char path[1024];
    snprintf(path, sizeof path, "%s/fuzz.zip", oct_fuzz_scratch());
    const char *step, *why;
    if (oct_zip_write(path, odt ? text : docx, odt ? 2 : 6, 0, 0x21, &step, &why) != 0) abort();
    size_t n;
    char *bytes = oct_read_file(path, 1u << 26, &n);
    if (!bytes) abort();
    oct_diag *diag = oct_diag_new(NULL);
    oct_tree *t = oct_tree_new();
    oct_ingest_options opts = {.normalize = true};
    oct_node *ch =
        oct_ingest_source(t, odt ? "notes.odt" : "notes.docx", bytes, n, NULL, &opts, diag);
    if (ch) {
        check_tree(t->root);
        oct_buf b = OCT_BUF_INIT;
        oct_tree_dump(t, t->root, &b);
        oct_buf_free(&b);
    } else if (!oct_diag_count(diag, OCT_ERROR))
        abort(); /* refused without saying why */
    free(bytes);
    oct_tree_free(t);
    oct_diag_free(diag);
    oct_fuzz_cleanup();
    return 0;
}
