/* Mojibake repair: finds runs of text that are UTF-8 bytes once decoded as
 * MacRoman, Windows-1252 or Latin-1 (and saved again as UTF-8), and undoes
 * that, the way ftfy does: only where the re-encoded bytes form valid UTF-8
 * and the result is more plausible. Text that was right is never touched. */
#ifndef OCT_REPAIR_H
#define OCT_REPAIR_H
#include <stddef.h>

#include "diag.h"

/* text: valid UTF-8 (NUL-terminated, len bytes). Returns a malloc'd repaired
 * copy (caller frees) with its length in *out_len; line structure is kept
 * (a repair never adds or removes a newline). *repairs receives the number
 * of runs repaired. Reports one warning per file when repairs > 0. */
char *oct_repair_mojibake(const char *path, const char *text, size_t len, size_t *out_len,
                          size_t *repairs, oct_diag *diag);

#endif
