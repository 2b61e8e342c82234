/* Finding mojibake candidates: runs of characters that a code page turns
 * back into complete UTF-8 multi-byte sequences. Internal to
 * ingest/decode/repair.c. */
#ifndef OCT_REPAIR_SEGMENT_H
#define OCT_REPAIR_SEGMENT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ingest/decode/codepages.h"

/* Longer runs are taken in pieces of this many sequences, which keeps
 * memory bounded; mojibake runs are words, far shorter than this. */
#define OCT_REPAIR_MAX_SEQS 256

/* One UTF-8 sequence recovered from 2-4 characters. */
typedef struct {
    size_t start, end;   /* its characters: bytes [start, end) of the text */
    size_t first, count; /* the same characters in the segment's orig[] */
    uint32_t value;      /* the code point the recovered bytes encode */
    bool latin1;         /* a byte came from a C1 control: read as Latin-1 */
} oct_repair_seq;

typedef struct {
    oct_repair_seq *seq;
    size_t nseq, seq_cap;
    uint32_t *orig; /* the original code points of all sequences, in order */
    size_t norig, orig_cap;
} oct_repair_segment;

/* Scans text[pos..len) (valid UTF-8) for the longest run (at most
 * OCT_REPAIR_MAX_SEQS) of consecutive complete sequences that cp
 * re-encodes to, replacing seg's contents.
 * Overlong forms and surrogates do not count. With Windows-1252, U+FFFD
 * stands for a byte lost to an earlier decoder: "â€\ufffd" is taken as
 * U+201D (the usual loss of 0x9D), any other lossy sequence as U+FFFD.
 * Returns the number of sequences (0 when none starts at pos). */
size_t oct_repair_segment_scan(oct_repair_segment *seg, const char *text, size_t len, size_t pos,
                               oct_codepage cp);

/* Releases seg's arrays (seg itself is the caller's). */
void oct_repair_segment_free(oct_repair_segment *seg);

#endif
