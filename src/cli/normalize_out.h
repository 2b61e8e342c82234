/* Where `octavo normalize` writes (normalize_out.c): the Markdown to
 * standard output or, with -o, to a file written atomically, and a Word
 * or OpenDocument text's pictures into a folder beside that file. */
#ifndef OCT_CLI_NORMALIZE_OUT_H
#define OCT_CLI_NORMALIZE_OUT_H
#include <stddef.h>

#include "diag.h"
#include "ingest/formats/formats.h"

/* The folder a document's pictures go to, as the Markdown's links name it
 * (relative to the Markdown): "notes_files" for -o notes.md, and for
 * standard output the folder that -o would make for the input's name
 * (notes.docx → "notes_files"). Malloc'd. */
char *oct_normalize_pictures_dir(const char *output, const char *input);

/* The pictures of doc that pics lists: with an output file, each written
 * into its folder beside it (made when missing), atomically; on standard
 * output, one note each [normalize-picture] naming the part and how to
 * have it written. Returns an exit status (OCT_EXIT_IO when one cannot
 * be written, said with [write-failed]). */
int oct_normalize_write_pictures(oct_doc *doc, const oct_doc_pictures *pics, const char *output,
                                 const char *input, oct_diag *diag);

/* data to the output file (atomically) or standard output: an exit status. */
int oct_normalize_emit(const char *output, const char *data, size_t len, oct_diag *diag);

#endif
