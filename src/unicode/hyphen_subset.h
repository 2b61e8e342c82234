/* Loading only the hyphenation patterns a booklet can use. libhyphen's
 * loader takes 1.7 s over Debian's German patterns (78,000 of them) on
 * this machine, whatever the booklet; the patterns that can touch the
 * booklet's words are a small part. Internal to src/unicode. */
#ifndef OCT_UNICODE_HYPHEN_SUBSET_H
#define OCT_UNICODE_HYPHEN_SUBSET_H
#include "util/buf.h"
#include "util/strmap.h"

#include <stdbool.h>
#include <stddef.h>

/* Adds the words of UTF-8 text s[0..n) (runs of letters and marks,
 * lower-cased) to the set `words`. */
void oct_hyph_words_add(oct_strmap *words, const char *s, size_t n);

/* Appends to out the dictionary dic[0..len) (a libhyphen .dic file) with
 * only the patterns whose letters are a substring of one of `words`;
 * `seen` receives every such substring (up to *maxlen bytes, the longest
 * pattern's letters). Returns the number of patterns kept. */
size_t oct_hyph_subset(const char *dic, size_t len, const oct_strmap *words, oct_buf *out,
                       oct_strmap *seen, size_t *maxlen);

/* Whether the subset serves word w[0..n) (lower-case UTF-8): every
 * substring of it a pattern could match is in `seen`. */
bool oct_hyph_covered(const oct_strmap *seen, size_t maxlen, const char *w, size_t n);

#endif
