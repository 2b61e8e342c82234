/* Plausibility of short stretches of text, for mojibake repair: counts the
 * character combinations that ordinary text almost never contains but
 * UTF-8 read as Windows-1252, Latin-1 or MacRoman produces all the time
 * ("Ã©", "â€™", "‚Äô", "√©", a C1 control, the Apple logo next to an
 * accented letter), and the combinations a wrong repair would produce
 * (a Latin letter glued to an Armenian or NKo letter, a combining mark
 * after a space). The categories follow ftfy's badness heuristic; the
 * rules are our own. Internal to ingest/decode/repair.c. */
#ifndef OCT_REPAIR_BADNESS_H
#define OCT_REPAIR_BADNESS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Badness of the code points cp[0..n), counting only the patterns that
 * involve at least one position in [lo, hi): the positions outside are
 * context, so that a stretch and its replacement can be compared with the
 * same neighbours. 0 means nothing looks wrong; higher is worse. */
int oct_repair_badness(const uint32_t *cp, size_t n, size_t lo, size_t hi);

/* False for code points a finished repair must never produce: C1 controls,
 * unassigned and private-use code points (except the Apple logo U+F8FF),
 * surrogates, stray format characters, line and paragraph separators. */
bool oct_repair_printable(uint32_t c);

#endif
