/* What language and direction a run of text shows by its letters alone,
 * for the EPUB's xml:lang and dir (readers pick fonts and set the text
 * from them). Scripts used by one language give that language (kana: ja,
 * Hangul: ko, Thai: th, Greek: el, Hebrew: he, Armenian: hy, Georgian:
 * ka); Han without kana or Hangul gives zh; scripts shared by many
 * languages give "und-" and the script (und-Arab, und-Cyrl, und-Deva), so
 * a reader still picks a font for the script; Latin gives nothing. */
#ifndef OCT_UNICODE_SCRIPT_H
#define OCT_UNICODE_SCRIPT_H
#include <stdbool.h>
#include <stddef.h>

/* For UTF-8 s[0..n) (its first 2,000 characters are read): the language
 * tag (static string) or NULL, and whether its first strong character is
 * right to left. */
const char *oct_text_language(const char *s, size_t n, bool *rtl);

/* The language a booklet's text s[0..n) is written in, when its letters
 * alone tell (a static BCP 47 tag), else NULL: at least 40 letters, three
 * in five of them in one script other than Latin, and that script used by
 * one language (Greek: el, Hebrew: he, Thai: th, Hangul: ko, kana: ja, Han
 * alone: zh, Armenian: hy, Georgian: ka, Tamil: ta, Devanagari: hi), or
 * Cyrillic or Arabic whose letters peculiar to one language say which
 * (ы, э: ru; і, ї, є, ґ: uk; ў: be; ђ, ј, љ, њ, ћ, џ: sr; ѓ, ќ, ѕ: mk; ъ
 * without ы or э: bg; پ, چ, ژ, گ: fa; else Arabic: ar); Latin text by its
 * commonest short words (cs, da, de, en, es, fi, fr, hu, it, nl, pl, pt,
 * ro, sv, tr: at least 12 of them, three for every two of the next
 * language's). */
const char *oct_guess_language(const char *s, size_t n);

/* Whether s has the shape of a BCP 47 tag: subtags of 1-8 letters or
 * digits joined by '-', the first a 2-3 letter language (the registry has
 * no longer ones in use), or x-/i- for private and grandfathered tags.
 * Enough to refuse locale names like "C", "POSIX" or "en_US" without
 * carrying the IANA registry. */
bool oct_language_tag_valid(const char *s);

/* Whether tags a and b name one language: the same primary subtag, case
 * ignored ("fr" and "fr-CA", "pt_BR" and "pt"). */
bool oct_language_same(const char *a, const char *b);

#endif
