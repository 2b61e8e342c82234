/* Reading members of a zip archive held in memory, with libzip (opened at
 * first use, util/dynlib.h): the packages of Word and OpenDocument notes
 * (ingest/formats/). Every read is capped, so a zip bomb costs at most
 * the cap in memory and time. */
#ifndef OCT_UTIL_UNZIP_H
#define OCT_UTIL_UNZIP_H
#include <stddef.h>

typedef struct oct_unzip oct_unzip;

/* Opens the archive in data[0..len), which the handle copies. NULL with
 * why (a sentence, no period) set when it is not a zip, is damaged, or
 * libzip cannot be loaded. */
oct_unzip *oct_unzip_open(const void *data, size_t len, char *why, size_t whysz);
void oct_unzip_close(oct_unzip *z); /* NULL-safe */

/* Whether the archive has a member of this exact name. */
int oct_unzip_has(const oct_unzip *z, const char *name);

/* Caps what all reads of this archive may unpack together (0, the
 * default: no cap but each read's own), and refuses a member of more than
 * `grace` bytes that unpacks to more than `ratio` times its packed size
 * (0: any ratio), so that a package of many small bombs, each under its
 * own cap, costs no more than `total`. */
void oct_unzip_set_limits(oct_unzip *z, size_t total, unsigned ratio, size_t grace);

/* Member `name` unpacked into a malloc'd, NUL-terminated *out of *len
 * bytes. Returns 0; 1 when there is no such member; -1 with why set when
 * it is damaged (bad CRC, bad data) or would unpack to more than max bytes
 * (declared or found while reading: only max + 1 bytes are ever read), or
 * past the limits above; a why about a limit says "limit". */
int oct_unzip_read(oct_unzip *z, const char *name, size_t max, char **out, size_t *len, char *why,
                   size_t whysz);

#endif
