/* Which glyphs of a font may shape differently next to a space
 * (spacerisk.c), for the word cache. Internal to src/pdf. */
#ifndef OCT_PDF_SPACERISK_H
#define OCT_PDF_SPACERISK_H
#include <hb.h>

/* The glyphs of font that a lookup may act on across a space (free with
 * hb_set_destroy): a word holding none of them shapes alone as it does in
 * its line. NULL when no word of the font may be shaped alone (no space
 * glyph, AAT tables, a legacy 'kern' table in use). */
hb_set_t *pdf_space_risk(hb_font_t *font);

#endif
