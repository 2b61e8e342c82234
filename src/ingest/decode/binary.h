/* Whether a source's bytes are text at all: a PDF, a picture, an archive
 * (an .epub; a .docx or .odt is read before this is asked) or other binary data passed as notes would otherwise be
 * decoded as some 8-bit code page and printed as a page of gibberish. */
#ifndef OCT_INGEST_BINARY_H
#define OCT_INGEST_BINARY_H
#include <stddef.h>

/* NULL when bytes[0..len) reads as text (any encoding octavo decodes,
 * UTF-16 included, a stray NUL or control character allowed); else what
 * they are, for a message ("a PDF document", "binary data") and, in
 * *hint, how to make notes of it ("" when there is nothing to say). */
const char *oct_binary_kind(const unsigned char *bytes, size_t len, const char **hint);

#endif
