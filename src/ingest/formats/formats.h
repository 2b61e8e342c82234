/* Word (.docx) and OpenDocument (.odt) notes: a zipped package of XML
 * parts read into the tree directly, without Markdown in between.
 *
 * Two halves, as for text sources (ingest.h): oct_doc_open runs where a
 * source is prepared (the readahead thread: unzip, parse the XML parts),
 * oct_doc_build where the tree is built (docx.c, odt.c walk the parts and
 * docbuild.c makes the nodes). Every node's line is the line of its
 * element in the XML part it comes from (word/document.xml, content.xml;
 * a footnote's in its own part), as libxml2 counts them. */
#ifndef OCT_INGEST_FORMATS_H
#define OCT_INGEST_FORMATS_H
#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "tree/tree.h"
#include "util/buf.h"

typedef struct oct_doc oct_doc;

/* Whether the file's name says it is one (.docx, .odt, any case). */
bool oct_doc_named(const char *path);

/* Whether bytes are a zip archive (what a .docx or .odt is). */
bool oct_doc_is_zip(const char *bytes, size_t len);

/* Reads a package: 0 with *out set (free it with oct_doc_free); 1 when
 * the bytes are a zip but no Word or OpenDocument text (nothing reported:
 * ingest refuses it as binary); -1 after reporting an error (damaged,
 * a part over the limits, the main part missing or not XML). */
int oct_doc_open(const char *path, const char *bytes, size_t len, oct_doc **out, oct_diag *diag);

/* The title its properties give (docProps/core.xml, meta.xml dc:title),
 * or NULL; borrowed. */
const char *oct_doc_title(const oct_doc *doc);
/* The language it is written in, as a tag ("de-DE"): dc:language of its
 * properties, else its styles' default (w:docDefaults' w:lang; the
 * default paragraph style's fo:language and fo:country); NULL when none
 * names one; borrowed. A booklet without a language takes it as it takes
 * a front matter's. */
const char *oct_doc_lang(const oct_doc *doc);

/* Appends the document's blocks to chapter (and its footnotes at the
 * end, its pictures to t->images). Returns 0, or -1 after reporting an
 * error (a paragraph or the whole text over the limits). */
int oct_doc_build(oct_tree *t, oct_node *chapter, oct_doc *doc, const char *path, oct_diag *diag);

/* A picture of the package that the Markdown links to (docmd.c): its
 * part ("word/media/image1.png"), the name it has in the pictures'
 * folder ("image1.png"), the line of its first use. All malloc'd. */
typedef struct {
    char *part, *name;
    int line;
} oct_doc_pic;

/* Where the Markdown's links find the package's pictures: in folder
 * `dir` (relative to the Markdown, "notes_files"), each under a name of
 * its own (the part's file name, made safe and unique); the pictures so
 * linked are listed in pics for the caller to write out. */
typedef struct {
    const char *dir;
    oct_doc_pic *pics;
    size_t npics;
} oct_doc_pictures;
void oct_doc_pictures_release(oct_doc_pictures *p); /* the list; NULL-safe */

/* The document as CommonMark, appended to out (what `octavo normalize`
 * prints for one, docmd.c): its tree built as oct_doc_build builds it and
 * written back, its title and language as front matter; a picture of the
 * package linked as pics says (NULL: by its part's name). Returns 0, or
 * -1 after reporting an error (the limits of oct_doc_build). */
int oct_doc_markdown(oct_doc *doc, const char *path, oct_doc_pictures *pics, oct_buf *out,
                     oct_diag *diag);

/* The bytes of a part of the package, malloc'd (caller frees), within
 * the limit of a picture: 0; -1 with why set when it is missing, damaged
 * or too large. */
int oct_doc_part(oct_doc *doc, const char *part, char **data, size_t *len, char *why, size_t whysz);

void oct_doc_free(oct_doc *doc); /* NULL-safe */

#endif
