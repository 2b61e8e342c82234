/* The readers of markups other than Markdown that write Markdown with a
 * line map (org.h, rst.h), chosen by the source's extension: ingest and
 * `octavo normalize` call them in the normalizer's place. */
#ifndef OCT_FORMATS_MARKUP_H
#define OCT_FORMATS_MARKUP_H
#include "diag.h"
#include "ingest/normalize/normalize.h"

#include <stdbool.h>
#include <stddef.h>

/* Whether path names a source one of the readers reads (.org, .rst, .rest). */
bool oct_markup_path(const char *path);
/* Reads text[0..len) (decoded UTF-8) with the reader for path: out as
 * oct_normalize fills it (its title the source's own), *lang the
 * language the source names (malloc'd) or NULL. False when no reader
 * takes path (out untouched). */
bool oct_markup_read(const char *path, const char *text, size_t len, oct_normalized *out,
                     char **lang, oct_diag *diag);
/* As oct_markup_read, the reader chosen by the name `as` (".org", a
 * file name), messages naming path (standard input's "<stdin>"). */
bool oct_markup_read_as(const char *as, const char *path, const char *text, size_t len,
                        oct_normalized *out, char **lang, oct_diag *diag);

#endif
