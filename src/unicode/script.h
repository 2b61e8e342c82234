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

#endif
