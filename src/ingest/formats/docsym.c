/* Characters of symbol fonts (docint.h, db_symbol_char). Word writes a
 * symbol inserted from Symbol or Wingdings as <w:sym w:font="Symbol"
 * w:char="F0AE"/>: a private-use code (F020..F0FF) standing for a byte of
 * the font's own encoding, not a character. Taken as Latin-1 that byte is
 * a wrong letter ("®" for →, "à" for Wingdings' arrow), so the byte is
 * looked up in the font's table: Symbol's whole (Adobe Symbol Encoding,
 * as Unicode's SYMBOL.TXT maps it, Greek capitals as Greek rather than
 * the units Ω and ∆), and the Wingdings characters notes use (check
 * marks, ballot boxes, bullets, arrows, hands, faces). */
#include "ingest/formats/docint.h"

#include "util/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

/* Symbol 0x20..0xFF; 0 where the font has no character. */
static const unsigned short SYMBOL[224] = {
    /* 0x20 */ 0x0020, 0x0021, 0x2200, 0x0023, 0x2203, 0x0025, 0x0026, 0x220B,
    /* 0x28 */ 0x0028, 0x0029, 0x2217, 0x002B, 0x002C, 0x2212, 0x002E, 0x002F,
    /* 0x30 */ 0x0030, 0x0031, 0x0032, 0x0033, 0x0034, 0x0035, 0x0036, 0x0037,
    /* 0x38 */ 0x0038, 0x0039, 0x003A, 0x003B, 0x003C, 0x003D, 0x003E, 0x003F,
    /* 0x40 */ 0x2245, 0x0391, 0x0392, 0x03A7, 0x0394, 0x0395, 0x03A6, 0x0393,
    /* 0x48 */ 0x0397, 0x0399, 0x03D1, 0x039A, 0x039B, 0x039C, 0x039D, 0x039F,
    /* 0x50 */ 0x03A0, 0x0398, 0x03A1, 0x03A3, 0x03A4, 0x03A5, 0x03C2, 0x03A9,
    /* 0x58 */ 0x039E, 0x03A8, 0x0396, 0x005B, 0x2234, 0x005D, 0x22A5, 0x005F,
    /* 0x60 */ 0x203E, 0x03B1, 0x03B2, 0x03C7, 0x03B4, 0x03B5, 0x03C6, 0x03B3,
    /* 0x68 */ 0x03B7, 0x03B9, 0x03D5, 0x03BA, 0x03BB, 0x03BC, 0x03BD, 0x03BF,
    /* 0x70 */ 0x03C0, 0x03B8, 0x03C1, 0x03C3, 0x03C4, 0x03C5, 0x03D6, 0x03C9,
    /* 0x78 */ 0x03BE, 0x03C8, 0x03B6, 0x007B, 0x007C, 0x007D, 0x223C, 0,
    /* 0x80 */ 0,      0,      0,      0,      0,      0,      0,      0,
    /* 0x88 */ 0,      0,      0,      0,      0,      0,      0,      0,
    /* 0x90 */ 0,      0,      0,      0,      0,      0,      0,      0,
    /* 0x98 */ 0,      0,      0,      0,      0,      0,      0,      0,
    /* 0xA0 */ 0x20AC, 0x03D2, 0x2032, 0x2264, 0x2044, 0x221E, 0x0192, 0x2663,
    /* 0xA8 */ 0x2666, 0x2665, 0x2660, 0x2194, 0x2190, 0x2191, 0x2192, 0x2193,
    /* 0xB0 */ 0x00B0, 0x00B1, 0x2033, 0x2265, 0x00D7, 0x221D, 0x2202, 0x2022,
    /* 0xB8 */ 0x00F7, 0x2260, 0x2261, 0x2248, 0x2026, 0x23D0, 0x23AF, 0x21B5,
    /* 0xC0 */ 0x2135, 0x2111, 0x211C, 0x2118, 0x2297, 0x2295, 0x2205, 0x2229,
    /* 0xC8 */ 0x222A, 0x2283, 0x2287, 0x2284, 0x2282, 0x2286, 0x2208, 0x2209,
    /* 0xD0 */ 0x2220, 0x2207, 0x00AE, 0x00A9, 0x2122, 0x220F, 0x221A, 0x22C5,
    /* 0xD8 */ 0x00AC, 0x2227, 0x2228, 0x21D4, 0x21D0, 0x21D1, 0x21D2, 0x21D3,
    /* 0xE0 */ 0x25CA, 0x27E8, 0x00AE, 0x00A9, 0x2122, 0x2211, 0x239B, 0x239C,
    /* 0xE8 */ 0x239D, 0x23A1, 0x23A2, 0x23A3, 0x23A7, 0x23A8, 0x23A9, 0x23AA,
    /* 0xF0 */ 0,      0x27E9, 0x222B, 0x2320, 0x23AE, 0x2321, 0x239E, 0x239F,
    /* 0xF8 */ 0x23A0, 0x23A4, 0x23A5, 0x23A6, 0x23AB, 0x23AC, 0x23AD, 0,
};

