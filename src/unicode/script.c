/* See script.h. ICU's uscript_getScript names each character's script. */
#include "unicode/script.h"
#include "unicode/bidi.h"
#include "util/utf8.h"

#include <unicode/uscript.h>

enum { SCAN = 2000 };

static const char *tag_of(UScriptCode sc)
{
    switch (sc) {
    case USCRIPT_THAI:
        return "th";
    case USCRIPT_GREEK:
        return "el";
    case USCRIPT_HEBREW:
        return "he";
    case USCRIPT_ARMENIAN:
        return "hy";
    case USCRIPT_GEORGIAN:
        return "ka";
    case USCRIPT_HAN:
        return "zh";
    case USCRIPT_ARABIC:
        return "und-Arab";
    case USCRIPT_CYRILLIC:
        return "und-Cyrl";
    case USCRIPT_DEVANAGARI:
        return "und-Deva";
    case USCRIPT_BENGALI:
        return "und-Beng";
    case USCRIPT_TAMIL:
        return "ta";
    case USCRIPT_ETHIOPIC:
        return "und-Ethi";
    default:
        return NULL;
    }
}

const char *oct_text_language(const char *s, size_t n, bool *rtl)
{
    *rtl = false;
    bool dir_known = false, kana = false, hangul = false;
    UScriptCode first = USCRIPT_COMMON;
    size_t i = 0, len;
    for (int k = 0; i < n && k < SCAN; k++, i += len) {
        unsigned cp = oct_utf8_decode(s + i, n - i, &len);
        if (!dir_known) {
            int strong = oct_bidi_strong(cp);
            if (strong >= 0) {
                dir_known = true;
                *rtl = strong == 1;
            }
        }
        if (cp < 0x80) {
            if (first == USCRIPT_COMMON && ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z'))
                first = USCRIPT_LATIN;
            continue;
        }
        UErrorCode err = U_ZERO_ERROR;
        UScriptCode sc = uscript_getScript((UChar32)(cp > 0x10FFFF ? 0xFFFD : cp), &err);
        if (U_FAILURE(err)) continue;
        kana |= sc == USCRIPT_HIRAGANA || sc == USCRIPT_KATAKANA;
        hangul |= sc == USCRIPT_HANGUL;
        if (first == USCRIPT_COMMON && sc != USCRIPT_INHERITED && sc != USCRIPT_COMMON &&
            sc != USCRIPT_UNKNOWN)
            first = sc;
    }
    /* Japanese mixes kanji and kana, Korean may mix hanja and Hangul */
    bool cjk = first == USCRIPT_HAN || first == USCRIPT_HIRAGANA || first == USCRIPT_KATAKANA ||
               first == USCRIPT_HANGUL;
    if (cjk && kana) return "ja";
    if (cjk && hangul) return "ko";
    return tag_of(first);
}
