/* Minimal UTF-8 primitives used on text that is already valid UTF-8
 * (ingest guarantees that). Validation of untrusted bytes lives in
 * ingest/decode/decode.c. */
#ifndef OCT_UTF8_H
#define OCT_UTF8_H
#include <stdbool.h>
#include <stddef.h>

#define OCT_REPLACEMENT_CHAR 0xFFFDu

/* Decodes one code point from s[0..n). Stores its byte length in *len
 * (at least 1). Invalid or truncated sequences yield OCT_REPLACEMENT_CHAR
 * with *len = 1. */
unsigned oct_utf8_decode(const char *s, size_t n, size_t *len);
/* Encodes cp into out (4 bytes room); returns the byte count. Code points
 * that cannot be encoded become U+FFFD. */
size_t oct_utf8_encode(unsigned cp, char out[4]);
/* Number of code points in s[0..n). */
size_t oct_utf8_count(const char *s, size_t n);
/* Where the last code point of s[0..n) starts: n - 1 less the continuation
 * bytes before it (0 when n is 0), for reading text backwards. */
size_t oct_utf8_last_start(const char *s, size_t n);
/* Whether code point cp is a letter (Unicode general category L*). */
bool oct_utf8_is_letter(unsigned cp);
/* A letter, a mark or a number (general categories Lu to No): what makes
 * up a word when text is compared word by word. */
bool oct_utf8_is_word_char(unsigned cp);

#endif
