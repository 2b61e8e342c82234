/* The classes are coarse on purpose: mojibake is made of the upper halves
 * of Windows-1252 and MacRoman, so those characters get classes of their
 * own (after ftfy's categories), and everything else only needs its
 * script and case. Switches rather than tables: the compiler turns them
 * into jump tables or binary searches, and classification is the hot
 * path of repair. */
#include "ingest/decode/repair_chars.h"

#include <utf8proc.h>

/* The classes of the Windows-1252 and MacRoman characters that are not
 * letters; -1 for everything else. */
static int special_kind(uint32_t c)
{
    // clang-format off
    switch (c) {
    case 0x00A6: case 0x00A4: case 0x00A8: case 0x00AC: case 0x00AF: case 0x00B6: case 0x00A7:
    case 0x00B8: case 0x0192: case 0x02C6: case 0x02C7: case 0x02D8: case 0x02D9: case 0x02DA:
    case 0x02DB: case 0x02DC: case 0x02DD: case 0x2020: case 0x2021: case 0x2030: case 0x2310:
    case 0x25CA: case 0x00AA: case 0x00BA: case 0xF8FF: case 0xFFFD:
        return OCT_K_BAD;
    case 0x00A2: case 0x00A3: case 0x00A5: case 0x20AC: case 0x20A7:
        return OCT_K_CURRENCY;
    case 0x00A1: case 0x00BF: case 0x00AB: case 0x2039: case 0x2018: case 0x201A: case 0x201C:
    case 0x201E: case 0x2022: case 0x00A9:
        return OCT_K_OPEN;
    case 0x00AE: case 0x00BB: case 0x203A: case 0x201D: case 0x2122:
        return OCT_K_CLOSE;
    case 0x00A0: case 0x00AD: case 0x00B7: case 0x00B4: case 0x2013: case 0x2014: case 0x2015:
    case 0x2026: case 0x2019:
        return OCT_K_COMMON;
    case 0x00B9: case 0x00B2: case 0x00B3: case 0x00B1: case 0x00BC: case 0x00BD: case 0x00BE:
    case 0x00D7: case 0x00F7: case 0x00B5: case 0x00B0: case 0x2044: case 0x2202: case 0x2206:
    case 0x220F: case 0x2211: case 0x221A: case 0x221E: case 0x222B: case 0x2248: case 0x2260:
    case 0x2264: case 0x2265: case 0x2261: case 0x2229: case 0x03A9: case 0x03C0: case 0x2116:
    case 0x2126:
        return OCT_K_NUMERIC;
    default:
        return -1;
    }
    // clang-format on
}

static bool is_latin_block(uint32_t c)
{
    return (c >= 0x00C0 && c <= 0x024F) || (c >= 0x1E00 && c <= 0x1EFF) ||
           (c >= 0xFB00 && c <= 0xFB06);
}

static bool is_cjk_block(uint32_t c)
{
    return (c >= 0x1100 && c <= 0x11FF) || (c >= 0x2E80 && c <= 0x9FFF) ||
           (c >= 0xA000 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7AF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) ||
           (c >= 0x20000 && c <= 0x3FFFF);
}

static oct_repair_kind classify_ascii(uint32_t c)
{
    if (c >= 'a' && c <= 'z') return OCT_K_ASCII_LOWER;
    if (c >= 'A' && c <= 'Z') return OCT_K_ASCII_UPPER;
    if (c >= '0' && c <= '9') return OCT_K_DIGIT;
    if (c == ' ' || (c >= '\t' && c <= '\r')) return OCT_K_SPACE;
    return OCT_K_ASCII_OTHER;
}

static oct_repair_kind classify_letter(uint32_t c, utf8proc_category_t cat)
{
    bool upper = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
    if (is_latin_block(c) || (c >= 0x0250 && c <= 0x02AF)) /* IPA gives ə, ɛ, ɔ */
        return upper ? OCT_K_UPPER_ACC : OCT_K_LOWER_ACC;
    if ((c >= 0x0370 && c <= 0x03FF) || (c >= 0x1F00 && c <= 0x1FFF) ||
        (c >= 0x0400 && c <= 0x052F))
        return upper ? OCT_K_ALPHA_UP : OCT_K_ALPHA_LOW;
    if (is_cjk_block(c)) return OCT_K_CJK;
    return OCT_K_SCRIPT;
}

