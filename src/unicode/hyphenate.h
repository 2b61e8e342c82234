/* Hyphenation points and separator breaks of words (libhyphen patterns).
 *
 * A token is a run of characters between spaces. An ordinary word of at
 * least OCT_HY_MIN_WORD letters of the dictionary's script gets the
 * points the patterns allow, keeping OCT_HY_LEFT letters before the first
 * and OCT_HY_RIGHT after the last. A technical token (a URL, a path, an
 * identifier with `_`, `.`, `::` or digits, camelCase) gets no hyphen,
 * only breaks after its separators; words in capitals get nothing. */
#ifndef OCT_UNICODE_HYPHENATE_H
#define OCT_UNICODE_HYPHENATE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define OCT_HY_MIN_WORD 5
#define OCT_HY_LEFT 2
#define OCT_HY_RIGHT 3

enum {
    OCT_HY_NONE = 0,
    OCT_HY_HYPHEN = 1, /* a line may end after it with a hyphen added */
    OCT_HY_SEP = 2,    /* a line may end after it (a separator), nothing added */
};

typedef struct oct_hyph oct_hyph;

/* The patterns for BCP 47 tag `lang` in `dir` (NULL: /usr/share/hyphen):
 * hyph_<ll>_<CC>.dic, else hyph_<ll>_*.dic (en: en_US first), else
 * hyph_<ll>.dic, read. NULL if there is none or it cannot be read. The
 * patterns are loaded at the first word: a large dictionary's, only those
 * the words shown to oct_hyph_add_text use. */
oct_hyph *oct_hyph_open(const char *lang, const char *dir);
/* Loads a small dictionary's patterns now (milliseconds: a preparing
 * thread calls it; h is then not to be used elsewhere until it returns);
 * a large one waits for the words. */
void oct_hyph_load(oct_hyph *h);
void oct_hyph_free(oct_hyph *h); /* NULL-safe */
/* The dictionary file opened. */
const char *oct_hyph_file(const oct_hyph *h);
/* Whether text in `lang` is hyphenated at all (not Chinese, Japanese,
 * Thai, Arabic...): only then is a missing dictionary worth a warning. */
bool oct_hyph_wanted(const char *lang);

/* Shows h text it will be asked to hyphenate (UTF-8), before the first
 * word: only the patterns those words can use are then loaded, which for
 * a large dictionary (German) is the difference between milliseconds and
 * seconds. A word never shown still gets its points, from all patterns. */
void oct_hyph_add_text(oct_hyph *h, const char *s, size_t n);
/* Whether oct_hyph_add_text would use the text: a small dictionary is
 * loaded whole (faster than collecting the words). */
bool oct_hyph_wants_text(const oct_hyph *h);

/* out[0..n) for the token cps[0..n): what a line may do after each char.
 * `words` false (code): separator breaks only. h NULL: no hyphens. */
void oct_hyph_token(oct_hyph *h, const uint32_t *cps, size_t n, bool words, uint8_t *out);

#endif
