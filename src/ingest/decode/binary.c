#include "ingest/decode/binary.h"

#include <stdbool.h>
#include <string.h>

/* Files people mistake for notes, by their first bytes. */
static const struct {
    const char *magic;
    size_t n;
    const char *kind, *hint;
} MAGIC[] = {
    {"%PDF-", 5, "a PDF document", " (copy its text out first, e.g. with pdftotext)"},
    {"\x89PNG\r\n\x1a\n", 8, "a PNG image", " (link pictures from a note: ![alt](file.png))"},
    {"\xff\xd8\xff", 3, "a JPEG image", " (link pictures from a note: ![alt](file.jpg))"},
    {"GIF8", 4, "a GIF image", " (link pictures from a note: ![alt](file.gif))"},
    {"PK\x03\x04", 4,
     "a ZIP archive, but no Word or OpenDocument text (an .epub or a spreadsheet is one)",
     " (save the document as .docx, .odt, Markdown or plain text)"},
    {"\x7f"
     "ELF",
     4, "a program", ""},
    {"SQLite format 3", 15, "an SQLite database (an Anki collection is one)",
     " (export the deck as text from Anki)"},
    {"\xd0\xcf\x11\xe0", 4, "an old binary Microsoft Office file (.doc, .xls, .ppt)",
     " (save it as .docx or plain text)"},
};

/* UTF-16 (and UTF-32) text: a byte-order mark, or NULs that keep to one
 * side of each pair, as the high bytes of Latin text do. */
static bool wide_text(const unsigned char *b, size_t len)
{
    if (len >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) return true;
    if (len >= 4 && !memcmp(b, "\0\0\xfe\xff", 4)) return true;
    size_t n = len < 4096 ? len : 4096, even = 0, odd = 0;
    for (size_t i = 0; i < n; i++)
        if (b[i] == 0) {
            if (i % 2)
                odd++;
            else
                even++;
        }
    size_t nul = even + odd;
    return nul * 5 >= n && (even * 10 >= nul * 9 || odd * 10 >= nul * 9);
}

/* A control byte no text holds: not a tab, a line or page end, or the
 * escape of a terminal's colours. */
static bool stray_control(unsigned char c)
{
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' &&
            c != 0x1B) ||
           c == 0x7F;
}

const char *oct_binary_kind(const unsigned char *bytes, size_t len, const char **hint)
{
    *hint = "";
    if (!bytes || len == 0) return NULL;
    for (size_t k = 0; k < sizeof MAGIC / sizeof *MAGIC; k++)
        if (len >= MAGIC[k].n && !memcmp(bytes, MAGIC[k].magic, MAGIC[k].n)) {
            *hint = MAGIC[k].hint;
            return MAGIC[k].kind;
        }
    if (wide_text(bytes, len)) return NULL;
    /* random bytes hold a control in every eight or so; text, even
     * damaged, one in thousands */
    size_t n = len < 65536 ? len : 65536, stray = 0;
    for (size_t i = 0; i < n; i++)
        stray += stray_control(bytes[i]);
    return stray >= 8 && stray * 20 >= n ? "binary data" : NULL;
}