typedef struct {
    unsigned char byte;
    unsigned cp;
} sym;

/* Wingdings: what notes use of it. */
static const sym WINGDINGS[] = {
    {0x20, 0x0020}, {0x22, 0x2702}, {0x28, 0x260E}, {0x2A, 0x2709},  {0x36, 0x231B},
    {0x37, 0x2328}, {0x3F, 0x270D}, {0x41, 0x270C}, {0x43, 0x1F44D}, {0x44, 0x1F44E},
    {0x45, 0x261C}, {0x46, 0x261E}, {0x47, 0x261D}, {0x48, 0x261F},  {0x4A, 0x263A},
    {0x4C, 0x2639}, {0x4E, 0x2620}, {0x52, 0x263C}, {0x54, 0x2744},  {0x58, 0x2720},
    {0x59, 0x2721}, {0x6C, 0x25CF}, {0x6D, 0x274D}, {0x6E, 0x25A0},  {0x6F, 0x25A1},
    {0x71, 0x2751}, {0x72, 0x2752}, {0x75, 0x25C6}, {0x76, 0x2756},  {0x77, 0x2B25},
    {0x9F, 0x2022}, {0xA1, 0x25CB}, {0xA7, 0x25AA}, {0xA8, 0x25FB},  {0xAB, 0x2605},
    {0xD8, 0x27A2}, {0xDF, 0x2190}, {0xE0, 0x2192}, {0xE1, 0x2191},  {0xE2, 0x2193},
    {0xE3, 0x2196}, {0xE4, 0x2197}, {0xE5, 0x2199}, {0xE6, 0x2198},  {0xE7, 0x2B05},
    {0xE8, 0x27A1}, {0xE9, 0x2B06}, {0xEA, 0x2B07}, {0xEF, 0x21E6},  {0xF0, 0x21E8},
    {0xF1, 0x21E7}, {0xF2, 0x21E9}, {0xF3, 0x2B04}, {0xF4, 0x21F3},  {0xFB, 0x2717},
    {0xFC, 0x2713}, {0xFD, 0x2612}, {0xFE, 0x2611},
};

/* Wingdings 2: its check marks and boxes. */
static const sym WINGDINGS2[] = {
    {0x20, 0x0020}, {0x4F, 0x2717}, {0x50, 0x2714}, {0x52, 0x2611},
    {0x54, 0x2612}, {0x97, 0x25CF}, {0xA3, 0x2610},
};

static unsigned find(const sym *t, size_t n, unsigned byte)
{
    for (size_t k = 0; k < n; k++)
        if (t[k].byte == byte) return t[k].cp;
    return 0;
}

