/* The one door to cmark-gfm's parser (internal to ingest). */
#ifndef OCT_INGEST_CMARKPARSE_H
#define OCT_INGEST_CMARKPARSE_H
#include <cmark-gfm.h>
#include <stdbool.h>
#include <stddef.h>

/* prefix[0..plen) then text[0..len) parsed as one document: with footnotes
 * and the table, strikethrough, autolink and tasklist extensions when gfm,
 * plain CommonMark otherwise. Parses run one at a time in the process:
 * cmark-gfm's inline parser reads a table of special characters shared by
 * every parser, which a parser with extensions changes while it parses
 * inlines and changes back after, so two parses at once (booklets built
 * side by side, a source parsed ahead) could see each other's characters.
 * NULL when cmark-gfm lacks its GFM extensions. The caller frees the
 * document (cmark_node_free). */
cmark_node *oct_cmark_parse(const char *prefix, size_t plen, const char *text, size_t len,
                            bool gfm);

#endif
