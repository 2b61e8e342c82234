/* Unicode's small raised and lowered characters (x², a₁, H₃O⁺): the one
 * table texmath (flat math) and the tree's plain text (outline entries,
 * titles, ids) share, so a superscript reads the same in both. */
#ifndef OCT_UTIL_SCRIPTS_H
#define OCT_UTIL_SCRIPTS_H
#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"

/* s[0..n) (UTF-8) as superscript (sup) or subscript characters appended
 * to out, blanks left out; false, and out untouched, when s is empty or
 * one of its characters has no such form (most capitals, Greek). Both '-'
 * and U+2212 MINUS SIGN become the small minus. */
bool oct_script_form(const char *s, size_t n, bool sup, oct_buf *out);

#endif
