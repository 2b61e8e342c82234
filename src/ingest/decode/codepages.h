/* The two single-byte code pages that UTF-8 text is most often misread as:
 * Windows-1252 (a superset of Latin-1's printable characters) and MacRoman.
 * Used by charset detection (decoding legacy files) and by mojibake repair
 * (re-encoding text to recover the UTF-8 bytes it came from). */
#ifndef OCT_CODEPAGES_H
#define OCT_CODEPAGES_H

typedef enum { OCT_CP_WINDOWS_1252, OCT_CP_MACROMAN } oct_codepage;

/* Code point that byte b decodes to in cp. Bytes below 0x80 are ASCII. The
 * five bytes Windows-1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) decode
 * to U+FFFD. */
unsigned oct_codepage_decode(oct_codepage cp, unsigned char b);

/* Byte that decodes to code point c in cp, or -1 if cp has none. For
 * Windows-1252 the C1 controls U+0080..U+009F map to their own byte, as in
 * Latin-1, so text read as either Latin-1 or Windows-1252 (or a mix, which
 * is what most tools produce) can be turned back into its bytes. */
int oct_codepage_encode(oct_codepage cp, unsigned c);

/* Human-readable name, e.g. "Windows-1252", "MacRoman". */
const char *oct_codepage_name(oct_codepage cp);

#endif
