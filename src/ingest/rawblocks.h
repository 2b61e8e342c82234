/* Unterminated raw HTML blocks (internal to ingest). */
#ifndef OCT_RAWBLOCKS_H
#define OCT_RAWBLOCKS_H
#include <stddef.h>

#include "diag.h"

/* CommonMark ends an HTML block that starts with <script>, <style>,
 * <textarea> or <pre> only at the matching end tag: without one, the rest
 * of the notes would vanish into it. Such a block is ended at its first
 * blank line instead (the end tag is written at the end of the line
 * before, so no line moves), with an [html-unclosed] warning each.
 * Returns a malloc'd copy of text and its length in *outlen, or NULL when
 * every such block is closed. `map_line` turns a text line into a source
 * line for the message. */
char *oct_md_close_raw_blocks(const char *text, size_t len, size_t *outlen, oct_diag *diag,
                              const char *path, int (*map_line)(const void *ctx, int line),
                              const void *ctx);

#endif
