/* See script.h. ICU's uscript_getScript names each character's script. */
#include "unicode/script.h"
#include "unicode/bidi.h"
#include "util/utf8.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
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

/* --- a booklet's language ------------------------------------------------ */

enum { MIN_LETTERS = 40 };

/* Cyrillic's languages by the letters only one of them uses (lower case;
 * capitals are folded before). */
static const char *cyrillic_language(const size_t *count)
{
    static const struct {
        const char *tag;
        unsigned letters[6];
    } PECULIAR[] = {
        {"ru", {0x44B, 0x44D}},                             /* ы э */
        {"uk", {0x456, 0x457, 0x454, 0x491}},               /* і ї є ґ */
        {"be", {0x45E}},                                    /* ў */
        {"sr", {0x452, 0x458, 0x459, 0x45A, 0x45B, 0x45F}}, /* ђ ј љ њ ћ џ */
        {"mk", {0x453, 0x45C, 0x455}},                      /* ѓ ќ ѕ */
    };
    size_t best = 0, second = 0;
    const char *tag = NULL;
    for (size_t k = 0; k < sizeof PECULIAR / sizeof *PECULIAR; k++) {
        size_t c = 0;
        for (int j = 0; j < 6 && PECULIAR[k].letters[j]; j++)
            c += count[PECULIAR[k].letters[j] - 0x400];
        if (c > best) {
            second = best;
            best = c;
            tag = PECULIAR[k].tag;
        } else if (c > second) {
            second = c;
        }
    }
    /* Bulgarian writes ъ often and has neither ы nor э */
    if (!best && count[0x44A - 0x400] >= 3) return "bg";
    return best >= 2 && best >= 2 * second ? tag : NULL;
}

/* Latin-script languages by their commonest short words: each word of the
 * text found in a language's list counts for it. Lists are sorted (strcmp)
 * for bsearch; words shared by two lists count for both. */
typedef struct {
    const char *tag;
    const char *const *words;
    size_t n;
} word_list;

#define LIST(tag, ...)                                                                             \
    {                                                                                              \
        tag, (const char *const[]){__VA_ARGS__},                                                   \
            sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *)                      \
    }

static const word_list LATIN[] = {
    LIST("cs", "ale", "do", "jako", "je", "jen", "jsou", "které", "který", "kteří", "na", "není",
         "pro", "se", "tak", "také", "to", "v", "ve", "z", "ze", "že"),
    LIST("da", "af", "den", "det", "er", "for", "har", "ikke", "jeg", "med", "men", "og", "om",
         "på", "som", "til", "var"),
    LIST("de", "auch", "auf", "das", "dem", "den", "der", "die", "ein", "eine", "einen", "ist",
         "mit", "nicht", "sich", "sind", "und", "von", "wird", "zu"),
    LIST("en", "and", "are", "as", "be", "for", "from", "in", "is", "it", "of", "on", "that", "the",
         "this", "to", "was", "which", "with"),
    LIST("es", "con", "del", "el", "en", "es", "las", "los", "para", "por", "que", "se", "su", "un",
         "una", "y"),
    LIST("fi", "ei", "että", "ja", "joka", "jossa", "jotka", "kun", "mutta", "myös", "ne", "niin",
         "ole", "oli", "on", "ovat", "se", "sitä"),
    LIST("fr", "au", "aux", "avec", "dans", "des", "du", "est", "et", "les", "par", "pas", "pour",
         "qui", "sur", "un", "une"),
    LIST("hu", "az", "azért", "csak", "egy", "ez", "hogy", "is", "meg", "mert", "mint", "már",
         "nem", "van", "és"),
    LIST("it", "che", "con", "del", "della", "di", "gli", "il", "in", "non", "per", "sono", "un",
         "una"),
    LIST("nl", "de", "een", "en", "het", "in", "is", "met", "niet", "ook", "op", "te", "van",
         "voor", "zijn"),
    LIST("pl", "ale", "dla", "do", "jak", "jest", "nie", "od", "oraz", "po", "przez", "się", "są",
         "tak", "to", "w", "z", "ze", "że"),
    LIST("pt", "com", "da", "do", "em", "na", "no", "os", "para", "por", "que", "um", "uma"),
    LIST("ro", "acest", "care", "cu", "din", "este", "fost", "iar", "mai", "nu", "pentru", "prin",
         "sau", "sunt", "în", "și"),
    LIST("sv", "att", "av", "den", "det", "där", "ett", "för", "har", "inte", "jag", "med", "men",
         "och", "om", "på", "som", "så", "till", "var", "är"),
    LIST("tr", "ama", "bir", "bu", "daha", "değil", "gibi", "ile", "için", "olan", "var", "ve",
         "çok"),
};

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

enum { MIN_HITS = 12 };

/* The language of Latin text s[0..n): the list with the most hits, when it
 * has at least MIN_HITS and three for every two of the next; else NULL. */