static oct_repair_kind classify_category(uint32_t c)
{
    utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)c);
    switch (cat) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LO:
        return classify_letter(c, cat);
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NO:
        return is_cjk_block(c) ? OCT_K_CJK : OCT_K_SCRIPT;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return OCT_K_MARK;
    case UTF8PROC_CATEGORY_CF:
        /* Joiners, zero-width spaces and direction marks are at home in
         * emoji, Khmer, Thai and right-to-left text; language tags are not. */
        return c >= 0xE0000 ? OCT_K_RARE : OCT_K_SYMBOL;
    case UTF8PROC_CATEGORY_CN:
        /* Emoji newer than our Unicode tables are still emoji. */
        return (c >= 0x1F000 && c <= 0x1FAFF) ? OCT_K_SYMBOL : OCT_K_RARE;
    case UTF8PROC_CATEGORY_CO:
    case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
        return OCT_K_RARE;
    default:
        return OCT_K_SYMBOL;
    }
}

oct_repair_kind oct_repair_classify(uint32_t c)
{
    if (c < 0x80) return classify_ascii(c);
    if (c <= 0x9F) return OCT_K_C1;
    int k = special_kind(c);
    if (k < 0 && c >= 0xC0 && c <= 0xFF) /* Latin-1 letters, the common case */
        return c <= 0xDE ? OCT_K_UPPER_ACC : OCT_K_LOWER_ACC;
    if (k >= 0) return (oct_repair_kind)k;
    if (c >= 0x02B0 && c <= 0x02FF) return OCT_K_COMMON; /* ʻ ʼ ˈ ː: apostrophes, stress */
    return classify_category(c);
}

bool oct_repair_cp1252_continuation(uint32_t c)
{
    if (c >= 0x80 && c <= 0xBF) return true;
    // clang-format off
    switch (c) {
    case 0x20AC: case 0x201A: case 0x0192: case 0x201E: case 0x2026: case 0x2020: case 0x2021:
    case 0x02C6: case 0x2030: case 0x0160: case 0x2039: case 0x0152: case 0x017D: case 0x2018:
    case 0x2019: case 0x201C: case 0x201D: case 0x2022: case 0x2013: case 0x2014: case 0x02DC:
    case 0x2122: case 0x0161: case 0x203A: case 0x0153: case 0x017E: case 0x0178: case 0xFFFD:
        return true;
    default:
        return false;
    }
    // clang-format on
}

bool oct_repair_latin_mark(uint32_t c)
{
    return (c >= 0x0300 && c <= 0x0314) || (c >= 0x0323 && c <= 0x0328) || c == 0x0331;
}

bool oct_repair_rare_ipa(uint32_t c)
{
    if (c < 0x0250 || c > 0x02AF) return false;
    // clang-format off
    switch (c) {
    /* ə ɛ ɔ ɖ ɗ ɓ ɣ ʋ ɲ ʊ ɪ ɑ ɨ ʉ ʔ ɐ ɒ ɘ ɜ ɡ ɥ ɫ ɯ ɱ ɳ ɵ ʃ ʒ */
    case 0x0259: case 0x025B: case 0x0254: case 0x0256: case 0x0257: case 0x0253: case 0x0263:
    case 0x028B: case 0x0272: case 0x028A: case 0x026A: case 0x0251: case 0x0268: case 0x0289:
    case 0x0294: case 0x0250: case 0x0252: case 0x0258: case 0x025C: case 0x0261: case 0x0265:
    case 0x026B: case 0x026F: case 0x0271: case 0x0273: case 0x0275: case 0x0283: case 0x0292:
        return false;
    default:
        return true;
    }
    // clang-format on
}
