/* Font probe: a layout's font file is checked before libharu sees it.
 * libharu 2.3.0 trusts the tables of a TrueType file (counts, offsets,
 * glyph ids) and crashes on a truncated or corrupt one, so every table it
 * reads (head, hhea, maxp, hmtx, cmap, loca, glyf, name, post, OS/2) is
 * checked for size and offsets within the file, the Unicode cmap's glyph
 * ids and every glyph's outline (composite parts too) are checked against
 * the glyph count, and FreeType must open the face and load a glyph. */
#ifndef OCT_FONTPROBE_H
#define OCT_FONTPROBE_H
#include <stddef.h>

/* 0 when the TrueType file at path is safe to hand to libharu; else -1
 * with a short reason in why ("table 'loca' ends past the end of the
 * file"). Files over OCT_LIMIT_FONT_BYTES are refused unread. */
int oct_font_probe(const char *path, char *why, size_t whysz);

/* The same checks on a font already in memory. */
int oct_font_probe_mem(const unsigned char *data, size_t len, char *why, size_t whysz);

#endif
