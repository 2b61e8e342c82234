/* Internals of the index (index*.c only): which spans read as terms. */
#ifndef OCT_STUDY_INDEX_INT_H
#define OCT_STUDY_INDEX_INT_H
#include "util/buf.h"

#include <stdbool.h>
#include <stddef.h>

/* Inline code s that names something (an identifier, a dotted name,
 * `save()`, `{% url %}`, `--fake`, a short command) rather than a
 * fragment of a program; the term as printed goes to out. */
bool ix_code_term(const char *s, oct_buf *out);
/* Bold text s that is a short term-like phrase, not a sentence, a
 * question or a label ("Answer:", "Note"); the term goes to out. */
bool ix_strong_term(const char *s, oct_buf *out);
/* Case-folded (NFKC) copy of s[0..n) into out. */
void ix_fold(const char *s, size_t n, oct_buf *out);
/* The initial-letter group of a term: "A".."Z" (accents stripped, as the
 * group heading shows it) or "#" when it starts with no letter; into out
 * (at most 8 bytes with the NUL). */
void ix_group(const char *sortform, char *out, size_t outsz);
/* Where sorting starts: leading punctuation ("{% ", "@", "--", "__") skipped. */
const char *ix_sort_form(const char *text);

#endif