static const char *latin_language(const char *s, size_t n)
{
    size_t hits[sizeof LATIN / sizeof *LATIN] = {0};
    char w[8];
    size_t wl = 0;
    for (size_t i = 0; i <= n; i++) {
        unsigned char c = i < n ? (unsigned char)s[i] : ' ';
        if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80) {
            if (wl < sizeof w - 1) w[wl] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
            wl++;
            continue;
        }
        if (wl > 0 && wl < sizeof w) {
            w[wl] = '\0';
            const char *key = w;
            for (size_t k = 0; k < sizeof LATIN / sizeof *LATIN; k++)
                hits[k] += bsearch(&key, LATIN[k].words, LATIN[k].n, sizeof *LATIN[k].words,
                                   cmp_str) != NULL;
        }
        wl = 0;
    }
    size_t best = 0, second = 0, top = 0;
    for (size_t k = 0; k < sizeof LATIN / sizeof *LATIN; k++) {
        if (hits[k] > best) {
            second = best;
            best = hits[k];
            top = k;
        } else if (hits[k] > second) {
            second = hits[k];
        }
    }
    return best >= MIN_HITS && 2 * best >= 3 * second ? LATIN[top].tag : NULL;
}

const char *oct_guess_language(const char *s, size_t n)
{
    size_t letters = 0, per[USCRIPT_CODE_LIMIT] = {0};
    size_t cyr[0x100] = {0}, persian = 0;
    size_t i = 0, len;
    for (; i < n; i += len ? len : 1) {
        unsigned cp = oct_utf8_decode(s + i, n - i, &len);
        if (cp < 0x80) {
            bool letter = (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
            letters += letter;
            per[USCRIPT_LATIN] += letter;
            continue;
        }
        UErrorCode err = U_ZERO_ERROR;
        UScriptCode sc = uscript_getScript((UChar32)(cp > 0x10FFFF ? 0xFFFD : cp), &err);
        if (U_FAILURE(err) || sc <= USCRIPT_INHERITED || sc >= USCRIPT_CODE_LIMIT) continue;
        letters++;
        per[sc]++;
        if (sc == USCRIPT_CYRILLIC && cp >= 0x400 && cp < 0x500) {
            unsigned lower = cp >= 0x410 && cp < 0x430 ? cp + 0x20 : cp < 0x410 ? cp + 0x50 : cp;
            if (lower >= 0x400 && lower < 0x500) cyr[lower - 0x400]++;
        }
        persian += cp == 0x67E || cp == 0x686 || cp == 0x698 || cp == 0x6AF; /* پ چ ژ گ */
    }
    if (letters < MIN_LETTERS) return NULL;
    /* Japanese: kanji and kana together; Korean may mix hanja in */
    size_t kana = per[USCRIPT_HIRAGANA] + per[USCRIPT_KATAKANA];
    size_t cjk = per[USCRIPT_HAN] + kana + per[USCRIPT_HANGUL];
    if (5 * cjk >= 3 * letters) {
        if (per[USCRIPT_HANGUL] > kana) return "ko";
        return kana ? "ja" : "zh";
    }
    UScriptCode top = USCRIPT_LATIN;
    for (int sc = 0; sc < USCRIPT_CODE_LIMIT; sc++)
        if (per[sc] > per[top]) top = (UScriptCode)sc;
    if (top == USCRIPT_LATIN) return 5 * per[top] >= 3 * letters ? latin_language(s, n) : NULL;
    if (5 * per[top] < 3 * letters) return NULL;
    switch (top) {
    case USCRIPT_CYRILLIC:
        return cyrillic_language(cyr);
    case USCRIPT_ARABIC:
        return persian >= 2 ? "fa" : "ar";
    case USCRIPT_DEVANAGARI:
        return "hi";
    default: {
        const char *tag = tag_of(top);
        return tag && strncmp(tag, "und", 3) != 0 ? tag : NULL;
    }
    }
}

bool oct_language_tag_valid(const char *s)
{
    size_t first = strcspn(s, "-");
    if (first == 0) return false;
    bool alpha = true;
    for (size_t i = 0; i < first; i++)
        alpha &= isalpha((unsigned char)s[i]) != 0;
    bool singleton = first == 1 && (s[0] == 'x' || s[0] == 'X' || s[0] == 'i' || s[0] == 'I');
    if (!alpha || !(singleton || (first >= 2 && first <= 3))) return false;
    if (singleton && !s[first]) return false;
    for (const char *p = s + first; *p;) {
        p++; /* the '-' */
        size_t n = 0;
        while (p[n] && p[n] != '-') {
            if (!isalnum((unsigned char)p[n])) return false;
            n++;
        }
        if (n < 1 || n > 8) return false;
        p += n;
    }
    return true;
}

bool oct_language_same(const char *a, const char *b)
{
    size_t i = 0;
    while (a[i] && a[i] != '-' && a[i] != '_' && b[i] && b[i] != '-' && b[i] != '_' &&
           (a[i] | 32) == (b[i] | 32))
        i++;
    return (!a[i] || a[i] == '-' || a[i] == '_') && (!b[i] || b[i] == '-' || b[i] == '_');
}