bool db_symbol_font(const char *f)
{
    static const char *const names[] = {"symbol",  "wingdings",     "webdings",        "mt extra",
                                        "marlett", "zapf dingbats", "bookshelf symbol"};
    for (size_t k = 0; k < sizeof names / sizeof *names; k++)
        if (!strncasecmp(f, names[k], strlen(names[k]))) return true;
    return false;
}

unsigned db_symbol_char(const char *font, unsigned code)
{
    /* the byte of the font's encoding: F0xx, or the byte written plainly */
    unsigned byte = code >= 0xF000 && code <= 0xF0FF ? code - 0xF000 : code;
    if (!font || !db_symbol_font(font))
        return byte <= 0xFF ? byte : code; /* a text font's F0xx is its Latin-1 */
    if (byte < 0x20 || byte > 0xFF) return code >= 0x100 && code < 0xF000 ? code : 0;
    if (!strcasecmp(font, "Symbol")) return SYMBOL[byte - 0x20];
    if (!strcasecmp(font, "Wingdings"))
        return find(WINGDINGS, sizeof WINGDINGS / sizeof *WINGDINGS, byte);
    if (!strcasecmp(font, "Wingdings 2"))
        return find(WINGDINGS2, sizeof WINGDINGS2 / sizeof *WINGDINGS2, byte);
    return 0;
}

/* A character a text can hold: no control, surrogate or non-character. */
static bool printable(unsigned cp)
{
    return cp >= 0x20 && !(cp >= 0x7F && cp < 0xA0) && !(cp >= 0xD800 && cp <= 0xDFFF) &&
           cp != 0xFFFE && cp != 0xFFFF;
}

/* A symbol font's character (w:sym) as Unicode, or U+FFFD with a warning
 * when it has none: never a letter it does not stand for. */
void db_symbol(db *b, unsigned flags, const char *font, const char *hex, int line)
{
    unsigned long raw = hex ? strtoul(hex, NULL, 16) : 0;
    unsigned cp = raw <= 0x10FFFF ? db_symbol_char(font, (unsigned)raw) : 0;
    if (!printable(cp)) {
        char key[96];
        snprintf(key, sizeof key, "symbol %.40s %.8s", font ? font : "", hex ? hex : "");
        db_warn_code(b, "document-symbol", key, line,
                     "symbol %.8s of the font '%.40s' has no Unicode character octavo knows: "
                     "U+FFFD is printed in its place",
                     hex ? hex : "(none)", font ? font : "(none)");
        cp = 0xFFFD;
    }
    oct_buf u = OCT_BUF_INIT;
    oct_buf_put_utf8(&u, cp);
    db_text(b, flags, u.data, u.len, line);
    oct_buf_free(&u);
}

/* Text typed in a symbol font: Word keeps the letter typed ("a"), or the
 * private-use code F061 that stands for it, and the font makes it α. Each
 * character is what the font shows; one the font's table has none for
 * stays as typed, with one warning per font, so no text is lost. */
void db_symbol_text(db *b, unsigned flags, const char *font, const char *s, size_t len, int line)
{
    oct_buf u = OCT_BUF_INIT;
    size_t kept = 0;
    unsigned first = 0;
    for (size_t i = 0, k; i < len; i += k) {
        unsigned cp = oct_utf8_decode(s + i, len - i, &k);
        unsigned m = cp == ' ' ? cp : db_symbol_char(font, cp);
        bool ok = printable(m);
        if (!ok && !kept++) first = cp;
        oct_buf_put_utf8(&u, ok ? m : cp);
    }
    if (kept) {
        char key[80];
        snprintf(key, sizeof key, "symbol text %.40s", font);
        db_warn_code(b, "document-symbol", key, line,
                     "text in the symbol font '%.40s' is printed as typed where octavo knows no "
                     "Unicode character for it (U+%04X, %zu character%s here)",
                     font, first, kept, kept == 1 ? "" : "s");
    }
    db_text(b, flags, u.data ? u.data : "", u.len, line);
    oct_buf_free(&u);
}
