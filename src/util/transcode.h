/* Text in a legacy encoding to UTF-8, through iconv (one converter for the
 * notes' legacy charsets and the hyphenation dictionaries' 8-bit ones). */
#ifndef OCT_TRANSCODE_H
#define OCT_TRANSCODE_H
#include "util/buf.h"

#include <stdbool.h>
#include <stddef.h>

/* Appends in[0..len), text in encoding `from` (an iconv name), to b as
 * UTF-8; a byte (or UTF-16/32 unit) the encoding does not define becomes
 * U+FFFD. False, with b unchanged, when iconv does not know `from`. */
bool oct_transcode_append(oct_buf *b, const char *from, const char *in, size_t len);

#endif
